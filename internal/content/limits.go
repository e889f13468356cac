package content

import (
	"bytes"
	"fmt"

	"showcase/internal/diag"
)

// Limits of one content file, checked before the TOML or YAML parser sees
// its text, so that no page takes more than about a second and 100 MB
// (the body's own limits, for goldmark, are in internal/markdown). Real
// pages stay far inside them: a long story is 20 KB, the front matter of an
// album of 300 photos about 20 KB, and front matter nests three or four
// levels deep with keys of two or three parts (params.kind). The TOML parser takes
// time and memory growing with the square of the nesting and of a dotted
// key's parts: a 60 KB inline table 10,000 deep took 12 s and 11 GB, a
// key of 8,000 parts 1.5 s and 2.5 GB; at these limits the worst 128 KB
// takes about 0.1 s.
const (
	MaxPageBytes  = 1 << 20   // the whole file
	maxFrontBytes = 128 << 10 // the front matter
	maxFrontDepth = 16        // nested [ and { in front matter
	maxKeyParts   = 8         // a.b.c… in a key or a [table] header
)

// checkPageSize refuses a file over MaxPageBytes.
func checkPageSize(data []byte) *diag.Problem {
	if len(data) <= MaxPageBytes {
		return nil
	}
	return &diag.Problem{Line: 1, Msg: fmt.Sprintf("文件有 %.1f MB，超过一篇稿件的上限 %d MB；请把它分成几篇，或把附件放进页面文件夹（the file exceeds %d MB）",
		float64(len(data))/(1<<20), MaxPageBytes>>20, MaxPageBytes>>20)}
}

// checkFrontLimits refuses front matter over maxFrontBytes, nested deeper
// than maxFrontDepth or with a key of more than maxKeyParts parts. It reads
// the text as a tokenizer would — strings, comments, brackets — without
// parsing it; the parser reports any other error.
func (s Source) checkFrontLimits() *diag.Problem {
	if len(s.Front) > maxFrontBytes {
		return &diag.Problem{Line: 1, Msg: fmt.Sprintf("前置元数据有 %d KB，超过上限 %d KB；图片说明等长内容请写在正文里（front matter exceeds %d KB）",
			len(s.Front)>>10, maxFrontBytes>>10, maxFrontBytes>>10)}
	}
	sc := frontScanner{text: s.Front, toml: s.Format == "toml"}
	if line, what := sc.scan(); line > 0 {
		// The front matter starts on the file's second line.
		return &diag.Problem{Line: 1 + line, Msg: what}
	}
	return nil
}

// frontScanner walks front matter text for its nesting and key parts.
type frontScanner struct {
	text []byte
	toml bool
	at   int
	line int // of at, from 1
}

// scan returns the line and message of the first limit exceeded, or 0.
func (sc *frontScanner) scan() (int, string) {
	depth, dots := 0, 0
	sc.line = 1
	for sc.at < len(sc.text) {
		c := sc.text[sc.at]
		switch {
		case c == '\n':
			sc.line++
			dots = 0
		case c == '#' && (sc.toml || sc.at == 0 || isSpace(sc.text[sc.at-1])):
			sc.skipComment()
			continue
		case c == '"' || c == '\'':
			if !sc.toml && !sc.startsYAMLValue(depth > 0) {
				break // a quote inside a YAML plain scalar: it's
			}
			sc.skipString(c)
			continue
		case c == '[' || c == '{':
			if !sc.toml && !sc.startsYAMLValue(depth > 0) {
				break // a bracket inside a YAML plain scalar: a[1]
			}
			if depth++; depth > maxFrontDepth {
				return sc.line, fmt.Sprintf("前置元数据嵌套超过 %d 层（[ 或 { 套 [ 或 {），请检查括号是否多写（front matter nested deeper than %d）", maxFrontDepth, maxFrontDepth)
			}
			dots = 0
		case c == ']' || c == '}':
			depth = max(depth-1, 0)
			dots = 0
		case c == '=' || c == ',':
			dots = 0
		case c == '.' && sc.toml:
			if dots++; dots >= maxKeyParts {
				return sc.line, fmt.Sprintf("前置元数据的键由超过 %d 段组成（a.b.c…），请检查是否多写了点号（a key of more than %d dotted parts）", maxKeyParts, maxKeyParts)
			}
		}
		sc.at++
	}
	return 0, ""
}

// startsYAMLValue reports whether the byte at sc.at begins a YAML value:
// it follows the line's indentation, a key's colon or a list's dash and a
// space, or, inside a flow collection, its [ { , or :.
func (sc *frontScanner) startsYAMLValue(inFlow bool) bool {
	for i := sc.at - 1; i >= 0; i-- {
		spaced := i < sc.at-1
		switch sc.text[i] {
		case ' ', '\t':
			continue
		case '\n':
			return true
		case '[', '{', ',':
			return inFlow
		case ':':
			return inFlow || spaced
		case '-', '?':
			return spaced
		}
		return false
	}
	return true
}

// skipString moves past a quoted string opened at sc.at: TOML's basic,
// literal and multi-line strings, or YAML's double- and single-quoted ones
// (where a doubled single quote is a quote inside). An unclosed string
// ends the scan; the parser reports it.
func (sc *frontScanner) skipString(quote byte) {
	closing := string(quote)
	if sc.toml && bytes.HasPrefix(sc.text[sc.at:], []byte{quote, quote, quote}) {
		closing = closing + closing + closing
	}
	sc.at += len(closing)
	for sc.at < len(sc.text) {
		c := sc.text[sc.at]
		switch {
		case c == '\\' && quote == '"':
			if sc.at+1 < len(sc.text) && sc.text[sc.at+1] == '\n' {
				sc.line++
			}
			sc.at += 2
			continue
		case c == '\n':
			sc.line++
		case bytes.HasPrefix(sc.text[sc.at:], []byte(closing)):
			sc.at += len(closing)
			switch {
			case !sc.toml && sc.at < len(sc.text) && sc.text[sc.at] == quote && quote == '\'':
				sc.at++ // YAML's '' is a quote inside the string
				continue
			case len(closing) == 3:
				// """"" closes with two quotes of the string before it.
				for extra := 0; extra < 2 && sc.at < len(sc.text) && sc.text[sc.at] == quote; extra++ {
					sc.at++
				}
			}
			return
		}
		sc.at++
	}
}

// skipComment moves to the end of the line, where scan counts it.
func (sc *frontScanner) skipComment() {
	if i := bytes.IndexByte(sc.text[sc.at:], '\n'); i >= 0 {
		sc.at += i
	} else {
		sc.at = len(sc.text)
	}
}

func isSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\n' }
