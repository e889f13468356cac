package importer

import (
	"archive/zip"
	"bytes"
	"regexp"
	"strings"
	"time"
)

// readDocxProperties reads what a .docx says about itself beside its body,
// in docProps/core.xml: when it was created (dcterms:created), for the
// year of a date the text gives without one. A title found there rather
// than in the body (readDocx falls back on dc:title) is kept aside: the
// body's own first paragraph is a better title than a property that
// often stays from the template the file was made from.
func readDocxProperties(data []byte, doc *document) {
	if !doc.titleStyled && doc.title != "" {
		doc.propertiesTitle, doc.title = doc.title, ""
	}
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return
	}
	pkg := &docxPackage{files: map[string]*zip.File{}, xml: newXMLBudget()}
	for _, f := range zr.File {
		pkg.files[strings.TrimPrefix(f.Name, "/")] = f
	}
	props, err := pkg.xmlPart("docProps/core.xml")
	if err != nil {
		return
	}
	if c := props.find("created"); len(c) > 0 {
		t, err := time.Parse(time.RFC3339, strings.TrimSpace(c[0].text))
		if err == nil && t.Year() >= 1990 {
			doc.created = t.In(cst)
		}
	}
}

// generatedDescription matches what Word writes by itself as a picture's
// description ("图片包含 人物, 室内\n\n描述已自动生成", "A picture
// containing person … Description automatically generated"), and
// fileLike a description that is only the picture's file name or path:
// neither is a caption.
var (
	generatedDescription = regexp.MustCompile(`(?i)自动生成|automatically generated|^(?:图片|picture|image)\s*\d*$`)
	fileLike             = regexp.MustCompile(`(?i)^\S*\.(?:jpe?g|png|gif|bmp|tiff?|webp|heic|emf|wmf)$|^[a-z]:\\|^/|^https?:`)
)

// pictureDescription is the description a person gave a picture in Word
// (Format Picture → Alt Text): wp:docPr descr (or its older title), or a
// VML shape's alt. Descriptions Word generated and file names are left
// out.
func pictureDescription(n *xmlNode) string {
	var found []string
	for _, d := range n.find("docPr") {
		found = append(found, d.attr("descr"), d.attr("title"))
	}
	for _, sh := range n.find("shape") {
		found = append(found, sh.attr("alt"))
	}
	for _, s := range found {
		s = strings.Join(strings.Fields(s), " ")
		if s != "" && !generatedDescription.MatchString(s) && !fileLike.MatchString(s) {
			return s
		}
	}
	return ""
}
