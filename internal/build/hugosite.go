package build

import (
	"io/fs"
	"path"
	"strings"

	"showcase/internal/config"
	"showcase/internal/content"
	"showcase/internal/diag"
	"showcase/internal/lang"
	"showcase/internal/overlay"
)

// themeOf stacks the site's files over the embedded theme. A site set up by
// Hugo's configuration file (hugo.toml, config.yaml, …) brings Hugo's
// templates, which showcase does not run: its layouts/ are left out, with
// one warning, and the embedded theme shows its content. A site with
// site.toml overrides the theme's layouts file by file.
func themeOf(site, theme fs.FS, cfg *config.Config, errs *diag.List) fs.FS {
	if !cfg.Hugo() {
		return overlay.New(site, theme)
	}
	if entries, err := fs.ReadDir(site, "layouts"); err == nil && len(entries) > 0 {
		errs.Warnf("layouts", 0, "%s", lang.Sprintf("layouts/ 中是 Hugo 主题的模板，本程序不使用，网站以内置主题显示",
			"the Hugo templates of layouts/ are not used; the built-in theme shows the site"))
	}
	return overlay.New(withoutLayouts{site}, theme)
}

// withoutLayouts is a site's folder without its layouts/.
type withoutLayouts struct{ fs.FS }

func (w withoutLayouts) Open(name string) (fs.File, error) {
	if name == "layouts" || strings.HasPrefix(name, "layouts/") {
		return nil, &fs.PathError{Op: "open", Path: name, Err: fs.ErrNotExist}
	}
	return w.FS.Open(name)
}

// ownedPaths are the URL paths of the site's pages and section lists, by
// the file that has each: a taxonomy list or term page at one of them is
// not written (a Hugo site may name a taxonomy like a section: "doc").
func ownedPaths(s *content.Site) map[string]string {
	owned := map[string]string{}
	for _, sec := range s.Sections {
		owned[sec.Page.Path] = sec.Page.File
	}
	for _, p := range s.Pages {
		owned[p.Path] = p.File
	}
	for _, p := range s.Profiles {
		owned[p.Path] = p.File
	}
	return owned
}

// warnTaxonomyClashes warns of the taxonomy and term pages that plan leaves
// out because a section or page has their URL.
func warnTaxonomyClashes(s *content.Site, errs *diag.List) {
	owned := ownedPaths(s)
	for _, t := range s.Taxonomies {
		if t.Plural == branchSection {
			continue
		}
		if file, ok := owned[t.Path]; ok {
			errs.Warnf(file, 0, "%s", lang.Sprintf("分类 %[1]s 的总览页网址 /%[2]s 与本页相同，只发布本页",
				"the list of taxonomy %[1]s would be at /%[2]s, this page's URL; it is not written", t.Plural, t.Path))
		}
		for _, term := range t.Terms {
			if file, ok := owned[term.Path]; ok {
				errs.Warnf(file, 0, "%s", lang.Sprintf("分类 %[1]s 中“%[2]s”的列表页网址 /%[3]s 与本页相同，只发布本页",
					"the page of %[1]s term %[2]q would be at /%[3]s, this page's URL; it is not written", t.Plural, term.Name, term.Path))
			}
		}
	}
}

// checkMenu warns of the entries of the main menu whose site URL ("/news/")
// leads to no page the build writes (a section without pages yet, a page
// that moved). Other sites' addresses are not checked.
func checkMenu(s *content.Site, errs *diag.List) {
	known := ownedPaths(s)
	known[""], known[content.SearchPath], known[content.MatrixPath()] = "", "", ""
	known[branchSection+"/"] = ""
	for _, f := range s.Facets {
		for _, v := range f.Values {
			known[v.Path] = ""
		}
	}
	for _, t := range s.Taxonomies {
		known[t.Path] = ""
		for _, term := range t.Terms {
			known[term.Path] = ""
		}
	}
	for _, p := range s.Profiles {
		known[p.Path] = ""
	}
	for _, m := range s.Config.Menu {
		if m.External() {
			continue
		}
		u := m.URL
		if i := strings.IndexAny(u, "?#"); i >= 0 {
			u = u[:i]
		}
		p := strings.TrimPrefix(u, "/")
		if _, ok := known[p]; ok || path.Ext(p) != "" {
			continue // a page, or a file (static/, an attachment)
		}
		if _, ok := known[p+"/"]; ok {
			continue
		}
		errs.Warnf(s.Config.File, 0, "%s", lang.Sprintf("菜单项“%[1]s”的网址 %[2]s 没有对应的页面，读者点开会出错",
			"menu entry %[1]q: %[2]s is no page of the site", m.Name, m.URL))
	}
}
