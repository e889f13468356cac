package markdown

import (
	"strconv"
	"strings"
	"unicode"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
)

// headingIDs implements parser.IDs. Unlike goldmark's default, which
// drops every non-ASCII byte, it keeps letters and digits of any script, so
// "一、主要做法" becomes "一主要做法". It is per document: a fresh value goes
// into each parser.Context.
type headingIDs struct {
	used map[string]bool
	next map[string]int // next suffix to try for a base, so n repeats cost O(n)
}

func newHeadingIDs() *headingIDs {
	return &headingIDs{used: map[string]bool{}, next: map[string]int{}}
}

// Generate implements parser.IDs: it slugs value and makes it unique by
// appending -1, -2, ...
func (s *headingIDs) Generate(value []byte, kind ast.NodeKind) []byte {
	base := IDText(string(value))
	if base == "" {
		base = "heading"
		if kind != ast.KindHeading {
			base = "id"
		}
	}
	id := base
	for s.used[id] {
		s.next[base]++
		id = base + "-" + strconv.Itoa(s.next[base])
	}
	s.used[id] = true
	return []byte(id)
}

// Put implements parser.IDs: it reserves an explicit id.
func (s *headingIDs) Put(value []byte) {
	s.used[string(value)] = true
}

// IDText is text as part of a heading's id: it lower-cases s, turns whitespace into '-', keeps letters, digits,
// combining marks, '-' and '_', and drops everything else (punctuation,
// symbols, including full-width punctuation such as 、).
func IDText(s string) string {
	var b strings.Builder
	for _, r := range strings.TrimSpace(s) {
		switch {
		case unicode.IsLetter(r), unicode.IsDigit(r), unicode.IsMark(r), r == '-', r == '_':
			b.WriteRune(unicode.ToLower(r))
		case unicode.IsSpace(r):
			b.WriteByte('-')
		}
	}
	return b.String()
}

// headingTransformer gives every heading an id and records the table of
// contents. It runs after parsing, so the id comes from the heading's
// rendered text (not from its Markdown source, which may contain link
// URLs) and ids given explicitly with {#id} anywhere in the document are
// reserved first: an explicit id wins over an earlier generated one.
type headingTransformer struct{}

// Transform implements parser.ASTTransformer.
func (headingTransformer) Transform(doc *ast.Document, reader text.Reader, pc parser.Context) {
	st := stateOf(pc)
	if st == nil {
		return
	}
	source := reader.Source()
	var headings []*ast.Heading
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if h, ok := n.(*ast.Heading); ok && entering {
			headings = append(headings, h)
			return ast.WalkSkipChildren, nil
		}
		return ast.WalkContinue, nil
	})
	ids := pc.IDs()
	for _, h := range headings {
		if id, ok := explicitID(h); ok {
			ids.Put([]byte(id))
		}
	}
	for _, h := range headings {
		label := inlinePlain(h, source)
		id, ok := explicitID(h)
		if !ok {
			id = string(ids.Generate([]byte(label), ast.KindHeading))
			h.SetAttributeString("id", []byte(id))
		}
		st.toc = append(st.toc, Heading{Level: h.Level, ID: id, Text: label})
	}
}

// explicitID returns the id given with a {#id} attribute, if any.
func explicitID(h *ast.Heading) (string, bool) {
	v, ok := h.AttributeString("id")
	if !ok {
		return "", false
	}
	switch id := v.(type) {
	case []byte:
		return string(id), true
	case string:
		return id, true
	}
	return "", false
}
