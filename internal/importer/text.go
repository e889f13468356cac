package importer

import (
	"bytes"
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/encoding/simplifiedchinese"
	utf16 "golang.org/x/text/encoding/unicode"

	"showcase/internal/dates"
)

// decodeText returns data as UTF-8 text. A file that is not valid UTF-8 is
// read as GB18030 (GBK), which is what Notepad and older Word save on
// Chinese Windows; the note says so for the report.
func decodeText(data []byte) (text, note string) {
	if bytes.HasPrefix(data, []byte{0xff, 0xfe}) || bytes.HasPrefix(data, []byte{0xfe, 0xff}) {
		// Notepad's "Unicode": UTF-16 with its byte-order mark
		out, err := utf16.UTF16(utf16.LittleEndian, utf16.ExpectBOM).NewDecoder().Bytes(data)
		if err == nil && utf8.Valid(out) {
			return normalizeNewlines(string(out)), "文件编码为 UTF-16，已转为 UTF-8 (converted from UTF-16)"
		}
	}
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
	if utf8.Valid(data) {
		return normalizeNewlines(string(data)), ""
	}
	out, err := simplifiedchinese.GB18030.NewDecoder().Bytes(data)
	if err != nil || !utf8.Valid(out) {
		return normalizeNewlines(strings.ToValidUTF8(string(data), "\uFFFD")), "文件不是 UTF-8，其中无效字节已替换为 \uFFFD (not UTF-8: invalid bytes replaced)"
	}
	return normalizeNewlines(string(out)), "文件编码为 GBK/GB18030，已转为 UTF-8 (converted from GBK/GB18030)"
}

func normalizeNewlines(s string) string {
	return strings.ReplaceAll(strings.ReplaceAll(s, "\r\n", "\n"), "\r", "\n")
}

var (
	// 一、主要做法 / （一）强化政治引领 / 第一部分 — a heading when short.
	chineseHeading1 = regexp.MustCompile(`^(?:[一二三四五六七八九十]+、|第[一二三四五六七八九十]+[部章节分]+)`)
	chineseHeading2 = regexp.MustCompile(`^[（(][一二三四五六七八九十]+[）)]`)
	bulletStart     = regexp.MustCompile(`^[•●·▪■◆◇○◎★☆]\s*`)
	numberedStart   = regexp.MustCompile(`^\d{1,2}[.．)）]\s*`)
)

// readText makes a document of plain text. Paragraphs are separated by
// blank lines when the text has any, else each line is a paragraph (text
// copied from a web page). A first line that reads like a title
// (looksLikeTitle) is the title; short lines such as 一、主要做法 become
// headings; lines starting with • or 1. become list items.
func readText(text string) *document {
	d := &document{}
	text = strings.TrimLeftFunc(text, unicode.IsSpace)
	if line, rest, ok := strings.Cut(text, "\n"); ok && strings.TrimSpace(rest) != "" && looksLikeTitle(strings.TrimSpace(line)) {
		d.title = strings.TrimSpace(line)
		text = rest
	}
	var paras []string
	if strings.Contains(text, "\n\n") || strings.Contains(text, "\n \n") {
		for _, p := range blankLine.Split(text, -1) {
			paras = append(paras, splitMarkedLines(p)...)
		}
	} else {
		paras = strings.Split(text, "\n")
	}
	for _, p := range paras {
		p = strings.TrimFunc(p, unicode.IsSpace)
		if p == "" {
			continue
		}
		d.blocks = append(d.blocks, textBlock(p))
	}
	return d
}

// textBlock classifies one paragraph of plain text.
func textBlock(p string) *block {
	short := utf8.RuneCountInString(p) <= 30 && !endsSentence(p)
	switch {
	case short && chineseHeading1.MatchString(p):
		return &block{kind: headingBlock, level: 1, spans: []span{{text: p}}}
	case short && chineseHeading2.MatchString(p):
		return &block{kind: headingBlock, level: 2, spans: []span{{text: p}}}
	case bulletStart.MatchString(p):
		return &block{kind: listBlock, spans: []span{{text: bulletStart.ReplaceAllString(p, "")}}}
	case numberedStart.MatchString(p) && utf8.RuneCountInString(p) > 3:
		return &block{kind: listBlock, ordered: true, spans: []span{{text: numberedStart.ReplaceAllString(p, "")}}}
	}
	return &block{kind: paragraphBlock, spans: []span{{text: p}}}
}

var blankLine = regexp.MustCompile(`\n[ \t\x{3000}]*\n`)

// splitMarkedLines joins the lines of a blank-line block into paragraphs,
// except that a line reading as a heading or list item stands alone.
func splitMarkedLines(block string) []string {
	var out []string
	var cur []string
	for _, l := range strings.Split(block, "\n") {
		t := strings.TrimFunc(l, unicode.IsSpace)
		if b := textBlock(t); t != "" && b.kind != paragraphBlock {
			if len(cur) > 0 {
				out = append(out, joinLines(strings.Join(cur, "\n")))
				cur = nil
			}
			out = append(out, t)
			continue
		}
		cur = append(cur, l)
	}
	if len(cur) > 0 {
		out = append(out, joinLines(strings.Join(cur, "\n")))
	}
	return out
}

// joinLines joins the lines of a paragraph: without a space between Chinese
// characters, with one between Latin words.
func joinLines(p string) string {
	lines := strings.Split(p, "\n")
	var b strings.Builder
	for i, l := range lines {
		l = strings.TrimFunc(l, unicode.IsSpace)
		if i > 0 && b.Len() > 0 && l != "" {
			prev, _ := utf8.DecodeLastRuneInString(b.String())
			next, _ := utf8.DecodeRuneInString(l)
			if prev < utf8.RuneSelf && next < utf8.RuneSelf {
				b.WriteByte(' ')
			}
		}
		b.WriteString(l)
	}
	return b.String()
}

// looksLikeTitle reports a line that reads like a headline: short, not
// ending like a sentence, without a sentence's commas, and neither a date
// line, a numbered part (一、…) nor a byline (通讯员：…).
func looksLikeTitle(s string) bool {
	n := utf8.RuneCountInString(s)
	if n < 4 || n > 50 || endsSentence(s) || strings.ContainsAny(s, "。，,;；") {
		return false
	}
	if chineseHeading1.MatchString(s) || chineseHeading2.MatchString(s) || dates.IsDateLine(s) {
		return false
	}
	_, byline := ParseByline(strings.Trim(s, "（）()"))
	return !byline
}

func endsSentence(s string) bool {
	r, _ := utf8.DecodeLastRuneInString(s)
	return strings.ContainsRune("。！？；：，,.!?;:…", r)
}

// cjk reports Han characters and CJK punctuation.
func cjk(r rune) bool {
	return unicode.Is(unicode.Han, r) || r >= 0x3000 && r <= 0x303f || r >= 0xff00 && r <= 0xffef ||
		r == '“' || r == '”' || r == '‘' || r == '’' || r == '…' || r == '—'
}
