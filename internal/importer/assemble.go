package importer

import (
	"fmt"
	"path"
	"path/filepath"
	"strings"
	"unicode/utf8"

	"showcase/internal/bundle"
	"showcase/internal/lang"
	"showcase/internal/mojibake"
)

// attachCaptions finds the caption of each picture: the paragraph under it
// (or, when it starts with a figure label, above it) that is styled as a
// caption, starts with 【图1】 or 图1, or is short and centred. The caption
// becomes the picture's alt text and is rewritten as "【图1】说明".
func attachCaptions(doc *document) {
	used := map[*block]bool{}
	for i, b := range doc.blocks {
		if b.kind != imageBlock {
			continue
		}
		var cap *block
		if i+1 < len(doc.blocks) && isCaption(doc.blocks[i+1], true) && !used[doc.blocks[i+1]] {
			cap = doc.blocks[i+1]
		} else if i > 0 && isCaption(doc.blocks[i-1], false) && !used[doc.blocks[i-1]] {
			cap = doc.blocks[i-1]
		}
		if cap == nil {
			continue
		}
		used[cap] = true
		text := strings.TrimSpace(plain(cap.spans))
		if b.image.caption == "" || captionText(text) != "" {
			b.image.caption = text
		}
		cap.spans = []span{{text: figureLabel(b.image.number) + captionText(text)}}
		cap.kind = paragraphBlock
	}
}

// draftCaptions gives a picture that has no caption but a description of
// its own in the source (Word's alt text) that description as the draft
// of its caption: its alt text, and "【图1】description" under it, for a
// person to check.
func draftCaptions(doc *document) {
	for i := 0; i < len(doc.blocks); i++ {
		b := doc.blocks[i]
		if b.kind != imageBlock || captionText(b.image.caption) != "" || b.image.description == "" {
			continue
		}
		img := b.image
		img.caption, img.drafted = img.description, true
		cap := &block{kind: paragraphBlock, spans: []span{{text: figureLabel(img.number) + img.description}}}
		doc.blocks = append(doc.blocks[:i+1], append([]*block{cap}, doc.blocks[i+1:]...)...)
		i++
	}
}

// isCaption reports a paragraph that reads as a caption; below a picture
// a short centred line will do, above it only a figure label.
func isCaption(b *block, below bool) bool {
	if b.kind != paragraphBlock {
		return false
	}
	text := strings.TrimSpace(plain(b.spans))
	switch {
	case text == "":
		return false
	case strings.HasPrefix(text, "【图"), figureLabelLength(text) > 0:
		return true
	case !below:
		return false
	case b.caption:
		return true
	}
	return b.center && utf8.RuneCountInString(text) <= 60 && !strings.HasSuffix(text, "。")
}

// assemble writes the page: title and date, front matter, body, and the
// notes about mojibake and pictures.
func assemble(doc *document, by Byline, opts Options, rep *Report) *Bundle {
	head := pageHead{title: strings.TrimSpace(opts.Title), byline: by, hints: true}
	if head.title == "" {
		head.title = doc.title
	}
	body := proofreadBody(doc.markdown(), opts.Words, rep)
	date, dateNote := pageDate(doc, body, opts)
	head.date, head.dateNote = date, dateNote.String()
	head.source, head.sourceHash = path.Base(filepath.ToSlash(rep.Source)), doc.hash
	b := &Bundle{Title: head.title, Date: head.date, Byline: by, Files: map[string][]byte{}, Report: rep, SourceHash: doc.hash}
	for _, img := range doc.images {
		if img.data != nil {
			b.Files[img.name] = img.data
		}
	}
	garbles := mojibake.Find(body)
	titleGarbles := mojibake.Find(head.title)
	var reasons []string
	if n := len(garbles) + len(titleGarbles); n > 0 {
		reasons = append(reasons, fmt.Sprintf("乱码 %d 处", n))
	}
	if head.dateNote != "" {
		reasons = append(reasons, "日期待核对")
	}
	if len(doc.notes) > 0 {
		reasons = append(reasons, "图片或链接待处理")
	}
	if len(reasons) > 0 {
		head.needsReview = true
		head.reviewReason = "导入时发现需人工处理的问题（" + strings.Join(reasons, "、") + "），见导入报告 (see the import report)"
	}
	front := head.frontMatter()
	offset := strings.Count(front, "\n") + 1 // the blank line after the front matter
	for _, g := range titleGarbles {
		rep.attend(2, "%s", lang.Sprintf("标题疑似乱码“%[1]s”，请对照原文改正", "mojibake in the title: %[1]q", g.Text))
	}
	for _, g := range garbles {
		rep.attend(offset+g.Line, "%s", lang.Sprintf("疑似乱码“%[1]s”（在“…%[2]s…”中），请对照原文改正", "mojibake %[1]q in …%[2]s…: compare with the original", g.Text, g.Context))
	}
	if head.title == "" {
		rep.attend(2, "%s", lang.Sprintf("缺少标题，请填写 title", "no title"))
	}
	if dateNote.zh != "" {
		rep.attend(3, "%s", dateNote.say())
	}
	lines := imageLines{body: body}
	for _, img := range doc.images {
		line := lines.find(img)
		if line > 0 {
			line += offset
		}
		switch {
		case img.drafted:
			rep.attend(line, "%s", lang.Sprintf("图%d 的说明取自 Word 中图片的替代文字，请核对", "picture %d: caption drafted from its description in Word, check it", img.number))
		case captionText(img.caption) == "":
			rep.attend(line, "%s", lang.Sprintf("图%[1]d 没有图片说明，请补写（也用作替代文本）", "picture %[1]d has no caption / alt text", img.number))
		}
	}
	if n := len(b.Files); n > 0 {
		rep.convert("%s", lang.Sprintf("提取图片 %[1]d 张", "%[1]d picture(s) extracted", n))
	}
	b.Slug = opts.Slug
	if b.Slug == "" {
		b.Slug = folderName(head.title, head.source)
	}
	b.Body = body
	b.Index = []byte(front + "\n" + body)
	return b
}

// folderName names the bundle's folder from the title's pinyin, else from
// the file's name (推进会.docx → tui-jin-hui), never from a date that may
// be a guess.
func folderName(title, file string) string {
	if s := bundle.ShortSlug(title); s != "" {
		return s
	}
	if s := bundle.ShortSlug(strings.TrimSuffix(file, path.Ext(file))); s != "" {
		return s
	}
	return "import"
}

// imageLines finds the body lines of pictures, which stand in the body in
// the order of their numbers: each search starts where the last one ended,
// so that finding every picture reads the body once.
type imageLines struct {
	body string
	at   int // the offset of the last picture found
	line int // the line of at, from 1
}

// find returns the body line of a picture's Markdown, 0 if not found.
func (l *imageLines) find(img *picture) int {
	target := "](" + img.name + ")"
	if img.data == nil {
		target = "](" + img.url
	}
	if l.line == 0 {
		l.line = 1
	}
	if i := strings.Index(l.body[l.at:], target); i >= 0 {
		l.line += strings.Count(l.body[l.at:l.at+i], "\n")
		l.at += i
		return l.line
	}
	if i := strings.Index(l.body[:l.at], target); i >= 0 { // out of order
		return strings.Count(l.body[:i], "\n") + 1
	}
	return 0
}
