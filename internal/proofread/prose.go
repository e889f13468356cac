package proofread

import (
	"bytes"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	extast "github.com/yuin/goldmark/extension/ast"

	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
)

// char is one character of a block's prose: where its bytes lie in the
// source, and what it has become.
type char struct {
	orig       rune   // as written
	now        string // as it reads now: string(orig), a correction, or "" when deleted
	start, end int    // its bytes in the source; -1 for a marker
	seg        int    // the Text segment it belongs to; -1 for a marker
	keep       bool   // never changed: part of a URL or e-mail address, or escaped
	afterLink  bool   // an ASCII "(" right after "]": a link that did not parse
	kind       Kind   // set when corrected
	word       string // for a corrected word, its wrong form (held by its first character)
}

// Markers stand between the characters of a block for what is not text.
const (
	lineBreak = '\n'     // a soft or hard line break
	object    = '\uFFFC' // a code span, raw HTML, an autolink, a footnote mark …
)

func (c *char) marker() bool  { return c.seg < 0 }
func (c *char) deleted() bool { return c.now == "" }
func (c *char) edited() bool  { return c.kind != "" }

// first and last are the first and last runes of what c reads now.
func (c *char) first() rune { r, _ := utf8.DecodeRuneInString(c.now); return r }
func (c *char) last() rune  { r, _ := utf8.DecodeLastRuneInString(c.now); return r }

// is reports whether c reads now as the single rune r.
func (c *char) is(r rune) bool {
	first, size := utf8.DecodeRuneInString(c.now)
	return first == r && size == len(c.now)
}

// set corrects c.
func (c *char) set(s string, k Kind) {
	c.now, c.kind = s, k
}

var markdownParser = goldmark.New(
	goldmark.WithExtensions(extension.Table, extension.Strikethrough, extension.TaskList, extension.Footnote),
	goldmark.WithParserOptions(parser.WithAttribute()),
).Parser()

// proseBlocks returns the prose of each block of a Markdown document, in
// document order: the characters of its text nodes, with markers for line
// breaks and for inline code, HTML and the like. Code blocks and HTML
// blocks have no prose. Unless all, a block is left out when its text
// has nothing the punctuation rules act on (ASCII , ; : ? ! . ( ) or a
// space): most Chinese paragraphs.
func proseBlocks(src []byte, all bool) [][]char {
	doc := markdownParser.Parse(text.NewReader(src))
	str := string(src) // the characters' texts are slices of it
	var blocks [][]char
	var spans []span
	seg := 0
	ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering || n.Type() != ast.TypeBlock {
			return ast.WalkContinue, nil
		}
		if first := n.FirstChild(); first == nil || first.Type() != ast.TypeInline {
			return ast.WalkContinue, nil
		}
		spans = collectInlines(n, spans[:0])
		if !all && !actsOn(str, spans) {
			seg += len(spans)
			return ast.WalkSkipChildren, nil
		}
		size := 0
		for _, sp := range spans {
			size += sp.stop - sp.start
		}
		b := make([]char, 0, size/2+len(spans)) // Chinese takes 3 bytes a character
		for _, sp := range spans {
			if sp.marker != 0 {
				b = append(b, markerChar(sp.marker))
				continue
			}
			b = appendText(b, str, sp.start, sp.stop, seg)
			seg++
		}
		if _, ok := n.(*ast.Paragraph); ok && n.Lines().Len() > 0 {
			keepLinkDefinition(b, src, n.Lines())
		}
		blocks = append(blocks, b)
		return ast.WalkSkipChildren, nil
	})
	return blocks
}

// span is a text segment of a block's source, or a marker.
type span struct {
	start, stop int
	marker      rune // lineBreak or object; 0 for text
}

// collectInlines appends the prose of n's inline children: text
// segments, emphasis, strikethrough, links and images (their text) by
// looking inside, anything else as an object marker.
func collectInlines(n ast.Node, spans []span) []span {
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		switch c := c.(type) {
		case *ast.Text:
			spans = append(spans, span{start: c.Segment.Start, stop: c.Segment.Stop})
			if c.SoftLineBreak() || c.HardLineBreak() {
				spans = append(spans, span{marker: lineBreak})
			}
		case *ast.Emphasis, *ast.Link, *ast.Image, *extast.Strikethrough:
			spans = collectInlines(c, spans)
		default:
			spans = append(spans, span{marker: object})
		}
	}
	return spans
}

// actsOn reports whether the text of spans holds a character the
// punctuation rules act on.
func actsOn(src string, spans []span) bool {
	for _, sp := range spans {
		if sp.marker == 0 && strings.ContainsAny(src[sp.start:sp.stop], ",;:?!.() \t") {
			return true
		}
	}
	return false
}

// keepLinkDefinition keeps a paragraph that starts like a link reference
// definition, "[标签]: 网址 说明": it is text only because it does not
// parse, and a change could make it parse.
func keepLinkDefinition(b []char, src []byte, lines *text.Segments) {
	first, last := lines.At(0), lines.At(lines.Len()-1)
	if !bytes.HasPrefix(bytes.TrimLeft(src[first.Start:first.Stop], " "), []byte("[")) ||
		!bytes.Contains(src[first.Start:last.Stop], []byte("]:")) {
		return
	}
	for i := range b {
		b[i].keep = true
	}
}

func markerChar(r rune) char {
	return char{orig: r, now: string(r), start: -1, end: -1, seg: -1}
}

// appendText appends the characters of src[start:stop], one segment.
func appendText(b []char, src string, start, stop, seg int) []char {
	for i := start; i < stop; {
		r, size := utf8.DecodeRuneInString(src[i:stop])
		c := char{orig: r, now: src[i : i+size], start: i, end: i + size, seg: seg}
		c.keep = r < 0x80 && unicode.IsPunct(r) && escaped(src, i)
		c.afterLink = r == '(' && i > 0 && src[i-1] == ']'
		b = append(b, c)
		i += size
	}
	return b
}

// escaped reports whether the byte at i follows an odd number of
// backslashes.
func escaped(src string, i int) bool {
	n := 0
	for j := i - 1; j >= 0 && src[j] == '\\'; j-- {
		n++
	}
	return n%2 == 1
}

// plainBlock is all of s as one block; each line its own segment.
func plainBlock(s string) []char {
	var b []char
	seg, start := 0, 0
	for i := 0; i <= len(s); i++ {
		if i == len(s) || s[i] == '\n' {
			end := i
			if end > start && s[end-1] == '\r' {
				end--
			}
			b = appendText(b, s, start, end, seg)
			seg++
			if i < len(s) {
				b = append(b, markerChar(lineBreak))
			}
			start = i + 1
		}
	}
	return b
}

// apply writes src with the corrections of the blocks. (Blocks are not
// always in source order: footnote texts come last.)
func apply(src []byte, blocks [][]char) []byte {
	var edits []*char
	for _, b := range blocks {
		for i := range b {
			if c := &b[i]; !c.marker() && c.edited() {
				edits = append(edits, c)
			}
		}
	}
	sort.Slice(edits, func(i, j int) bool { return edits[i].start < edits[j].start })
	out := make([]byte, 0, len(src)+16)
	at := 0
	for _, c := range edits {
		if c.start < at {
			continue
		}
		out = append(out, src[at:c.start]...)
		out = append(out, c.now...)
		at = c.end
	}
	return append(out, src[at:]...)
}
