package importer

import (
	"archive/zip"
	"bytes"
	"errors"
	"runtime"
	"runtime/debug"
	"strings"
	"testing"
)

// Hostile Word files, built here in memory: each is refused with a clear
// Chinese error, or imported within bounded memory.

// zipParts builds a zip of the named parts.
func zipParts(t testing.TB, parts map[string]string) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for name, data := range parts {
		f, err := zw.Create(name)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := f.Write([]byte(data)); err != nil {
			t.Fatal(err)
		}
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// allocated returns the bytes f allocates on the heap.
func allocated(f func()) uint64 {
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	f()
	runtime.ReadMemStats(&after)
	return after.TotalAlloc - before.TotalAlloc
}

func importErr(t *testing.T, data []byte) error {
	t.Helper()
	_, err := Import("来稿.docx", data, Options{})
	if err == nil {
		t.Fatal("a hostile file imported without an error")
	}
	return err
}

func wantErr(t *testing.T, err error, parts ...string) {
	t.Helper()
	if err == nil {
		t.Fatalf("no error, want one mentioning %q", parts)
	}
	for _, p := range parts {
		if !strings.Contains(err.Error(), p) {
			t.Errorf("error lacks %q:\n%v", p, err)
		}
	}
}

// The 61 KB file held 9 million nested elements and overflowed the
// stack; two million (a 22 KB file) is refused at the 257th level.
func TestDocxNestedTooDeep(t *testing.T) {
	data := docxFile(t, strings.Repeat("<w:sdt>", 2_000_000), nil)
	wantErr(t, importErr(t, data), "文档正文（word/document.xml）无法读取：", "嵌套超过 256 层", "另存为", "（XML nested deeper")
}

// A styles part is as hostile as the body: its limits are an error too,
// naming the part.
func TestDocxHostileStylesPart(t *testing.T) {
	data := zipParts(t, map[string]string{
		"word/document.xml": `<w:document xmlns:w="w"><w:body>` + para("", "正文") + `</w:body></w:document>`,
		"word/styles.xml":   strings.Repeat("<w:style>", 1000),
	})
	wantErr(t, importErr(t, data), "word/styles.xml", "嵌套超过")
}

// find walks its own stack: a chain of 200,000 nodes is found through with
// a 4 MB goroutine stack, where recursion needs tens of MB (and a fatal,
// unrecoverable stack overflow ends the test binary).
func TestFindDoesNotRecurse(t *testing.T) {
	root := &xmlNode{}
	n := root
	for range 200_000 {
		c := &xmlNode{local: "sdt"}
		n.children = []*xmlNode{c}
		n = c
	}
	n.children = []*xmlNode{{local: "t", text: "底"}}
	defer debug.SetMaxStack(debug.SetMaxStack(4 << 20))
	found := root.find("t")
	if len(found) != 1 || found[0].text != "底" {
		t.Errorf("found %d nodes", len(found))
	}
	if got := len(root.find("sdt")); got != 200_000 {
		t.Errorf("found %d sdt, want 200000", got)
	}
}

// Text in many pieces is assembled in linear time: 30,000 fragments of one
// w:t, 30,000 w:t of one run, 30,000 runs of one paragraph. Joining them by
// += allocates n²/2 bytes, over a gigabyte each; linear, a few MB.
func TestDocxTextInPiecesIsLinear(t *testing.T) {
	const n = 30_000
	for name, body := range map[string]string{
		"fragments": `<w:p><w:r><w:t>` + strings.Repeat("党建<!---->", n) + `</w:t></w:r></w:p>`,
		"w:t":       `<w:p><w:r>` + strings.Repeat("<w:t>党建</w:t>", n) + `</w:r></w:p>`,
		"runs":      `<w:p>` + strings.Repeat("<w:r><w:t>党建</w:t></w:r>", n) + `</w:p>`,
	} {
		t.Run(name, func(t *testing.T) {
			data := docxFile(t, body, nil)
			var b *Bundle
			var err error
			bytes := allocated(func() { b, err = Import("来稿.docx", data, Options{}) })
			if err != nil {
				t.Fatal(err)
			}
			if got := strings.Count(b.Body, "党建"); got != n {
				t.Errorf("body holds 党建 %d times, want %d", got, n)
			}
			if bytes > 256<<20 {
				t.Errorf("import allocated %d MB", bytes>>20)
			}
		})
	}
}

// The 93 KB of <w:p/> expanded to 64 MB and took 1.5 GB: the part
// is refused after reading 16 MB of it.
func TestDocxExpandedSizeIsBounded(t *testing.T) {
	data := docxFile(t, strings.Repeat("<w:p/>", 10_000_000), nil)
	var err error
	bytes := allocated(func() { _, err = Import("来稿.docx", data, Options{}) })
	wantErr(t, err, "word/document.xml", "超过 16 MB")
	if bytes > 128<<20 {
		t.Errorf("refusing it allocated %d MB", bytes>>20)
	}
}

func TestDocxTooManyElements(t *testing.T) {
	data := docxFile(t, strings.Repeat("<w:p/>", 600_000), nil)
	wantErr(t, importErr(t, data), "word/document.xml", "元素超过 500000 个")
}

// The decoder reads a whole tag at once, and a lenient one takes "a a a …"
// as attributes: a tag is at most 64 KB, and attributes count against the
// element budget.
func TestDocxAttributesAreBounded(t *testing.T) {
	data := docxFile(t, `<w:p `+strings.Repeat("a ", 2_000_000)+`/>`, nil)
	var err error
	bytes := allocated(func() { _, err = Import("来稿.docx", data, Options{}) })
	wantErr(t, err, "word/document.xml", "第 2 行：一个 XML 标记长于 64 KB")
	if bytes > 64<<20 {
		t.Errorf("refusing it allocated %d MB", bytes>>20)
	}
	tag := `<w:p ` + strings.Repeat(`a="b" `, 10_000) + `/>`
	wantErr(t, importErr(t, docxFile(t, strings.Repeat(tag, 60), nil)), "元素超过 500000 个")
}

// Each level of tables in tables copies the text inside it: eight levels
// import, a ninth is refused.
func TestDocxTablesNestedTooDeep(t *testing.T) {
	nested := func(n int) string {
		return strings.Repeat("<w:tbl><w:tr><w:tc>", n) + para("", "最里层") + strings.Repeat("</w:tc></w:tr></w:tbl>", n)
	}
	b, err := Import("来稿.docx", docxFile(t, nested(maxTableNesting), nil), Options{})
	if err != nil || !strings.Contains(b.Body, "最里层") {
		t.Fatalf("8 levels: err = %v", err)
	}
	wantErr(t, importErr(t, docxFile(t, nested(maxTableNesting+1), nil)), "表格里套表格超过 8 层")
}

func TestDocxTooManyPictures(t *testing.T) {
	pngData, _ := testPictures(t)
	body := strings.Repeat(drawing("rId5"), maxPictures+1)
	data := docxFile(t, body, map[string][]byte{"image1.png": pngData})
	wantErr(t, importErr(t, data), "图片超过 1000 张")
	data = docxFile(t, strings.Repeat(drawing("rId5"), 50), map[string][]byte{"image1.png": pngData})
	if b, err := Import("来稿.docx", data, Options{}); err != nil || len(b.Files) != 50 {
		t.Errorf("50 pictures: err = %v", err)
	}
}

func TestDocxTooMuchText(t *testing.T) {
	data := docxFile(t, para("", strings.Repeat("党建工作", maxTextBytes/12+1)), nil)
	wantErr(t, importErr(t, data), "正文超过 1 MB")
	// what the build would refuse is refused here, not written
	data = docxFile(t, strings.Repeat(para("", strings.Repeat("党建工作", 30)+"[]"), 1500), nil)
	wantErr(t, importErr(t, data), "转成的正文第 1 行：正文有 536 KB，超过上限 512 KB")
}

// A table is written as wide as its widest row: one row of 10,000 cells
// over 100,000 rows would be a billion cells, and a merged cell (gridSpan)
// adds up to 63 empty ones to each small w:tc.
func TestDocxTableCellsAreBounded(t *testing.T) {
	for name, body := range map[string]string{
		"wide and long": `<w:tbl><w:tr>` + strings.Repeat(`<w:tc/>`, 10_000) + `</w:tr>` + strings.Repeat(`<w:tr/>`, 100_000) + `</w:tbl>`,
		"merged cells":  `<w:tbl>` + strings.Repeat(`<w:tr><w:tc><w:tcPr><w:gridSpan w:val="64"/></w:tcPr></w:tc></w:tr>`, 20_000) + `</w:tbl>`,
	} {
		t.Run(name, func(t *testing.T) {
			wantErr(t, importErr(t, docxFile(t, body, nil)), "表格共超过 100000 个单元格")
		})
	}
	body := `<w:tbl>` + strings.Repeat(`<w:tr><w:tc><w:tcPr><w:gridSpan w:val="4"/></w:tcPr><w:p><w:r><w:t>合并</w:t></w:r></w:p></w:tc><w:tc/></w:tr>`, 1000) + `</w:tbl>`
	b, err := Import("来稿.docx", docxFile(t, body, nil), Options{})
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(b.Body, "| 合并 |  |  |  |  |\n") {
		t.Errorf("a merged cell lost its span:\n%.300s", b.Body)
	}
}

// FuzzParseXML: any bytes parse or fail without a panic; a tree that
// parses keeps within the limits, holds no more text than its input, and
// find agrees with a plain recursive walk.
func FuzzParseXML(f *testing.F) {
	f.Add([]byte(`<w:p><w:r><w:t>党建</w:t><!-- x --><w:t>工作</w:t></w:r></w:p>`))
	f.Add([]byte(`<a><b><a>1</a></b><a>2&amp;3</a></a>`))
	f.Add([]byte(`<a><b></a></b>`))
	f.Add([]byte(strings.Repeat("<a>", 300)))
	f.Add([]byte(`<a b c="d" e='f'/>`))
	f.Add([]byte(`<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e "eee">]><x>&e;&#x10FFFF;</x>`))
	f.Fuzz(func(t *testing.T, data []byte) {
		budget := &xmlBudget{elements: 1000, bytes: 1 << 20}
		root, err := parseXML(data, budget)
		var limit *xmlLimitError
		if errors.As(err, &limit) && !strings.Contains(limit.Error(), "超过") {
			t.Fatalf("limit error without its limit: %v", err)
		}
		if err != nil {
			return
		}
		elements, text := 0, 0
		var walk func(n *xmlNode, depth int, local string, found *[]*xmlNode)
		walk = func(n *xmlNode, depth int, local string, found *[]*xmlNode) {
			if depth > maxXMLDepth {
				t.Fatalf("a node at depth %d", depth)
			}
			text += len(n.text)
			for _, c := range n.children {
				elements += 1 + len(c.attrs)
				if c.local == local {
					*found = append(*found, c)
				}
				walk(c, depth+1, local, found)
			}
		}
		local := ""
		if len(root.children) > 0 {
			local = root.children[0].local
		}
		var want []*xmlNode
		walk(root, 0, local, &want)
		if elements > 1000 || elements != 1000-budget.elements {
			t.Fatalf("%d elements and attributes, budget left %d", elements, budget.elements)
		}
		if text > 4*len(data) {
			t.Fatalf("%d bytes of text from %d bytes", text, len(data))
		}
		got := root.find(local)
		if len(got) != len(want) {
			t.Fatalf("find %q: %d nodes, walk: %d", local, len(got), len(want))
		}
		for i := range got {
			if got[i] != want[i] {
				t.Fatalf("find %q: node %d out of order", local, i)
			}
		}
	})
}

// A Word hyperlink to script keeps its text and loses its address.
func TestDocxDropsScriptLinks(t *testing.T) {
	data := zipParts(t, map[string]string{
		"word/document.xml": `<w:document xmlns:w="w" xmlns:r="r"><w:body><w:p>` +
			`<w:hyperlink r:id="rId1"><w:r><w:t>甲</w:t></w:r></w:hyperlink>` +
			`<w:hyperlink r:id="rId2"><w:r><w:t>乙</w:t></w:r></w:hyperlink>` +
			`<w:hyperlink r:id="rId3"><w:r><w:t>学校</w:t></w:r></w:hyperlink></w:p></w:body></w:document>`,
		"word/_rels/document.xml.rels": `<Relationships>` +
			`<Relationship Id="rId1" Target="javascript:alert(1)" TargetMode="External"/>` +
			`<Relationship Id="rId2" Target="data:text/html,x" TargetMode="External"/>` +
			`<Relationship Id="rId3" Target="https://www.example.edu.cn/" TargetMode="External"/></Relationships>`,
	})
	b, err := Import("来稿.docx", data, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(b.Body, "甲乙[学校](https://www.example.edu.cn/)") {
		t.Errorf("body:\n%s", b.Body)
	}
}
