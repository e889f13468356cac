package content

import (
	"path"
	"strings"

	"showcase/internal/diag"
	"showcase/internal/slug"
)

// Place gives every page its URL path and reports clashes: two pages (or a
// page and an alias) at one URL is an error naming both files.
func Place(pages []*Page, errs *diag.List) map[string]*Page {
	byPath := map[string]*Page{}
	claim := func(p *Page, at string, what string) {
		if other, ok := byPath[at]; ok && other != p {
			errs.Errorf(p.File, 0, "%s /%s is also the URL of %s (两个页面的网址相同)", what, at, other.File)
			return
		}
		byPath[at] = p
	}
	for _, p := range pages {
		p.Path = pagePath(p)
		claim(p, p.Path, "URL")
	}
	for _, p := range pages {
		for _, a := range p.Aliases {
			at := AliasPath(a)
			if at == "" {
				continue
			}
			if other, ok := byPath[at]; ok {
				errs.Errorf(p.File, 0, "alias %q is the URL of %s (别名与已有页面网址冲突)", a, other.File)
				continue
			}
			byPath[at] = p
		}
	}
	return byPath
}

// URLPath is the URL path Place gives a page.
func URLPath(p *Page) string { return pagePath(p) }

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
	if p.Slug != "" {
		name = p.Slug
	}
	seg := segment(name)
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
	if slug.Valid(strings.ToLower(name)) {
		return strings.ToLower(name)
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
