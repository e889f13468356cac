package markdown

import (
	"slices"

	"github.com/yuin/goldmark/ast"
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

// linkTransformer takes dangerous addresses out (dropDangerousURLs), then
// rewrites the destinations of ast.Link and ast.Image through the
// document's Resolver. Autolinks (<https://...> and bare URLs) are left
// alone.
type linkTransformer struct{}

// Transform implements parser.ASTTransformer.
func (linkTransformer) Transform(doc *ast.Document, reader text.Reader, pc parser.Context) {
	st := stateOf(pc)
	if st == nil {
		return
	}
	source := reader.Source()
	dropDangerousURLs(doc, source, st)
	if st.doc.Resolver == nil {
		return
	}
	res := st.doc.Resolver
	ir, rendersImages := res.(ImageRenderer)
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		var dest *[]byte
		resolve := res.Link
		switch v := n.(type) {
		case *ast.Link:
			dest = &v.Destination
		case *ast.Image:
			if rendersImages {
				return ast.WalkSkipChildren, nil
			}
			dest, resolve = &v.Destination, res.Image
		default:
			return ast.WalkContinue, nil
		}
		out, err := resolve(string(*dest))
		if err != nil {
			st.problems = append(st.problems, Problem{
				Line: st.lineOf(n, source) + st.doc.LineOffset,
				Msg:  err.Error(),
			})
			return ast.WalkContinue, nil
		}
		if out != string(*dest) {
			*dest = []byte(out)
		}
		return ast.WalkContinue, nil
	})
	if rendersImages {
		renderImages(doc, source, st, ir)
	}
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
