package content

import (
	"strings"

	"showcase/internal/config"
	"showcase/internal/diag"
	"showcase/internal/lang"
)

// ResolveMenu gives each entry of the main menu with a pageRef ("/news",
// "news/a.md", "/about") the URL of that page, as Hugo does: a page, a
// section's _index.md, a bundle's index.md, or a section folder. An entry
// whose page is not published is left out, with a warning naming it.
func ResolveMenu(cfg *config.Config, pages []*Page, errs *diag.List) {
	byFile := map[string]*Page{}
	sections := map[string]bool{}
	for _, p := range pages {
		byFile[p.File] = p
		if p.Section != "" {
			sections[p.Section] = true
		}
	}
	var kept []config.MenuEntry
	for _, m := range cfg.Menu {
		if m.PageRef == "" {
			kept = append(kept, m)
			continue
		}
		if u, ok := pageRef(m.PageRef, byFile, sections); ok {
			m.URL = u
			kept = append(kept, m)
			continue
		}
		errs.Warnf(cfg.File, 0, "%s", lang.Sprintf("菜单项“%[1]s”的 pageRef %[2]q 找不到已发布的页面，未显示",
			"menu entry %[1]q: pageRef %[2]q names no published page; the entry is left out", m.Name, m.PageRef))
	}
	cfg.Menu = kept
}

// pageRef finds the URL of a page named as Hugo's GetPage names it.
func pageRef(ref string, byFile map[string]*Page, sections map[string]bool) (string, bool) {
	ref = strings.Trim(ref, "/")
	if ref == "" {
		return "/", true
	}
	name := "content/" + ref
	candidates := []string{name + "/_index.md", name + "/index.md", name + ".md"}
	if strings.HasSuffix(strings.ToLower(ref), ".md") {
		candidates = []string{name}
	}
	for _, f := range candidates {
		if p, ok := byFile[f]; ok {
			return "/" + p.Path, true
		}
	}
	if sections[ref] {
		return "/" + asciiDir(ref) + "/", true
	}
	return "", false
}
