package build

import (
	"strings"
	"unicode"

	"showcase/internal/render"
	"showcase/internal/shortcode"
)

// This file puts the calls' output into a page's Markdown: as it is, as a
// token (shortcodetokens.go), or as Markdown with tokens for its tags.

// place is what goes into the Markdown for a call's output.
func (x *expansion) place(c *shortcode.Call, out callOutput) string {
	if !c.Alone {
		// a template file's last line break, within a line of text: in
		// Chinese a browser would show it as a space
		out.text = strings.TrimRight(out.text, "\r\n")
	}
	switch {
	case out.authored:
		return indentLines(out.text, c.Indent)
	case out.markdown:
		return indentLines(x.markdownOutput(out.text, out.inner), c.Indent)
	case plainWords(out.text):
		return out.text
	}
	tok := x.token(out.text)
	if c.Alone && startsWithBlock(out.text) {
		// a block of its own, even right below a paragraph's line
		return "\n" + c.Indent + tok + "\n" + c.Indent
	}
	return tok
}

// indentLines indents every line of s after the first.
func indentLines(s, indent string) string {
	if indent == "" {
		return s
	}
	return strings.ReplaceAll(s, "\n", "\n"+indent)
}

// plainWords reports an output that reads the same as Markdown: one line
// of letters, digits and the punctuation of URLs, starting with none that
// could open a block.
func plainWords(s string) bool {
	if s == "" || strings.TrimSpace(s) != s || strings.Contains(s, "://") || strings.HasPrefix(s, "www.") {
		return false // a URL: goldmark would make it a link
	}
	if d := strings.TrimLeft(s, "0123456789"); len(d) < len(s) && d != "" && (d[0] == '.' || d[0] == ')') {
		return false // an ordered list
	}
	for i, r := range s {
		switch {
		case r > unicode.MaxASCII:
			if unicode.IsSpace(r) || unicode.IsControl(r) {
				return false
			}
		case r >= 'a' && r <= 'z', r >= 'A' && r <= 'Z', r >= '0' && r <= '9':
		case r == '/', r == '.', r == ',', r == ':', r == ';', r == '?', r == '@', r == '\'':
		case r == ' ', r == '-', r == '+', r == '=', r == '#', r == '%':
			if i == 0 {
				return false // a list, a heading, a rule
			}
		default:
			return false
		}
	}
	return true
}

// markdownOutput is a {{% %}} call's output as Markdown: each run of HTML
// tags its template wrote (not those inside inner, the page's own text)
// becomes a token; a run with a block element (<div>, <figure>, <pre>…)
// becomes a paragraph of its own, so that goldmark neither wraps it in <p>
// nor reads the template's indentation as code.
func (x *expansion) markdownOutput(out, inner string) string {
	from, to := -1, -1
	if strings.TrimSpace(inner) != "" {
		if i := strings.Index(out, inner); i >= 0 {
			from, to = i, i+len(inner)
		}
	}
	var b strings.Builder
	var group strings.Builder // tags waiting to become one token
	block := false
	flush := func() {
		if group.Len() == 0 {
			return
		}
		tok := x.token(group.String())
		if block {
			b.WriteString("\n\n" + tok + "\n\n")
		} else {
			b.WriteString(tok)
		}
		group.Reset()
		block = false
	}
	trimIndent := func() { // the template's indentation before a tag or the inner text
		s := b.String()
		t := strings.TrimRight(s, " \t")
		if len(t) < len(s) && (t == "" || strings.HasSuffix(t, "\n")) {
			b.Reset()
			b.WriteString(t)
		}
	}
	for i := 0; i < len(out); {
		if i == from {
			flush()
			trimIndent()
			b.WriteString(inner)
			i = to
			continue
		}
		limit := len(out)
		if i < from {
			limit = from // an element does not reach into the inner text
		}
		if n, isBlock := htmlTagAt(out[:limit], i); n > 0 {
			if group.Len() == 0 {
				trimIndent()
			}
			group.WriteString(out[i : i+n])
			block = block || isBlock
			i += n
			continue
		}
		j := i + 1
		for j < len(out) && out[j] != '<' && j != from {
			j++
		}
		if group.Len() > 0 && strings.TrimSpace(out[i:j]) == "" && j < len(out) && j != from {
			if m, _ := htmlTagAt(out, j); m > 0 {
				group.WriteString(out[i:j]) // white space between tags stays in the token
				i = j
				continue
			}
		}
		flush()
		b.WriteString(out[i:j])
		i = j
	}
	flush()
	return b.String()
}

// htmlTagAt reads an HTML tag or comment at s[i:]: its length (0 if none)
// and whether it is a block. An element whose content is text, not blocks
// (<pre>, <script>, <p>, <h2>, <summary>, <li> …), is read whole, content
// and closing tag included, when its closing tag is in s.
func htmlTagAt(s string, i int) (int, bool) {
	if s[i] != '<' || i+1 >= len(s) {
		return 0, false
	}
	rest := s[i:]
	if strings.HasPrefix(rest, "<!--") {
		if k := strings.Index(rest[4:], "-->"); k >= 0 {
			return k + 7, false
		}
		return 0, false
	}
	closing := rest[1] == '/'
	nameStart := 1
	if closing {
		nameStart = 2
	}
	k := nameStart
	for k < len(rest) && (rest[k] >= 'a' && rest[k] <= 'z' || rest[k] >= 'A' && rest[k] <= 'Z' || k > nameStart && (rest[k] >= '0' && rest[k] <= '9' || rest[k] == '-')) {
		k++
	}
	if k == nameStart || k == len(rest) || !(rest[k] == '>' || rest[k] == '/' || rest[k] == ' ' || rest[k] == '\t' || rest[k] == '\n' || rest[k] == '\r') {
		return 0, false
	}
	name := strings.ToLower(rest[nameStart:k])
	end := strings.IndexByte(rest[k:], '>')
	if end < 0 || strings.ContainsRune(rest[k:k+end], '<') {
		return 0, false
	}
	n := k + end + 1
	if !closing && textElements[name] {
		if c := indexFold(rest[n:], "</"+name+">"); c >= 0 {
			return n + c + len(name) + 3, true
		}
	}
	return n, render.BlockTag(name)
}

// indexFold is strings.Index ignoring the case of ASCII letters (sub is
// lower case).
func indexFold(s, sub string) int {
	for i := 0; i+len(sub) <= len(s); i++ {
		j := 0
		for j < len(sub) && lower(s[i+j]) == sub[j] {
			j++
		}
		if j == len(sub) {
			return i
		}
	}
	return -1
}

func lower(c byte) byte {
	if c >= 'A' && c <= 'Z' {
		return c + 'a' - 'A'
	}
	return c
}

// textElements are the block elements whose content is text or raw text.
var textElements = map[string]bool{
	"pre": true, "script": true, "style": true, "textarea": true, "p": true, "h1": true, "h2": true, "h3": true,
	"h4": true, "h5": true, "h6": true, "summary": true, "figcaption": true, "caption": true, "dt": true,
	"dd": true, "li": true, "th": true, "td": true, "legend": true,
}

// startsWithBlock reports HTML that starts with a block element.
func startsWithBlock(s string) bool {
	s = strings.TrimLeft(s, " \t\r\n")
	if s == "" {
		return false
	}
	_, block := htmlTagAt(s, 0)
	return block
}
