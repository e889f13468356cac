package importer

import (
	"strings"
	"unicode/utf8"

	"showcase/internal/dates"
)

// findTitle finds the title of a document whose reader found none (Word's
// Title style and a web page's title are found by the readers) at the
// start of its body, takes it out of the body and says where it came from,
// for the report, in Chinese and English; "" when there is none. In order:
//
//  1. a first paragraph that is a heading of the top level (Word's
//     Heading 1 style or outline level 1, an HTML h1, a short bold line)
//     or short and centred, unless it numbers a part (一、… 第一章);
//  2. when guess is set (no title was given to the import), the first
//     line of the first paragraph when it reads like a title
//     (looksLikeTitle) and more text follows;
//  3. the title in the file's properties.
func findTitle(doc *document, guess bool) note {
	if doc.title != "" {
		return note{}
	}
	if len(doc.blocks) > 0 {
		b := doc.blocks[0]
		text := joinLines(plain(b.spans))
		styled := b.kind == headingBlock && b.level == 1 || b.kind == paragraphBlock && b.center
		if styled && markedTitle(text) {
			doc.title = text
			doc.blocks = doc.blocks[1:]
			if b.kind == headingBlock {
				return note{"标题取自第一段（标题样式或加粗）", "title: the first paragraph, a heading or bold"}
			}
			return note{"标题取自第一段（居中）", "title: the first paragraph, centred"}
		}
		if guess && b.kind == paragraphBlock && firstLineTitle(doc) {
			return note{"标题取自正文第一行", "title: the first line of the text"}
		}
	}
	if doc.propertiesTitle != "" {
		doc.title = doc.propertiesTitle
		return note{"标题取自文件属性", "title: the file's properties"}
	}
	return note{"", ""}
}

// markedTitle reports the text of a paragraph its author set apart as a
// title (heading, bold or centred): short, not a sentence, not a numbered
// part, not a date.
func markedTitle(text string) bool {
	n := utf8.RuneCountInString(text)
	return n >= 2 && n <= 60 && !strings.HasSuffix(text, "。") && !strings.HasSuffix(text, "：") &&
		!chineseHeading1.MatchString(text) && !chineseHeading2.MatchString(text) && !dates.IsDateLine(text)
}

// firstLineTitle makes the first line of the first block the title when
// it reads like one and text follows it.
func firstLineTitle(doc *document) bool {
	b := doc.blocks[0]
	text := plain(b.spans)
	line, rest, _ := strings.Cut(text, "\n")
	line = strings.TrimSpace(line)
	if !looksLikeTitle(line) || strings.TrimSpace(rest) == "" && len(doc.blocks) == 1 {
		return false
	}
	doc.title = line
	if strings.TrimSpace(rest) == "" {
		doc.blocks = doc.blocks[1:]
		return true
	}
	cutPrefix(b.spans, len(text)-len(rest))
	trimSpans(b.spans)
	return true
}
