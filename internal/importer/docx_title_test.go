package importer

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"io"
	"strings"
	"testing"
	"time"
)

// withParts returns the .docx with more parts added (or replaced): a
// docProps/core.xml, for instance.
func withParts(t *testing.T, docx []byte, parts map[string]string) []byte {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(docx), int64(len(docx)))
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, f := range zr.File {
		if _, replaced := parts[f.Name]; replaced {
			continue
		}
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		data, _ := io.ReadAll(rc)
		rc.Close()
		w, _ := zw.Create(f.Name)
		w.Write(data)
	}
	for name, data := range parts {
		w, _ := zw.Create(name)
		io.WriteString(w, data)
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// coreXML is a docProps/core.xml with a title and a creation time.
func coreXML(title, created string) string {
	return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">` +
		`<dc:title>` + title + `</dc:title><dcterms:created xsi:type="dcterms:W3CDTF">` + created + `</dcterms:created></cp:coreProperties>`
}

func boldPara(text string, center bool) string {
	ppr := ""
	if center {
		ppr = `<w:pPr><w:jc w:val="center"/></w:pPr>`
	}
	return `<w:p>` + ppr + `<w:r><w:rPr><w:b/></w:rPr><w:t>` + text + `</w:t></w:r></w:p>`
}

func centredPara(text string) string {
	return `<w:p><w:pPr><w:jc w:val="center"/></w:pPr><w:r><w:t>` + text + `</w:t></w:r></w:p>`
}

// TestDocxTitle: the paragraph a correspondent made the title becomes the
// page's title, not a heading of the body, and names the folder; without
// a title the folder is named from the file, never from a date. (The
// Title style is found by readDocx itself; the others by findTitle.)
func TestDocxTitle(t *testing.T) {
	const text = "10月20日，学院召开会议。"
	const slug = "nong-xue-yuan-zhao-kai-tui-jin" // cut at a syllable within 32 characters
	tests := []struct {
		name, body, title, slug, firstLine string
		core                               string
	}{
		{"Heading 1", para("1", "农学院召开推进会") + para("", text), "农学院召开推进会", slug, text, ""},
		{"Heading 1 over a template's title", para("1", "农学院召开推进会") + para("", text), "农学院召开推进会", slug, text, coreXML("新闻稿模板", "2025-10-20T01:00:00Z")},
		{"Title style", para("a3", "農學院召開推進會") + para("1", "一、主要做法") + para("", text), "农学院召开推进会", slug, "## 一、主要做法", ""},
		{"short bold", boldPara("农学院召开推进会", false) + para("", text), "农学院召开推进会", slug, text, ""},
		{"bold and centred", boldPara("农学院召开推进会", true) + para("", text), "农学院召开推进会", slug, text, ""},
		{"centred", centredPara("农学院召开推进会") + para("", text), "农学院召开推进会", slug, text, ""},
		{"first line", para("", "农学院召开推进会") + para("", text), "农学院召开推进会", slug, text, ""},
		{"first line of a paragraph", `<w:p><w:r><w:t>农学院召开推进会</w:t><w:br/><w:t>` + text + `</w:t></w:r></w:p>`, "农学院召开推进会", slug, text, ""},
		{"a numbered part is no title", para("1", "一、主要做法") + para("", text), "", "tui-jin-hui", "## 一、主要做法", ""},
		{"a date line is no title", centredPara("2025年10月20日") + para("", text), "", "tui-jin-hui", "2025年10月20日", ""},
		{"a sentence is no title", para("", text) + para("", "会议要求抓好落实。"), "", "tui-jin-hui", text, ""},
		{"only the properties", para("", text), "农学院召开推进会", slug, text, coreXML("农学院召开推进会", "2025-10-20T01:00:00Z")},
	}
	for _, tt := range tests {
		data := docxFile(t, tt.body, nil)
		if tt.core != "" {
			data = withParts(t, data, map[string]string{"docProps/core.xml": tt.core})
		}
		b, err := Import("推进会.docx", data, Options{Now: time.Date(2025, 11, 1, 0, 0, 0, 0, cst)})
		if err != nil {
			t.Fatalf("%s: %v", tt.name, err)
		}
		first, _, _ := strings.Cut(b.Body, "\n")
		if b.Title != tt.title || b.Slug != tt.slug || first != tt.firstLine {
			t.Errorf("%s: title %q, folder %q, body starts %q; want %q, %q, %q", tt.name, b.Title, b.Slug, first, tt.title, tt.slug, tt.firstLine)
		}
		if tt.title != "" && strings.Contains(b.Body, tt.title) {
			t.Errorf("%s: the title stays in the body:\n%s", tt.name, b.Body)
		}
		if tt.title != "" && tt.name != "Title style" && !strings.Contains(reportText(b), "标题取自") {
			t.Errorf("%s: the report does not say where the title came from:\n%s", tt.name, reportText(b))
		}
	}
}

// TestGivenTitleNoGuess: with --title, a plain first line stays in the
// body, while a paragraph styled as the title still leaves it.
func TestGivenTitleNoGuess(t *testing.T) {
	opts := Options{Title: "推进会", Now: time.Date(2025, 11, 1, 0, 0, 0, 0, cst)}
	b, err := Import("a.docx", docxFile(t, para("", "农学院召开推进会")+para("", "正文。"), nil), opts)
	if err != nil {
		t.Fatal(err)
	}
	if b.Title != "推进会" || !strings.HasPrefix(b.Body, "农学院召开推进会\n") {
		t.Errorf("title %q, body %q", b.Title, b.Body)
	}
	b, err = Import("a.docx", docxFile(t, para("1", "农学院召开推进会")+para("", "正文。"), nil), opts)
	if err != nil {
		t.Fatal(err)
	}
	if b.Title != "推进会" || b.Body != "正文。\n" {
		t.Errorf("title %q, body %q", b.Title, b.Body)
	}
}

// drawingDescribed is a picture with Word's alt text (wp:docPr descr).
func drawingDescribed(rid, descr string) string {
	return `<w:p><w:r><w:drawing><wp:inline><wp:docPr id="1" name="图片 1" descr="` + descr + `"/><a:graphic><a:graphicData><pic:pic><pic:blipFill><a:blip r:embed="` +
		rid + `"/></pic:blipFill></pic:pic></a:graphicData></a:graphic></wp:inline></w:drawing></w:r></w:p>`
}

// TestDocxPictureDescription: a picture's description in Word drafts its
// caption, unless a caption is written under it or Word made the
// description up.
func TestDocxPictureDescription(t *testing.T) {
	pngData, jpegData := testPictures(t)
	body := para("1", "主题党日") + para("", "10月20日，支部开展主题党日活动。") +
		drawingDescribed("rId5", "書記領誓") +
		drawingDescribed("rId6", "党员合影") + centredPara("图2 全体党员合影") +
		drawingDescribed("rId5", "图片包含 人, 室内&#10;&#10;描述已自动生成") +
		drawingDescribed("rId6", "C:\\Users\\admin\\Pictures\\IMG_0001.JPG") +
		para("", "活动取得实效。")
	data := docxFile(t, body, map[string][]byte{"image1.png": pngData, "image2.jpeg": jpegData})
	b, err := Import("a.docx", data, Options{Now: time.Date(2025, 11, 1, 0, 0, 0, 0, cst)})
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"![书记领誓](image-1.png)\n\n【图1】书记领誓\n", "![全体党员合影](image-2.jpg)\n\n【图2】全体党员合影\n", "![](image-3.png)\n\n![](image-4.jpg)"} {
		if !strings.Contains(b.Body, want) {
			t.Errorf("body lacks %q:\n%s", want, b.Body)
		}
	}
	report := reportText(b)
	if strings.Count(report, "替代文字") != 1 || !strings.Contains(report, "图1 的说明取自 Word 中图片的替代文字") {
		t.Errorf("the report does not name the drafted caption once:\n%s", report)
	}
	if strings.Count(report, "没有图片说明") != 2 {
		t.Errorf("pictures 3 and 4 are not reported without a caption:\n%s", report)
	}
}

// FuzzDocxTitle: whatever the first paragraphs, the pictures' descriptions
// and the file's properties hold, an import does not panic and makes a
// page with a folder name.
func FuzzDocxTitle(f *testing.F) {
	f.Add(para("1", "农学院召开推进会")+para("", "正文。"), "书记领誓", "2025-10-20T01:00:00Z")
	f.Add(centredPara("2025年10月20日")+boldPara("一、主要做法", true), "图片包含 人\n描述已自动生成", "1601-01-01T00:00:00Z")
	f.Add(`<w:p><w:r><w:t>标题</w:t><w:br/></w:r></w:p>`, "", "not a date")
	pngData, _ := testPictures(f)
	f.Fuzz(func(t *testing.T, body, descr, created string) {
		var attr strings.Builder
		xml.EscapeText(&attr, []byte(descr))
		var when strings.Builder
		xml.EscapeText(&when, []byte(created))
		data := docxFile(t, body+drawingDescribed("rId5", attr.String()), map[string][]byte{"image1.png": pngData})
		data = withParts(t, data, map[string]string{"docProps/core.xml": coreXML("模板", when.String())})
		b, err := Import("a.docx", data, Options{Now: time.Date(2026, 1, 1, 0, 0, 0, 0, cst)})
		if err != nil {
			if !strings.Contains(err.Error(), "document.xml") {
				t.Fatalf("unexpected error: %v", err)
			}
			return
		}
		if b.Slug == "" || len(b.Index) == 0 {
			t.Fatalf("no folder name or no page: %q", b.Slug)
		}
	})
}
