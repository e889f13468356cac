package build

import (
	"bytes"
	"encoding/xml"
	"html"
	"io/fs"
	"path/filepath"
	"regexp"
	"time"

	"showcase/internal/config"
	"showcase/internal/content"
	"showcase/internal/diag"
	"showcase/internal/lang"
	"showcase/internal/markdown/outline"
	"showcase/internal/render"
	"showcase/internal/sitefs"
)

// A multilingual site (Hugo's [languages], see config) is built one
// language after the other, each as a site of its own: its pages (langFS
// shows it its content folder as content/), its configuration
// (config.ForLanguage: title, params, menu, the base path with its
// prefix), its sections, taxonomies, feeds, sitemap and search index,
// written under its prefix ("en/"; the default language at the root). The
// static files, robots.txt and a sitemap index listing each language's
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
		if _, _, _, err := writeSite(lg.site, theme, lg.view, out, lg.ph, lo, &lg.errs); err != nil {
			out.Discard()
			addAll(&lg.errs, err)
			return fail()
		}
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
	// the image cache is not pruned: each language's pipeline knows only its own pictures
	res.Written, res.Linked = int(out.written.Load()), int(out.linked.Load())
	res.Changed = out.Changed()
	res.Files = res.Written + res.Linked
	res.Warnings = errs.Warnings()
	res.Took = time.Since(start)
	return res, nil, nil
}

// writeRoot writes what a multilingual site has once: static files,
// robots.txt and the sitemap index.
func writeRoot(cfg *config.Config, langs []*language, site *sitefs.FS, opts Options, out *output, errs *diag.List) {
	fail := func(file string, err error) { errs.Add(file, err) }
	copyStatic(themeOf(langs[0].view, opts.Theme, langs[0].cfg, &diag.List{}), out, fail)
	fail(markerName, out.Write(markerName, "the build", marker))
	if def := langs[0]; def.lang.Prefix != "" { // every language in its folder: the root leads to the default one's
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
	type sitemap struct {
		Loc string `xml:"loc"`
	}
	index := struct {
		XMLName  xml.Name  `xml:"sitemapindex"`
		NS       string    `xml:"xmlns,attr"`
		Sitemaps []sitemap `xml:"sitemap"`
	}{NS: "http://www.sitemaps.org/schemas/sitemap/0.9"}
	for _, lg := range langs {
		index.Sitemaps = append(index.Sitemaps, sitemap{Loc: cfg.BaseURL + sitemapFile(lg.cfg)})
	}
	var buf bytes.Buffer
	buf.WriteString(xml.Header)
	enc := xml.NewEncoder(&buf)
	enc.Indent("", "  ")
	if err := enc.Encode(index); err != nil {
		fail("sitemap.xml", err)
		return
	}
	buf.WriteByte('\n')
	fail("sitemap.xml", out.Write("sitemap.xml", "the sitemap index", buf.Bytes()))
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

// jobKey is what an output has in common with its translations.
func jobKey(j job) string {
	switch {
	case j.kind == "alias" || j.data.Page == nil:
		return ""
	case j.kind == "404":
		return "404"
	case j.kind == "taxonomy" && j.data.Taxonomy != nil:
		return "taxonomy:" + j.data.Taxonomy.Plural
	case j.kind == "term" && j.data.Term != nil:
		return "term:" + j.data.Term.Path
	case j.kind == "showcase" || j.kind == "matrix":
		return j.kind + ":" + j.path
	}
	return j.data.Page.TranslationKey()
}

// linksFrom makes the language switcher of lg's outputs.
func linksFrom(lg *language, langs []*language) func(key string) []render.LangLink {
	return func(key string) []render.LangLink {
		links := make([]render.LangLink, 0, len(langs))
		for _, o := range langs {
			p, ok := o.paths[key]
			if !ok {
				p = ""
			}
			links = append(links, render.LangLink{Code: o.lang.Code, Name: o.lang.Name, HrefLang: o.lang.LanguageCode,
				URL: o.cfg.BasePath + p, Abs: o.cfg.BaseURL + p, Current: o == lg, Translated: ok})
		}
		return links
	}
}

// translate gives a language's outputs their language links, and the
// breadcrumbs' fixed words the language's.
func (lb *langBuild) translate(jobs []job) {
	if lb == nil {
		return
	}
	for i := range jobs {
		j := &jobs[i]
		if j.kind == "alias" {
			continue
		}
		j.data.Languages = lb.links(jobKey(*j))
		if render.English(lb.code) {
			if j.kind == "404" {
				j.data.Title = render.T(lb.code, "notFound")
				j.data.Page.Title = j.data.Title
			}
			j.data.Crumbs = translateCrumbs(lb.code, j.data.Crumbs)
		}
	}
}

// translateCrumbs words the breadcrumb's fixed steps (首页, 正文, 页面未找到).
func translateCrumbs(code string, cs []render.Crumb) []render.Crumb {
	out := append([]render.Crumb(nil), cs...)
	for i := range out {
		switch out[i].Title {
		case "首页":
			out[i].Title = render.T(code, "home")
		case "正文":
			out[i].Title = render.T(code, "content")
		case "页面未找到":
			out[i].Title = render.T(code, "notFound")
		case "站内搜索":
			out[i].Title = render.T(code, "siteSearch")
		}
	}
	return out
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

// checkLanguages is Check for a multilingual site: each language's dry
// run, problems under the site's file names. Checked.Site is the default
// language's, its pages named by the site's files (the rules of check
// speak of them); Docs holds every language's pages under their files.
func checkLanguages(site *sitefs.FS, opts Options) (*Checked, error) {
	var errs diag.List
	cfg, err := LoadConfig(site, &errs)
	if err == nil && opts.BaseURL != "" {
		cfg, err = cfg.WithBaseURL(opts.BaseURL)
	}
	if err != nil {
		return nil, err
	}
	cfg = withPages(site, cfg, &errs)
	checked := &Checked{Docs: map[string]outline.Doc{}}
	out := newDryOutput()
	for _, l := range cfg.Languages {
		lg := &language{lang: l, cfg: cfg.ForLanguage(l), view: newLangFS(site, cfg, l)}
		d := &dryRun{docs: map[string]outline.Doc{}}
		lo := opts
		lo.dry = d
		s, _, ph := loadSite(lg.view, lg.cfg, lo, &lg.errs)
		if s != nil {
			out.prefix = l.Prefix
			if _, _, _, err := writeSite(s, themeOf(lg.view, opts.Theme, lg.cfg, &lg.errs), lg.view, out, ph, lo, &lg.errs); err != nil {
				addAll(&lg.errs, err)
			}
		}
		lg.report(&errs)
		for f, doc := range d.docs {
			checked.Docs[lg.view.RealName(f)] = doc
		}
		if l.Code == cfg.DefaultContentLanguage && d.site != nil {
			checked.Site = d.site // check's rules read it: its pages under the site's file names
			renamed := map[*content.Page]bool{}
			rename := func(p *content.Page) {
				if p != nil && !renamed[p] {
					renamed[p] = true
					p.File = lg.view.RealName(p.File)
				}
			}
			for _, p := range d.all {
				rename(p)
			}
			rename(d.site.Home)
			for _, sec := range d.site.Sections {
				rename(sec.Page)
			}
		}
	}
	checked.Errors, checked.Warnings = errs.Errors(), errs.Warnings()
	return checked, nil
}

// withPages leaves out, with a warning, the languages that have no page
// yet (a translation not begun): Hugo builds them empty, the switcher
// would lead to nothing. The default language is always built.
func withPages(site *sitefs.FS, cfg *config.Config, errs *diag.List) *config.Config {
	var kept []config.Language
	for _, l := range cfg.Languages {
		if l.Code == cfg.DefaultContentLanguage || hasPages(newLangFS(site, cfg, l)) {
			kept = append(kept, l)
			continue
		}
		dir := l.ContentDir
		if dir == "" {
			dir = "content"
		}
		errs.Warnf(cfg.File, 0, "%s", lang.Sprintf("语言 %[1]s 在 %[2]s 中还没有页面，暂不生成，语言切换中也不列出",
			"language %[1]s has no pages in %[2]s yet: it is not built, nor listed by the language switcher", l.Code, dir))
	}
	if len(kept) == len(cfg.Languages) {
		return cfg
	}
	out := *cfg
	out.Languages = kept
	return &out
}

// hasPages reports a language's view with a Markdown file in content/.
func hasPages(view *langFS) bool {
	found := false
	fs.WalkDir(view, "content", func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() && isMarkdown(d.Name()) && !content.Ignored(d.Name()) {
			found = true
			return fs.SkipAll
		}
		return nil
	})
	return found
}
