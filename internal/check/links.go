package check

import (
	"fmt"
	"net/url"
	"path"
	"regexp"
	"strings"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/text"

	"showcase/internal/content"
	"showcase/internal/markdown"
)

// ref is a link or picture written in a page's Markdown.
type ref struct {
	image bool
	dest  string
	text  string // the link text or the picture's alt text
	line  int    // in the file
}

var refParser = goldmark.New(goldmark.WithExtensions(extension.Table, extension.Strikethrough, extension.Footnote))

// refsOf returns the links and pictures of a page's body, with the file
// line of each.
func refsOf(p *content.Page) (refs []ref) {
	defer func() {
		if recover() != nil {
			refs = nil // goldmark failed: the build reports the page
		}
	}()
	src := p.Body
	doc := refParser.Parser().Parse(text.NewReader(src))
	var newlines []int
	for i, c := range src {
		if c == '\n' {
			newlines = append(newlines, i)
		}
	}
	lineOf := func(n ast.Node) int {
		pos := n.Pos()
		for b := n; pos < 0 && b != nil; b = b.Parent() {
			if b.Type() == ast.TypeBlock && b.Lines().Len() > 0 {
				pos = b.Lines().At(0).Start
			}
		}
		line := 1
		for _, nl := range newlines {
			if pos >= 0 && nl < pos {
				line++
			}
		}
		return line + p.BodyLine - 1
	}
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch v := n.(type) {
		case *ast.Link:
			refs = append(refs, ref{dest: string(v.Destination), text: nodeText(v, src), line: lineOf(v)})
		case *ast.Image:
			refs = append(refs, ref{image: true, dest: string(v.Destination), text: nodeText(v, src), line: lineOf(v)})
		}
		return ast.WalkContinue, nil
	})
	return refs
}

// nodeText is the plain text inside a link or image.
func nodeText(n ast.Node, src []byte) string {
	var b strings.Builder
	_ = ast.Walk(n, func(c ast.Node, entering bool) (ast.WalkStatus, error) {
		if entering {
			switch t := c.(type) {
			case *ast.Text:
				b.Write(t.Segment.Value(src))
			case *ast.String:
				b.Write(t.Value)
			}
		}
		return ast.WalkContinue, nil
	})
	return strings.TrimSpace(b.String())
}

// linksAndImages checks every link and picture of every page, and covers
// and album captions.
func (c *checker) linksAndImages() {
	byFile := map[string]*content.Page{}
	byPath := map[string]*content.Page{}
	var all []*content.Page
	all = append(all, c.site.Home)
	for _, sec := range c.site.Sections {
		all = append(all, sec.Page)
	}
	all = append(all, c.site.Pages...)
	all = append(all, c.site.Profiles...)
	for _, p := range all {
		if p != nil {
			byFile[p.File] = p
			byPath[p.Path] = p
		}
	}
	known := c.knownPaths()
	for _, p := range c.pages {
		for _, r := range refsOf(p) {
			if markdown.DangerousURL(r.dest) {
				c.add("links", Error, p.File, r.line, fmt.Sprintf("地址 %q 会在读者的浏览器里运行脚本或打开伪装的页面，不能发布（javascript:, vbscript: and data: addresses are not published）", r.dest))
				continue
			}
			if r.image {
				c.image(p, r)
			} else {
				c.link(p, r, byFile, byPath, known)
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

func (c *checker) link(p *content.Page, r ref, byFile, byPath map[string]*content.Page, known map[string]bool) {
	dest := strings.TrimSpace(r.dest)
	switch {
	case localFile.MatchString(dest):
		c.add("links", Error, p.File, r.line, fmt.Sprintf("link %q points at a file on the author's computer (链接指向作者电脑上的文件，读者无法打开)", dest))
		return
	case dest == "", content.Remote(dest):
		return
	}
	target, frag, _ := strings.Cut(dest, "#")
	target, _, _ = strings.Cut(target, "?")
	frag = unescape(frag)
	var to *content.Page
	switch {
	case target == "":
		to = p
	case strings.HasPrefix(target, "/"):
		rel := strings.TrimPrefix(target, c.site.Config.BasePath)
		rel = strings.TrimPrefix(rel, "/")
		to = byPath[rel]
		if to == nil && strings.HasSuffix(rel, "/") && !known[rel] {
			c.add("links", Warning, p.File, r.line, fmt.Sprintf("link %q matches no page of the site (站内链接可能不存在)", dest))
		}
	case strings.HasSuffix(strings.ToLower(target), ".md"):
		to = byFile[path.Join(path.Dir(p.File), unescape(target))]
	}
	if to == nil || frag == "" {
		return // a missing page is the build's error
	}
	if !hasAnchor(to, frag) {
		where := "this page"
		if to != p {
			where = to.File
		}
		c.add("links", Error, p.File, r.line, fmt.Sprintf("link %q: %s has no heading with the ID %q (锚点不存在：目标页面没有这个标题)", dest, where, frag))
	}
}

// hasAnchor reports whether a page has an element with that ID: a
// heading, a footnote, or an id written in raw HTML.
func hasAnchor(p *content.Page, id string) bool {
	for _, h := range p.TOC {
		if h.ID == id {
			return true
		}
	}
	if strings.HasPrefix(id, "fn:") || strings.HasPrefix(id, "fnref:") {
		return true
	}
	return strings.Contains(string(p.Body), `id="`+id+`"`) || strings.Contains(string(p.Content), `id="`+id+`"`)
}

func unescape(s string) string {
	if u, err := url.PathUnescape(s); err == nil {
		return u
	}
	return s
}
