// Package build is the pipeline: site.toml → content → Markdown → layouts →
// a complete static site in the destination folder.
//
// The site folder is read through sitefs: a symbolic link anywhere in it
// (content/, layouts/, static/, archetypes/ …) that leads out of the folder
// is an error naming the link, reported with the others of step 2.
//
// A build, step by step (Build reads like this list):
//  1. load site.toml;
//  2. walk content/ and parse front matter on all cores (every error
//     collected, each as file:line);
//  3. keep the pages this build publishes (drafts, future and expired pages
//     only with the flags) and give each its ASCII URL;
//  4. render Markdown on all cores, resolving links to other pages, after
//     running the Hugo shortcodes it calls (shortcodes.go: package shortcode
//     finds them, layouts/_shortcodes/ has their templates);
//  5. assemble sections, taxonomies, the branch showcase, related pages;
//  6. render every page, list, term, profile and facet page on all cores;
//  7. write feeds, sitemap, robots.txt, 404 and alias redirects, and copy
//     static files and bundle resources;
//  8. everything goes to a staging folder beside the destination that
//     replaces it only when the build succeeded: a failed build leaves the
//     previous output intact, stale files never linger, and files whose
//     bytes did not change are hard-linked from the previous output. The
//     destination is replaced only when it is absent, empty or a build's own
//     output (the .showcase-output marker, or an earlier version's output):
//     never a folder of other files (see destination.go); staging folders
//     of killed builds are removed by the next (see staging.go).
//
// A multilingual site (Hugo's [languages]) runs steps 2-7 once per
// language, each under its prefix, into one staging folder (languages.go).
//
// Check (check.go) runs the same steps as a dry run for "showcase check":
// everything rendered and every photo decoded, nothing written, and the
// pages this build would not publish checked besides.
package build

import (
	"errors"
	"io/fs"
	"path"
	"path/filepath"
	"strings"
	"time"

	"showcase/internal/check"
	"showcase/internal/config"
	"showcase/internal/content"
	"showcase/internal/diag"
	"showcase/internal/lang"
	"showcase/internal/render"
	"showcase/internal/sitefs"
)

// Options say what to build and where.
type Options struct {
	Source      string // the site folder
	Destination string // default Source/public
	BaseURL     string // overrides site.toml's baseURL
	Drafts      bool   // -D
	Future      bool   // -F
	Expired     bool   // -E
	Theme       fs.FS  // the embedded theme (layouts/ and static/); may be nil
	Now         time.Time
	Preview     bool   // for the preview server: drafts are marked
	PreviewHead string // markup added to every page's <head> in preview
	// Strict makes errors of what a Hugo site gets away with and a build
	// publishes with a warning: two pages at one URL, a link or image that
	// leads nowhere, a destination that is not a URL. showcase check and
	// build --strict set it.
	Strict bool

	dry    *dryRun       // set by Check: a dry run, which writes nothing
	broken *brokenPages  // set by a preview build: pages left out for their errors
	lang   *langBuild    // set while one language of a multilingual site is written
	roots  *rootVariants // set for the languages of a multilingual site: static pictures' variants, shared
}

// Result tells what a build did.
type Result struct {
	Pages    int      // content pages published
	Files    int      // files in the output
	Written  int      // files written because new or changed
	Linked   int      // files unchanged since the previous build
	Changed  []string // output paths written because new or changed ("news/a/index.html")
	Warnings []*diag.Problem
	Took     time.Duration
	Fast     bool // a Session re-rendered only the pages an edit touched
	// Broken are the problems of the pages a preview left out (each
	// shown at its address as a page naming them); a build has none.
	Broken []*diag.Problem
}

// Build builds the site. On error the previous output is left as it was;
// the error lists every problem found (a *diag.Failure).
func Build(opts Options) (*Result, error) {
	res, _, err := fullBuild(opts)
	return res, err
}

// built is what a full build knew: a Session keeps it for the next build.
type built struct {
	site *content.Site
	ix   *content.Index
	set  *render.Set
	jobs []job
	// searchFiles are the paths the search index took: a fast rebuild
	// writes the index again and deletes the files it no longer has.
	searchFiles map[string]bool
	photos      *photos
	// broken says the preview left pages out: every edit then takes a
	// full build, which may bring them back (and reports them again)
	broken bool
}

func fullBuild(opts Options) (*Result, *built, error) {
	start := time.Now()
	if opts.Now.IsZero() {
		opts.Now = time.Now()
	}
	if opts.Destination == "" {
		opts.Destination = filepath.Join(opts.Source, "public")
	}
	if err := checkDestination(opts.Source, opts.Destination); err != nil {
		return nil, nil, err
	}
	site := sitefs.New(opts.Source)
	defer site.Remember()() // each folder of the site looked at once this build
	if multilingual(site) {
		return buildLanguages(site, opts, start)
	}
	var errs diag.List
	var s *content.Site
	var ix *content.Index
	var ph *photos
	var err error
	if opts.Preview && opts.dry == nil {
		var cs *contentSite
		if cs, err = loadPreview(site, opts, &errs); err == nil {
			s, ix, ph, opts.broken = cs.site, cs.ix, cs.ph, cs.broken
		}
	} else {
		s, ix, ph, err = load(site, opts, &errs)
	}
	if err != nil {
		return &Result{Warnings: errs.Warnings()}, nil, err
	}
	// 6-7. render and write
	theme := themeOf(site, opts.Theme, s.Config, &errs)
	out, err := newOutput(opts.Destination)
	if err != nil {
		return nil, nil, err
	}
	res := &Result{Pages: len(s.Pages) + len(s.Profiles)}
	set, jobs, searchFiles, err := writeSite(s, theme, site, out, ph, opts, &errs)
	if err != nil {
		out.Discard()
		return &Result{Warnings: errs.Warnings()}, nil, err
	}
	if err := errs.Err(); err != nil {
		out.Discard()
		return &Result{Warnings: errs.Warnings()}, nil, err
	}
	opts.broken.write(out, opts.PreviewHead)
	res.Broken = opts.broken.errs()
	// 8. swap in
	if err := out.Swap(); err != nil {
		return nil, nil, err
	}
	if err := ph.pipe.Prune(); err != nil {
		errs.Warnf(s.Config.Images.CacheDir, 0, "%s", lang.Sprintf("无法清理图片缓存中用不到的旧文件，不影响生成的网站", "cannot prune the image cache: %v", err))
	}
	res.Written, res.Linked = int(out.written.Load()), int(out.linked.Load())
	res.Changed = out.Changed()
	res.Files = res.Written + res.Linked
	res.Warnings = errs.Warnings()
	res.Took = time.Since(start)
	return res, &built{site: s, ix: ix, set: set, jobs: jobs, searchFiles: searchFiles, photos: ph, broken: len(res.Broken) > 0}, nil
}

// Load reads and assembles the site without rendering its layouts, for
// tools that inspect published content (bench/search). The list holds
// warnings, and the errors when err is not nil. "showcase check" uses
// Check, which renders everything.
func Load(opts Options) (*content.Site, *diag.List, error) {
	if opts.Now.IsZero() {
		opts.Now = time.Now()
	}
	var errs diag.List
	s, _, _, err := load(sitefs.New(opts.Source), opts, &errs)
	return s, &errs, err
}

// siteFolders are the folders of a site besides content/ (which
// content.Load walks itself) that a build or a tool reads.
var siteFolders = []string{"layouts", "static", "archetypes", "data", "i18n", "assets"}

// load runs steps 1-5: configuration, content, Markdown, assembly. A
// symbolic link leaving the site, anywhere in it, is an error of step 2.
func load(site *sitefs.FS, opts Options, errs *diag.List) (*content.Site, *content.Index, *photos, error) {
	for _, link := range site.Outside(siteFolders...) {
		errs.Add(link.Name, link)
	}
	cfg, err := LoadConfig(site, errs)
	if err != nil {
		return nil, nil, nil, err
	}
	if opts.BaseURL != "" {
		if cfg, err = cfg.WithBaseURL(opts.BaseURL); err != nil {
			return nil, nil, nil, err
		}
	}
	s, ix, ph := loadSite(site, cfg, opts, errs)
	if err := opts.broken.failure(errs); err != nil && (opts.dry == nil || s == nil) {
		return nil, nil, nil, err // a dry run goes on to find the rest
	}
	return s, ix, ph, nil
}

// LoadConfig reads site.toml, or Hugo's hugo.toml|yaml|json or
// config.toml|yaml|json (config.Files).
func LoadConfig(site fs.FS, errs *diag.List) (*config.Config, error) {
	for _, name := range config.Files {
		data, err := fs.ReadFile(site, name)
		if errors.Is(err, fs.ErrNotExist) {
			continue
		}
		if placed := (*diag.Problem)(nil); errors.As(err, &placed) {
			return nil, placed
		}
		if err != nil {
			return nil, diag.Errorf(name, 0, "%s", lang.Sprintf("无法读取网站配置文件：请检查它是否被其他程序占用或没有读取权限", "cannot read: %v", err))
		}
		cfg, warnings, err := config.Parse(data, name)
		for _, w := range warnings {
			errs.Warnf(w.File, w.Line, "%s", w.Msg)
		}
		return cfg, err
	}
	if files, err := configFolder(site); err != nil || len(files) > 0 {
		if err != nil {
			return nil, err
		}
		cfg, warnings, err := config.ParseFolder(files)
		for _, w := range warnings {
			errs.Warnf(w.File, w.Line, "%s", w.Msg)
		}
		return cfg, err
	}
	return nil, diag.Errorf("site.toml", 0, "%s", lang.Sprintf("找不到网站配置文件 site.toml：请用 -s 指定网站文件夹", "no site.toml in the site folder"))
}

// parseWarnings reports what the parse of page p warned of: front-matter
// keys that look like slips, and the parse's own warnings.
func parseWarnings(p *content.Page, errs *diag.List) {
	for _, u := range p.Unknown {
		errs.Warnf(p.File, u.Line, "%s", u.Message())
	}
	for _, w := range p.Warnings {
		errs.Warnf(w.File, w.Line, "%s", w.Msg)
	}
}

// configFolder reads the files of Hugo's configuration folders
// (config/_default/, config/production/), if the site has them.
func configFolder(site fs.FS) ([]config.FolderFile, error) {
	var files []config.FolderFile
	for _, dir := range config.Folders {
		entries, _ := fs.ReadDir(site, dir)
		for _, e := range entries {
			name := dir + "/" + e.Name()
			switch strings.ToLower(path.Ext(name)) {
			case ".toml", ".yaml", ".yml", ".json":
			default:
				continue
			}
			if e.IsDir() || content.Ignored(e.Name()) {
				continue
			}
			data, err := fs.ReadFile(site, name)
			if placed := (*diag.Problem)(nil); errors.As(err, &placed) {
				return nil, placed
			}
			if err != nil {
				return nil, diag.Errorf(name, 0, "%s", lang.Sprintf("无法读取：%v", "cannot read: %v", err))
			}
			files = append(files, config.FolderFile{Name: name, Data: data})
		}
	}
	return files, nil
}

// loadSite runs steps 2-5 and returns the assembled site.
func loadSite(site fs.FS, cfg *config.Config, opts Options, errs *diag.List) (*content.Site, *content.Index, *photos) {
	tr := newTracer()
	tree := content.Load(site, cfg, errs)
	tr.step("parse")
	for _, p := range tree.Pages {
		parseWarnings(p, errs)
	}
	var published, hidden []*content.Page
	for _, p := range tree.Pages {
		if publishes(p, cfg, opts) {
			published = append(published, p)
		} else {
			hidden = append(hidden, p)
		}
	}
	content.Place(published, errs, opts.Strict)
	content.ResolveMenu(cfg, published, errs)
	ix := content.NewIndex(cfg.BasePath, published, hidden, tree.Files)
	if cfg.RootPath != "" {
		ix.Root = cfg.RootPath // a language's pages: root-relative links from the site's root
	}
	theme := themeOf(site, opts.Theme, cfg, errs) // the site's layouts and static/ over the theme's
	ix.Exists = newStaticFiles(theme).Exists
	if opts.broken != nil { // a preview leaves out pages with errors of their own, linkable still
		kept := published[:0:0]
		for _, p := range published {
			if opts.broken.skips(p.File) {
				opts.broken.place(p)
			} else {
				kept = append(kept, p)
			}
		}
		published = kept
	}
	tr.step("place")
	ph, err := newPhotos(opts.Source, site, cfg, ix, errs)
	if err != nil {
		errs.Add("site.toml", err)
		return nil, nil, nil
	}
	ph.roots = opts.roots
	checkCovers(theme, ix, published, errs, opts.Strict)
	renderMarkdown(cfg, ix, ph, theme, published, errs, opts.dry, opts.Strict)
	opts.dry.loadHidden(site, theme, cfg, tree, published, hidden, ph, errs, opts.Strict)
	tr.step("markdown")
	s := content.Assemble(cfg, published, opts.Now, errs)
	s.Files = ix.Files
	warnTaxonomyClashes(s, errs)
	checkMenu(s, errs)
	tr.step("assemble")
	return s, ix, ph
}

// publishes says whether this build publishes the page: drafts, future and
// expired pages only with the flags, and 先审后发: with [review] required, a
// page not reviewed is held back (without it, showcase check refuses
// review = "draft" before a deploy); the preview shows it, marked. With
// [review] stages, reviewed means every stage signed (check.Unsigned).
func publishes(p *content.Page, cfg *config.Config, opts Options) bool {
	p.Unsigned = check.Unsigned(p, cfg.Review) // [review] stages: every stage signed
	unreviewed := cfg.Review.Required && p.Kind == content.KindPage && p.Profile == nil && !p.Reviewed()
	return p.Published(opts.Drafts, opts.Future, opts.Expired, opts.Now) && (!unreviewed || opts.Preview)
}
