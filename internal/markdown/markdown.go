package markdown

import (
	"bytes"
	"html"
	"slices"
	"sync"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/renderer"
	gmhtml "github.com/yuin/goldmark/renderer/html"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"

	"showcase/internal/lang"
	"showcase/internal/markdown/outline"
)

// Options configures a Renderer.
type Options struct {
	// Unsafe lets raw HTML through. By default raw HTML blocks and inline
	// tags are replaced by "<!-- raw HTML omitted -->", as goldmark does.
	// Either way, a Markdown link or image to a DangerousURL is a Problem
	// and is not rendered; Unsafe raw HTML is written as it is.
	Unsafe bool
}

// Renderer converts Markdown documents to HTML. Build it once with New; it
// is safe for concurrent use by multiple goroutines.
type Renderer struct {
	md     goldmark.Markdown
	unsafe bool // raw HTML is let through, and so are its ids
}

// Doc is what Render needs to know about one document besides its text.
type Doc struct {
	// Resolver rewrites link and image destinations; nil leaves them as
	// written.
	Resolver Resolver
	// LineOffset is the line number in the source file of the first body
	// line minus 1, i.e. the number of front matter lines, so that
	// Problem.Line names a line of the file.
	LineOffset int
}

// Heading is one entry of the table of contents.
type Heading = outline.Heading

// Link is a link, autolink or picture the document contains, with its line,
// where the resolver sent it and its #fragment.
type Link = outline.Link

// Problem is something wrong in a document that did not stop rendering.
type Problem struct {
	Line int // line in the file (Doc.LineOffset applied), 1-based
	Msg  string
}

// Result is a rendered document.
type Result struct {
	HTML string
	// TOC lists every heading in document order; templates pick levels.
	TOC []Heading
	// Plain is the text without markup: one line per block (paragraph,
	// heading, list item, table cell, code block line), inline text
	// concatenated, no blank lines. Images and footnote markers add
	// nothing.
	Plain string
	// Summary is the Plain text before the first <!--more--> marker, or
	// "" if the document has none.
	Summary string
	// Problems are the resolver errors, in line order.
	Problems []Problem
	// Warnings are pictures left as text that CommonMark cannot read as
	// pictures, with the way to write them, in line order (see fixPictures).
	Warnings []Problem
	// Links are the links, autolinks and pictures, in document order.
	Links []Link
	// Anchors are the ids a link's #fragment can reach: heading IDs,
	// footnotes and, with Options.Unsafe, ids written in raw HTML.
	Anchors []string
}

// Outline is what the pass saw that later stages check: the links and the
// anchors.
func (r Result) Outline() outline.Doc {
	return outline.Doc{Links: r.Links, Anchors: r.Anchors}
}

// docState is the per-document state shared by the AST transformers
// through the parser.Context.
type docState struct {
	doc      Doc
	toc      []Heading
	problems []Problem
	links    []Link
	newlines []int // offsets of '\n' in the source, built on first need
}

var stateKey = parser.NewContextKey()

// stateOf returns the docState stored in pc, or nil.
func stateOf(pc parser.Context) *docState {
	st, _ := pc.Get(stateKey).(*docState)
	return st
}

// New builds a Renderer: goldmark with GFM (tables, strikethrough,
// linkify, task lists), footnotes, {#id} heading attributes, CJK-friendly
// emphasis and soft line breaks, ASCII (pinyin) heading ids with their
// Unicode ids of before as alias anchors, and link resolution.
// The typographer is off, so quotes stay as written.
func New(opts Options) *Renderer {
	p := parser.NewParser(
		parser.WithBlockParsers(parser.DefaultBlockParsers()...),
		parser.WithInlineParsers(inlineParsers()...),
		parser.WithParagraphTransformers(parser.DefaultParagraphTransformers()...),
		parser.WithAttribute(),
		parser.WithASTTransformers(
			util.Prioritized(headingTransformer{}, 100),
			util.Prioritized(linkTransformer{}, 200),
		),
	)
	var htmlOpts []gmhtml.Option
	if opts.Unsafe {
		htmlOpts = append(htmlOpts, gmhtml.WithUnsafe())
	}
	r := renderer.NewRenderer(renderer.WithNodeRenderers(
		util.Prioritized(gmhtml.NewRenderer(htmlOpts...), 1000),
		util.Prioritized(textRenderer{}, textRendererPriority),
		util.Prioritized(extension.NewStrikethroughHTMLRenderer(), 500),
		util.Prioritized(imageHTMLRenderer{}, 500),
		util.Prioritized(headingHTMLRenderer{}, 500),
	))
	md := goldmark.New(
		goldmark.WithParser(p),
		goldmark.WithRenderer(r),
		// Not extension.GFM: its strikethrough parser is replaced by ours.
		goldmark.WithExtensions(
			extension.Linkify,
			extension.Table,
			extension.TaskList,
			extension.Footnote,
		),
	)
	return &Renderer{md: md, unsafe: opts.Unsafe}
}

// Render converts one document body (front matter already removed). It
// never panics: should goldmark fail, the source is returned escaped in a
// <pre> block and the failure is reported as a Problem. A body over the
// limits (MaxBytes and the shapes goldmark is slow on, see limits.go) is
// not rendered: the Result holds only the Problem.
func (r *Renderer) Render(src []byte, doc Doc) (res Result) {
	defer func() {
		if v := recover(); v != nil {
			res = Result{
				HTML:     "<pre>" + html.EscapeString(string(src)) + "</pre>\n",
				Plain:    string(src),
				Problems: []Problem{{Line: doc.LineOffset + 1, Msg: lang.Sprintf("这一段 Markdown 无法转换（程序出错），已按原文显示：请把这篇稿件发给网站维护人员", "markdown: internal error: %v", v)}},
			}
		}
	}()
	if line, msg := CheckLimits(src); msg != "" {
		return Result{Problems: []Problem{{Line: doc.LineOffset + line, Msg: msg}}}
	}
	src, warnings := fixPictures(src, doc)
	st := &docState{doc: doc}
	pc := parser.NewContext(parser.WithIDs(newHeadingIDs()))
	pc.Set(stateKey, st)
	root := r.md.Parser().Parse(text.NewReader(src), parser.WithContext(pc))

	buf := htmlBuffers.Get().(*htmlBuffer)
	defer htmlBuffers.Put(buf)
	buf.Reset()
	if err := r.md.Renderer().Render(buf, src, root); err != nil {
		st.problems = append(st.problems, Problem{Line: doc.LineOffset + 1, Msg: err.Error()})
	}
	plain, summary := plainText(root, src)
	slices.SortStableFunc(st.problems, func(a, b Problem) int { return a.Line - b.Line })
	return Result{
		HTML:     buf.String(),
		TOC:      st.toc,
		Plain:    plain,
		Summary:  summary,
		Problems: st.problems,
		Warnings: warnings,
		Links:    st.links,
		Anchors:  anchors(root, src, r.unsafe),
	}
}

// htmlBuffer is the buffer a document's HTML is written into, and the
// buffered writer goldmark wants (util.BufWriter), so that it does not put
// one of its own in front (4 KB a document, and every byte copied twice).
type htmlBuffer struct{ bytes.Buffer }

func (*htmlBuffer) Buffered() int { return 0 }
func (*htmlBuffer) Flush() error  { return nil }

// htmlBuffers hold the HTML of a document being rendered: a buffer grown
// once, and the Result's HTML a string of the size it came to.
var htmlBuffers = sync.Pool{New: func() any { return new(htmlBuffer) }}
