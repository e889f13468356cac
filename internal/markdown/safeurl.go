package markdown

import (
	"strings"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/util"
)

// urlBlanks are what a browser drops from a URL before reading its scheme.
var urlBlanks = strings.NewReplacer("\t", "", "\n", "", "\r", "")

// DangerousURL reports whether a link or image address would run script
// or show a page of its own when clicked or loaded: javascript:, vbscript:
// and data: (but data:image/png, gif, jpeg, webp, avif and bmp, which are
// pictures). It reads the scheme as a browser does: leading spaces and
// control characters, and tabs and newlines anywhere, are ignored, and
// case does not matter ("  Java\tScript:" is javascript:).
func DangerousURL(u string) bool {
	u = strings.TrimLeftFunc(u, func(r rune) bool { return r <= ' ' })
	if strings.ContainsAny(u, "\t\n\r") {
		u = urlBlanks.Replace(u)
	}
	scheme, rest, ok := strings.Cut(u, ":")
	if !ok {
		return false
	}
	switch strings.ToLower(scheme) {
	case "javascript", "vbscript":
		return true
	case "data":
		for _, t := range []string{"image/png", "image/gif", "image/jpeg", "image/jpg", "image/webp", "image/avif", "image/bmp"} {
			if len(rest) > len(t) && strings.EqualFold(rest[:len(t)], t) && (rest[len(t)] == ';' || rest[len(t)] == ',') {
				return false
			}
		}
		return true
	}
	return false
}

// dropDangerousURLs takes links, images and autolinks whose address is a
// DangerousURL out of the document, each a Problem at its line: a link
// leaves its text, an image its alt text, an autolink its address as text.
// No renderer, resolver or ImageRenderer sees such an address.
func dropDangerousURLs(doc *ast.Document, source []byte, st *docState) {
	var bad []ast.Node
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch v := n.(type) {
		case *ast.Link:
			if DangerousURL(decoded(v.Destination)) {
				bad = append(bad, n)
			}
		case *ast.Image:
			if DangerousURL(decoded(v.Destination)) {
				bad = append(bad, n)
			}
		case *ast.AutoLink:
			if DangerousURL(string(v.URL(source))) {
				bad = append(bad, n)
			}
		}
		return ast.WalkContinue, nil
	})
	for _, n := range bad {
		var dest string
		parent := n.Parent()
		switch v := n.(type) {
		case *ast.Link:
			dest = string(v.Destination)
			for c := v.FirstChild(); c != nil; {
				next := c.NextSibling()
				parent.InsertBefore(parent, n, c)
				c = next
			}
		case *ast.Image:
			dest = string(v.Destination)
			parent.InsertBefore(parent, n, ast.NewString(imageAlt(v, source)))
		case *ast.AutoLink:
			dest = string(v.URL(source))
			parent.InsertBefore(parent, n, ast.NewString(v.Label(source)))
		}
		st.problems = append(st.problems, Problem{
			Line: st.lineOf(n, source) + st.doc.LineOffset,
			Msg:  "链接或图片地址 “" + shorten(dest, 40) + "” 会在读者的浏览器里运行脚本或打开伪装的页面，不能发布；请改为 http(s) 网址或站内文件（javascript:, vbscript: and data: addresses are not published）",
		})
		parent.RemoveChild(parent, n)
	}
}

// decoded is a destination as the browser gets it: backslash escapes and
// character references (java&#9;script:) resolved, as goldmark's renderer
// does before it writes an href.
func decoded(dest []byte) string {
	return string(util.ResolveEntityNames(util.ResolveNumericReferences(util.UnescapePunctuations(dest))))
}

// shorten cuts s to about n bytes, on a character boundary, with "…".
func shorten(s string, n int) string {
	if len(s) <= n {
		return s
	}
	for n > 0 && n < len(s) && s[n]&0xC0 == 0x80 {
		n--
	}
	return s[:n] + "…"
}
