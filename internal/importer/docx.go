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
)

// Limits against zip bombs: a part of a .docx is read up to these sizes.
const (
	maxXMLPart   = 64 << 20
	maxMediaPart = 64 << 20
	maxMedia     = 256 << 20
)

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

// find returns every descendant of that local name, in document order.
func (n *xmlNode) find(local string) []*xmlNode {
	var out []*xmlNode
	if n == nil {
		return nil
	}
	for _, c := range n.children {
		if c.local == local {
			out = append(out, c)
		}
		out = append(out, c.find(local)...)
	}
	return out
}

// parseXML reads an XML part into a tree.
func parseXML(data []byte) (*xmlNode, error) {
	dec := xml.NewDecoder(bytes.NewReader(data))
	dec.Strict = false
	root := &xmlNode{}
	stack := []*xmlNode{root}
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
			n := &xmlNode{local: t.Name.Local, attrs: t.Attr}
			top.children = append(top.children, n)
			stack = append(stack, n)
		case xml.EndElement:
			if len(stack) > 1 {
				stack = stack[:len(stack)-1]
			}
		case xml.CharData:
			top.text += string(t)
		}
	}
	return root, nil
}

// docxPackage is an opened .docx: its parts, relationships, styles and
// list numbering.
type docxPackage struct {
	files     map[string]*zip.File
	rels      map[string]docxRel
	styles    map[string]docxStyle
	bullets   map[string]bool // numId → a bulleted (not numbered) list
	mediaRead int64
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
		return nil, nil, fmt.Errorf("not a Word .docx file (不是 Word .docx 文件；.doc 请先另存为 .docx): %v", err)
	}
	pkg := &docxPackage{files: map[string]*zip.File{}, rels: map[string]docxRel{}, styles: map[string]docxStyle{}, bullets: map[string]bool{}}
	for _, f := range zr.File {
		pkg.files[strings.TrimPrefix(f.Name, "/")] = f
	}
	body, err := pkg.xmlPart("word/document.xml")
	if err != nil {
		return nil, nil, fmt.Errorf("word/document.xml: %v (文档正文无法读取)", err)
	}
	if rels, err := pkg.xmlPart("word/_rels/document.xml.rels"); err == nil {
		for _, r := range rels.find("Relationship") {
			rel := docxRel{target: r.attr("Target"), external: strings.EqualFold(r.attr("TargetMode"), "External")}
			if !rel.external {
				rel.target = path.Clean(path.Join("word", strings.TrimPrefix(rel.target, "/word/")))
			}
			pkg.rels[r.attr("Id")] = rel
		}
	}
	if styles, err := pkg.xmlPart("word/styles.xml"); err == nil {
		pkg.readStyles(styles)
	}
	if numbering, err := pkg.xmlPart("word/numbering.xml"); err == nil {
		pkg.readNumbering(numbering)
	}
	return pkg, body, nil
}

// part reads one file of the package, up to limit bytes.
func (p *docxPackage) part(name string, limit int64) ([]byte, error) {
	f, ok := p.files[name]
	if !ok {
		return nil, fmt.Errorf("missing part %s", name)
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
		return nil, fmt.Errorf("part %s is larger than %d MB", name, limit>>20)
	}
	return data, nil
}

func (p *docxPackage) xmlPart(name string) (*xmlNode, error) {
	data, err := p.part(name, maxXMLPart)
	if err != nil {
		return nil, err
	}
	return parseXML(data)
}

// media reads an embedded picture, within the overall media budget.
func (p *docxPackage) media(name string) ([]byte, error) {
	if p.mediaRead > maxMedia {
		return nil, fmt.Errorf("the document's pictures exceed %d MB in all", maxMedia>>20)
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
