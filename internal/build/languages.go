package build

import (
	"html"
	"path/filepath"
	"regexp"
	"time"

	"showcase/internal/config"
	"showcase/internal/content"
	"showcase/internal/diag"
	"showcase/internal/images"
	"showcase/internal/lang"
	"showcase/internal/render"
	"showcase/internal/sitefs"
)

// A multilingual site (Hugo's [languages], see config) is built one
// language after the other, each as a site of its own: its pages (langFS
// shows it its content folder as content/), its configuration
// (config.ForLanguage: title, params, menu, the base path with its
// prefix), its sections, taxonomies, feeds, sitemap and search index,
// written under its prefix ("en/"; the default language at the root). The
// static files (and the variants of the static pictures pages show, see
// rootVariants), robots.txt and a sitemap index listing each language's
// sitemap (<code>/sitemap.xml, as Hugo writes them) are written once, at
// the root. Every output links to its translations (a page of another
// language with the same TranslationKey), or else to the other
// languages' home pages: the language switcher and hreflang.
//
// Problems are reported under the site's own file names
// ("content/en/news/a.md"), not the language's view of them.

// language is one language of a multilingual site while it builds.
type language struct {
	lang  config.Language
	cfg   *config.Config
	view  *langFS
	errs  diag.List // its problems, under the view's file names
	site  *content.Site
	ix    *content.Index
	ph    *photos
	paths map[string]string // translation key → its output's URL path
	jobs  []job             // the pages its writeSite rendered (for the root's sitemap index)
}

// langBuild is what a language's writeSite needs of the others.
type langBuild struct {
	code  string
	links func(key string) []render.LangLink
}

// multilingual peeks at the site's configuration: a multilingual site is
// built by buildLanguages. Problems are left for the build proper.
func multilingual(site *sitefs.FS) bool {
	var quiet diag.List
	cfg, err := LoadConfig(site, &quiet)
	return err == nil && cfg.Multilingual()
}

func buildLanguages(site *sitefs.FS, opts Options, start time.Time) (*Result, *built, error) {
	var errs diag.List
	for _, link := range site.Outside(siteFolders...) {
		errs.Add(link.Name, link)
	}
	cfg, err := LoadConfig(site, &errs)
	if err == nil && opts.BaseURL != "" {
		cfg, err = cfg.WithBaseURL(opts.BaseURL)
	}
	if err != nil {
		return &Result{Warnings: errs.Warnings()}, nil, err
	}
	cfg = withPages(site, cfg, &errs)
	langs := make([]*language, len(cfg.Languages))
	opts.roots = newRootVariants()
	for i, l := range cfg.Languages {
		lg := &language{lang: l, cfg: cfg.ForLanguage(l), view: newLangFS(site, cfg, l)}
		lg.site, lg.ix, lg.ph = loadSite(lg.view, lg.cfg, opts, &lg.errs)
		langs[i] = lg
	}
	fail := func() (*Result, *built, error) {
		for _, lg := range langs {
			lg.report(&errs)
		}
		return &Result{Warnings: errs.Warnings()}, nil, errs.Err()
	}
	for _, lg := range langs {
		if lg.site == nil || lg.errs.Len() > 0 {
			return fail()
		}
		lg.paths = map[string]string{}
		for _, j := range plan(lg.site, opts) {
			if key := jobKey(j); key != "" && (j.data.Pager == nil || j.data.Pager.Number == 1) {
				lg.paths[key] = j.path
			}
		}
		lg.paths["search"] = searchFolder
	}
	out, err := newOutput(opts.Destination)
	if err != nil {
		return nil, nil, err
	}
	res := &Result{}
	for _, lg := range langs {
		res.Pages += len(lg.site.Pages) + len(lg.site.Profiles)
		lo := opts
		lo.Destination = filepath.Join(opts.Destination, filepath.FromSlash(lg.lang.Prefix))
		lo.lang = &langBuild{code: lg.lang.Code, links: linksFrom(lg, langs)}
		out.prefix = lg.lang.Prefix
		theme := themeOf(lg.view, opts.Theme, lg.cfg, &lg.errs)
		_, jobs, _, err := writeSite(lg.site, theme, lg.view, out, lg.ph, lo, &lg.errs)
		if err != nil {
			out.Discard()
			addAll(&lg.errs, err)
			return fail()
		}
		lg.jobs = jobs
	}
	out.prefix = ""
	writeRoot(cfg, langs, site, opts, out, &errs)
	for _, lg := range langs {
		lg.report(&errs)
	}
	if err := errs.Err(); err != nil {
		out.Discard()
		return &Result{Warnings: errs.Warnings()}, nil, err
	}
	if err := out.Swap(); err != nil {
		return nil, nil, err
	}
	pruneLanguages(langs, &errs)
	res.Written, res.Linked = int(out.written.Load()), int(out.linked.Load())
	res.Changed = out.Changed()
	res.Files = res.Written + res.Linked
	res.Warnings = errs.Warnings()
	res.Took = time.Since(start)
	return res, nil, nil
}

// pruneLanguages removes from the image cache the variants no language
// planned: each language's pipeline knows only its own pictures, the cache
// keeps the union.
func pruneLanguages(langs []*language, errs *diag.List) {
	pipes := make([]*images.Pipeline, len(langs))
	for i, lg := range langs {
		pipes[i] = lg.ph.pipe
	}
	if err := pipes[0].Prune(pipes[1:]...); err != nil {
		errs.Warnf(langs[0].cfg.Images.CacheDir, 0, "%s", lang.Sprintf("无法清理图片缓存中用不到的旧文件，不影响生成的网站", "cannot prune the image cache: %v", err))
	}
}

// writeRoot writes what a multilingual site has once: static files,
// robots.txt and the sitemap index.
func writeRoot(cfg *config.Config, langs []*language, site *sitefs.FS, opts Options, out *output, errs *diag.List) {
	fail := func(file string, err error) { errs.Add(file, err) }
	copyStatic(themeOf(langs[0].view, opts.Theme, langs[0].cfg, &diag.List{}), out, fail)
	fail(markerName, out.Write(markerName, "the build", marker))
	atRoot := false // a language at the root, not necessarily the first by weight
	for _, lg := range langs {
		atRoot = atRoot || lg.lang.Prefix == ""
	}
	if def := langs[0]; !atRoot { // every language in its folder: the root leads to the default one's
		for _, lg := range langs {
			if lg.lang.Code == cfg.DefaultContentLanguage {
				def = lg
			}
		}
		page := "<!DOCTYPE html>\n<html lang=\"" + html.EscapeString(def.lang.LanguageCode) + "\">\n<head>\n<title>" + html.EscapeString(def.cfg.Title) +
			"</title>\n<link rel=\"canonical\" href=\"" + html.EscapeString(def.cfg.BaseURL) + "\">\n<meta charset=\"utf-8\">\n<meta http-equiv=\"refresh\" content=\"0; url=" +
			html.EscapeString(def.cfg.BasePath) + "\">\n</head>\n</html>\n"
		fail("index.html", out.Write("index.html", "the redirect to "+def.cfg.BasePath, []byte(page)))
	}
	if cfg.Disabled("sitemap") {
		return
	}
	index := sitemapIndex{NS: sitemapNS}
	for _, lg := range langs { // each language's files, as an index lists no other index
		if lg.site != nil {
			index.Sitemaps = append(index.Sitemaps, indexEntries(lg.site, sitemapParts(lg.site, lg.jobs))...)
		}
	}
	fail("sitemap.xml", writeXML(out, "sitemap.xml", index))
	if _, err := site.Open("static/robots.txt"); err != nil && !cfg.Disabled("robotstxt") {
		robots := "User-agent: *\nAllow: /\n\nSitemap: " + cfg.BaseURL + "sitemap.xml\n"
		for _, lg := range langs {
			robots += "Sitemap: " + cfg.BaseURL + sitemapFile(lg.cfg) + "\n"
		}
		fail("robots.txt", out.Write("robots.txt", "robots.txt", []byte(robots)))
	}
}

// sitemapFile is where a language's sitemap is, below the site's base
// path: "en/sitemap.xml"; the default language's too ("zh/sitemap.xml"),
// the root's sitemap.xml being the index.
func sitemapFile(cfg *config.Config) string {
	if l := cfg.Language(); l != nil {
		return l.Code + "/sitemap.xml"
	}
	return "sitemap.xml"
}

// contentName is a file of content/ named in a message.
var contentName = regexp.MustCompile(`\bcontent/[^\s,;:"'()（），；：“”]+`)

// report adds a language's problems to errs under the site's file names.
func (lg *language) report(errs *diag.List) {
	seen := map[*diag.Problem]bool{}
	name := func(p *diag.Problem) *diag.Problem {
		if seen[p] {
			return p
		}
		seen[p] = true
		p.File = lg.view.RealName(p.File)
		p.Msg = contentName.ReplaceAllStringFunc(p.Msg, lg.view.RealName)
		return p
	}
	for _, p := range lg.errs.Errors() {
		errs.Add(p.File, name(p))
	}
	for _, p := range lg.errs.Warnings() {
		errs.Warn(name(p))
	}
}
