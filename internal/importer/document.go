package importer

import (
	"fmt"
	"strings"
	"time"
	"unicode"
)

// document is what every reader (Word, HTML, text) makes of its source,
// before the cleaning steps and the Markdown writer.
type document struct {
	title string
	// titleStyled says the title is a paragraph of the body styled as the
	// title (Word's Title style), not the file's properties
	titleStyled bool
	// propertiesTitle is the title in the file's properties (a .docx's
	// docProps/core.xml), used when the body has none
	propertiesTitle string
	date            string // as found in the source ("2025-10-26 11:30"), "" if none
	// created is when the file says it was made (a .docx's
	// dcterms:created), zero if it does not say
	created time.Time
	hash    string // sourceHash of what the reader read
	blocks  []*block
	images  []*picture // in order; block.image points into it
	notes   []string   // for the report: what the reader could not do, for a person
	// removed tells the report what the reader left out on purpose
	removed []string
	// dropped counts the empty paragraphs a reader left out
	dropped int
}

type blockKind int

const (
	paragraphBlock blockKind = iota
	headingBlock
	listBlock
	tableBlock
	imageBlock
	quoteBlock
)

// block is one paragraph, heading, list item, table or image.
type block struct {
	kind    blockKind
	level   int  // heading level (1 = the biggest found), or list nesting from 0
	ordered bool // numbered list item
	spans   []span
	rows    [][][]span // table cells
	image   *picture
	caption bool // styled as a caption (Word's 题注) in the source
	center  bool // centred in the source: short centred text under a picture is its caption
}

// span is a run of inline text with one formatting.
type span struct {
	text         string
	bold, italic bool
	link         string // a link's destination, "" for plain text
}

// picture is an image of the source: its bytes (to be written into the
// bundle) or a remote URL, and its caption.
type picture struct {
	name    string // file name in the bundle, "image-1.png"
	data    []byte // nil for a remote image
	url     string // a remote image's address
	caption string // as written under it, "【图1】会议现场", or ""
	number  int
	// description is the picture's own description in the source (Word's
	// alt text, wp:docPr descr): the caption's draft when none is written
	description string
	drafted     bool // the caption was drafted from the description
}

// plain is the text of spans without formatting.
func plain(spans []span) string {
	var b strings.Builder
	for _, s := range spans {
		b.WriteString(s.text)
	}
	return b.String()
}

// eachText calls f on every piece of text of the document, which f may
// rewrite: titles, spans, table cells and captions.
func (d *document) eachText(f func(string) string) {
	d.title = f(d.title)
	d.propertiesTitle = f(d.propertiesTitle)
	for _, b := range d.blocks {
		for i := range b.spans {
			b.spans[i].text = f(b.spans[i].text)
		}
		for _, row := range b.rows {
			for _, cell := range row {
				for i := range cell {
					cell[i].text = f(cell[i].text)
				}
			}
		}
	}
	for _, img := range d.images {
		img.caption = f(img.caption)
		img.description = f(img.description)
	}
}

// Limits of one imported page: a long report holds a few hundred thousand
// characters and a few dozen pictures; beyond these a file is not a page
// (and the cleaning steps would take minutes).
const (
	maxTextBytes  = 1 << 20
	maxPictures   = 1000
	maxTableCells = 100_000 // rows × columns, all tables together
)

// withinLimits refuses a document with more text, pictures or table cells
// than a page.
func (d *document) withinLimits() error {
	if len(d.images) > maxPictures {
		return tooManyPictures()
	}
	cells := 0
	for _, b := range d.blocks {
		width := 0
		for _, r := range b.rows {
			width = max(width, len(r))
		}
		// Every row is written as wide as the widest.
		if cells += width * len(b.rows); cells > maxTableCells {
			return fmt.Errorf("表格共超过 %d 个单元格（行数 × 列数），不像是一篇稿件；请把表格另存为 Excel 文件作为附件（tables of more than %d cells）", maxTableCells, maxTableCells)
		}
	}
	size := 0
	d.eachText(func(s string) string {
		size += len(s)
		return s
	})
	if size > maxTextBytes {
		return fmt.Errorf("正文超过 %d MB（约 %d 万字），不像是一篇稿件；请分成几篇分别导入（the text exceeds %d MB）", maxTextBytes>>20, maxTextBytes/3/10000, maxTextBytes>>20)
	}
	return nil
}

func tooManyPictures() error {
	return fmt.Errorf("图片超过 %d 张，不像是一篇稿件；请分成几篇分别导入（more than %d pictures）", maxPictures, maxPictures)
}

// junkRunes are characters Word and web editors leave that mean nothing on
// a page: zero-width spaces and joiners, byte-order marks, soft hyphens.
var junkRunes = strings.NewReplacer("\u200b", "", "\u200c", "", "\u200d", "", "\ufeff", "",
	"\u00ad", "", "\u00a0", " ", "\u2028", "\n", "\u2029", "\n")

// tidy drops junk characters, trims the paragraph's edges (including the
// full-width indent "　　" of Chinese paragraphs) and removes blocks left
// empty. It returns how many blocks it removed.
func (d *document) tidy() int {
	removed := 0
	var kept []*block
	for _, b := range d.blocks {
		for i := range b.spans {
			b.spans[i].text = junkRunes.Replace(b.spans[i].text)
		}
		trimSpans(b.spans)
		for _, row := range b.rows {
			for _, cell := range row {
				for i := range cell {
					cell[i].text = junkRunes.Replace(cell[i].text)
				}
				trimSpans(cell)
			}
		}
		if b.kind != imageBlock && b.kind != tableBlock && strings.TrimSpace(plain(b.spans)) == "" {
			removed++
			continue
		}
		kept = append(kept, b)
	}
	d.blocks = kept
	d.title = strings.TrimFunc(junkRunes.Replace(d.title), unicode.IsSpace)
	return removed
}

// trimSpans trims white space (ASCII, full-width and line breaks) off the
// start of the first span and the end of the last.
func trimSpans(spans []span) {
	for i := range spans {
		spans[i].text = strings.TrimLeftFunc(spans[i].text, unicode.IsSpace)
		if spans[i].text != "" {
			break
		}
	}
	for i := len(spans) - 1; i >= 0; i-- {
		spans[i].text = strings.TrimRightFunc(spans[i].text, unicode.IsSpace)
		if spans[i].text != "" {
			break
		}
	}
}

// shiftHeadings makes the biggest heading level of the body 2 (level 1 is
// the page title in the layouts).
func (d *document) shiftHeadings() {
	top := 7
	for _, b := range d.blocks {
		if b.kind == headingBlock && b.level < top {
			top = b.level
		}
	}
	for _, b := range d.blocks {
		if b.kind == headingBlock {
			b.level = min(6, b.level-top+2)
		}
	}
}
