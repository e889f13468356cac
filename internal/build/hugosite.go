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
// page templates, which showcase does not run: they are left out, with one
// warning, and the embedded theme shows its content; its shortcodes
// (layouts/_shortcodes/, layouts/shortcodes/) run. Its Hugo theme
// (themes/NAME/, the configuration's theme) gives its shortcodes, over the
// built-in ones, and its static files, under the embedded theme's. A site
// with site.toml overrides the theme's layouts file by file.
func themeOf(site, theme fs.FS, cfg *config.Config, errs *diag.List) fs.FS {
	if !cfg.Hugo() {
		return overlay.New(site, theme)
	}
	above := []fs.FS{withoutLayouts{site}}
	var below []fs.FS
	for _, name := range cfg.Themes {
		dir := "themes/" + name
		if info, err := fs.Stat(site, dir); err != nil || !info.IsDir() {
			errs.Warnf(cfg.File, 0, "%s", lang.Sprintf("主题文件夹 %[1]s 不存在（Hugo 主题常是 git 子模块，没有一同取下来）：它的短代码和静态文件无法使用",
				"theme folder %[1]s is missing (a git submodule not checked out?): its shortcodes and static files are not used", dir))
			continue
		}
		sub, _ := fs.Sub(site, dir)
		above = append(above, subtree{sub, []string{"layouts/_shortcodes", "layouts/shortcodes"}})
		below = append(below, subtree{sub, []string{"static"}})
	}
	entries, _ := fs.ReadDir(site, "layouts")
	for _, e := range entries {
		if !shortcodeFolder("layouts/" + e.Name()) {
			errs.Warnf("layouts", 0, "%s", lang.Sprintf("layouts/ 中是 Hugo 主题的模板，本程序不使用，网站以内置主题显示（短代码照常使用）",
				"the Hugo templates of layouts/ are not used, but for its shortcodes; the built-in theme shows the site"))
			break
		}
	}
	return overlay.New(append(append(above, theme), below...)...)
}

// layoutsOf is the site's folder as far as its layouts go: a Hugo site's
// without its page templates and partials, which are not run (themeOf).
// The render looks there for the site's own layouts: for a Hugo site's
// partials it would take the theme's partialCached "header.html" for a
// site's own and run it for every page.
func layoutsOf(site fs.FS, cfg *config.Config) fs.FS {
	if cfg.Hugo() {
		return withoutLayouts{site}
	}
	return site
}

// subtree is a file system with only some of its folders (and the folders
// above them).
type subtree struct {
	fs.FS
	roots []string
}

func (t subtree) has(name string) bool {
	for _, r := range t.roots {
		if name == "." || name == r || strings.HasPrefix(name, r+"/") || strings.HasPrefix(r, name+"/") {
			return true
		}
	}
	return false
}

func (t subtree) Open(name string) (fs.File, error) {
	if !t.has(name) {
		return nil, &fs.PathError{Op: "open", Path: name, Err: fs.ErrNotExist}
	}
	return t.FS.Open(name)
}

// ReadDir lists a folder's entries that are in the subtree.
func (t subtree) ReadDir(name string) ([]fs.DirEntry, error) {
	if !t.has(name) {
		return nil, &fs.PathError{Op: "readdir", Path: name, Err: fs.ErrNotExist}
	}
	entries, err := fs.ReadDir(t.FS, name)
	var kept []fs.DirEntry
	for _, e := range entries {
		if t.has(path.Join(name, e.Name())) {
			kept = append(kept, e)
		}
	}
	return kept, err
}

// withoutLayouts is a site's folder without its layouts/ but for the
// shortcodes.
type withoutLayouts struct{ fs.FS }

func (w withoutLayouts) Open(name string) (fs.File, error) {
	if strings.HasPrefix(name, "layouts/") && !shortcodeFolder(name) {
		return nil, &fs.PathError{Op: "open", Path: name, Err: fs.ErrNotExist}
	}
	return w.FS.Open(name)
}

// ReadDir lists a folder; layouts/ shows its folders of shortcodes only.
func (w withoutLayouts) ReadDir(name string) ([]fs.DirEntry, error) {
	if strings.HasPrefix(name, "layouts/") && !shortcodeFolder(name) {
		return nil, &fs.PathError{Op: "readdir", Path: name, Err: fs.ErrNotExist}
	}
	entries, err := fs.ReadDir(w.FS, name)
	if err != nil || name != "layouts" {
		return entries, err
	}
	var kept []fs.DirEntry
	for _, e := range entries {
		if shortcodeFolder("layouts/" + e.Name()) {
			kept = append(kept, e)
		}
	}
	return kept, nil
}

// shortcodeFolder reports a path in (or of) the folders of shortcodes.
func shortcodeFolder(name string) bool {
	for _, dir := range []string{"layouts/_shortcodes", "layouts/shortcodes"} {
		if name == dir || strings.HasPrefix(name, dir+"/") {
			return true
		}
	}
	return false
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

// checkMenu warns, for a Hugo site brought along, of the entries of its main
// menu whose site URL ("/docs/") leads to no page the build writes (a page
// that moved, a part of the old site built elsewhere). Other sites'
// addresses are not checked, and neither is site.toml's menu, whose
// columns may wait for their first pages.
func checkMenu(s *content.Site, errs *diag.List) {
	if !s.Config.Hugo() {
		return
	}
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
		if s.Config.LanguagePath(p) {
			continue // a page of a language, with its prefix: the language's own build checks its pages
		}
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
