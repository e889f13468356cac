package markdown

import (
	"bytes"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/yuin/goldmark/ast"
	extast "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/util"
)

// plainWriter accumulates the text of a document without markup. A soft
// line break is held back until the next text arrives, so that it can
// become a space or vanish by the same rule as in the HTML.
type plainWriter struct {
	buf     []byte
	last    rune // last character written, 0 at the start
	pending bool // a soft line break awaits the next text
}

func (p *plainWriter) text(s []byte) {
	if len(s) == 0 {
		return
	}
	if p.pending {
		p.pending = false
		first, _ := utf8.DecodeRune(s)
		if !joinSoftBreak(p.last, first) {
			p.buf = append(p.buf, ' ')
		}
	}
	p.buf = append(p.buf, s...)
	p.last, _ = utf8.DecodeLastRune(s)
}

func (p *plainWriter) softBreak() {
	if p.last != 0 && p.last != '\n' {
		p.pending = true
	}
}

// endBlock ends the current line, unless it is already ended.
func (p *plainWriter) endBlock() {
	p.pending = false
	if len(p.buf) > 0 && p.buf[len(p.buf)-1] != '\n' {
		p.buf = append(p.buf, '\n')
		p.last = '\n'
	}
}

// String returns the text with trailing blanks removed from each line and
// blank lines dropped; every line, the last included, ends with "\n".
// The lines are gathered after the text in its buffer, and copied once.
func (p *plainWriter) String() string {
	n := len(p.buf)
	for line := range bytes.Lines(p.buf[:n]) {
		line = bytes.TrimRight(line, " \t\r\n\u3000")
		if len(bytes.TrimSpace(line)) == 0 {
			continue
		}
		p.buf = append(append(p.buf, line...), '\n')
	}
	s := string(p.buf[n:])
	p.buf = p.buf[:n]
	return s
}

// plainText renders the document as plain text (see Result.Plain) and
// returns, if the document contains a <!--more--> marker outside code, the
// plain text before its first occurrence.
func plainText(doc ast.Node, source []byte) (plain, summary string) {
	pooled := plainBuffers.Get().(*[]byte)
	defer plainBuffers.Put(pooled)
	p := plainWriter{buf: (*pooled)[:0]}
	found := false
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !found && entering && isMoreMarker(n, source) {
			found = true
			summary = strings.TrimSpace(p.String())
		}
		return p.visit(n, source, entering), nil
	})
	plain = p.String()
	*pooled = p.buf
	return plain, summary
}

// plainBuffers hold the text of a document while plainText gathers it:
// grown once, where each document's grew from nothing.
var plainBuffers = sync.Pool{New: func() any { b := make([]byte, 0, 4096); return &b }}

// inlinePlain returns the text of n's inline content on one line.
func inlinePlain(n ast.Node, source []byte) string {
	var p plainWriter
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		_ = ast.Walk(c, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
			return p.visit(n, source, entering), nil
		})
	}
	return strings.Join(strings.Fields(p.String()), " ")
}

func (p *plainWriter) visit(n ast.Node, source []byte, entering bool) ast.WalkStatus {
	switch n.Kind() {
	case ast.KindText:
		if entering {
			t := n.(*ast.Text)
			value := t.Segment.Value(source)
			if !t.IsRaw() {
				value = unescape(value)
			}
			p.text(value)
			switch {
			case t.HardLineBreak():
				p.endBlock()
			case t.SoftLineBreak():
				p.softBreak()
			}
		}
		return ast.WalkContinue
	case ast.KindString:
		if entering {
			p.text(n.(*ast.String).Value)
		}
		return ast.WalkContinue
	case ast.KindAutoLink:
		if entering {
			p.text(n.(*ast.AutoLink).Label(source))
		}
		return ast.WalkSkipChildren
	case ast.KindCodeBlock, ast.KindFencedCodeBlock:
		if entering {
			p.endBlock()
			lines := n.Lines()
			for i := range lines.Len() {
				seg := lines.At(i)
				p.text(seg.Value(source))
			}
			p.endBlock()
		}
		return ast.WalkSkipChildren
	case ast.KindImage, ast.KindRawHTML, ast.KindHTMLBlock, ast.KindThematicBreak,
		ast.KindLinkReferenceDefinition, extast.KindFootnoteLink,
		extast.KindFootnoteBacklink, extast.KindTaskCheckBox:
		return ast.WalkSkipChildren
	}
	if n.Type() == ast.TypeBlock {
		p.endBlock()
	}
	return ast.WalkContinue
}

// isMoreMarker reports whether n is the raw HTML <!--more--> (spaces inside
// the comment allowed), as an HTML block or inline.
func isMoreMarker(n ast.Node, source []byte) bool {
	var raw []byte
	switch v := n.(type) {
	case *ast.HTMLBlock:
		lines := v.Lines()
		for i := range lines.Len() {
			seg := lines.At(i)
			raw = append(raw, seg.Value(source)...)
		}
		if v.HasClosure() {
			raw = append(raw, v.ClosureLine.Value(source)...)
		}
	case *ast.RawHTML:
		for i := range v.Segments.Len() {
			seg := v.Segments.At(i)
			raw = append(raw, seg.Value(source)...)
		}
	default:
		return false
	}
	raw = bytes.TrimSpace(raw)
	inner, ok := bytes.CutPrefix(raw, []byte("<!--"))
	if !ok {
		return false
	}
	inner, ok = bytes.CutSuffix(inner, []byte("-->"))
	return ok && string(bytes.TrimSpace(inner)) == "more"
}

// unescape resolves backslash escapes and entity references in Markdown
// text, as the HTML writer does, in a single pass: "\\&amp;" is "&amp;".
func unescape(b []byte) []byte {
	if bytes.IndexByte(b, '\\') < 0 && bytes.IndexByte(b, '&') < 0 {
		return b
	}
	out := make([]byte, 0, len(b))
	for i := 0; i < len(b); i++ {
		switch c := b[i]; {
		case c == '\\' && i+1 < len(b) && util.IsPunct(b[i+1]):
			out = append(out, b[i+1])
			i++
		case c == '&':
			end := bytes.IndexByte(b[i:min(len(b), i+maxEntityLen)], ';')
			if end < 0 {
				out = append(out, c)
				break
			}
			ref := b[i : i+end+1]
			resolved := util.ResolveEntityNames(util.ResolveNumericReferences(ref))
			if bytes.Equal(resolved, ref) {
				out = append(out, c)
				break
			}
			out = append(out, resolved...)
			i += end
		default:
			out = append(out, c)
		}
	}
	return out
}

// maxEntityLen bounds the length of an entity reference; the longest,
// "&CounterClockwiseContourIntegral;", has 33 bytes.
const maxEntityLen = 40
