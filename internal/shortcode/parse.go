package shortcode

import (
	"bytes"
	"slices"
)

// Doc is a Markdown document cut into text and shortcode calls.
type Doc struct {
	// Parts are the document in order. Joined (calls as their output,
	// literals escaped) they make the page's Markdown.
	Parts []Part
	// Problems are calls that could not be read and closing tags with no
	// opening one; their text stays in the document as written.
	Problems []Problem
	// InCode are the calls written inside code, left as written. Their
	// Inner is not read.
	InCode []*Call
}

// Part is a piece of the document: Markdown text, text to publish as
// written, or a call.
type Part struct {
	// Text is Markdown source, or with Literal the text of an escaped call
	// ({{< x >}}) to show as written, not read as Markdown.
	Text    string
	Literal bool
	Call    *Call // a call; Text is then ""
	Line    int   // line of the part's first character, 1-based
}

// Call is one shortcode call.
type Call struct {
	Name     string
	Markdown bool    // {{% %}}: inner and output are Markdown
	Params   []Param // in the order written
	Named    bool    // the arguments are key=value
	Line     int     // line of the opening "{{"
	EndLine  int     // line of the last "}}" (of the closing tag, if any)
	// Indent is the white space before the call on its line when nothing
	// else precedes it there, else "".
	Indent string
	// Alone is true when nothing but white space shares the call's first
	// and last lines: the call is a block of its own.
	Alone bool
	// Inner is the content between the opening and closing tags, itself
	// text and calls. It is nil for a call without closing tag.
	Inner []Part
	// InnerSource is that content as written.
	InnerSource string
	// Source is the call as written, from its first "{{" to its last "}}".
	Source string
}

// Param is one argument of a call.
type Param struct {
	Name  string // "" for a positional argument
	Value any    // string, bool, int or float64
}

// Paired reports whether the call has a closing tag (and so inner content,
// maybe empty).
func (c *Call) Paired() bool { return c.Inner != nil }

// Problem is something Parse could not read.
type Problem struct {
	Line int // 1-based
	// Msg is English; the caller words it for staff.
	Msg string
	// Zh is the same in Chinese, for staff.
	Zh string
}

// Parse finds the calls of src.
func Parse(src []byte) *Doc {
	p := &parser{src: src}
	for i, c := range src {
		if c == '\n' {
			p.newlines = append(p.newlines, i)
		}
	}
	if bytes.Contains(src, []byte("{{<")) || bytes.Contains(src, []byte("{{%")) {
		p.code = codeRanges(src)
	}
	p.scan()
	return p.tree()
}

// parser holds the state of one Parse.
type parser struct {
	src      []byte
	newlines []int    // offsets of '\n'
	code     [][2]int // byte ranges of code, sorted
	items    []item   // text, literals and tags in order
	doc      Doc      // problems and calls in code, gathered on the way
	textFrom int      // start of the text not yet made an item
	stopped  bool     // a tag ran to the end of the document: the rest is text
}

// item is a piece found by scan: text, a literal or a tag.
type item struct {
	text       string
	literal    bool
	tag        *tag
	start, end int // byte range in src
}

// lineAt is the 1-based line of byte offset off.
func (p *parser) lineAt(off int) int {
	i, _ := slices.BinarySearch(p.newlines, off)
	return i + 1
}

// inCodeAt reports whether offset off lies in code.
func (p *parser) inCodeAt(off int) bool {
	_, found := slices.BinarySearchFunc(p.code, off, func(r [2]int, off int) int {
		switch {
		case r[1] <= off:
			return -1
		case r[0] > off:
			return 1
		}
		return 0
	})
	return found
}

// scan cuts src into items.
func (p *parser) scan() {
	src := p.src
	for i := 0; i+2 < len(src) && !p.stopped; {
		j := indexDelim(src, i)
		if j < 0 {
			break
		}
		if n, text, ok := escaped(src, j); ok {
			p.flushText(j)
			lit := !p.inCodeAt(j)
			if !lit {
				p.items = append(p.items, item{text: text, start: j, end: j + n})
			} else {
				p.items = append(p.items, item{text: text, literal: true, start: j, end: j + n})
			}
			p.textFrom = j + n
			i = j + n
			continue
		}
		t, n, err := lexTag(src, j)
		if p.inCodeAt(j) {
			if err == nil && !t.closing {
				p.doc.InCode = append(p.doc.InCode, &Call{Name: t.name, Markdown: t.markdown, Params: t.params, Named: t.named,
					Line: p.lineAt(j), EndLine: p.lineAt(j + n - 1), Source: string(src[j : j+n])})
			}
			i = j + 2
			continue
		}
		if err != nil {
			p.doc.Problems = append(p.doc.Problems, Problem{Line: p.lineAt(j), Msg: err.en, Zh: err.zh})
			if err.eof {
				p.stopped = true // every later "{{<" would run to the end too
			}
			i = j + 2
			continue
		}
		p.flushText(j)
		t.start, t.end = j, j+n
		p.items = append(p.items, item{tag: t, start: j, end: j + n})
		p.textFrom = j + n
		i = j + n
	}
	p.flushText(len(src))
}

// flushText makes the text before offset end an item.
func (p *parser) flushText(end int) {
	if end > p.textFrom {
		p.items = append(p.items, item{text: string(p.src[p.textFrom:end]), start: p.textFrom, end: end})
	}
	p.textFrom = end
}

// indexDelim finds the next "{{<" or "{{%" at or after i.
func indexDelim(src []byte, i int) int {
	for {
		k := bytes.Index(src[i:], []byte("{{"))
		if k < 0 {
			return -1
		}
		j := i + k
		if j+2 < len(src) && (src[j+2] == '<' || src[j+2] == '%') {
			return j
		}
		i = j + 1
	}
}

// escaped reads the escaped call at src[j:] ({{</* x */>}} or
// {{%/* x */%}}): its length and its text without the comment markers.
func escaped(src []byte, j int) (n int, text string, ok bool) {
	open := src[j : j+3]
	if !bytes.HasPrefix(src[j+3:], []byte("/*")) {
		return 0, "", false
	}
	closeDelim := []byte("*/>}}")
	if open[2] == '%' {
		closeDelim = []byte("*/%}}")
	}
	k := bytes.Index(src[j+5:], closeDelim)
	if k < 0 {
		return 0, "", false
	}
	body := src[j+5 : j+5+k]
	end := j + 5 + k + len(closeDelim)
	return end - j, string(open) + string(body) + string(closeDelim[2:]), true
}
