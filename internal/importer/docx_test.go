package importer

import (
	"archive/zip"
	"bytes"
	"image"
	"image/color"
	"image/jpeg"
	"image/png"
	"strings"
	"testing"
	"time"

	"showcase/internal/markdown"
)

// docxFile builds a .docx the way Word lays one out: content types,
// relationships, styles, numbering, document.xml and media.
func docxFile(t testing.TB, body string, media map[string][]byte) []byte {
	t.Helper()
	const w = `xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" ` +
		`xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" ` +
		`xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" ` +
		`xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" ` +
		`xmlns:pic="http://schemas.openxmlformats.org/drawingml/2006/picture"`
	rels := `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>
<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering" Target="numbering.xml"/>
<Relationship Id="rId5" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/image" Target="media/image1.png"/>
<Relationship Id="rId6" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/image" Target="media/image2.jpeg"/>
<Relationship Id="rId7" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink" Target="file:///C:/Users/admin/Desktop/a.docx" TargetMode="External"/>
<Relationship Id="rId8" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink" Target="https://www.example.edu.cn/" TargetMode="External"/>
</Relationships>`
	styles := `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:styles ` + w + `>
<w:style w:type="paragraph" w:styleId="a"><w:name w:val="Normal"/></w:style>
<w:style w:type="paragraph" w:styleId="a3"><w:name w:val="Title"/></w:style>
<w:style w:type="paragraph" w:styleId="1"><w:name w:val="heading 1"/><w:pPr><w:outlineLvl w:val="0"/></w:pPr></w:style>
<w:style w:type="paragraph" w:styleId="2"><w:name w:val="heading 2"/><w:basedOn w:val="1"/><w:pPr><w:outlineLvl w:val="1"/></w:pPr></w:style>
<w:style w:type="paragraph" w:styleId="a5"><w:name w:val="caption"/></w:style>
</w:styles>`
	numbering := `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:numbering ` + w + `>
<w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:numFmt w:val="bullet"/></w:lvl></w:abstractNum>
<w:abstractNum w:abstractNumId="1"><w:lvl w:ilvl="0"><w:numFmt w:val="decimal"/></w:lvl></w:abstractNum>
<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>
<w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num>
</w:numbering>`
	doc := `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:document ` + w + `><w:body>` + body + `<w:sectPr/></w:body></w:document>`
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	add := func(name string, data []byte) {
		f, err := zw.Create(name)
		if err != nil {
			t.Fatal(err)
		}
		f.Write(data)
	}
	add("[Content_Types].xml", []byte(`<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>`))
	add("_rels/.rels", []byte(`<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>`))
	add("word/document.xml", []byte(doc))
	add("word/_rels/document.xml.rels", []byte(rels))
	add("word/styles.xml", []byte(styles))
	add("word/numbering.xml", []byte(numbering))
	for name, data := range media {
		add("word/media/"+name, data)
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func para(style, text string) string {
	ppr := ""
	if style != "" {
		ppr = `<w:pPr><w:pStyle w:val="` + style + `"/></w:pPr>`
	}
	return `<w:p>` + ppr + `<w:r><w:t xml:space="preserve">` + text + `</w:t></w:r></w:p>`
}

func drawing(rid string) string {
	return `<w:p><w:pPr><w:jc w:val="center"/></w:pPr><w:r><w:drawing><wp:inline><a:graphic><a:graphicData><pic:pic><pic:blipFill><a:blip r:embed="` +
		rid + `"/></pic:blipFill></pic:pic></a:graphicData></a:graphic></wp:inline></w:drawing></w:r></w:p>`
}

func testPictures(t testing.TB) (pngData, jpegData []byte) {
	img := image.NewRGBA(image.Rect(0, 0, 4, 3))
	img.Set(1, 1, color.RGBA{200, 0, 0, 255})
	var p, j bytes.Buffer
	if err := png.Encode(&p, img); err != nil {
		t.Fatal(err)
	}
	if err := jpeg.Encode(&j, img, nil); err != nil {
		t.Fatal(err)
	}
	return p.Bytes(), j.Bytes()
}

func TestImportDocx(t *testing.T) {
	pngData, jpegData := testPictures(t)
	body := para("a3", "農學院黨委召開“稻香先鋒”工作推進會") +
		`<w:p><w:pPr><w:ind w:firstLine="480"/></w:pPr><w:r><w:t xml:space="preserve">　　10月20日，學院召開會議。</w:t></w:r>` +
		`<w:r><w:rPr><w:b/></w:rPr><w:t>重點強調</w:t></w:r><w:r><w:rPr><w:i/></w:rPr><w:t>三件事</w:t></w:r>` +
		`<w:del><w:r><w:delText>刪掉的話</w:delText></w:r></w:del>` +
		`<w:hyperlink r:id="rId7"><w:r><w:t>見附件</w:t></w:r></w:hyperlink>` +
		`<w:hyperlink r:id="rId8"><w:r><w:t>學校網站</w:t></w:r></w:hyperlink><w:r><w:t>。</w:t></w:r></w:p>` +
		`<w:p/>` + para("", "") +
		para("1", "一、主要做法") +
		`<w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr></w:pPr><w:r><w:t>抓班子</w:t></w:r></w:p>` +
		`<w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr></w:pPr><w:r><w:t>強支部</w:t></w:r></w:p>` +
		para("", "• 促融合") +
		para("2", "（一）建設成效") +
		`<w:tbl><w:tr><w:tc><w:p><w:r><w:t>項目</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>數量</w:t></w:r></w:p></w:tc></w:tr>` +
		`<w:tr><w:tc><w:p><w:r><w:t>共建基地</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>2|個</w:t></w:r></w:p></w:tc></w:tr></w:tbl>` +
		drawing("rId5") + `<w:p><w:pPr><w:jc w:val="center"/></w:pPr><w:r><w:t>圖1 會議現場</w:t></w:r></w:p>` +
		drawing("rId6") + para("a5", "與會人員合影") +
		para("", "會議要求，各支部抓好落實。（撰稿人:付妍;一審:嚴英;二審:王存宏;三審:張敏）")
	data := docxFile(t, body, map[string][]byte{"image1.png": pngData, "image2.jpeg": jpegData})
	b, err := Import("推进会.docx", data, Options{Now: time.Date(2025, 11, 1, 0, 0, 0, 0, cst)})
	if err != nil {
		t.Fatal(err)
	}
	if b.Title != "农学院党委召开“稻香先锋”工作推进会" {
		t.Errorf("title = %q", b.Title)
	}
	want := "10月20日，学院召开会议。**重点强调***三件事*见附件[学校网站](https://www.example.edu.cn/)。\n\n" +
		"## 一、主要做法\n\n" +
		"- 抓班子\n- 强支部\n- 促融合\n\n" +
		"### （一）建设成效\n\n" +
		"| 项目 | 数量 |\n| --- | --- |\n| 共建基地 | 2\\|个 |\n\n" +
		"![会议现场](image-1.png)\n\n【图1】会议现场\n\n" +
		"![与会人员合影](image-2.jpg)\n\n【图2】与会人员合影\n\n" +
		"会议要求，各支部抓好落实。\n"
	if b.Body != want {
		t.Errorf("body:\n%s\nwant:\n%s", b.Body, want)
	}
	html := string(markdown.New(markdown.Options{}).Render([]byte(b.Body), markdown.Doc{}).HTML)
	for _, want := range []string{"<strong>重点强调</strong><em>三件事</em>", "<h2 id=\"yi-zhu-yao-zuo-fa\"><span id=\"一主要做法\"></span>", "<td>2|个</td>", `alt="会议现场"`} {
		if !strings.Contains(html, want) {
			t.Errorf("rendered HTML lacks %s:\n%s", want, html)
		}
	}
	if !bytes.Equal(b.Files["image-1.png"], pngData) || !bytes.Equal(b.Files["image-2.jpg"], jpegData) || len(b.Files) != 2 {
		t.Errorf("pictures: got %d files", len(b.Files))
	}
	if strings.Join(b.Byline.Writers, " ") != "付妍" || strings.Join(b.Byline.Reviewers, " ") != "严英 王存宏 张敏" {
		t.Errorf("byline = %+v", b.Byline)
	}
	if !b.Date.Equal(time.Date(2025, 10, 20, 0, 0, 0, 0, cst)) {
		t.Errorf("date = %v", b.Date)
	}
	report := reportText(b)
	for _, want := range []string{"file:///C:/Users/admin/Desktop/a.docx", "提取图片 2 张", "空段落", "日期由正文"} {
		if !strings.Contains(report, want) {
			t.Errorf("report lacks %q:\n%s", want, report)
		}
	}
}

func TestImportDocxRefusesOtherFiles(t *testing.T) {
	if _, err := Import("a.docx", []byte("not a zip"), Options{}); err == nil {
		t.Error("a file that is not a zip imported")
	}
	if _, err := Import("a.doc", []byte{0xd0, 0xcf}, Options{}); err != ErrUnsupported {
		t.Errorf("a .doc: err = %v", err)
	}
}

func reportText(b *Bundle) string {
	var buf bytes.Buffer
	b.Report.Write(&buf, "index.md")
	return buf.String()
}

// FuzzDocxBody: any document.xml body, well-formed or not, imports without
// a panic.
func FuzzDocxBody(f *testing.F) {
	f.Add(para("1", "一、主要做法") + drawing("rId5") + `<w:tbl><w:tr><w:tc><w:tcPr><w:gridSpan w:val="3"/></w:tcPr></w:tc></w:tr></w:tbl>`)
	f.Add(`<w:p><w:pPr><w:numPr><w:ilvl w:val="-4"/><w:numId w:val="1"/></w:numPr></w:pPr><w:r><w:t>x</w:t></w:r></w:p>`)
	f.Add(`<w:p><w:r><w:drawing><a:blip r:embed="rId7"/></w:drawing></w:r>`)
	pngData, _ := testPictures(f)
	f.Fuzz(func(t *testing.T, body string) {
		data := docxFile(t, body, map[string][]byte{"image1.png": pngData})
		if _, err := Import("a.docx", data, Options{}); err != nil && !strings.Contains(err.Error(), "document.xml") {
			t.Fatalf("unexpected error: %v", err)
		}
	})
}
