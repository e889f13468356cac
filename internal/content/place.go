package content

import (
	"path"
	"strconv"
	"strings"

	"showcase/internal/diag"
	"showcase/internal/lang"
	"showcase/internal/slug"
)

// Place gives every page its URL path: the one it asks for (URLPath), or,
// when a page before it (in file order) has that already, the same with a
// suffix ("news/a-2/"), as a warning naming both files; strict (check,
// build --strict) makes it an error. Hugo publishes one of the two and
// drops the other without a word.
//
// An alias that is the URL of a page, or an alias of a page before it, is
// left out (the page wins) with a warning naming both; an alias that is
// the page's own URL is left out silently.
func Place(pages []*Page, errs *diag.List, strict bool) map[string]*Page {
	report := errs.Warnf
	if strict {
		report = errs.Errorf
	}
	byPath := map[string]*Page{}
	place := func(p *Page) {
		want := p.Path
		if want == "" && p.Kind != KindHome {
			want = pagePath(p)
		}
		at := want
		if other, ok := byPath[at]; ok && other != p {
			at = freePath(byPath, want)
			report(p.File, 0, "%s", lang.Sprintf("网址 /%[1]s 已属于 %[2]s，本页改用 /%[3]s；请用 slug 或 url 为其中一页另取网址",
				"URL /%[1]s is also the URL of %[2]s; this page is published at /%[3]s", want, other.File, at))
		}
		p.Path = at
		byPath[at] = p
	}
	// the home and section pages first: a section's list keeps its URL
	// against a page that asks for it (content/about.md, content/about/)
	for _, p := range pages {
		if p.Kind != KindPage {
			place(p)
		}
	}
	implied := map[*Page]bool{} // the lists of sections without _index.md
	for _, p := range pages {
		if at := asciiDir(p.Section) + "/"; p.Section != "" && byPath[at] == nil {
			sec := &Page{File: "content/" + p.Section + "/_index.md", Kind: KindSection}
			byPath[at], implied[sec] = sec, true
		}
	}
	for _, p := range pages {
		if p.Kind == KindPage {
			place(p)
		}
	}
	byFile := map[string]*Page{} // output file → page
	for at, p := range byPath {
		byFile[fileOf(at)] = p
	}
	for at, p := range byPath {
		if implied[p] {
			delete(byPath, at)
		}
	}
	aliasOf := map[string]*Page{} // output file → page
	for _, p := range pages {
		var kept []string
		for _, a := range p.Aliases {
			at := fileOf(AliasPath(a))
			if at == "index.html" && AliasPath(a) == "" || byFile[at] == p || aliasOf[at] == p {
				continue
			}
			if other, ok := byFile[at]; ok {
				errs.Warnf(p.File, p.KeyLine("aliases"), "%s", lang.Sprintf("别名 %[1]q 是 %[2]s 的网址，保留该页面，不生成跳转页",
					"alias %[1]q is the URL of %[2]s; the page is kept and the redirect is not written", a, other.File))
				continue
			}
			if other, ok := aliasOf[at]; ok {
				errs.Warnf(p.File, p.KeyLine("aliases"), "%s", lang.Sprintf("别名 %[1]q 也是 %[2]s 的别名，跳转到先出现的 %[2]s",
					"alias %[1]q is also an alias of %[2]s, which keeps it", a, other.File))
				continue
			}
			aliasOf[at] = p
			kept = append(kept, a)
		}
		p.Aliases = kept
	}
	for _, p := range pages {
		for _, a := range p.Aliases {
			byPath[AliasPath(a)] = p
		}
	}
	return byPath
}

// fileOf is the output file of a URL path: "news/a/" → "news/a/index.html".
func fileOf(urlPath string) string {
	if urlPath == "" || strings.HasSuffix(urlPath, "/") {
		return urlPath + "index.html"
	}
	return urlPath
}

// freePath is want with the first suffix -2, -3, … that no page has.
func freePath(taken map[string]*Page, want string) string {
	base, end := strings.TrimSuffix(want, "/"), "/"
	if !strings.HasSuffix(want, "/") {
		ext := path.Ext(want)
		base, end = strings.TrimSuffix(want, ext), ext
	}
	for n := 2; ; n++ {
		cand := base + "-" + strconv.Itoa(n) + end
		if _, ok := taken[cand]; !ok {
			return cand
		}
	}
}

// URLPath is the URL path a freshly parsed page asks for: the url of its
// front matter, its section's permalink, or its folder and slug. Place
// gives it that path unless another page has it.
func URLPath(p *Page) string {
	if p.Path == "" && p.Kind != KindHome {
		return pagePath(p)
	}
	return p.Path
}

// ResourceDir is the URL folder of a page's bundle files: the page's path,
// or for a page published as a file ("news/a.html", uglyURLs) the folder
// of that name ("news/a/").
func ResourceDir(p *Page) string {
	if p.Path == "" || strings.HasSuffix(p.Path, "/") {
		return p.Path
	}
	return strings.TrimSuffix(p.Path, path.Ext(p.Path)) + "/"
}

// pagePath is the URL path of a page: its folder under content/ plus its slug
// (front matter slug, else the file or bundle name, spelled in ASCII).
func pagePath(p *Page) string {
	rel := strings.TrimPrefix(p.File, "content/")
	switch p.Kind {
	case KindHome:
		return ""
	case KindSection:
		return asciiDir(path.Dir(rel)) + "/"
	}
	var dir, name string
	if p.Bundle != "" {
		dir, name = path.Split(strings.TrimPrefix(p.Bundle, "content/"))
	} else {
		dir, name = path.Split(strings.TrimSuffix(rel, path.Ext(rel)))
	}
	seg := segment(name)
	if p.Slug != "" {
		seg = slugPath(p.Slug)
	}
	if seg == "" {
		seg = "page"
	}
	dir = strings.TrimSuffix(dir, "/")
	if dir == "" {
		return seg + "/"
	}
	return asciiDir(dir) + "/" + seg + "/"
}

// segment keeps an ASCII file name as written (lower-cased) and spells any
// other in pinyin.
func segment(name string) string {
	l := strings.ToLower(name)
	if slug.Valid(strings.ReplaceAll(l, ".", "-")) && !strings.HasSuffix(l, ".") && !strings.Contains(l, "..") {
		return l // dots too, as Hugo keeps them (vi-lilac.chaser, v1.0)
	}
	return slug.Make(name)
}

func asciiDir(dir string) string {
	parts := strings.Split(dir, "/")
	for i, s := range parts {
		parts[i] = segment(s)
	}
	return strings.Join(parts, "/")
}

// AliasPath turns an alias ("/old/news/123.html", "old/page/") into the URL
// path where its redirect page is written: a path ending in ".html" is used
// as written, any other gets "index.html". It returns "" for an empty alias.
func AliasPath(a string) string {
	a = strings.TrimPrefix(path.Clean("/"+a), "/")
	if a == "" || a == "." {
		return ""
	}
	if strings.HasSuffix(a, ".html") || strings.HasSuffix(a, ".htm") {
		return a
	}
	return a + "/"
}

// SearchPath is the URL path of the built-in search page; a site's own page
// there (content/search.md, content/search/_index.md) gives it its title
// and text (Site.Search).
const SearchPath = "search/"
