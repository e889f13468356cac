// Package importer turns what correspondents send — a Word file, a saved web
// page (WeChat articles included) or pasted text — into a page bundle: an
// index.md with TOML front matter and a Markdown body, and the pictures
// beside it. It knows nothing of sites: it takes bytes and returns files;
// the caller decides the folder (showcase import puts the bundle under
// content/SECTION/).
//
// # What an import does, in order
//
//  1. Read the source into paragraphs, headings, lists, tables and pictures.
//     Word (.docx, read with archive/zip and encoding/xml): headings by style
//     (标题 1…, or an outline level), bold and italic, Word lists, tables
//     (merged cells left empty), hyperlinks, and the embedded pictures,
//     extracted as image-1.png, image-2.jpg … and placed where they stood.
//     HTML: the article of the page (WeChat's #js_content), its title and
//     publication time; <ruby> annotations dropped. Text (.txt, UTF-8 or
//     GBK): one paragraph a line, or per blank-line block.
//  2. Drop the junk: empty paragraphs, zero-width characters, the full-width
//     indent of Chinese paragraphs, typed list markers (• 1.), links and
//     pictures pointing at the author's disk (file:///C:/…).
//  3. Captions: a paragraph under a picture that starts with 【图1】 or 图1,
//     or is styled as a caption, or is short and centred, becomes the
//     picture's alt text and stays under it as "【图1】说明".
//  4. Ruby artifact: text copied from a page with ruby markup reads
//     學(xué)校; annotations that are validated readings of the characters
//     before them (FindAnnotations) are removed when a file holds at least
//     MinAnnotations of them. Other parentheses — (党总支), (CPC) — stay.
//  5. The whole text is converted Traditional → Simplified (internal/opencc).
//  6. The closing byline — (特约通讯员:储德丹 摄影:陈宝 审核:钱锐 姚文均
//     编辑:李锦) and the other shapes ParseByline knows — leaves the body
//     and becomes author, photographer, reviewer, editor and source.
//  7. Mojibake (internal/mojibake) is not guessed at: each spot is reported with
//     its line and context, and the page gets review = "draft" so that it
//     is not published before a person has fixed it.
//
// A hostile file is a clear error in seconds, not a crash or hours: Word's
// XML is read at most 256 elements deep, 500,000 elements and attributes
// and 16 MB in all (docx.go); a page holds at most 1 MB of text, 1,000
// pictures, 100,000 table cells and tables 8 deep. Links and pictures to
// javascript:, vbscript: and data: (but data: pictures) are dropped.
//
// # Title, date, folder
//
// The title is, in order: Word's Title style or a web page's title; a first
// paragraph set apart as one — Heading 1 (or outline level 1), a short
// bold line, a short centred line — unless it numbers a part (一、…) or is
// a date; the first line of the text when it reads like a headline (short,
// no final 。 or commas, not a date, not a byline; not when Options.Title
// is given); the title in a .docx's properties. It leaves the body.
//
// A picture's own description in Word (its alt text, wp:docPr descr) is the
// draft of its caption when none is written under it: alt text and
// "【图1】…" under it, with a note to check it. Descriptions Word generated
// itself (描述已自动生成) and file names are ignored.
//
// The date is the caller's (Options.Date), the source's own (a web page's
// publication time), or a guess from the text (dates.Guess): a 10月20日
// takes its year from the text, else from the file's date — a .docx's
// dcterms:created, else Options.FileDate (ReadFile: the file's modification
// time) — and only then from today. A guessed date's comment says 请核对
// (dates.Unconfirmed), and "showcase check" reports it until a person has
// checked the date and deleted the mark.
//
// The folder is named from the title's pinyin (bundle.ShortSlug), else from
// the file's name, never from a date that may be a guess.
//
// # Importing twice
//
// The front matter records the source's fingerprint (Bundle.SourceHash: its
// text without white space, and its pictures) in a comment. Imported finds
// a page with that fingerprint under a content folder, so "showcase import"
// says a text was imported before instead of making a second copy.
//
// Every import returns a Report: what was converted, what was removed, what
// needs a person. Nothing is ever overwritten: Bundle.Write creates a new
// folder (name, name-2, …) and new files only (internal/bundle).
package importer

import (
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"strings"
	"time"

	"showcase/internal/bundle"
	"showcase/internal/lang"
	"showcase/internal/markdown"
	"showcase/internal/opencc"
	"showcase/internal/proofread"
	"showcase/internal/sitefs"
	"showcase/internal/slug"
)

// Options steer an import; every field may be left zero.
type Options struct {
	Title string    // the headline, instead of the one found in the source
	Date  time.Time // the date, instead of the one found or inferred
	Slug  string    // the folder name; default bundle.ShortSlug of the title
	Now   time.Time // today, for inferred years and the fallback date; default time.Now
	// FileDate is the source file's date (ReadFile: its modification
	// time): the year of a date the text gives without one is read from
	// it before today; a .docx's own creation date comes first.
	FileDate time.Time
	Files    fs.FS // the source's folder, for the pictures a saved web page refers to
	// Words is the word list the body is corrected against, with its
	// punctuation, as "showcase check --fix" does; nil: the built-in
	// standard forms (proofread.Standard).
	Words *proofread.Words
}

// Bundle is an imported page, not yet written.
type Bundle struct {
	Slug   string
	Index  []byte            // index.md: front matter and body
	Files  map[string][]byte // pictures, by file name
	Title  string
	Date   time.Time
	Byline Byline
	Body   string // the Markdown body as written into Index
	Report *Report
	// SourceHash is the fingerprint of the source's text and pictures,
	// written into the front matter: Imported finds a page imported from
	// the same text.
	SourceHash string
}

// ErrUnsupported is returned for a file type the importer cannot read.
// It is worded when it is shown, in the language chosen then.
var ErrUnsupported error = unsupportedError{}

type unsupportedError struct{}

func (unsupportedError) Error() string {
	return lang.Sprintf("不支持的文件类型：请使用 .docx、.html 或 .txt；.doc 请先用 Word 另存为 .docx", "unsupported file type: use .docx, .html or .txt")
}

// Import reads a correspondent's file (name decides the type by its
// extension) and makes a page bundle of it.
func Import(name string, data []byte, opts Options) (*Bundle, error) {
	if opts.Now.IsZero() {
		opts.Now = time.Now()
	}
	if opts.Slug != "" && !slug.Valid(opts.Slug) {
		return nil, lang.Errorf("--slug %[1]q 不合适：只能包含小写字母、数字和 -", "slug %[1]q: use lower-case letters, digits and -", opts.Slug)
	}
	rep := &Report{Source: name}
	doc, err := read(name, data, opts, rep)
	if err != nil {
		return nil, err
	}
	if err := doc.withinLimits(); err != nil {
		return nil, err
	}
	doc.hash = sourceHash(doc)
	if n := doc.tidy() + doc.dropped; n > 0 {
		rep.remove("%s", lang.Sprintf("空段落 %[1]d 个", "%[1]d empty paragraph(s)", n))
	}
	if how := findTitle(doc, opts.Title == ""); how.zh != "" {
		rep.convert("%s", how.say())
	}
	for _, note := range doc.notes {
		rep.attend(0, "%s", note)
	}
	for _, r := range doc.removed {
		rep.remove("%s", r)
	}
	stripDocumentAnnotations(doc, rep)
	converted := 0
	doc.eachText(func(s string) string {
		out, n := opencc.Default().Convert(s)
		converted += n
		return out
	})
	if converted > 0 {
		rep.convert("%s", lang.Sprintf("繁体转简体 %[1]d 处", "%[1]d Traditional → Simplified (OpenCC)", converted))
	}
	attachCaptions(doc)
	by, credit := extractDocumentByline(doc)
	if credit != "" {
		rep.remove("%s", lang.Sprintf("署名 %[1]s → 前置元数据", "byline %[1]s moved to the front matter", credit))
	} else {
		rep.attend(0, "%s", lang.Sprintf("未找到署名（通讯员、摄影、审核、编辑），请在前置元数据中填写", "no byline found: fill in author, reviewer, editor"))
	}
	draftCaptions(doc)
	doc.shiftHeadings()
	b := assemble(doc, by, opts, rep)
	if line, msg := markdown.CheckLimits([]byte(b.Body)); msg != "" {
		return nil, lang.Errorf("转成的正文第 %[1]d 行：%[2]s", "line %[1]d of the converted text: %[2]s", line, msg)
	}
	return b, nil
}

// read picks the reader for the file's type.
func read(name string, data []byte, opts Options, rep *Report) (*document, error) {
	switch strings.ToLower(path.Ext(filepath.ToSlash(name))) {
	case ".docx":
		doc, err := readDocx(data)
		if err == nil {
			readDocxProperties(data, doc)
		}
		return doc, err
	case ".html", ".htm", ".xhtml":
		return readHTML(data, opts.Files)
	case ".txt", ".text":
		text, note := decodeText(data)
		if note != "" {
			rep.convert("%s", note)
		}
		return readText(text), nil
	}
	return nil, ErrUnsupported
}

// stripDocumentAnnotations counts the validated pinyin annotations of the
// whole document and removes them when there are enough.
func stripDocumentAnnotations(doc *document, rep *Report) {
	var found []string
	doc.eachText(func(s string) string {
		for _, a := range FindAnnotations(s) {
			found = append(found, s[a.Start-len(a.Base):a.End])
		}
		return s
	})
	if len(found) < MinAnnotations {
		return
	}
	doc.eachText(func(s string) string { return RemoveAnnotations(s, FindAnnotations(s)) })
	rep.remove("%s", lang.Sprintf("拼音注音 %[1]d 处：%[2]s", "%[1]d pinyin annotation(s): %[2]s", len(found), examples(found, 6)))
}

// extractDocumentByline takes the byline off the end of the last text block.
func extractDocumentByline(doc *document) (Byline, string) {
	for i := len(doc.blocks) - 1; i >= 0; i-- {
		b := doc.blocks[i]
		if b.kind == imageBlock || b.kind == tableBlock {
			continue
		}
		text := plain(b.spans)
		rest, by, credit, ok := ExtractByline(text)
		if !ok {
			return Byline{}, ""
		}
		cutSuffix(b.spans, len(text)-len(rest))
		if strings.TrimSpace(plain(b.spans)) == "" {
			doc.blocks = append(doc.blocks[:i], doc.blocks[i+1:]...)
		}
		return by, credit
	}
	return Byline{}, ""
}

// cutSuffix removes n bytes of text from the end of spans.
func cutSuffix(spans []span, n int) {
	for i := len(spans) - 1; i >= 0 && n > 0; i-- {
		k := min(n, len(spans[i].text))
		spans[i].text = spans[i].text[:len(spans[i].text)-k]
		n -= k
	}
}

// Write creates parent/SLUG (or SLUG-2 …) and writes the bundle into it,
// never touching an existing file. It returns the folder.
func (b *Bundle) Write(parent string) (string, error) {
	dir, err := bundle.NewDir(parent, b.Slug)
	if err != nil {
		return "", err
	}
	if err := bundle.WriteNew(filepath.Join(dir, "index.md"), b.Index); err != nil {
		return dir, err
	}
	for name, data := range b.Files {
		if err := bundle.WriteNew(filepath.Join(dir, name), data); err != nil {
			return dir, err
		}
	}
	b.Report.Bundle = dir
	return dir, nil
}

// ReadFile imports a file from disk; pictures of an HTML page are looked up
// beside it.
func ReadFile(file string, opts Options) (*Bundle, error) {
	data, err := os.ReadFile(file)
	if err != nil {
		return nil, err
	}
	if opts.Files == nil {
		opts.Files = sitefs.New(filepath.Dir(file))
	}
	if info, err := os.Stat(file); err == nil && opts.FileDate.IsZero() {
		opts.FileDate = info.ModTime()
	}
	return Import(filepath.Base(file), data, opts)
}
