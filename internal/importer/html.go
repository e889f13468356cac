package importer

import (
	"bytes"
	"io/fs"
	"regexp"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
	"golang.org/x/net/html/charset"

	"showcase/internal/markdown"
)

// htmlReader walks an HTML page into a document.
type htmlReader struct {
	doc    *document
	files  fs.FS // the folder of the page, for the pictures of a saved page
	spans  []span
	center bool
	quote  int // depth of blockquote
	list   []bool
	ruby   int // annotations dropped from <ruby> markup
}

// readHTML makes a document of an HTML page: a WeChat article saved from
// the browser (its #js_content, #activity-name and publish time), a campus
// news page (its article or largest content block) or a fragment. Ruby
// annotations (<rt>) are dropped, scripts, styles and navigation ignored.
func readHTML(data []byte, files fs.FS) (*document, error) {
	if _, name, _ := charset.DetermineEncoding(data, "text/html"); name != "utf-8" {
		if r, err := charset.NewReader(bytes.NewReader(data), "text/html"); err == nil {
			var buf bytes.Buffer
			if _, err := buf.ReadFrom(r); err == nil {
				data = buf.Bytes()
			}
		}
	}
	root, err := html.Parse(bytes.NewReader(data))
	if err != nil {
		return nil, err
	}
	r := &htmlReader{doc: &document{}, files: files}
	r.doc.title = firstText(root, isID("activity-name"), hasClass("rich_media_title"), isMeta("og:title"), isAtom(atom.H1), isAtom(atom.Title))
	r.doc.date = firstText(root, isID("publish_time"), isMeta("article:published_time"), isMeta("pubdate"), isMeta("publishdate"))
	if r.doc.date == "" {
		if m := wechatTime.FindSubmatch(data); m != nil {
			r.doc.date = string(m[1])
		}
	}
	content := contentRoot(root)
	r.walk(content)
	r.flush(paragraphBlock, 0)
	if r.ruby > 0 {
		r.doc.removed = append(r.doc.removed, plural(r.ruby, "<ruby> 注音 %d 处 (ruby annotations)"))
	}
	// The page's own h1 is its title, not a heading of the body.
	if len(r.doc.blocks) > 0 && r.doc.blocks[0].kind == headingBlock && plain(r.doc.blocks[0].spans) == r.doc.title {
		r.doc.blocks = r.doc.blocks[1:]
	}
	return r.doc, nil
}

var wechatTime = regexp.MustCompile(`var\s+ct\s*=\s*"(\d{10})"`)

// contentRoot picks the element holding the article: WeChat's #js_content,
// else <article>, else the element whose id or class says content with the
// most text, else <body>.
func contentRoot(root *html.Node) *html.Node {
	if n := findNode(root, isID("js_content")); n != nil {
		return n
	}
	if n := findNode(root, isAtom(atom.Article)); n != nil {
		return n
	}
	var best *html.Node
	bestLen := 0
	var visit func(*html.Node)
	visit = func(n *html.Node) {
		if n.Type == html.ElementNode && n.DataAtom != atom.Body {
			key := strings.ToLower(attr(n, "id") + " " + attr(n, "class"))
			if strings.Contains(key, "content") || strings.Contains(key, "article") || strings.Contains(key, "news_text") {
				if l := len(textOf(n)); l > bestLen {
					best, bestLen = n, l
				}
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			visit(c)
		}
	}
	visit(root)
	if best != nil && bestLen > 100 {
		return best
	}
	if n := findNode(root, isAtom(atom.Body)); n != nil {
		return n
	}
	return root
}

// skipped are the elements whose content is never article text.
var skipped = map[atom.Atom]bool{
	atom.Script: true, atom.Style: true, atom.Noscript: true, atom.Iframe: true, atom.Svg: true,
	atom.Head: true, atom.Nav: true, atom.Form: true, atom.Button: true, atom.Input: true,
	atom.Select: true, atom.Textarea: true, atom.Template: true, atom.Rt: true, atom.Rp: true,
}

func (r *htmlReader) walk(n *html.Node) {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		r.node(c)
	}
}

func (r *htmlReader) node(n *html.Node) {
	switch n.Type {
	case html.TextNode:
		r.text(n.Data, false, false, "")
		return
	case html.ElementNode:
	default:
		r.walk(n)
		return
	}
	if n.DataAtom == atom.Rt {
		r.ruby++
	}
	if skipped[n.DataAtom] || hidden(n) {
		return
	}
	switch n.DataAtom {
	case atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6:
		r.flush(paragraphBlock, 0)
		r.walk(n)
		r.flush(headingBlock, int(n.Data[1]-'0'))
	case atom.Ul, atom.Ol:
		r.flush(paragraphBlock, 0)
		r.list = append(r.list, n.DataAtom == atom.Ol)
		r.walk(n)
		r.list = r.list[:len(r.list)-1]
	case atom.Li:
		r.flush(paragraphBlock, 0)
		r.walk(n)
		r.flush(listBlock, max(0, len(r.list)-1))
	case atom.Blockquote:
		r.flush(paragraphBlock, 0)
		r.quote++
		r.walk(n)
		r.flush(paragraphBlock, 0)
		r.quote--
	case atom.Table:
		r.flush(paragraphBlock, 0)
		r.table(n)
	case atom.Img:
		r.flush(paragraphBlock, 0)
		r.image(n)
	case atom.Br:
		r.spans = append(r.spans, span{text: "\n"})
	case atom.Figcaption:
		r.flush(paragraphBlock, 0)
		r.walk(n)
		if len(r.spans) > 0 {
			r.flushCaption()
		}
	case atom.P, atom.Div, atom.Section, atom.Article, atom.Figure, atom.Header, atom.Footer,
		atom.Aside, atom.Pre, atom.Dl, atom.Dt, atom.Dd, atom.Center, atom.Hr, atom.Main:
		r.flush(paragraphBlock, 0)
		was := r.center
		r.center = was || n.DataAtom == atom.Center || strings.Contains(attr(n, "style"), "center") || attr(n, "align") == "center"
		r.walk(n)
		r.flush(paragraphBlock, 0)
		r.center = was
	default:
		r.inline(n)
	}
}

// inline reads an inline element: bold, italic and links carry over to
// the text inside.
func (r *htmlReader) inline(n *html.Node) {
	style := strings.ToLower(strings.ReplaceAll(attr(n, "style"), " ", ""))
	bold := n.DataAtom == atom.Strong || n.DataAtom == atom.B ||
		strings.Contains(style, "font-weight:bold") || strings.Contains(style, "font-weight:700")
	italic := n.DataAtom == atom.Em || n.DataAtom == atom.I || strings.Contains(style, "font-style:italic")
	link := ""
	if n.DataAtom == atom.A {
		link = strings.TrimSpace(attr(n, "href"))
		if strings.HasPrefix(strings.ToLower(link), "file:") || markdown.DangerousURL(link) || strings.HasPrefix(link, "#") {
			link = "" // the author's disk, script (javascript:, vbscript:, data:), or an anchor of the page
		}
	}
	start := len(r.spans)
	r.walk(n)
	for i := start; i < len(r.spans); i++ {
		s := &r.spans[i]
		s.bold = s.bold || bold
		s.italic = s.italic || italic
		if s.link == "" {
			s.link = link
		}
	}
}

func (r *htmlReader) text(t string, bold, italic bool, link string) {
	t = collapseSpace(t)
	if t != "" {
		r.spans = append(r.spans, span{text: t, bold: bold, italic: italic, link: link})
	}
}

// flush ends the paragraph being read as a block of that kind.
func (r *htmlReader) flush(kind blockKind, level int) {
	spans := joinCJKSpaces(r.spans)
	r.spans = nil
	if strings.TrimSpace(plain(spans)) == "" {
		return
	}
	if r.quote > 0 && kind == paragraphBlock {
		kind = quoteBlock
	}
	b := &block{kind: kind, level: level, spans: spans, center: r.center}
	if kind == listBlock && len(r.list) > 0 {
		b.ordered = r.list[len(r.list)-1]
	}
	if kind == paragraphBlock {
		b = typedMarkup(b)
	}
	r.doc.blocks = append(r.doc.blocks, b)
}

func (r *htmlReader) flushCaption() {
	r.flush(paragraphBlock, 0)
	if n := len(r.doc.blocks); n > 0 {
		r.doc.blocks[n-1].caption = true
	}
}

// table reads rows of th/td cells, each cell's text on one line.
func (r *htmlReader) table(t *html.Node) {
	tb := &block{kind: tableBlock}
	var after []*block
	var rows func(*html.Node)
	rows = func(n *html.Node) {
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if c.Type != html.ElementNode {
				continue
			}
			switch c.DataAtom {
			case atom.Tr:
				var row [][]span
				for cell := c.FirstChild; cell != nil; cell = cell.NextSibling {
					if cell.DataAtom == atom.Td || cell.DataAtom == atom.Th {
						sub := &htmlReader{doc: &document{images: r.doc.images}, files: r.files}
						sub.walk(cell)
						sub.flush(paragraphBlock, 0)
						r.doc.images = sub.doc.images
						r.doc.notes = append(r.doc.notes, sub.doc.notes...)
						var spans []span
						for i, b := range sub.doc.blocks {
							if b.kind == imageBlock {
								after = append(after, b)
								continue
							}
							if i > 0 {
								spans = append(spans, span{text: " "})
							}
							spans = append(spans, b.spans...)
						}
						row = append(row, spans)
					}
				}
				tb.rows = append(tb.rows, row)
			case atom.Table:
			default:
				rows(c)
			}
		}
	}
	rows(t)
	if len(tb.rows) > 0 {
		r.doc.blocks = append(r.doc.blocks, tb)
	}
	r.doc.blocks = append(r.doc.blocks, after...)
}
