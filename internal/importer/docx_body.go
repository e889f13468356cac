package importer

import (
	"fmt"
	"path"
	"strconv"
	"strings"
	"unicode/utf8"

	"showcase/internal/markdown"
)

// docxReader walks word/document.xml into a document.
type docxReader struct {
	pkg    *docxPackage
	doc    *document
	tables int // how many tables this reader is inside
}

// maxTableNesting is how deep tables may stand in tables: each level
// copies the text of the ones inside it.
const maxTableNesting = 8

// readDocx makes a document of a Word .docx file: headings (by style),
// paragraphs with bold and italic, lists (Word numbering, or typed • and
// 1.), tables, hyperlinks and embedded pictures. Deleted revisions, field
// codes, bookmarks and pictures linked to the author's own disk
// (file:///C:/…) are left out.
func readDocx(data []byte) (*document, error) {
	pkg, root, err := openDocx(data)
	if err != nil {
		return nil, err
	}
	r := &docxReader{pkg: pkg, doc: &document{}}
	body := root.find("body")
	if len(body) == 0 {
		return r.doc, nil
	}
	r.blocks(body[0])
	if pkg.refused != nil {
		return nil, pkg.refused
	}
	if r.doc.title == "" {
		props, err := pkg.optionalXMLPart("docProps/core.xml")
		if err != nil {
			return nil, err
		}
		if t := props.find("title"); len(t) > 0 {
			r.doc.title = strings.TrimSpace(t[0].text)
		}
	}
	return r.doc, nil
}

// blocks reads the block-level children of the body, a cell or a content
// control.
func (r *docxReader) blocks(n *xmlNode) {
	for _, c := range n.children {
		switch c.local {
		case "p":
			r.paragraph(c)
		case "tbl":
			r.table(c)
		case "sdt", "sdtContent", "customXml", "ins":
			r.blocks(c)
		}
	}
}

// paragraph reads one w:p: its style decides heading, list item or
// caption; a picture inside splits it so the picture stands where it was.
func (r *docxReader) paragraph(p *xmlNode) {
	ppr := p.child("pPr")
	style := r.pkg.styles[ppr.child("pStyle").attr("val")]
	kind, level, ordered := paragraphBlock, 0, false
	if lvl := ppr.child("outlineLvl"); lvl != nil {
		if n, err := strconv.Atoi(lvl.attr("val")); err == nil && n < 9 {
			style.heading = n + 1
		}
	}
	switch {
	case style.heading > 0:
		kind, level = headingBlock, style.heading
	case ppr.child("numPr") != nil:
		num := ppr.child("numPr")
		kind = listBlock
		level, _ = strconv.Atoi(num.child("ilvl").attr("val"))
		ordered = !r.pkg.bullets[num.child("numId").attr("val")]
	}
	centered := ppr.child("jc").attr("val") == "center"
	var spans []span
	flush := func() {
		text := plain(spans)
		if strings.TrimSpace(text) == "" {
			spans = nil
			return
		}
		if style.title && r.doc.title == "" {
			r.doc.title, r.doc.titleStyled = text, true
			spans = nil
			return
		}
		b := &block{kind: kind, level: level, ordered: ordered, spans: spans, caption: style.caption, center: centered}
		if kind == paragraphBlock {
			b = typedMarkup(b)
		}
		r.doc.blocks = append(r.doc.blocks, b)
		spans = nil
	}
	r.inline(p, &spans, "", flush)
	before := len(r.doc.blocks) + len(r.doc.images)
	flush()
	if len(r.doc.blocks)+len(r.doc.images) == before && !style.title && len(p.find("drawing"))+len(p.find("pict")) == 0 {
		r.doc.dropped++
	}
}

// typedMarkup turns a plain Word paragraph into what its typing means: a
// bold short line (一、主要做法) is a heading, a typed • or 1. a list item.
func typedMarkup(b *block) *block {
	text := plain(b.spans)
	allBold := true
	for _, s := range b.spans {
		if strings.TrimSpace(s.text) != "" && !s.bold {
			allBold = false
		}
	}
	short := utf8.RuneCountInString(text) <= 30 && !endsSentence(text)
	if short && (allBold && !b.center || chineseHeading1.MatchString(text)) {
		level := 1
		if chineseHeading2.MatchString(text) {
			level = 2
		}
		for i := range b.spans {
			b.spans[i].bold = false
		}
		return &block{kind: headingBlock, level: level, spans: b.spans}
	}
	for _, re := range []struct {
		ordered bool
		marker  func(string) string
	}{{false, bulletStart.FindString}, {true, numberedStart.FindString}} {
		if m := re.marker(text); m != "" && len(text) > len(m) {
			b.kind, b.ordered = listBlock, re.ordered
			cutPrefix(b.spans, len(m))
			return b
		}
	}
	return b
}

// cutPrefix removes n bytes of text from the start of spans.
func cutPrefix(spans []span, n int) {
	for i := range spans {
		if n <= 0 {
			return
		}
		k := min(n, len(spans[i].text))
		spans[i].text = spans[i].text[k:]
		n -= k
	}
}

// inline reads the runs of a paragraph (or of a hyperlink inside it).
func (r *docxReader) inline(n *xmlNode, spans *[]span, link string, flush func()) {
	for _, c := range n.children {
		switch c.local {
		case "r":
			r.run(c, spans, link, flush)
		case "hyperlink":
			target := ""
			if rel, ok := r.pkg.rels[c.attr("id")]; ok && rel.external {
				target = rel.target
			}
			if strings.HasPrefix(strings.ToLower(target), "file:") {
				r.doc.notes = append(r.doc.notes, "删除了指向本机文件的链接 "+target+" (removed a link to a local file)")
				target = ""
			}
			if markdown.DangerousURL(target) {
				target = "" // script (javascript:, vbscript:, data:): the text stays
			}
			r.inline(c, spans, target, flush)
		case "ins", "smartTag", "sdt", "sdtContent", "fldSimple", "customXml":
			r.inline(c, spans, link, flush)
		}
	}
}

// run reads a w:r: its bold and italic, text, tabs, breaks and pictures.
func (r *docxReader) run(n *xmlNode, spans *[]span, link string, flush func()) {
	rpr := n.child("rPr")
	on := func(name string) bool {
		e := rpr.child(name)
		if e == nil {
			return false
		}
		v := e.attr("val")
		return v == "" || v == "1" || v == "true" || v == "on"
	}
	s := span{bold: on("b"), italic: on("i"), link: link}
	var text strings.Builder // a run may hold any number of w:t
	for _, c := range n.children {
		switch c.local {
		case "t":
			text.WriteString(c.text)
		case "tab":
			text.WriteString(" ")
		case "br", "cr":
			if c.attr("type") != "page" {
				text.WriteString("\n")
			}
		case "noBreakHyphen":
			text.WriteString("-")
		case "drawing", "pict", "object":
			s.text = text.String()
			*spans = append(*spans, s)
			text.Reset()
			flush()
			r.pictures(c)
		}
	}
	s.text = text.String()
	*spans = append(*spans, s)
}

// pictures extracts the images a drawing refers to (a:blip r:embed, or
// v:imagedata r:id in older files) and adds an image block for each.
func (r *docxReader) pictures(n *xmlNode) {
	var ids []string
	for _, b := range n.find("blip") {
		ids = append(ids, b.attr("embed"), b.attr("link"))
	}
	for _, v := range n.find("imagedata") {
		ids = append(ids, v.attr("id"))
	}
	for _, id := range ids {
		rel, ok := r.pkg.rels[id]
		if id == "" || !ok {
			continue
		}
		if len(r.doc.images) >= maxPictures {
			r.pkg.refused = tooManyPictures()
			return
		}
		if rel.external {
			r.doc.notes = append(r.doc.notes, "图片链接到外部文件 "+rel.target+"，未能导入，请另附原图 (a linked, not embedded, picture was left out)")
			continue
		}
		data, err := r.pkg.media(rel.target)
		if err != nil {
			r.doc.notes = append(r.doc.notes, "图片 "+rel.target+" 无法读取: "+err.Error()+" (picture unreadable)")
			continue
		}
		ext := strings.ToLower(path.Ext(rel.target))
		if ext == ".jpeg" {
			ext = ".jpg"
		}
		img := &picture{data: data, number: len(r.doc.images) + 1}
		img.name = "image-" + strconv.Itoa(img.number) + ext
		img.description = pictureDescription(n)
		if ext == ".emf" || ext == ".wmf" {
			r.doc.notes = append(r.doc.notes, img.name+" 是 Word 矢量图 (EMF/WMF)，浏览器无法显示，请另存为 JPG 或 PNG (a Windows vector picture browsers cannot show)")
		}
		r.doc.images = append(r.doc.images, img)
		r.doc.blocks = append(r.doc.blocks, &block{kind: imageBlock, image: img})
	}
}

// table reads a w:tbl into rows of cells. Merged cells repeat nothing: the
// cells a merge covers stay empty. Pictures in a cell follow the table.
func (r *docxReader) table(t *xmlNode) {
	if r.tables >= maxTableNesting {
		r.pkg.refused = fmt.Errorf("表格里套表格超过 %d 层，请在 Word 中简化表格后再导入（tables nested more than %d deep）", maxTableNesting, maxTableNesting)
		return
	}
	tb := &block{kind: tableBlock}
	var after []*block
	for _, tr := range t.children {
		if tr.local != "tr" {
			continue
		}
		var row [][]span
		for _, tc := range tr.children {
			if tc.local != "tc" {
				continue
			}
			cell := &docxReader{pkg: r.pkg, doc: &document{images: r.doc.images}, tables: r.tables + 1}
			cell.blocks(tc)
			var spans []span
			for i, b := range cell.doc.blocks {
				if b.kind == imageBlock {
					after = append(after, b)
					continue
				}
				if i > 0 && len(spans) > 0 {
					spans = append(spans, span{text: " "})
				}
				spans = append(spans, b.spans...)
				for _, sub := range b.rows {
					for _, c := range sub {
						spans = append(spans, span{text: " "})
						spans = append(spans, c...)
					}
				}
			}
			r.doc.images = cell.doc.images
			r.doc.notes = append(r.doc.notes, cell.doc.notes...)
			row = append(row, spans)
			// The cells a merge covers count against the element budget,
			// or 64 of them for each small w:tc would multiply a table.
			if span, _ := strconv.Atoi(tc.child("tcPr").child("gridSpan").attr("val")); span > 1 {
				for k := 1; k < span && k < 64 && r.pkg.xml.elements > 0; k++ {
					row = append(row, nil)
					r.pkg.xml.elements--
				}
			}
		}
		tb.rows = append(tb.rows, row)
	}
	if len(tb.rows) > 0 {
		r.doc.blocks = append(r.doc.blocks, tb)
	}
	r.doc.blocks = append(r.doc.blocks, after...)
}
