package markdown

import (
	"net/url"
	"slices"
	"strings"

	"github.com/yuin/goldmark/ast"
	east "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
)

// Resolver maps a link or image destination written in Markdown to the URL
// to emit. It returns the destination unchanged when it has nothing to do,
// or an error (e.g. a link to a .md file that does not exist) which Render
// records as a Problem with the line of the link.
type Resolver interface {
	Link(dest string) (string, error)
	Image(src string) (string, error)
}

// linkTransformer takes dangerous addresses out (dropDangerousURLs),
// records every link, autolink and image (Result.Links) and rewrites the
// destinations of ast.Link and ast.Image through the document's Resolver.
// Autolinks (<https://...> and bare URLs) are recorded and left alone.
type linkTransformer struct{}

// Transform implements parser.ASTTransformer.
func (linkTransformer) Transform(doc *ast.Document, reader text.Reader, pc parser.Context) {
	st := stateOf(pc)
	if st == nil {
		return
	}
	source := reader.Source()
	dropDangerousURLs(doc, source, st)
	res := st.doc.Resolver
	ir, rendersImages := res.(ImageRenderer)
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		var link Link
		var dest *[]byte // rewritten with what resolve returns
		var resolve func(string) (string, error)
		switch v := n.(type) {
		case *ast.AutoLink:
			label := string(v.Label(source))
			link = Link{Auto: true, Dest: label, Text: label, Target: string(v.URL(source))}
		case *ast.Link:
			link, dest = Link{Dest: string(v.Destination), Text: textOf(n, source), Target: string(v.Destination)}, &v.Destination
			if res != nil {
				resolve = res.Link
			}
		case *ast.Image:
			link, dest = Link{Image: true, Dest: string(v.Destination), Text: textOf(n, source), Target: string(v.Destination)}, &v.Destination
			switch {
			case rendersImages:
				link.Target = "" // renderImages makes its HTML
			case res != nil:
				resolve = res.Image
			}
		default:
			return ast.WalkContinue, nil
		}
		link.Line = st.lineOf(n, source) + st.doc.LineOffset
		link.Fragment = fragmentOf(link.Dest)
		if resolve != nil {
			out, err := resolve(link.Dest)
			switch {
			case err != nil:
				st.problems = append(st.problems, Problem{Line: link.Line, Msg: err.Error()})
				link.Target = ""
			case out != link.Dest:
				*dest, link.Target = []byte(out), out
			}
		}
		st.record(n, link)
		if link.Image && rendersImages {
			return ast.WalkSkipChildren, nil
		}
		return ast.WalkContinue, nil
	})
	if rendersImages {
		renderImages(doc, source, st, ir)
	}
}

// record adds link, made from node n, to Result.Links, unless n is in a
// footnote that nothing refers to: goldmark leaves that out of the HTML.
// (Its links are resolved all the same, and their errors reported.)
func (st *docState) record(n ast.Node, link Link) {
	for p := n.Parent(); p != nil; p = p.Parent() {
		if fn, ok := p.(*east.Footnote); ok && fn.Index < 0 {
			return
		}
	}
	st.links = append(st.links, link)
}

// textOf is the text of a link or the alt text of an image, without markup
// and trimmed.
func textOf(n ast.Node, source []byte) string {
	return strings.TrimSpace(string(imageAlt(n, source)))
}

// fragmentOf is the part of dest after '#', percent-decoded.
func fragmentOf(dest string) string {
	_, frag, _ := strings.Cut(dest, "#")
	if u, err := url.PathUnescape(frag); err == nil {
		return u
	}
	return frag
}

// lineOf returns the 1-based line in source where n starts: its own
// position if goldmark recorded one (links and images record their opening
// bracket), else the first line of the nearest enclosing block with lines.
func (st *docState) lineOf(n ast.Node, source []byte) int {
	pos := n.Pos()
	for b := n; pos < 0 && b != nil; b = b.Parent() {
		if b.Type() == ast.TypeBlock && b.Lines().Len() > 0 {
			pos = b.Lines().At(0).Start
		}
	}
	if pos < 0 {
		return 1
	}
	if st.newlines == nil {
		st.newlines = []int{}
		for i, c := range source {
			if c == '\n' {
				st.newlines = append(st.newlines, i)
			}
		}
	}
	// The line number is 1 + the number of newlines before pos.
	i, _ := slices.BinarySearch(st.newlines, pos)
	return i + 1
}
