package markdown

import (
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
	"golang.org/x/text/unicode/norm"

	"showcase/internal/slug"
)

// headingIDs implements parser.IDs: ids are ASCII, Chinese spelled in
// pinyin ("一、主要做法" becomes "yi-zhu-yao-zuo-fa"), so that a link to a
// heading shared in a chat is not percent-encoded. Each heading also gets
// its id of before (the letters and digits of any script, "一主要做法"),
// kept as an alias anchor so that links made earlier still land. It is per
// document: a fresh value goes into each parser.Context.
type headingIDs struct {
	ids, aliases uniqueIDs
}

func newHeadingIDs() *headingIDs {
	return &headingIDs{ids: newUniqueIDs(), aliases: newUniqueIDs()}
}

// uniqueIDs makes ids unique within a document by appending -1, -2, ...
type uniqueIDs struct {
	used map[string]bool
	next map[string]int // next suffix to try for a base, so n repeats cost O(n)
}

func newUniqueIDs() uniqueIDs {
	return uniqueIDs{used: map[string]bool{}, next: map[string]int{}}
}

func (u uniqueIDs) unique(base string) string {
	id := base
	for u.used[id] {
		u.next[base]++
		id = base + "-" + strconv.Itoa(u.next[base])
	}
	u.used[id] = true
	return id
}

// Generate implements parser.IDs: it makes the ASCII id of value, unique
// by appending -1, -2, ...
func (s *headingIDs) Generate(value []byte, kind ast.NodeKind) []byte {
	return []byte(s.ids.unique(orDefault(IDText(string(value)), kind)))
}

// alias is the id a heading with text value had before ids were ASCII,
// made unique the way it was then.
func (s *headingIDs) alias(value string) string {
	return s.aliases.unique(orDefault(unicodeIDText(value), ast.KindHeading))
}

func orDefault(base string, kind ast.NodeKind) string {
	if base != "" {
		return base
	}
	if kind != ast.KindHeading {
		return "id"
	}
	return "heading"
}

// Put implements parser.IDs: it reserves an explicit id.
func (s *headingIDs) Put(value []byte) {
	s.ids.used[string(value)] = true
	s.aliases.used[string(value)] = true
}

// IDText is text as part of a heading's id, in ASCII: it lower-cases s,
// turns whitespace into '-', keeps letters (Latin ones without their
// accents), digits, '-' and '_', spells Chinese characters in toneless
// pinyin, one syllable each, joined by '-', and drops everything else
// (punctuation, symbols, including full-width punctuation such as 、):
// "2024 年工作总结" becomes "2024-nian-gong-zuo-zong-jie".
func IDText(s string) string {
	var b strings.Builder
	syllable := false // the last thing written is a pinyin syllable
	sep := func() {
		if b.Len() > 0 && !strings.HasSuffix(b.String(), "-") {
			b.WriteByte('-')
		}
	}
	for _, r := range norm.NFKD.String(unicodeIDText(s)) {
		switch {
		case unicode.Is(unicode.Han, r):
			py := slug.Syllable(r) // the first reading, toneless
			if py == "" {
				continue
			}
			sep()
			b.WriteString(py)
			syllable = true
		case r < unicode.MaxASCII:
			if syllable && r != '-' {
				sep()
			}
			b.WriteRune(r)
			syllable = false
		}
	}
	return b.String()
}

// unicodeIDText is the rule of heading ids before they were ASCII: it
// lower-cases s, turns whitespace into '-', keeps letters, digits,
// combining marks, '-' and '_' of any script, and drops everything else.
func unicodeIDText(s string) string {
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

// aliasAttribute holds a heading's alias anchor for renderHeading; the
// HTML renderer's attribute filter never writes it as an attribute.
const aliasAttribute = "showcase-alias"

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
	hids, _ := ids.(*headingIDs)
	for _, h := range headings {
		label := inlinePlain(h, source)
		id, ok := explicitID(h)
		if !ok {
			id = string(ids.Generate([]byte(label), ast.KindHeading))
			h.SetAttributeString("id", []byte(id))
			if hids != nil {
				if alias := hids.alias(label); alias != id && !ascii(alias) {
					h.SetAttributeString(aliasAttribute, []byte(alias))
				}
			}
		}
		st.toc = append(st.toc, Heading{Level: h.Level, ID: id, Text: label})
	}
}

func ascii(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// aliasOf returns the alias anchor of a heading, if it has one.
func aliasOf(h *ast.Heading) (string, bool) {
	v, ok := h.AttributeString(aliasAttribute)
	if !ok {
		return "", false
	}
	alias, _ := v.([]byte)
	return string(alias), len(alias) > 0
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
