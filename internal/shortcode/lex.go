package shortcode

import (
	"bytes"
	"regexp"
	"strconv"
	"unicode"
	"unicode/utf8"
)

// tag is one opening, closing or self-closing tag: {{< name args >}},
// {{< /name >}}, {{< name />}}.
type tag struct {
	name        string
	markdown    bool // {{% %}}
	closing     bool // {{< /name >}}
	selfClosing bool // {{< name />}}
	params      []Param
	named       bool
	start, end  int // byte range in the source
}

// lexError is a tag that cannot be read.
type lexError struct {
	zh, en string
	eof    bool // the document ended inside the tag
}

// lexTag reads the tag at src[j:], which starts with "{{<" or "{{%": the
// tag and its length in bytes.
func lexTag(src []byte, j int) (*tag, int, *lexError) {
	t := &tag{markdown: src[j+2] == '%'}
	right := []byte(">}}")
	if t.markdown {
		right = []byte("%}}")
	}
	l := &lexer{src: src, pos: j + 3, right: right}
	l.skipSpace()
	if l.peek() == '/' {
		t.closing = true
		l.pos++
		l.skipSpace()
	}
	t.name = l.name()
	if t.name == "" {
		if l.atEOF() {
			return nil, 0, l.unclosed()
		}
		return nil, 0, &lexError{zh: "短代码缺少名称，或名称中有不能用的字符", en: "shortcode name missing or not valid"}
	}
	for {
		l.skipSpace()
		switch {
		case l.atEOF():
			return nil, 0, l.unclosed()
		case l.has(right):
			return t, l.pos + len(right) - j, nil
		case l.peek() == '/' && bytes.HasPrefix(src[l.pos+1:], right):
			if t.closing {
				return nil, 0, &lexError{zh: "结束标签不能以 / 结尾", en: "closing tag with a trailing /"}
			}
			t.selfClosing = true
			return t, l.pos + 1 + len(right) - j, nil
		case t.closing:
			return nil, 0, &lexError{zh: "结束标签 {{< /" + t.name + " >}} 中不能有参数", en: "closing tag of " + t.name + " takes no arguments"}
		}
		p, err := l.param()
		if err != nil {
			return nil, 0, err
		}
		named := p.Name != ""
		if len(t.params) > 0 && named != t.named {
			return nil, 0, &lexError{zh: "短代码 " + t.name + " 的参数不能既有“名称=值”又有只写值的", en: "cannot mix named and positional arguments in " + t.name}
		}
		t.named = named
		t.params = append(t.params, p)
	}
}

// lexer reads the inside of one tag.
type lexer struct {
	src   []byte
	pos   int
	right []byte // ">}}" or "%}}"
}

func (l *lexer) atEOF() bool { return l.pos >= len(l.src) }

func (l *lexer) peek() byte {
	if l.atEOF() {
		return 0
	}
	return l.src[l.pos]
}

func (l *lexer) has(s []byte) bool { return bytes.HasPrefix(l.src[l.pos:], s) }

// atEnd reports the end of the tag: ">}}" or "/>}}" (or the same with %).
func (l *lexer) atEnd() bool {
	return l.has(l.right) || l.peek() == '/' && bytes.HasPrefix(l.src[l.pos+1:], l.right)
}

func (l *lexer) unclosed() *lexError {
	return &lexError{zh: "短代码没有结束，缺少 " + string(l.right), en: "shortcode not closed with " + string(l.right), eof: true}
}

func (l *lexer) skipSpace() {
	for !l.atEOF() {
		switch l.src[l.pos] {
		case ' ', '\t', '\n', '\r':
			l.pos++
		default:
			return
		}
	}
}

// name reads a shortcode name: letters, digits, '_', '-', and '/' or '.'
// inside (folders, "x.inline").
func (l *lexer) name() string {
	start := l.pos
	for !l.atEOF() {
		r, n := utf8.DecodeRune(l.src[l.pos:])
		word := r == '_' || r == '-' || unicode.IsLetter(r) || unicode.IsDigit(r)
		inside := l.pos > start && (r == '/' || r == '.')
		if !word && !inside {
			break
		}
		if r == '/' && bytes.HasPrefix(l.src[l.pos+1:], l.right) {
			break // {{< name/>}}
		}
		l.pos += n
	}
	return string(l.src[start:l.pos])
}

// param reads one argument: "quoted", `raw`, bare, or key= any of them.
func (l *lexer) param() (Param, *lexError) {
	if c := l.peek(); c == '"' || c == '`' {
		v, err := l.quoted()
		return Param{Value: v}, err
	}
	start := l.pos
	key := l.key()
	if key != "" {
		save := l.pos
		l.skipSpace()
		if l.peek() == '=' {
			l.pos++
			l.skipSpace()
			if c := l.peek(); c == '"' || c == '`' {
				v, err := l.quoted()
				return Param{Name: key, Value: v}, err
			}
			if l.atEOF() {
				return Param{}, l.unclosed()
			}
			return Param{Name: key, Value: typed(l.bare())}, nil
		}
		l.pos = save
	}
	l.pos = start
	return Param{Value: typed(l.bare())}, nil
}

// key reads an argument name.
func (l *lexer) key() string {
	start := l.pos
	for !l.atEOF() {
		r, n := utf8.DecodeRune(l.src[l.pos:])
		if !(r == '_' || r == '-' || unicode.IsLetter(r) || unicode.IsDigit(r)) {
			break
		}
		l.pos += n
	}
	return string(l.src[start:l.pos])
}

// bare reads an unquoted value: up to white space or the end of the tag.
func (l *lexer) bare() string {
	start := l.pos
	for !l.atEOF() && !l.atEnd() {
		c := l.src[l.pos]
		if c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '"' || c == '`' {
			break
		}
		l.pos++
	}
	if l.pos == start && !l.atEOF() && !l.atEnd() {
		l.pos++ // a stray quote after a bare word: taken alone
	}
	return string(l.src[start:l.pos])
}

// quoted reads a "string" (\" stands for ", on one line) or a `raw string`.
func (l *lexer) quoted() (string, *lexError) {
	q := l.src[l.pos]
	l.pos++
	var b []byte
	for !l.atEOF() {
		c := l.src[l.pos]
		switch {
		case c == q:
			l.pos++
			return string(b), nil
		case q == '"' && c == '\\' && l.pos+1 < len(l.src) && (l.src[l.pos+1] == '"' || l.src[l.pos+1] == '\\'):
			b = append(b, l.src[l.pos+1])
			l.pos += 2
			continue
		case q == '"' && c == '\n':
			return "", &lexError{zh: "参数的引号没有配对", en: "unterminated quoted argument"}
		}
		b = append(b, c)
		l.pos++
	}
	return "", l.unclosed()
}

var (
	intValue   = regexp.MustCompile(`^[-+]?\d+$`)
	floatValue = regexp.MustCompile(`^[-+]?\d*\.\d+$`)
)

// typed gives an unquoted value its type, as Hugo does: true and false are
// bools, integers ints, decimals float64.
func typed(s string) any {
	switch {
	case s == "true" || s == "false":
		return s == "true"
	case intValue.MatchString(s):
		if n, err := strconv.Atoi(s); err == nil {
			return n
		}
	case floatValue.MatchString(s):
		if f, err := strconv.ParseFloat(s, 64); err == nil {
			return f
		}
	}
	return s
}
