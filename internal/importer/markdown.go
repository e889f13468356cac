package importer

import (
	"strconv"
	"strings"
	"unicode"
)

// markdown writes the document's body: blocks separated by a blank line
// (list items of one list by a line break), text escaped so that nothing
// of the source is read as Markdown syntax.
func (d *document) markdown() string {
	var b strings.Builder
	for i, bl := range d.blocks {
		if i > 0 {
			if bl.kind == listBlock && d.blocks[i-1].kind == listBlock {
				b.WriteString("\n")
			} else {
				b.WriteString("\n\n")
			}
		}
		b.WriteString(bl.markdown())
	}
	if b.Len() > 0 {
		b.WriteString("\n")
	}
	return b.String()
}

func (bl *block) markdown() string {
	switch bl.kind {
	case headingBlock:
		return strings.Repeat("#", max(1, min(bl.level, 6))) + " " + inlineMarkdown(bl.spans, false)
	case listBlock:
		marker := "- "
		if bl.ordered {
			marker = "1. "
		}
		return strings.Repeat("  ", max(0, min(bl.level, 8))) + marker + inlineMarkdown(bl.spans, false)
	case quoteBlock:
		return "> " + strings.ReplaceAll(inlineMarkdown(bl.spans, false), "\n", "\n> ")
	case tableBlock:
		return tableMarkdown(bl.rows)
	case imageBlock:
		img := bl.image
		src := img.name
		if img.data == nil {
			src = img.url
		}
		return "![" + escapeText(captionText(img.caption), true) + "](" + destination(src) + ")"
	}
	return escapeLineStart(inlineMarkdown(bl.spans, false))
}

// tableMarkdown writes a GitHub table; the first row is the header.
func tableMarkdown(rows [][][]span) string {
	width := 0
	for _, r := range rows {
		width = max(width, len(r))
	}
	if width == 0 {
		return ""
	}
	var b strings.Builder
	for i, r := range rows {
		b.WriteString("|")
		for c := 0; c < width; c++ {
			cell := ""
			if c < len(r) {
				cell = inlineMarkdown(r[c], true)
			}
			b.WriteString(" " + cell + " |")
		}
		b.WriteString("\n")
		if i == 0 {
			b.WriteString("|" + strings.Repeat(" --- |", width) + "\n")
		}
	}
	return strings.TrimSuffix(b.String(), "\n")
}

// inlineMarkdown writes spans with ** and * and links. Adjacent spans of
// the same formatting are merged; white space at a span's edge goes
// outside its markers, where CommonMark wants it.
func inlineMarkdown(spans []span, inTable bool) string {
	// Neighbours of one formatting merge into one span, joined once: a
	// paragraph may hold any number of runs.
	var merged []span
	for i := 0; i < len(spans); {
		j := i + 1
		for j < len(spans) && spans[j].bold == spans[i].bold && spans[j].italic == spans[i].italic && spans[j].link == spans[i].link {
			j++
		}
		s := spans[i]
		if j > i+1 {
			var text strings.Builder
			for _, t := range spans[i:j] {
				text.WriteString(t.text)
			}
			s.text = text.String()
		}
		merged = append(merged, s)
		i = j
	}
	var b strings.Builder
	for _, s := range merged {
		text := escapeText(s.text, inTable)
		if inTable {
			text = strings.ReplaceAll(text, "\n", " ")
		}
		core := strings.TrimFunc(text, unicode.IsSpace)
		if core == "" {
			b.WriteString(text)
			continue
		}
		lead := text[:strings.Index(text, core)]
		trail := text[len(lead)+len(core):]
		switch {
		case s.bold && s.italic:
			core = "***" + core + "***"
		case s.bold:
			core = "**" + core + "**"
		case s.italic:
			core = "*" + core + "*"
		}
		if s.link != "" {
			core = "[" + core + "](" + destination(s.link) + ")"
		}
		b.WriteString(lead + core + trail)
	}
	return b.String()
}

// escapeText backslash-escapes the characters Markdown would read as
// syntax inside a line.
func escapeText(s string, inTable bool) string {
	var b strings.Builder
	for _, r := range s {
		switch r {
		case '\\', '*', '_', '`', '[', ']', '<':
			b.WriteByte('\\')
		case '|':
			if inTable {
				b.WriteByte('\\')
			}
		}
		b.WriteRune(r)
	}
	return b.String()
}

// escapeLineStart escapes what would start a heading, quote, list or rule
// at the beginning of a line of a paragraph.
func escapeLineStart(s string) string {
	lines := strings.Split(s, "\n")
	for i, l := range lines {
		switch {
		case strings.HasPrefix(l, "#"), strings.HasPrefix(l, ">"), strings.HasPrefix(l, "+ "),
			strings.HasPrefix(l, "- "), strings.HasPrefix(l, "="), l == "-" || strings.HasPrefix(l, "---"):
			lines[i] = "\\" + l
		default:
			if n := leadingDigits(l); n > 0 && n < len(l) && (l[n] == '.' || l[n] == ')') {
				lines[i] = l[:n] + "\\" + l[n:]
			}
		}
	}
	return strings.Join(lines, "\n")
}

func leadingDigits(s string) int {
	n := 0
	for n < len(s) && n < 9 && s[n] >= '0' && s[n] <= '9' {
		n++
	}
	return n
}

// destination writes a link or image destination, in <> when it holds
// spaces or parentheses.
func destination(d string) string {
	if strings.ContainsAny(d, " ()<>") {
		return "<" + strings.NewReplacer("<", "%3C", ">", "%3E").Replace(d) + ">"
	}
	return d
}

// captionText is a caption without its figure number: "【图1】会议现场" →
// "会议现场", for the image's alt text.
func captionText(c string) string {
	c = strings.TrimSpace(c)
	if rest, ok := strings.CutPrefix(c, "【"); ok {
		if i := strings.Index(rest, "】"); i >= 0 && isFigureLabel(rest[:i]) {
			c = rest[i+len("】"):]
		}
	} else if n := figureLabelLength(c); n > 0 {
		c = c[n:]
	}
	return strings.TrimFunc(c, func(r rune) bool { return unicode.IsSpace(r) || r == '：' || r == ':' })
}

// isFigureLabel reports "图1", "图 2", "图一".
func isFigureLabel(s string) bool {
	return figureLabelLength(s) == len(s) && s != ""
}

// figureLabelLength measures a leading "图1" / "图 12" / "图三".
func figureLabelLength(s string) int {
	rest, ok := strings.CutPrefix(s, "图")
	if !ok {
		if rest, ok = strings.CutPrefix(s, "圖"); !ok {
			return 0
		}
	}
	rest = strings.TrimLeft(rest, " ")
	n := len(s) - len(rest)
	digits := 0
	for _, r := range rest {
		if r >= '0' && r <= '9' || strings.ContainsRune("一二三四五六七八九十", r) {
			digits += len(string(r))
			continue
		}
		break
	}
	if digits == 0 {
		return 0
	}
	return n + digits
}

// figureLabel is the caption marker of the n-th image, "【图1】".
func figureLabel(n int) string { return "【图" + strconv.Itoa(n) + "】" }
