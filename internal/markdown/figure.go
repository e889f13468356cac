package markdown

import (
	"bytes"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/util"
)

// ImageRenderer is implemented by a Resolver that renders images itself, such
// as the photo pipeline's responsive <picture>. When the document's Resolver
// has it, Render calls RenderImage for every image instead of Image.
//
// standalone is true for an image alone in its paragraph: the HTML should be
// a <figure> (with the title as its caption) and replaces the paragraph.
// n counts the document's images from 0; the first is usually the largest
// contentful paint and should not be lazy-loaded. The HTML is trusted.
type ImageRenderer interface {
	RenderImage(src, alt, title string, standalone bool, n int) (string, error)
}

// KindImageHTML and KindFigureHTML are the nodes holding an ImageRenderer's
// HTML: inline for an image within text, block for a standalone figure.
var (
	KindImageHTML  = ast.NewNodeKind("ImageHTML")
	KindFigureHTML = ast.NewNodeKind("FigureHTML")
)

type imageHTML struct {
	ast.BaseInline
	html []byte
}

func (n *imageHTML) Kind() ast.NodeKind             { return KindImageHTML }
func (n *imageHTML) Dump(source []byte, level int)  { ast.DumpHelper(n, source, level, nil, nil) }
func (n *figureHTML) Kind() ast.NodeKind            { return KindFigureHTML }
func (n *figureHTML) Dump(source []byte, level int) { ast.DumpHelper(n, source, level, nil, nil) }
func (n *figureHTML) IsRaw() bool                   { return true }
func (n *imageHTML) IsRaw() bool                    { return true }
func (n *figureHTML) HasBlankPreviousLines() bool   { return false }
func (n *figureHTML) SetBlankPreviousLines(bool)    {}

type figureHTML struct {
	ast.BaseBlock
	html []byte
}

// renderImages replaces the images of doc with their rendered HTML.
func renderImages(doc *ast.Document, source []byte, st *docState, ir ImageRenderer) {
	var images []*ast.Image
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if img, ok := n.(*ast.Image); ok && entering {
			images = append(images, img)
			return ast.WalkSkipChildren, nil
		}
		return ast.WalkContinue, nil
	})
	for i, img := range images {
		alt := string(imageAlt(img, source))
		para, standalone := img.Parent().(*ast.Paragraph)
		standalone = standalone && aloneIn(para, img, source)
		html, err := ir.RenderImage(string(img.Destination), alt, string(img.Title), standalone, i)
		if err != nil {
			st.problems = append(st.problems, Problem{Line: st.lineOf(img, source) + st.doc.LineOffset, Msg: err.Error()})
			continue
		}
		if standalone {
			fig := &figureHTML{html: []byte(html)}
			para.Parent().ReplaceChild(para.Parent(), para, fig)
			continue
		}
		img.Parent().ReplaceChild(img.Parent(), img, &imageHTML{html: []byte(html)})
	}
}

// aloneIn reports whether img is the only content of para (blank text aside).
func aloneIn(para *ast.Paragraph, img *ast.Image, source []byte) bool {
	for c := para.FirstChild(); c != nil; c = c.NextSibling() {
		if c == img {
			continue
		}
		t, ok := c.(*ast.Text)
		if !ok || len(bytes.TrimSpace(t.Segment.Value(source))) > 0 {
			return false
		}
	}
	return true
}

// imageAlt is the text of an inline node's descendants, without markup.
func imageAlt(n ast.Node, source []byte) []byte {
	var b bytes.Buffer
	_ = ast.Walk(n, func(c ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch t := c.(type) {
		case *ast.Text:
			b.Write(t.Segment.Value(source))
		case *ast.String:
			b.Write(t.Value)
		}
		return ast.WalkContinue, nil
	})
	return b.Bytes()
}

// imageHTMLRenderer writes the nodes made by renderImages.
type imageHTMLRenderer struct{}

// RegisterFuncs implements renderer.NodeRenderer.
func (imageHTMLRenderer) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(KindImageHTML, func(w util.BufWriter, _ []byte, n ast.Node, entering bool) (ast.WalkStatus, error) {
		if entering {
			w.Write(n.(*imageHTML).html)
		}
		return ast.WalkSkipChildren, nil
	})
	reg.Register(KindFigureHTML, func(w util.BufWriter, _ []byte, n ast.Node, entering bool) (ast.WalkStatus, error) {
		if entering {
			w.Write(n.(*figureHTML).html)
			w.WriteByte('\n')
		}
		return ast.WalkSkipChildren, nil
	})
}
