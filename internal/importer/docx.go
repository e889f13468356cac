package importer

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"path"
	"strconv"
	"strings"

	"showcase/internal/lang"
)

// Limits against zip bombs: a picture of a .docx is read up to these sizes
// (an XML part up to maxXMLBytes).
const (
	maxMediaPart = 64 << 20
	maxMedia     = 256 << 20
)

// Limits against hostile XML, for all the XML parts of one document
// together, set far above what a real Word file needs (a few dozen levels
// of nesting, tables in tables included): they keep the worst file to a
// second or two and a few hundred MB (see BenchmarkHostileDocx).
const (
	maxXMLDepth    = 256
	maxXMLElements = 500_000 // attributes count as elements
	maxXMLBytes    = 16 << 20
	maxXMLTag      = 64 << 10 // one tag, from < to >: Word's longest are a few hundred bytes
)

// xmlBudget is what is left of the XML limits for one document.
type xmlBudget struct {
	elements int
	bytes    int64
}

func newXMLBudget() *xmlBudget {
	return &xmlBudget{elements: maxXMLElements, bytes: maxXMLBytes}
}

// xmlLimitError is a document refused for its structure, not its syntax:
// nested too deep, too many elements, too large in all.
type xmlLimitError struct{ msg string }

func (e *xmlLimitError) Error() string { return e.msg }

const rebuildAdvice = "文件可能已损坏或被恶意构造；请在 Word 中打开，把内容复制到新文档后另存为 .docx 再导入"

// xmlNode is an element of an OOXML part, read whole into memory.
type xmlNode struct {
	local    string // the name without its namespace: "p", "r", "t"
	attrs    []xml.Attr
	children []*xmlNode
	text     string // character data directly inside
}

// attr returns the value of the attribute with that local name.
func (n *xmlNode) attr(local string) string {
	if n == nil {
		return ""
	}
	for _, a := range n.attrs {
		if a.Name.Local == local {
			return a.Value
		}
	}
	return ""
}

// child returns the first child of that local name, or nil.
func (n *xmlNode) child(local string) *xmlNode {
	if n == nil {
		return nil
	}
	for _, c := range n.children {
		if c.local == local {
			return c
		}
	}
	return nil
}

// find returns every descendant of that local name, in document order. It
// walks with a stack of its own, not by recursion, so that no nesting can
// overflow the goroutine's stack.
func (n *xmlNode) find(local string) []*xmlNode {
	if n == nil {
		return nil
	}
	var out []*xmlNode
	todo := reversed(nil, n.children)
	for len(todo) > 0 {
		c := todo[len(todo)-1]
		todo = todo[:len(todo)-1]
		if c.local == local {
			out = append(out, c)
		}
		todo = reversed(todo, c.children)
	}
	return out
}

// reversed appends nodes to stack last first, so that they pop in order.
func reversed(stack, nodes []*xmlNode) []*xmlNode {
	for i := len(nodes) - 1; i >= 0; i-- {
		stack = append(stack, nodes[i])
	}
	return stack
}

// parseXML reads an XML part into a tree, within the budget: deeper than
// maxXMLDepth, or more elements or bytes than are left, is an
// *xmlLimitError. Character data is gathered in one buffer per open
// element, so that text in any number of fragments takes linear time.
func parseXML(data []byte, budget *xmlBudget) (*xmlNode, error) {
	if budget.bytes -= int64(len(data)); budget.bytes < 0 {
		return nil, &xmlLimitError{fmt.Sprintf("文档的 XML 内容合计超过 %d MB，%s（the XML parts exceed %d MB in all）", maxXMLBytes>>20, rebuildAdvice, maxXMLBytes>>20)}
	}
	if at := longTag(data); at >= 0 {
		line := bytes.Count(data[:at], []byte("\n")) + 1
		return nil, &xmlLimitError{fmt.Sprintf("第 %d 行：一个 XML 标记长于 %d KB，%s（a tag longer than %d KB）", line, maxXMLTag>>10, rebuildAdvice, maxXMLTag>>10)}
	}
	dec := xml.NewDecoder(bytes.NewReader(data))
	dec.Strict = false
	root := &xmlNode{}
	stack := []*xmlNode{root}
	texts := [][]byte{nil} // the character data of each open element
	closeTop := func() {
		top := len(stack) - 1
		stack[top].text = string(texts[top])
		stack, texts = stack[:top], texts[:top]
	}
	for {
		tok, err := dec.Token()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return nil, err
		}
		top := stack[len(stack)-1]
		switch t := tok.(type) {
		case xml.StartElement:
			if len(stack) > maxXMLDepth {
				line, _ := dec.InputPos()
				return nil, &xmlLimitError{fmt.Sprintf("第 %d 行：文档结构嵌套超过 %d 层，%s（XML nested deeper than %d elements）", line, maxXMLDepth, rebuildAdvice, maxXMLDepth)}
			}
			if budget.elements -= 1 + len(t.Attr); budget.elements < 0 {
				return nil, &xmlLimitError{fmt.Sprintf("文档包含的 XML 元素超过 %d 个，%s（more than %d XML elements）", maxXMLElements, rebuildAdvice, maxXMLElements)}
			}
			n := &xmlNode{local: t.Name.Local, attrs: t.Attr}
			top.children = append(top.children, n)
			stack = append(stack, n)
			texts = append(texts, nil)
		case xml.EndElement:
			if len(stack) > 1 {
				closeTop()
			}
		case xml.CharData:
			texts[len(texts)-1] = append(texts[len(texts)-1], t...)
		}
	}
	for len(stack) > 0 {
		closeTop()
	}
	return root, nil
}

// longTag returns the offset of the first tag longer than maxXMLTag, or
// -1. The decoder reads a whole tag at once: 16 MB of one tag's attributes
// (a a a …, which a lenient decoder accepts) would take 30 times that.
func longTag(data []byte) int {
	for at := 0; ; {
		open := bytes.IndexByte(data[at:], '<')
		if open < 0 {
			return -1
		}
		open += at
		end := bytes.IndexByte(data[open:], '>')
		if end < 0 {
			end = len(data) - open
		}
		if end > maxXMLTag {
			return open
		}
		if at = open + end; at >= len(data) {
			return -1
		}
	}
}

// docxPackage is an opened .docx: its parts, relationships, styles and
// list numbering.
type docxPackage struct {
	files     map[string]*zip.File
	rels      map[string]docxRel
	styles    map[string]docxStyle
	bullets   map[string]bool // numId → a bulleted (not numbered) list
	mediaRead int64
	xml       *xmlBudget
	// refused is why the reader stopped early: too many pictures, tables
	// nested too deep
	refused error
}

type docxRel struct {
	target   string // a part name ("word/media/image1.png") or an external URL
	external bool
}

type docxStyle struct {
	heading int // 1-9, 0 when not a heading
	title   bool
	caption bool
}

// openDocx reads the package structure of a .docx.
func openDocx(data []byte) (*docxPackage, *xmlNode, error) {
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return nil, nil, lang.Errorf("不是 Word .docx 文件：.doc 请先用 Word 另存为 .docx", "not a Word .docx file: %v", err)
	}
	pkg := &docxPackage{files: map[string]*zip.File{}, rels: map[string]docxRel{}, styles: map[string]docxStyle{}, bullets: map[string]bool{}, xml: newXMLBudget()}
	for _, f := range zr.File {
		pkg.files[strings.TrimPrefix(f.Name, "/")] = f
	}
	body, err := pkg.xmlPart("word/document.xml")
	if err != nil {
		return nil, nil, errors.New(lang.Say("文档正文（word/document.xml）无法读取：%v", "word/document.xml: %v", err))
	}
	rels, err := pkg.optionalXMLPart("word/_rels/document.xml.rels")
	if err != nil {
		return nil, nil, err
	}
	for _, r := range rels.find("Relationship") {
		rel := docxRel{target: r.attr("Target"), external: strings.EqualFold(r.attr("TargetMode"), "External")}
		if !rel.external {
			rel.target = path.Clean(path.Join("word", strings.TrimPrefix(rel.target, "/word/")))
		}
		pkg.rels[r.attr("Id")] = rel
	}
	styles, err := pkg.optionalXMLPart("word/styles.xml")
	if err != nil {
		return nil, nil, err
	}
	pkg.readStyles(styles)
	numbering, err := pkg.optionalXMLPart("word/numbering.xml")
	if err != nil {
		return nil, nil, err
	}
	pkg.readNumbering(numbering)
	return pkg, body, nil
}

// part reads one file of the package, up to limit bytes.
func (p *docxPackage) part(name string, limit int64) ([]byte, error) {
	f, ok := p.files[name]
	if !ok {
		return nil, lang.Errorf("文件中缺少 %[1]s，可能已损坏：请用 Word 打开后另存一份再导入", "missing part %[1]s", name)
	}
	rc, err := f.Open()
	if err != nil {
		return nil, err
	}
	defer rc.Close()
	data, err := io.ReadAll(io.LimitReader(rc, limit+1))
	if err != nil {
		return nil, err
	}
	if int64(len(data)) > limit {
		return nil, &xmlLimitError{fmt.Sprintf("文件中的 %s 解压后超过 %d MB，%s（part %s is larger than %d MB）", name, limit>>20, rebuildAdvice, name, limit>>20)}
	}
	return data, nil
}

func (p *docxPackage) xmlPart(name string) (*xmlNode, error) {
	data, err := p.part(name, maxXMLBytes)
	if err != nil {
		return nil, err
	}
	return parseXML(data, p.xml)
}

// optionalXMLPart reads a part the document can do without (styles,
// numbering, relationships, properties): missing or broken, it is nil; only
// a part over the XML limits is an error, since that file is hostile.
func (p *docxPackage) optionalXMLPart(name string) (*xmlNode, error) {
	n, err := p.xmlPart(name)
	var limit *xmlLimitError
	if errors.As(err, &limit) {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	return n, nil
}

// media reads an embedded picture, within the overall media budget.
func (p *docxPackage) media(name string) ([]byte, error) {
	if p.mediaRead > maxMedia {
		return nil, lang.Errorf("文档中的图片共超过 %[1]d MB：请在 Word 中压缩图片后再导入", "the document's pictures exceed %[1]d MB in all", maxMedia>>20)
	}
	data, err := p.part(name, maxMediaPart)
	p.mediaRead += int64(len(data))
	return data, err
}

// readStyles finds the heading, title and caption styles, by name (Word
// writes "heading 1" even in a Chinese document, whose style id is "1") or
// by outline level, following basedOn.
func (p *docxPackage) readStyles(root *xmlNode) {
	based := map[string]string{}
	for _, s := range root.find("style") {
		id := s.attr("styleId")
		name := strings.ToLower(strings.TrimSpace(s.child("name").attr("val")))
		var st docxStyle
		switch {
		case name == "title" || name == "标题":
			st.title = true
		case name == "caption" || name == "题注":
			st.caption = true
		case strings.HasPrefix(name, "heading ") || strings.HasPrefix(name, "标题 "):
			n, _ := strconv.Atoi(strings.TrimSpace(name[strings.LastIndexByte(name, ' ')+1:]))
			st.heading = n
		}
		if lvl := s.child("pPr").child("outlineLvl"); lvl != nil && st.heading == 0 && !st.title {
			if n, err := strconv.Atoi(lvl.attr("val")); err == nil && n < 9 {
				st.heading = n + 1
			}
		}
		p.styles[id] = st
		if b := s.child("basedOn"); b != nil {
			based[id] = b.attr("val")
		}
	}
	for id, st := range p.styles {
		for parent, hops := based[id], 0; st == (docxStyle{}) && parent != "" && hops < 10; parent, hops = based[parent], hops+1 {
			st = p.styles[parent]
		}
		p.styles[id] = st
	}
}

// readNumbering notes which lists are bulleted: a num whose abstract
// numbering's first level has numFmt "bullet".
func (p *docxPackage) readNumbering(root *xmlNode) {
	bulletAbstract := map[string]bool{}
	for _, a := range root.find("abstractNum") {
		for _, lvl := range a.find("lvl") {
			if lvl.attr("ilvl") == "0" {
				bulletAbstract[a.attr("abstractNumId")] = lvl.child("numFmt").attr("val") == "bullet"
			}
		}
	}
	for _, n := range root.find("num") {
		p.bullets[n.attr("numId")] = bulletAbstract[n.child("abstractNumId").attr("val")]
	}
}
