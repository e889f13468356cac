package markdown

import (
	"bytes"
	"html"
	"regexp"
	"strings"

	gmhtml "github.com/yuin/goldmark/renderer/html"
	"github.com/yuin/goldmark/util"
)

// noBreak matches what a line should not break inside: a document number's
// year and number (〔2022〕15号, ［2022］15号) and a date (2022年3月5日,
// 2022年3月, 3月5日).
var noBreak = regexp.MustCompile(`[〔［]\d{4}[〕］]\d+号|\d{4}年\d{1,2}月(?:\d{1,2}日)?|\d{1,2}月\d{1,2}日`)

// Every match of noBreak holds 月 or 号: text without either (most text)
// skips the regular expression, which tries at every byte.
var month, number = []byte("月"), []byte("号")

func mayBreak(value []byte) bool {
	return bytes.Contains(value, month) || bytes.Contains(value, number)
}

// NoBreakClass is the class of the spans that keep a document number or a
// date on one line; the theme's CSS gives it white-space: nowrap.
const NoBreakClass = "nobr"

// NoBreak returns s as HTML text with each document number and date in a
// <span class="nobr">, so that 〔2022〕15号 does not break across lines.
func NoBreak(s string) string {
	if !strings.Contains(s, "月") && !strings.Contains(s, "号") {
		return html.EscapeString(s)
	}
	var b strings.Builder
	last := 0
	for _, m := range noBreak.FindAllStringIndex(s, -1) {
		b.WriteString(html.EscapeString(s[last:m[0]]))
		b.WriteString(`<span class="` + NoBreakClass + `">`)
		b.WriteString(html.EscapeString(s[m[0]:m[1]]))
		b.WriteString(`</span>`)
		last = m[1]
	}
	b.WriteString(html.EscapeString(s[last:]))
	return b.String()
}

// writeNoBreak writes a Markdown text segment as goldmark does, with each
// document number and date in a <span class="nobr">. The matches hold no
// character Markdown escapes or entities use, so cutting there is safe.
func writeNoBreak(w util.BufWriter, value []byte) {
	if !mayBreak(value) {
		gmhtml.DefaultWriter.Write(w, value)
		return
	}
	last := 0
	for _, m := range noBreak.FindAllIndex(value, -1) {
		gmhtml.DefaultWriter.Write(w, value[last:m[0]])
		_, _ = w.WriteString(`<span class="` + NoBreakClass + `">`)
		_, _ = w.Write(value[m[0]:m[1]])
		_, _ = w.WriteString(`</span>`)
		last = m[1]
	}
	gmhtml.DefaultWriter.Write(w, value[last:])
}
