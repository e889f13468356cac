package markdown

import (
	"bytes"
	"path"
	"strings"
	"unicode/utf8"

	"showcase/internal/lang"
)

// FileNamer is implemented by a Resolver that knows the files beside the
// document (the photo pipeline's, which knows the page's folder). Render
// uses it to accept pictures written as people write them.
type FileNamer interface {
	// FileName reports whether dest, as written in the document, names
	// a file beside it, and how to write it: dest itself, or the file's
	// own spelling when dest differs from it only in letter case or in
	// .jpg for .jpeg (合影.jpg for 合影.JPG). ok is false when no file,
	// or more than one, answers to dest.
	FileName(dest string) (name string, ok bool)
}

// The marks that open and close a picture's parts, ASCII and full-width:
// ！[alt]（dest） is read as ![alt](dest) when dest names a file. (The
// destination's closing parenthesis, ")" or "）", is found by pictureAt.)
// The bangs, ! and ！, are found by nextMark.
const (
	altOpeners    = "[［【"
	altClosers    = "]］】"
	destOpeners   = "(（"
	imageSuffixes = ".jpg .jpeg .png .gif .webp .heic .heif .bmp .tif .tiff .avif"
)

// fixPictures rewrites, before goldmark parses the body, the pictures
// people write that CommonMark reads as text, so that the page would show
// raw Markdown:
//
//   - a file name with spaces, ![合影](主题 党日 合影.jpg), becomes
//     ![合影](<主题 党日 合影.jpg>);
//   - full-width marks, ！[合影]（合影.jpg） or ![合影]（合影.jpg） (also
//     【】 and ［］ around the alt), become ASCII ones;
//   - a name differing from the file's only in letter case or in
//     .jpg/.jpeg, ![合影](合影.jpg) for 合影.JPG, takes the file's name.
//
// A picture is rewritten only when its destination names a file beside
// the document (FileNamer): then nothing is in doubt. A picture
// CommonMark cannot read whose file is not found (an ASCII ![…](…) with
// spaces, or full-width marks around an image file name) is left as it
// is and reported as a warning at its line with the way to write it.
// Lines keep their number; code blocks and code spans are left alone.
func fixPictures(src []byte, doc Doc) ([]byte, []Problem) {
	if bytes.IndexByte(src, '!') < 0 && !bytes.Contains(src, []byte("！")) {
		return src, nil
	}
	namer, _ := doc.Resolver.(FileNamer)
	var out []byte // the lines so far, once one was changed
	var warnings []Problem
	var open fence // of the code block the line is in
	n, at := 0, 0  // line number (from 1), and the offset after the line
	for line := range bytes.Lines(src) {
		n, at = n+1, at+len(line)
		keep := true
		if f := fenceOf(line); f.n > 0 {
			switch {
			case open.n == 0:
				open = f
			case f.c == open.c && f.n >= open.n && len(bytes.TrimSpace(line)) == f.n:
				open = fence{}
			}
		} else if open.n == 0 && (bytes.IndexByte(line, '!') >= 0 || bytes.Contains(line, []byte("！"))) {
			keep = false // a picture in it, perhaps
		}
		if keep {
			if out != nil {
				out = append(out, line...)
			}
			continue
		}
		fixed, probs := fixLine(string(line), namer)
		for _, msg := range probs {
			warnings = append(warnings, Problem{Line: doc.LineOffset + n, Msg: msg})
		}
		if out == nil && fixed != string(line) {
			out = append(make([]byte, 0, len(src)+len(src)/8), src[:at-len(line)]...)
		}
		if out != nil {
			out = append(out, fixed...)
		}
	}
	if out == nil {
		return src, warnings
	}
	return out, warnings
}

// fence is the fence of a code block: n (3 or more) times c.
type fence struct {
	c byte
	n int
}

// fenceOf returns the fence a line opens or closes (``` or ~~~, or
// longer), or none (n 0).
func fenceOf(line []byte) fence {
	s := bytes.TrimLeft(line, " ")
	if len(line)-len(s) > 3 {
		return fence{}
	}
	for _, c := range []byte{'`', '~'} {
		n := 0
		for n < len(s) && s[n] == c {
			n++
		}
		if n >= 3 {
			return fence{c, n}
		}
	}
	return fence{}
}

// picture is one picture-like span of a line: ![alt](inner), with any of
// the marks in their ASCII or full-width form.
type picture struct {
	start, end int    // the span in the line
	alt, inner string // between the brackets, between the parentheses
	ascii      bool   // every mark ASCII
}

// fixLine rewrites the pictures of one line outside code spans, and words
// a warning for each that stays text.
func fixLine(line string, namer FileNamer) (string, []string) {
	var b strings.Builder
	var warnings []string
	last := 0
	for i := nextMark(line, 0); i < len(line); i = nextMark(line, i) {
		if line[i] == '`' { // a code span: skip to its closing run
			n := runLen(line, i, '`')
			if j := strings.Index(line[i+n:], line[i:i+n]); j >= 0 {
				i += n + j + n
				continue
			}
			i += n
			continue
		}
		size := 1 // a bang: ! or ！
		if line[i] != '!' {
			size = len("！")
		}
		if i > 0 && line[i-1] == '\\' {
			i += size
			continue
		}
		p, ok := pictureAt(line, i)
		if !ok {
			i += size
			continue
		}
		if repl, warning := rewrite(p, namer); repl != "" {
			b.WriteString(line[last:p.start])
			b.WriteString(repl)
			last = p.end
		} else if warning != "" {
			warnings = append(warnings, warning)
		}
		i = p.end
	}
	if last == 0 {
		return line, warnings
	}
	b.WriteString(line[last:])
	return b.String(), warnings
}

// nextMark is where the first code span or bang (!, ！) at or after i
// starts, or len(line): fixLine goes from one to the next.
func nextMark(line string, i int) int {
	for ; i < len(line); i++ {
		switch line[i] {
		case '`', '!':
			return i
		case "！"[0]:
			if strings.HasPrefix(line[i:], "！") {
				return i
			}
		}
	}
	return i
}

func runLen(s string, i int, c byte) int {
	n := 0
	for i+n < len(s) && s[i+n] == c {
		n++
	}
	return n
}

// pictureAt reads a picture-like span starting with the bang at i: an alt
// in brackets right after it, then a destination in parentheses right
// after that, on the same line. The destination's closing parenthesis is
// the one balancing its opening (a file may be named "合影 (1).jpg").
func pictureAt(line string, i int) (picture, bool) {
	_, size := utf8.DecodeRuneInString(line[i:])
	p := picture{start: i, ascii: size == 1}
	j := i + size
	r, size := utf8.DecodeRuneInString(line[j:])
	if !strings.ContainsRune(altOpeners, r) {
		return p, false
	}
	p.ascii = p.ascii && size == 1
	j += size
	end := strings.IndexAny(line[j:], altClosers)
	if end < 0 {
		return p, false
	}
	p.alt = line[j : j+end]
	_, size = utf8.DecodeRuneInString(line[j+end:])
	p.ascii = p.ascii && size == 1
	j += end + size
	r, size = utf8.DecodeRuneInString(line[j:])
	if !strings.ContainsRune(destOpeners, r) {
		return p, false
	}
	p.ascii = p.ascii && size == 1
	j += size
	depth := 0
	for k := j; k < len(line); {
		r, size := utf8.DecodeRuneInString(line[k:])
		switch {
		case r == '(' || r == '（':
			depth++
		case (r == ')' || r == '）') && depth > 0:
			depth--
		case r == ')' || r == '）':
			p.inner = line[j:k]
			p.ascii = p.ascii && size == 1
			p.end = k + size
			return p, true
		}
		k += size
	}
	return p, false
}

// rewrite returns what replaces a picture, or "" to leave it: then, when
// it stays text CommonMark does not read as a picture, a warning.
func rewrite(p picture, namer FileNamer) (repl, warning string) {
	dest, title, angled := splitInner(p.inner)
	standard := p.ascii && (angled || !strings.ContainsAny(dest, " \t")) && dest != ""
	if namer != nil && dest != "" {
		if name, ok := namer.FileName(dest); ok {
			if standard && name == dest {
				return "", "" // as CommonMark reads it
			}
			return write(p.alt, name, title), ""
		}
	}
	if standard || !(p.ascii || imageName(dest)) {
		return "", "" // a picture the resolver reports if missing, or not a picture at all
	}
	fix := write(p.alt, dest, title)
	return "", lang.Sprintf("这张图片会按原样文字显示：找不到图片文件“%[1]s”。请检查文件名和位置，写成 %[2]s（标点用英文半角）",
		"picture %[3]s is not Markdown, and no file %[1]s is beside the page: check the name and write %[2]s",
		dest, fix, "!["+p.alt+"]("+p.inner+")")
}

// splitInner splits what is between a picture's parentheses into its
// destination and title ("a b.jpg \"会场\"" → a b.jpg, 会场); angled
// reports a destination written <like this>.
func splitInner(inner string) (dest, title string, angled bool) {
	s := strings.TrimSpace(inner)
	if strings.HasPrefix(s, "<") {
		if end := strings.IndexByte(s, '>'); end > 0 {
			return s[1:end], unquote(strings.TrimSpace(s[end+1:])), true
		}
	}
	for _, q := range [][2]string{{`"`, `"`}, {`'`, `'`}, {"“", "”"}, {"‘", "’"}} {
		if !strings.HasSuffix(s, q[1]) {
			continue
		}
		body := strings.TrimSuffix(s, q[1])
		if k := strings.LastIndex(body, " "+q[0]); k >= 0 {
			return strings.TrimSpace(body[:k]), body[k+1+len(q[0]):], false
		}
	}
	return s, "", false
}

func unquote(s string) string {
	for _, q := range [][2]string{{`"`, `"`}, {`'`, `'`}, {"“", "”"}, {"‘", "’"}, {"(", ")"}} {
		if strings.HasPrefix(s, q[0]) && strings.HasSuffix(s, q[1]) && len(s) >= len(q[0])+len(q[1]) {
			return s[len(q[0]) : len(s)-len(q[1])]
		}
	}
	return s
}

// write spells a picture in CommonMark: the destination in <> when it
// needs them, the title in double quotes.
func write(alt, dest, title string) string {
	if strings.ContainsAny(dest, " \t()<>") {
		dest = "<" + dest + ">"
	}
	if title != "" {
		dest += ` "` + strings.ReplaceAll(title, `"`, `\"`) + `"`
	}
	return "![" + alt + "](" + dest + ")"
}

// imageName reports a destination that names an image file by its suffix.
func imageName(dest string) bool {
	ext := strings.ToLower(path.Ext(dest))
	return ext != "" && strings.Contains(imageSuffixes+" ", ext+" ")
}
