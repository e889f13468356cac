package markdown

import (
	"bytes"
	"strconv"

	"github.com/yuin/goldmark/ast"
	east "github.com/yuin/goldmark/extension/ast"
	"golang.org/x/net/html"
)

// anchors lists the ids of the rendered document that a #fragment can
// reach: the headings' (headingTransformer set them all) and their alias
// anchors, the footnotes'
// as goldmark's footnote renderer writes them ("fn:1", "fnref:1",
// "fnref1:1" for a second reference), and, when raw HTML is let through
// (unsafe), the id attributes of its tags. Raw HTML that is omitted
// defines nothing. It walks the final tree, so a footnote that nothing
// refers to, dropped from the HTML, defines nothing either.
func anchors(root ast.Node, source []byte, unsafe bool) []string {
	var ids []string
	_ = ast.Walk(root, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch v := n.(type) {
		case *ast.Heading:
			if id, ok := explicitID(v); ok && id != "" {
				ids = append(ids, id)
			}
			if alias, ok := aliasOf(v); ok {
				ids = append(ids, alias)
			}
		case *east.Footnote:
			ids = append(ids, "fn:"+strconv.Itoa(v.Index))
		case *east.FootnoteLink:
			ref := ""
			if v.RefIndex > 0 {
				ref = strconv.Itoa(v.RefIndex)
			}
			ids = append(ids, "fnref"+ref+":"+strconv.Itoa(v.Index))
		case *ast.RawHTML:
			if unsafe {
				ids = append(ids, htmlIDs(v.Segments.Value(source))...)
			}
		case *ast.HTMLBlock:
			if unsafe {
				var b bytes.Buffer
				for i := 0; i < v.Lines().Len(); i++ {
					line := v.Lines().At(i)
					b.Write(line.Value(source))
				}
				if v.HasClosure() {
					b.Write(v.ClosureLine.Value(source))
				}
				ids = append(ids, htmlIDs(b.Bytes())...)
			}
		}
		return ast.WalkContinue, nil
	})
	return ids
}

// htmlIDs returns the id attributes of the tags in a piece of HTML;
// comments and text are not looked at.
func htmlIDs(raw []byte) []string {
	if !mayHaveID(raw) {
		return nil // most raw HTML (<br>, </span>) has none: no tokenizer for it
	}
	var ids []string
	z := html.NewTokenizer(bytes.NewReader(raw))
	for {
		switch z.Next() {
		case html.ErrorToken:
			return ids
		case html.StartTagToken, html.SelfClosingTagToken:
			for {
				key, val, more := z.TagAttr()
				if string(key) == "id" && len(val) > 0 {
					ids = append(ids, string(val))
				}
				if !more {
					break
				}
			}
		}
	}
}

// mayHaveID reports whether raw holds "id" in any case, as an id attribute
// must.
func mayHaveID(raw []byte) bool {
	for i := 0; i+1 < len(raw); i++ {
		if raw[i]|0x20 == 'i' && raw[i+1]|0x20 == 'd' {
			return true
		}
	}
	return false
}
