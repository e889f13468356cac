package content

import (
	"bytes"
	"encoding/json"
	"errors"
	"regexp"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/BurntSushi/toml"
	"go.yaml.in/yaml/v3"

	"showcase/internal/lang"

	"showcase/internal/diag"
)

// Source is a content file split into its front matter and body.
type Source struct {
	Format   string // "toml", "yaml", "json" or "" when the file has no front matter
	Front    []byte // the front matter text, without its delimiters
	Body     []byte
	BodyLine int // the file's line number of the first body line
}

// Normalize checks that data is UTF-8 text and returns it without a byte-order
// mark and with "\n" line endings. A file saved as GBK (common on Chinese
// Windows) is refused with the line of its first invalid byte, so mojibake is
// never published; a file saved as UTF-16 (Notepad's "Unicode") is refused
// at line 1, saying so.
func Normalize(data []byte) ([]byte, error) {
	if utf16Text(data) {
		return nil, &diag.Problem{Line: 1, Msg: "文件是 UTF-16 编码（记事本里叫“Unicode”），请用记事本打开，选“另存为”，把“编码”改为“UTF-8”后保存（the file is UTF-16: save it as UTF-8）"}
	}
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
	if !utf8.Valid(data) {
		bad := 0
		for bad < len(data) {
			r, size := utf8.DecodeRune(data[bad:])
			if r == utf8.RuneError && size <= 1 {
				break
			}
			bad += size
		}
		line := 1 + bytes.Count(data[:bad], []byte("\n"))
		return nil, &diag.Problem{Line: line, Msg: lang.Sprintf("文件不是 UTF-8 编码，可能是 GBK：请用记事本打开，选“另存为”，把“编码”改为“UTF-8”后保存",
			"the file is not UTF-8 text (probably GBK/GB18030): save it as UTF-8")}
	}
	if bytes.IndexByte(data, '\r') >= 0 {
		data = bytes.ReplaceAll(data, []byte("\r\n"), []byte("\n"))
		data = bytes.ReplaceAll(data, []byte("\r"), []byte("\n"))
	}
	return data, nil
}

// utf16Text reports whether data is UTF-16: it starts with a UTF-16
// byte-order mark (FF FE or FE FF), or it has none but its first 64 bytes
// hold NULs, nearly all at even or at odd offsets, as the ASCII of front
// matter (+++, title) has in UTF-16 and text in UTF-8 never has (a few
// CJK characters, such as 开 U+5F00, put one on the other side).
func utf16Text(data []byte) bool {
	if bytes.HasPrefix(data, []byte{0xff, 0xfe}) || bytes.HasPrefix(data, []byte{0xfe, 0xff}) {
		return true
	}
	var nuls [2]int
	for i, c := range data[:min(len(data), 64)] {
		if c == 0 {
			nuls[i%2]++
		}
	}
	return nuls[0] >= 2 && nuls[0] >= 4*nuls[1] || nuls[1] >= 2 && nuls[1] >= 4*nuls[0]
}

// Split separates TOML (+++) or YAML (---) front matter from the body, or
// JSON front matter (an object at the very start of the file, "{", as in
// Hugo). The data must already be normalized. An opening delimiter without
// a closing one is an error at line 1.
func Split(data []byte) (Source, error) {
	var delim []byte
	var format string
	switch {
	case len(data) > 0 && data[0] == '{':
		return splitJSON(data)
	case hasDelimiterLine(data, "+++"):
		delim, format = []byte("+++"), "toml"
	case hasDelimiterLine(data, "---"):
		delim, format = []byte("---"), "yaml"
	default:
		return Source{Body: data, BodyLine: 1}, nil
	}
	rest := data[len(delim):]
	rest = bytes.TrimLeft(rest, " \t")
	if len(rest) > 0 && rest[0] == '\n' {
		rest = rest[1:]
	}
	start := len(data) - len(rest)
	// find a line that is exactly the delimiter
	pos := 0
	for pos <= len(rest) {
		end := bytes.IndexByte(rest[pos:], '\n')
		line := rest[pos:]
		if end >= 0 {
			line = rest[pos : pos+end]
		}
		if bytes.Equal(bytes.TrimRight(line, " \t"), delim) {
			front := rest[:pos]
			bodyStart := start + pos + len(line)
			if end >= 0 {
				bodyStart++
			}
			bodyLine := 1 + bytes.Count(data[:bodyStart], []byte("\n"))
			return Source{Format: format, Front: front, Body: data[bodyStart:], BodyLine: bodyLine}, nil
		}
		if end < 0 {
			break
		}
		pos += end + 1
	}
	return Source{}, &diag.Problem{Line: 1, Msg: lang.Sprintf("前置元数据（开头的 %[1]s 与 %[1]s 之间的部分）缺少结束行 %[1]s：请在各字段之后单独写一行 %[1]s",
		"front matter opened with %[1]s is never closed", delim)}
}

// splitJSON takes the JSON object at the start of data as front matter.
func splitJSON(data []byte) (Source, error) {
	dec := json.NewDecoder(bytes.NewReader(data))
	var raw json.RawMessage
	if err := dec.Decode(&raw); err != nil {
		line := 1
		var se *json.SyntaxError
		if errors.As(err, &se) {
			line = 1 + bytes.Count(data[:min(int(se.Offset), len(data))], []byte("\n"))
		}
		return Source{}, &diag.Problem{Line: line, Msg: "JSON 前置元数据写法有误（JSON front matter: " + err.Error() + "）"}
	}
	end := int(dec.InputOffset())
	rest := bytes.TrimLeft(data[end:], " \t")
	if len(rest) > 0 && rest[0] == '\n' {
		rest = rest[1:]
	}
	bodyStart := len(data) - len(rest)
	return Source{Format: "json", Front: data[:end], Body: data[bodyStart:], BodyLine: 1 + bytes.Count(data[:bodyStart], []byte("\n"))}, nil
}

// jsonValue makes decoded JSON read like YAML: whole numbers as int.
func jsonValue(v any) any {
	switch v := v.(type) {
	case map[string]any:
		for k, e := range v {
			v[k] = jsonValue(e)
		}
	case []any:
		for i, e := range v {
			v[i] = jsonValue(e)
		}
	case json.Number:
		if n, err := v.Int64(); err == nil {
			return int(n)
		}
		f, _ := v.Float64()
		return f
	}
	return v
}

func hasDelimiterLine(data []byte, delim string) bool {
	if !bytes.HasPrefix(data, []byte(delim)) {
		return false
	}
	rest := bytes.TrimLeft(data[len(delim):], " \t")
	return len(rest) == 0 || rest[0] == '\n'
}

var yamlLine = regexp.MustCompile(`line (\d+)`)

// Decode parses the front matter into a map. Errors carry the file's line.
// Text over the limits (size, nesting, dotted key parts) is refused before
// the parser sees it.
func (s Source) Decode() (map[string]any, error) {
	if p := s.checkFrontLimits(); p != nil {
		return nil, p
	}
	m := map[string]any{}
	switch s.Format {
	case "toml":
		if _, err := toml.Decode(string(s.Front), &m); err != nil {
			var perr toml.ParseError
			if errors.As(err, &perr) {
				return nil, syntaxProblem("toml", s.Front, 1+perr.Position.Line, perr.Message)
			}
			return nil, &diag.Problem{Line: 1, Msg: "TOML front matter: " + err.Error()}
		}
	case "json":
		dec := json.NewDecoder(bytes.NewReader(s.Front))
		dec.UseNumber()
		if err := dec.Decode(&m); err != nil {
			return nil, &diag.Problem{Line: 1, Msg: "JSON 前置元数据应为 { \"键\": 值 } 形式（JSON front matter: " + err.Error() + "）"}
		}
		m = jsonValue(m).(map[string]any)
	case "yaml":
		var v any
		if err := yaml.Unmarshal(s.Front, &v); err != nil {
			line := 1
			msg := err.Error()
			if sm := yamlLine.FindStringSubmatch(msg); sm != nil {
				n, _ := strconv.Atoi(sm[1])
				line += n
			}
			return nil, syntaxProblem("yaml", s.Front, line, strings.TrimPrefix(msg, "yaml: "))
		}
		switch v := v.(type) {
		case nil:
		case map[string]any:
			m = v
		default:
			return nil, &diag.Problem{Line: 2, Msg: lang.Sprintf("前置元数据应为“键: 值”形式，每行一项", "YAML front matter must be a mapping of keys to values")}
		}
	}
	return m, nil
}

// KeyLine returns the file line on which a top-level front-matter key is
// written, or the first line of the front matter if it cannot be found.
func (s Source) KeyLine(key string) int {
	lines := bytes.Split(s.Front, []byte("\n"))
	first := 2 // the line after the opening delimiter
	if s.Format == "json" {
		first = 1 // the object opens on the file's first line
	}
	for i, l := range lines {
		t := bytes.TrimLeft(l, " \t\"'")
		if bytes.HasPrefix(t, []byte(key)) {
			rest := bytes.TrimLeft(t[len(key):], " \t\"'")
			if len(rest) > 0 && (rest[0] == '=' || rest[0] == ':') {
				return i + first
			}
		}
	}
	return 1
}
