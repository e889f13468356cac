package content

import (
	"fmt"
	"sort"
	"strings"

	"showcase/internal/config"
	"showcase/internal/diag"
	"showcase/internal/lang"
)

// ResolveMenu gives each entry of the main menu with a pageRef ("/news",
// "news/a.md", "/about") the URL of that page, as Hugo does: a page, a
// section's _index.md, a bundle's index.md, or a section folder. An entry
// whose page is not published is left out, with a warning naming it.
// Pages that put themselves in the main menu (front matter "menu: main",
// "menu: [main]", "menu: {main: {weight: 2, name: 关于}}") join it, by
// weight.
func ResolveMenu(cfg *config.Config, pages []*Page, errs *diag.List) {
	defer addPageMenus(cfg, pages)
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
		if u, ok := pageRef(m.PageRef, byFile, sections, cfg); ok {
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
func pageRef(ref string, byFile map[string]*Page, sections map[string]bool, cfg *config.Config) (string, bool) {
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
		return "/" + sectionPath(&Page{File: "content/" + ref + "/_index.md", Kind: KindSection, Section: ref}, cfg), true
	}
	return "", false
}

// addPageMenus adds the pages whose front matter puts them in the main
// menu; an entry with a parent is not in the flat navigation.
func addPageMenus(cfg *config.Config, pages []*Page) {
	added := false
	for _, p := range pages {
		entry, ok := pageMenu(p)
		if !ok {
			continue
		}
		cfg.Menu = append(cfg.Menu, entry)
		added = true
	}
	if added {
		sort.SliceStable(cfg.Menu, func(i, j int) bool { return cfg.Menu[i].Weight < cfg.Menu[j].Weight })
	}
}

// pageMenu is a page's entry of the main menu, from its front matter.
func pageMenu(p *Page) (config.MenuEntry, bool) {
	var v any
	for k, val := range p.Params {
		if strings.EqualFold(k, "menu") || strings.EqualFold(k, "menus") {
			v = val
		}
	}
	e := config.MenuEntry{Name: p.Title, URL: "/" + p.Path, Weight: p.Weight}
	if t, ok := p.Params["linkTitle"].(string); ok && t != "" {
		e.Name = t
	}
	switch v := v.(type) {
	case string:
		return e, v == "main"
	case []any:
		for _, m := range v {
			if m == "main" {
				return e, true
			}
		}
	case map[string]any:
		m, ok := v["main"]
		if !ok {
			return e, false
		}
		if opts, ok := m.(map[string]any); ok {
			for k, o := range opts {
				switch strings.ToLower(k) {
				case "name":
					e.Name = fmt.Sprint(o)
				case "weight":
					if n, ok := toInt(o); ok {
						e.Weight = n
					}
				case "parent":
					return e, false // below another entry: not in the flat navigation
				case "identifier":
					e.Identifier = fmt.Sprint(o)
				}
			}
		}
		return e, true
	}
	return e, false
}

func toInt(v any) (int, bool) {
	switch n := v.(type) {
	case int:
		return n, true
	case int64:
		return int(n), true
	case float64:
		return int(n), true
	}
	return 0, false
}
