package importer

import (
	"fmt"
	"strings"
	"unicode/utf8"

	"showcase/internal/bundle"
	"showcase/internal/dates"
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
	switch {
	case !opts.Date.IsZero():
		head.date = opts.Date.In(cst)
	case doc.date != "":
		if t, ok := dates.Parse(doc.date); ok {
			head.date = t
			break
		}
		fallthrough
	default:
		if t, found, ok := dates.Guess(body, opts.Now); ok {
			head.date = t
			head.dateNote = fmt.Sprintf("日期由正文“%s”推断，请核对 (inferred from the text: check it)", found)
		} else {
			head.date = opts.Now.In(cst)
			head.dateNote = "原稿中没有日期，暂用导入当天，请改为发布日期 (no date in the source: today for now)"
		}
	}
	b := &Bundle{Title: head.title, Date: head.date, Byline: by, Files: map[string][]byte{}, Report: rep}
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
		rep.attend(2, "标题疑似乱码 (mojibake in the title) “%s”", g.Text)
	}
	for _, g := range garbles {
		rep.attend(offset+g.Line, "疑似乱码，请对照原文改正 (mojibake: compare with the original) “%s” 上下文 (context): …%s…", g.Text, g.Context)
	}
	if head.title == "" {
		rep.attend(2, "缺少标题 (no title)")
	}
	if head.dateNote != "" {
		rep.attend(3, "%s", head.dateNote)
	}
	for _, img := range doc.images {
		if captionText(img.caption) == "" {
			line := imageLine(body, img)
			if line > 0 {
				line += offset
			}
			rep.attend(line, "图%d 没有图片说明，请补写（也用作替代文本）(picture %d has no caption / alt text)", img.number, img.number)
		}
	}
	if n := len(b.Files); n > 0 {
		rep.convert("提取图片 %d 张 (pictures extracted)", n)
	}
	b.Slug = opts.Slug
	if b.Slug == "" {
		b.Slug = bundle.ShortSlug(head.title)
	}
	if b.Slug == "" {
		b.Slug = head.date.Format("2006-01-02")
	}
	b.Body = body
	b.Index = []byte(front + "\n" + body)
	return b
}

// imageLine is the body line of a picture's Markdown, 0 if not found.
func imageLine(body string, img *picture) int {
	target := "](" + img.name + ")"
	if img.data == nil {
		target = "](" + img.url
	}
	if i := strings.Index(body, target); i >= 0 {
		return strings.Count(body[:i], "\n") + 1
	}
	return 0
}
