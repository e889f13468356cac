package build

import (
	"html"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"showcase/internal/markdown"
	"showcase/internal/render"
)

// This file keeps the tokens that stand for HTML in a page's Markdown
// (see shortcodes.go) and puts the HTML in their place afterwards.

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
	r.HTML = x.expandHTML(r.HTML, expanded)
	plain := make([]string, len(expanded))
	for i, e := range expanded {
		plain[i] = render.PlainText(e)
	}
	text := func(s string) string { return x.replaceTokens(s, func(j int) string { return plain[j] }) }
	r.Plain, r.Summary = text(r.Plain), text(r.Summary)
	id := func(s string) string {
		return x.replaceTokens(s, func(j int) string { return markdown.IDText(plain[j]) })
	}
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
				text = markdown.IDText(text)
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

// inline drops the <p> around HTML that is one paragraph, as Hugo's
// markdownify and RenderString do.
func inline(h string) string {
	s := strings.TrimSpace(h)
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
