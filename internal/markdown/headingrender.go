package markdown

import (
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/renderer/html"
	"github.com/yuin/goldmark/util"
)

// headingHTMLRenderer writes headings as goldmark does, with the alias
// anchor of a heading (its id before ids were ASCII, see headingIDs) as
// an empty span at its start: <h2 id="yi-zhu-yao-zuo-fa"><span
// id="一主要做法"></span>一、主要做法</h2>.
type headingHTMLRenderer struct{}

// RegisterFuncs implements renderer.NodeRenderer.
func (headingHTMLRenderer) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(ast.KindHeading, renderHeading)
}

func renderHeading(w util.BufWriter, source []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	n := node.(*ast.Heading)
	if !entering {
		_, _ = w.WriteString("</h")
		_ = w.WriteByte("0123456"[n.Level])
		_, _ = w.WriteString(">\n")
		return ast.WalkContinue, nil
	}
	_, _ = w.WriteString("<h")
	_ = w.WriteByte("0123456"[n.Level])
	if n.Attributes() != nil {
		html.RenderAttributes(w, node, html.HeadingAttributeFilter)
	}
	_ = w.WriteByte('>')
	if alias, ok := aliasOf(n); ok {
		_, _ = w.WriteString(`<span id="`)
		_, _ = w.Write(util.EscapeHTML([]byte(alias)))
		_, _ = w.WriteString(`"></span>`)
	}
	return ast.WalkContinue, nil
}
