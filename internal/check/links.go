package check

import (
	"regexp"
	"strings"

	"showcase/internal/content"
	"showcase/internal/lang"
	"showcase/internal/markdown/outline"
)

// linksAndImages checks every link and picture of every page, as the
// Markdown pass saw them, and covers and album captions.
func (c *checker) linksAndImages() {
	byPath := map[string]*content.Page{}
	all := []*content.Page{c.site.Home}
	for _, sec := range c.site.Sections {
		all = append(all, sec.Page)
	}
	all = append(all, c.site.Pages...)
	all = append(all, c.site.Profiles...)
	for _, p := range all {
		if p != nil {
			byPath[p.Path] = p
		}
	}
	known := c.knownPaths()
	for _, p := range c.pages {
		for _, l := range c.docs[p.File].Links {
			if l.Image {
				c.image(p, l)
			} else {
				c.link(p, l, byPath, known)
			}
		}
		c.covers(p)
	}
}

// knownPaths are the generated pages that are not content pages: taxonomy
// and term lists, facets, the matrix.
func (c *checker) knownPaths() map[string]bool {
	known := map[string]bool{"": true, content.MatrixPath(): true}
	for _, t := range c.site.Taxonomies {
		known[t.Path] = true
		for _, term := range t.Terms {
			known[term.Path] = true
		}
	}
	for _, f := range c.site.Facets {
		for _, v := range f.Values {
			known[v.Path] = true
		}
	}
	return known
}

var localFile = regexp.MustCompile(`^(?i:file:|[a-z]:[\\/])`)

func (c *checker) link(p *content.Page, l outline.Link, byPath map[string]*content.Page, known map[string]bool) {
	dest := strings.TrimSpace(l.Dest)
	switch {
	case localFile.MatchString(dest):
		c.add("links", Error, p.File, l.Line, lang.Sprintf("链接 %[1]q 指向作者电脑上的文件，读者无法打开：请把文件放进稿件文件夹再链接", "link %[1]q points at a file on the author's computer", dest))
		return
	case l.Auto, dest == "", content.Remote(dest), l.Target == "":
		return // an empty Target: the resolver failed, and the build reports it
	}
	target := l.Target
	if i := strings.IndexAny(target, "?#"); i >= 0 {
		target = target[:i]
	}
	var to *content.Page
	switch base := c.site.Config.BasePath; {
	case target == "":
		to = p
	case strings.HasPrefix(target, base):
		rel := strings.TrimPrefix(target, base)
		to = byPath[rel]
		if to == nil && strings.HasPrefix(dest, "/") && strings.HasSuffix(rel, "/") && !known[rel] {
			c.add("links", Warning, p.File, l.Line, lang.Sprintf("站内链接 %[1]q 找不到对应的页面，可能已不存在", "link %[1]q matches no page of the site", dest))
		}
	}
	if to == nil || l.Fragment == "" {
		return
	}
	if !c.docs[to.File].HasAnchor(l.Fragment) {
		whereZh, where := "本页", "this page"
		if to != p {
			whereZh, where = to.File, to.File
		}
		c.add("links", Error, p.File, l.Line, lang.Sprintf("链接 %[1]q 的锚点不存在：%[4]s没有 ID 为 %[3]q 的标题", "link %[1]q: %[2]s has no heading with the ID %[3]q", dest, where, l.Fragment, whereZh))
	}
}
