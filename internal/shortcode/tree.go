package shortcode

// frame is a call whose closing tag has not come yet, and what came since.
type frame struct {
	call  *Call
	tag   *tag
	parts []Part
}

// tree pairs opening and closing tags into calls with inner content.
func (p *parser) tree() *Doc {
	stack := []*frame{{}} // the document itself at the bottom
	for _, it := range p.items {
		top := stack[len(stack)-1]
		switch {
		case it.tag == nil:
			top.parts = append(top.parts, Part{Text: it.text, Literal: it.literal, Line: p.lineAt(it.start)})
		case it.tag.closing:
			k := len(stack) - 1
			for k > 0 && stack[k].call.Name != it.tag.name {
				k--
			}
			if k == 0 {
				p.doc.Problems = append(p.doc.Problems, Problem{Line: p.lineAt(it.start),
					Zh: "结束标签 {{< /" + it.tag.name + " >}} 前面没有对应的开始标签", Msg: "closing tag of " + it.tag.name + " with no opening tag"})
				continue
			}
			for len(stack)-1 > k {
				stack = p.unwind(stack)
			}
			f := stack[k]
			stack = stack[:k]
			c := f.call
			c.Inner = f.parts
			if c.Inner == nil {
				c.Inner = []Part{}
			}
			c.InnerSource = string(p.src[f.tag.end:it.start])
			c.Source = string(p.src[f.tag.start:it.end])
			c.EndLine = p.lineAt(it.end - 1)
			c.Alone = p.alone(f.tag.start, it.end)
			parent := stack[k-1]
			parent.parts = append(parent.parts, Part{Call: c, Line: c.Line})
		case it.tag.selfClosing:
			c := p.call(it.tag)
			top.parts = append(top.parts, Part{Call: c, Line: c.Line})
		default:
			stack = append(stack, &frame{call: p.call(it.tag), tag: it.tag})
		}
	}
	for len(stack) > 1 {
		stack = p.unwind(stack)
	}
	doc := p.doc
	doc.Parts = stack[0].parts
	return &doc
}

// unwind ends the call on top of the stack as one without closing tag:
// what followed it becomes its parent's.
func (p *parser) unwind(stack []*frame) []*frame {
	f := stack[len(stack)-1]
	stack = stack[:len(stack)-1]
	parent := stack[len(stack)-1]
	parent.parts = append(parent.parts, Part{Call: f.call, Line: f.call.Line})
	parent.parts = append(parent.parts, f.parts...)
	return stack
}

// call makes the Call of an opening or self-closing tag.
func (p *parser) call(t *tag) *Call {
	return &Call{
		Name: t.name, Markdown: t.markdown, Params: t.params, Named: t.named,
		Line: p.lineAt(t.start), EndLine: p.lineAt(t.end - 1), Indent: p.indentBefore(t.start),
		Source: string(p.src[t.start:t.end]), Alone: p.alone(t.start, t.end),
	}
}

// alone reports whether only white space shares the lines of src[start:end].
func (p *parser) alone(start, end int) bool {
	if start > 0 && p.src[start-1] != '\n' && p.indentBefore(start) == "" {
		return false
	}
	for _, c := range p.src[end:] {
		switch c {
		case '\n':
			return true
		case ' ', '\t', '\r':
		default:
			return false
		}
	}
	return true
}

// indentBefore is the white space between the start of the line and off,
// or "" when anything else precedes off on its line.
func (p *parser) indentBefore(off int) string {
	i := off
	for i > 0 && (p.src[i-1] == ' ' || p.src[i-1] == '\t') {
		i--
	}
	if i > 0 && p.src[i-1] != '\n' {
		return ""
	}
	return string(p.src[i:off])
}
