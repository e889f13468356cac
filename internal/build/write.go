package build

import (
	"html/template"
	"io/fs"
	"sort"
	"strings"

	"showcase/internal/content"
	"showcase/internal/diag"
	"showcase/internal/render"
	"showcase/internal/search"
)

// writeSite renders every page and writes every file of the site into out.
func writeSite(s *content.Site, theme fs.FS, site fs.FS, out *output, ph *photos, opts Options, errs *diag.List) (*render.Set, []job, map[string]bool, error) {
	set, err := render.Load(theme, &render.Env{Config: s.Config, Images: ph, Site: layoutsOf(site, s.Config)})
	if err != nil {
		return nil, nil, nil, err
	}
	fail := func(file string, err error) { errs.Add(file, err) }
	tr := newTracer()
	jobs := append(plan(s, opts), planAliases(s)...)
	opts.lang.translate(jobs)
	var index func() *search.Output
	if opts.dry == nil {
		index = startSearch(s, opts)
	}
	renderPages(set, jobs, nil, out, opts.PreviewHead, fail)
	tr.step("pages")
	// what does not need the search index is written while it is made
	writeFeeds(s, out, fail)
	writeSitemap(s, jobs, out, fail)
	if opts.lang == nil { // a multilingual site's are written once (writeRoot)
		if _, err := fs.Stat(site, "static/robots.txt"); err != nil && !s.Config.Disabled("robotstxt") {
			fail("robots.txt", out.Write("robots.txt", "robots.txt", robots(s))) // the site's own static/robots.txt wins
		}
		fail(markerName, out.Write(markerName, "the build", marker))
		copyStatic(theme, out, fail)
	}
	copyResources(s, site, out, fail)
	opts.dry.renderHidden(set, opts, errs)
	ph.finish(out, fail)
	tr.step("files")
	var idx *search.Output
	if index != nil {
		idx = index()
		tr.step("index")
	}
	mark := out.mark()
	if opts.dry == nil {
		writeSearchIndex(s, set, idx, out, opts, fail)
	} else {
		writeSearchIndex(s, set, &search.Output{Manifest: "check.json"}, out, opts, fail) // the page, not the index
	}
	searchFiles := out.claimsSince(mark)
	tr.step("rest")
	return set, jobs, searchFiles, nil
}

// planAliases lists a redirect page at each alias of each page.
func planAliases(s *content.Site) []job {
	return aliasJobs(s, append(append([]*content.Page{}, s.Pages...), s.Profiles...))
}

// aliasJobs lists a redirect page at each alias of the pages.
func aliasJobs(s *content.Site, pages []*content.Page) []job {
	var jobs []job
	for _, p := range pages {
		for _, a := range p.Aliases {
			at := content.AliasPath(a)
			if at == "" {
				continue
			}
			d := &render.Data{Kind: "alias", Site: s, Page: p, Title: p.Title, Target: s.Config.BasePath + p.Path, Canonical: absURL(s, p.Path)}
			jobs = append(jobs, job{path: at, kind: "alias", data: d})
		}
	}
	return jobs
}

// copyStatic copies static/ of the site over the theme's.
func copyStatic(theme fs.FS, out *output, fail func(string, error)) {
	var files []string
	fs.WalkDir(theme, "static", func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			if p != "static" {
				fail(p, err)
			}
			return nil
		}
		if !d.IsDir() && !content.Ignored(d.Name()) { // hidden files, Thumbs.db, desktop.ini, Word's ~$ locks
			files = append(files, p)
		}
		return nil
	})
	sort.Strings(files)
	for _, f := range files {
		if err := out.Copy(strings.TrimPrefix(f, "static/"), f, theme, f); err != nil {
			fail(f, err)
		}
	}
	writeStrippedScripts(theme, files, out, fail)
}

// writeStrippedScripts publishes each search script (search.Scripts) also
// as js/NAME.min.js, the script without comments and indentation, which the
// search page loads; a site's own NAME.min.js is left as it is.
func writeStrippedScripts(theme fs.FS, files []string, out *output, fail func(string, error)) {
	has := func(f string) bool {
		i := sort.SearchStrings(files, f)
		return i < len(files) && files[i] == f
	}
	for _, name := range search.Scripts {
		src, min := "static/js/"+name+".js", "static/js/"+name+".min.js"
		if !has(src) || has(min) {
			continue
		}
		data, err := fs.ReadFile(theme, src)
		if err == nil {
			err = out.Write(strings.TrimPrefix(min, "static/"), src, search.StripScript(data))
		}
		fail(src, err)
	}
}

// copyResources publishes the files of published bundles and other files
// under content/ (attachments) at their URLs.
func copyResources(s *content.Site, site fs.FS, out *output, fail func(string, error)) {
	files := make([]string, 0, len(s.Files))
	for f := range s.Files {
		files = append(files, f)
	}
	sort.Strings(files)
	for _, f := range files {
		if processable(f) && !s.Config.Images.PublishOriginals {
			continue // photos are published as their variants; originals may carry GPS data
		}
		if err := out.Copy(s.Files[f], f, site, f); err != nil {
			fail(f, err)
		}
	}
}

func safeHead(h string) template.HTML { return template.HTML(h) }
