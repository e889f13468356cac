package build

import (
	"html"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"showcase/internal/markdown"
	"showcase/internal/render"
	"showcase/internal/shortcode"
)

// This file puts the calls' output into a page: in its Markdown (place,
// markdownOutput) and, through tokens, in its HTML (finish).

// tokenPrefix starts the tokens of a body: lower-case letters, so that a
// token is a word to goldmark and keeps its case in a heading's id; longer
// when the body holds it already.
func tokenPrefix(body []byte) string {
	p := "hxsc"
	for strings.Contains(string(body), p) {
		p += "z"
	}
	return p
}

// token stands for html until finish puts it in place.
func (x *expansion) token(html string) string {
	x.outputs = append(x.outputs, html)
	return x.prefix + strconv.Itoa(len(x.outputs)-1) + "q"
}

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

// finish puts the outputs in place of their tokens: in the HTML (a token
// alone in a paragraph replaces it; in an attribute, the output's text),
// and as plain text in the plain text, summary, table of contents and links.
func (x *expansion) finish(r *markdown.Result) {
	if len(x.outputs) == 0 {
		return
	}
	expanded := make([]string, len(x.outputs))
	for i, o := range x.outputs {
		expanded[i] = x.expandHTML(o, expanded[:i])
	}
	r.HTML = []byte(x.expandHTML(string(r.HTML), expanded))
	plain := make([]string, len(expanded))
	for i, e := range expanded {
		plain[i] = render.PlainText(e)
	}
	text := func(s string) string { return x.replaceTokens(s, func(j int) string { return plain[j] }) }
	r.Plain, r.Summary = text(r.Plain), text(r.Summary)
	id := func(s string) string { return x.replaceTokens(s, func(j int) string { return idText(plain[j]) }) }
	for i := range r.TOC {
		r.TOC[i].Text, r.TOC[i].ID = text(r.TOC[i].Text), id(r.TOC[i].ID)
	}
	for i := range r.Anchors {
		r.Anchors[i] = id(r.Anchors[i])
	}
	for i := range r.Links {
		r.Links[i].Text, r.Links[i].Dest = text(r.Links[i].Text), text(r.Links[i].Dest)
	}
}

// expandHTML replaces the tokens of s (numbers below len(done)).
func (x *expansion) expandHTML(s string, done []string) string {
	if !strings.Contains(s, x.prefix) {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); {
		j, n, k := x.nextToken(s, i)
		if k < 0 {
			b.WriteString(s[i:])
			break
		}
		out := ""
		if j < len(done) {
			out = done[j]
		}
		start, end := k, k+n
		switch {
		case inTag(s, k):
			text := render.PlainText(out)
			if attributeName(s, k) == "id" {
				text = idText(text)
			}
			out = html.EscapeString(text)
		case strings.HasSuffix(s[i:k], "<p>") && strings.HasPrefix(s[end:], "</p>") && startsWithBlock(out):
			start, end = k-3, end+4 // a block alone in its paragraph: in its place
		}
		b.WriteString(s[i:start])
		b.WriteString(out)
		i = end
	}
	return b.String()
}

// replaceTokens replaces the tokens of s with what text gives for each.
func (x *expansion) replaceTokens(s string, text func(int) string) string {
	if !strings.Contains(s, x.prefix) {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); {
		j, n, k := x.nextToken(s, i)
		if k < 0 {
			b.WriteString(s[i:])
			break
		}
		b.WriteString(s[i:k])
		if j < len(x.outputs) {
			b.WriteString(text(j))
		}
		i = k + n
	}
	return b.String()
}

// nextToken finds the next token in s from i: its number, length and
// offset (-1 when none).
func (x *expansion) nextToken(s string, i int) (num, length, at int) {
	for {
		k := strings.Index(s[i:], x.prefix)
		if k < 0 {
			return 0, 0, -1
		}
		k += i
		d := k + len(x.prefix)
		e := d
		for e < len(s) && s[e] >= '0' && s[e] <= '9' {
			e++
		}
		if e > d && e < len(s) && s[e] == 'q' {
			n, err := strconv.Atoi(s[d:e])
			if err == nil {
				return n, e + 1 - k, k
			}
		}
		i = k + 1
	}
}

// inTag reports whether offset k of an HTML text is inside a tag.
func inTag(s string, k int) bool {
	return strings.LastIndexByte(s[:k], '<') > strings.LastIndexByte(s[:k], '>')
}

// attributeName is the name of the attribute whose value holds offset k.
func attributeName(s string, k int) string {
	eq := strings.LastIndex(s[:k], `="`)
	if eq < 0 {
		return ""
	}
	start := eq
	for start > 0 {
		r, size := utf8.DecodeLastRuneInString(s[:start])
		if unicode.IsSpace(r) || r == '<' {
			break
		}
		start -= size
	}
	return strings.ToLower(s[start:eq])
}

// idText is text as part of a heading's id, by the rule of package
// markdown: lower case, white space as '-', letters, digits, '-' and '_'.
func idText(s string) string {
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

// inline drops the <p> around HTML that is one paragraph, as Hugo's
// markdownify and RenderString do.
func inline(h []byte) string {
	s := strings.TrimSpace(string(h))
	if strings.HasPrefix(s, "<p>") && strings.HasSuffix(s, "</p>") && strings.Count(s, "<p>") == 1 {
		return s[3 : len(s)-4]
	}
	return s
}

// rewriter writes the Markdown with the calls' output in place, and
// remembers the body line of each of its lines.
type rewriter struct {
	b     strings.Builder
	lines []int // lines[i] is the body line of line i+1
	cur   int
}

// line says the next text starts at body line n.
func (w *rewriter) line(n int) {
	if len(w.lines) == 0 {
		w.lines = append(w.lines, n)
	}
	w.cur = n
}

// text writes body text as written.
func (w *rewriter) text(s string) {
	w.b.WriteString(s)
	for range strings.Count(s, "\n") {
		w.cur++
		w.lines = append(w.lines, w.cur)
	}
}

// output writes a call's output, all of it on the call's line n.
func (w *rewriter) output(s string, n int) {
	w.b.WriteString(s)
	for range strings.Count(s, "\n") {
		w.lines = append(w.lines, n)
	}
}

// bodyLine is the body line of line n of what was written.
func (w *rewriter) bodyLine(n int) int {
	switch {
	case len(w.lines) == 0:
		return 1
	case n < 1:
		return w.lines[0]
	case n > len(w.lines):
		return w.lines[len(w.lines)-1]
	}
	return w.lines[n-1]
}
