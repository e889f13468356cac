package markdown

import (
	"unicode/utf8"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/renderer/html"
	"github.com/yuin/goldmark/util"
)

// This file renders ast.Text so that soft line breaks inside Chinese text
// vanish (see joinSoftBreak). goldmark's extension.CJK with
// EastAsianLineBreaksCSS3Draft is not used: it also drops the break after
// ASCII punctuation ("end.\nNext" becomes "end.Next") and whenever the next
// inline is not plain text ("foo\n**bar**" becomes "foo<strong>").

// textRendererPriority beats goldmark's HTML renderer (1000), so our
// function for ast.KindText is the one registered.
const textRendererPriority = 100

// textRenderer renders ast.Text like goldmark's HTML renderer with
// default options, except for soft line breaks, and document numbers and
// dates, which it keeps on one line (see writeNoBreak).
type textRenderer struct{}

// RegisterFuncs implements renderer.NodeRenderer.
func (textRenderer) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(ast.KindText, renderText)
}

func renderText(w util.BufWriter, source []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	if !entering {
		return ast.WalkContinue, nil
	}
	n := node.(*ast.Text)
	value := n.Segment.Value(source)
	if n.IsRaw() {
		html.DefaultWriter.RawWrite(w, value)
	} else {
		writeNoBreak(w, value)
	}
	switch {
	case n.HardLineBreak():
		_, _ = w.WriteString("<br>\n")
	case n.SoftLineBreak():
		if !joinSoftBreak(runeBefore(n, source), runeAfter(n, source)) {
			_ = w.WriteByte('\n')
		}
	}
	return ast.WalkContinue, nil
}

// maxNeighbourSteps bounds the search for a neighbouring character, so
// that a long run of text-less inlines (raw HTML tags) costs linear time.
const maxNeighbourSteps = 16

// inlineText returns the text an inline leaf contributes for the purpose
// of finding neighbouring characters.
func inlineText(n ast.Node, source []byte) []byte {
	switch v := n.(type) {
	case *ast.Text:
		return v.Segment.Value(source)
	case *ast.String:
		return v.Value
	case *ast.AutoLink:
		return v.Label(source)
	}
	return nil
}

// runeBefore returns the last character of the text preceding the end of
// n within its block (n's own text included), or 0.
func runeBefore(n ast.Node, source []byte) rune {
	steps := 0
	for cur := n; cur != nil && steps < maxNeighbourSteps; cur = prevInline(cur) {
		steps++
		if t := inlineText(cur, source); len(t) > 0 {
			r, _ := utf8.DecodeLastRune(t)
			return r
		}
	}
	return 0
}

// runeAfter returns the first character of the text following n within its
// block, or 0.
func runeAfter(n ast.Node, source []byte) rune {
	steps := 0
	for cur := nextInline(n); cur != nil && steps < maxNeighbourSteps; cur = nextInline(cur) {
		steps++
		if t := inlineText(cur, source); len(t) > 0 {
			r, _ := utf8.DecodeRune(t)
			return r
		}
	}
	return 0
}

// nextInline returns the inline node after n in document order, without
// leaving the enclosing block; nil at the end of the block.
func nextInline(n ast.Node) ast.Node {
	if c := n.FirstChild(); c != nil && n.Type() == ast.TypeInline {
		return c
	}
	for cur := n; cur != nil && cur.Type() == ast.TypeInline; cur = cur.Parent() {
		if s := cur.NextSibling(); s != nil {
			if s.Type() != ast.TypeInline {
				return nil
			}
			return s
		}
	}
	return nil
}

// prevInline returns the inline node before n in document order (the
// deepest last descendant of the previous sibling, or the parent), without
// leaving the enclosing block.
func prevInline(n ast.Node) ast.Node {
	if n.Type() != ast.TypeInline {
		return nil
	}
	s := n.PreviousSibling()
	if s == nil {
		if p := n.Parent(); p != nil && p.Type() == ast.TypeInline {
			return p
		}
		return nil
	}
	if s.Type() != ast.TypeInline {
		return nil
	}
	for s.LastChild() != nil {
		s = s.LastChild()
	}
	return s
}
