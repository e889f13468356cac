package importer

import (
	"encoding/base64"
	"errors"
	"fmt"
	"io/fs"
	"mime"
	"net/url"
	"path"
	"strconv"
	"strings"
	"unicode"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"showcase/internal/markdown"
	"showcase/internal/sitefs"
)

// image reads an <img>: a picture saved beside the page ("xxx_files/640.jpeg"),
// a data: URI, or a remote address (WeChat keeps the real one in data-src),
// which is kept as a link for a person to download.
func (r *htmlReader) image(n *html.Node) {
	src := strings.TrimSpace(attr(n, "data-src"))
	if src == "" {
		src = strings.TrimSpace(attr(n, "src"))
	}
	if src == "" {
		return
	}
	img := &picture{number: len(r.doc.images) + 1, caption: strings.TrimSpace(attr(n, "alt"))}
	lower := strings.ToLower(src)
	switch {
	case strings.HasPrefix(lower, "file:"):
		r.doc.notes = append(r.doc.notes, "删除了指向本机文件的图片 "+src+"，请另附原图 (removed a picture on the author's disk)")
		return
	case markdown.DangerousURL(src):
		r.doc.notes = append(r.doc.notes, "删除了一处不是图片的内嵌内容 "+shortURL(src)+"（网页或脚本，不能发布）(removed data: or script content that is not a picture)")
		return
	case strings.HasPrefix(lower, "data:"):
		data, ext, ok := decodeDataURI(src)
		if !ok {
			r.doc.notes = append(r.doc.notes, "一张内嵌图片 (data: URI) 无法解码，已略过 (an inline picture could not be decoded)")
			return
		}
		img.data, img.name = data, "image-"+strconv.Itoa(img.number)+ext
	case strings.HasPrefix(lower, "http:"), strings.HasPrefix(lower, "https:"), strings.HasPrefix(lower, "//"):
		img.url = src
		if strings.HasPrefix(src, "//") {
			img.url = "https:" + src
		}
		r.doc.notes = append(r.doc.notes, fmt.Sprintf("图%d 是网络图片 %s，请下载后放入页面文件夹并改为本地文件名 (a remote picture: download it into the bundle)", img.number, img.url))
	default:
		name := src
		if u, err := url.Parse(src); err == nil {
			name = u.Path
		}
		name = path.Clean(strings.TrimPrefix(name, "./"))
		var data []byte
		var err error
		if r.files == nil || !fs.ValidPath(name) {
			err = fs.ErrNotExist
		} else {
			data, err = fs.ReadFile(r.files, name)
		}
		if link := (*sitefs.LinkError)(nil); errors.As(err, &link) {
			r.doc.notes = append(r.doc.notes, fmt.Sprintf("图片 %s 是指向网页所在文件夹以外的符号链接，为安全起见没有导入，请另附原图 (a symbolic link to %s, outside the page's folder)", src, link.Target))
			return
		}
		if err != nil {
			r.doc.notes = append(r.doc.notes, fmt.Sprintf("图片 %s 找不到，请另附原图 (picture not found beside the page)", src))
			return
		}
		ext := strings.ToLower(path.Ext(name))
		if ext == "" || len(ext) > 5 || ext == ".jpeg" {
			ext = ".jpg"
		}
		img.data, img.name = data, "image-"+strconv.Itoa(img.number)+ext
	}
	r.doc.images = append(r.doc.images, img)
	r.doc.blocks = append(r.doc.blocks, &block{kind: imageBlock, image: img})
}

// shortURL is the start of a long address, for a note.
func shortURL(u string) string {
	if r := []rune(u); len(r) > 40 {
		return string(r[:40]) + "…"
	}
	return u
}

// decodeDataURI decodes a base64 data: URI of an image.
func decodeDataURI(uri string) ([]byte, string, bool) {
	meta, payload, ok := strings.Cut(uri[len("data:"):], ",")
	if !ok || !strings.HasSuffix(meta, ";base64") {
		return nil, "", false
	}
	data, err := base64.StdEncoding.DecodeString(strings.TrimSpace(payload))
	if err != nil {
		return nil, "", false
	}
	ext := ".png"
	if exts, _ := mime.ExtensionsByType(strings.TrimSuffix(meta, ";base64")); len(exts) > 0 {
		ext = exts[0]
	}
	if ext == ".jpeg" || ext == ".jpe" {
		ext = ".jpg"
	}
	return data, ext, true
}

// hidden reports elements a browser does not show.
func hidden(n *html.Node) bool {
	style := strings.ToLower(strings.ReplaceAll(attr(n, "style"), " ", ""))
	_, hiddenAttr := attrOK(n, "hidden")
	return hiddenAttr || strings.Contains(style, "display:none") || strings.Contains(style, "visibility:hidden")
}

func attr(n *html.Node, key string) string {
	v, _ := attrOK(n, key)
	return v
}

func attrOK(n *html.Node, key string) (string, bool) {
	for _, a := range n.Attr {
		if a.Namespace == "" && strings.EqualFold(a.Key, key) {
			return a.Val, true
		}
	}
	return "", false
}

type nodeTest func(*html.Node) bool

func isID(id string) nodeTest {
	return func(n *html.Node) bool { return n.Type == html.ElementNode && attr(n, "id") == id }
}

func isAtom(a atom.Atom) nodeTest {
	return func(n *html.Node) bool { return n.Type == html.ElementNode && n.DataAtom == a }
}

func hasClass(class string) nodeTest {
	return func(n *html.Node) bool {
		return n.Type == html.ElementNode && strings.Contains(" "+attr(n, "class")+" ", " "+class+" ")
	}
}

// isMeta matches <meta property|name=key content=…>; its text is content.
func isMeta(key string) nodeTest {
	return func(n *html.Node) bool {
		return n.DataAtom == atom.Meta && (strings.EqualFold(attr(n, "property"), key) || strings.EqualFold(attr(n, "name"), key))
	}
}

// firstText returns the text of the first node passing the first test
// that finds one with text.
func firstText(root *html.Node, tests ...nodeTest) string {
	for _, test := range tests {
		if n := findNode(root, test); n != nil {
			t := textOf(n)
			if n.DataAtom == atom.Meta {
				t = attr(n, "content")
			}
			if t = strings.TrimSpace(settleSoftSpaces(collapseSpace(t))); t != "" {
				return t
			}
		}
	}
	return ""
}

func findNode(n *html.Node, test nodeTest) *html.Node {
	if test(n) {
		return n
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if f := findNode(c, test); f != nil {
			return f
		}
	}
	return nil
}

// textOf is the text inside n, without scripts and ruby annotations.
func textOf(n *html.Node) string {
	var b strings.Builder
	var visit func(*html.Node)
	visit = func(n *html.Node) {
		if n.Type == html.TextNode {
			b.WriteString(n.Data)
		}
		if n.Type == html.ElementNode && skipped[n.DataAtom] {
			return
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			visit(c)
		}
	}
	visit(n)
	return b.String()
}

// softSpace stands for white space that held a line break in the HTML
// source: between Chinese characters it is dropped (the author only
// wrapped a long line), elsewhere it becomes a space.
const softSpace = '\uE000'

// collapseSpace turns each run of HTML white space into one space, or into
// a softSpace when the run holds a line break.
func collapseSpace(s string) string {
	var b strings.Builder
	space, newline := false, false
	flush := func() {
		switch {
		case newline:
			b.WriteRune(softSpace)
		case space:
			b.WriteByte(' ')
		}
		space, newline = false, false
	}
	for _, r := range s {
		if r == ' ' || r == '\t' || r == '\n' || r == '\r' || r == '\f' {
			space = true
			newline = newline || r == '\n' || r == '\r'
			continue
		}
		flush()
		b.WriteRune(r)
	}
	flush()
	return b.String()
}

// settleSoftSpaces drops the soft spaces between Chinese characters (or
// before Chinese punctuation) and makes the others plain spaces.
func settleSoftSpaces(t string) string {
	if !strings.ContainsRune(t, softSpace) {
		return t
	}
	return joinCJKSpaces([]span{{text: t}})[0].text
}

// joinCJKSpaces settles the soft spaces of a paragraph's spans, looking
// across span edges for the neighbouring characters.
func joinCJKSpaces(spans []span) []span {
	type char struct {
		r    rune
		span int
	}
	var all []char
	for i, s := range spans {
		for _, r := range s.text {
			all = append(all, char{r, i})
		}
	}
	texts := make([]strings.Builder, len(spans))
	for k, c := range all {
		r := c.r
		if r == softSpace {
			var prev, next rune
			if k > 0 {
				prev = all[k-1].r
			}
			if k+1 < len(all) {
				next = all[k+1].r
			}
			if cjk(prev) && (cjk(next) || unicode.IsPunct(next) && next > 0x2000) {
				continue
			}
			r = ' '
		}
		texts[c.span].WriteRune(r)
	}
	for i := range spans {
		spans[i].text = texts[i].String()
	}
	return spans
}

func plural(n int, format string) string { return fmt.Sprintf(format, n) }
