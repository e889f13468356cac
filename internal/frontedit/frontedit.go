package frontedit

import (
	"bytes"
	"fmt"
	"regexp"
	"slices"
	"strings"
)

// Date is a day without a time, "2025-10-26", written unquoted.
type Date string

var dateRE = regexp.MustCompile(`^\d{4}-\d{2}-\d{2}$`)

// entry is where one top-level key is written: lines [start, end) of the
// document; on line start, the value is the bytes [valStart, valEnd)
// when it fits on that line (multi is false).
type entry struct {
	key              string
	start, end       int
	valStart, valEnd int
	multi            bool
}

// document is a content file cut into lines (each with its line end).
type document struct {
	lines     []string
	format    string // "toml" or "yaml"
	open      int    // the line of the opening delimiter
	close     int    // the line of the closing delimiter
	entries   []entry
	regionEnd int // TOML: the first [table] line, else close
	eol       string
	tables    []string // TOML: the [table] headers' names
}

// Set gives the top-level key the value v, changing only the lines of that
// key (or adding one line when the key is missing).
func Set(file []byte, key string, v any) ([]byte, error) {
	if err := checkKey(key); err != nil {
		return nil, err
	}
	d, err := parse(file)
	if err != nil {
		return nil, err
	}
	if d == nil { // no front matter: start one
		text, err := encodeTOML(v, "")
		if err != nil {
			return nil, err
		}
		return []byte("+++\n" + tomlKey(key) + " = " + text + "\n+++\n" + string(file)), nil
	}
	e, ok := d.find(key)
	if !ok {
		if parent, child, nested, err := splitNested(key); err != nil {
			return nil, err
		} else if nested {
			return d.setNested(parent, child, v)
		}
		if d.isTable(key) {
			return nil, fmt.Errorf("%s 是一组字段（表格），请在源文件中修改（%s is a table: edit it in the source）", key, key)
		}
		line, err := d.newLine(key, v)
		if err != nil {
			return nil, err
		}
		at := d.regionEnd
		if n := len(d.entries); n > 0 {
			at = d.entries[n-1].end
		}
		return d.splice(at, at, []string{line}), nil
	}
	return d.replace(e, v)
}

// replace writes v as the value of the entry e (top-level or nested).
func (d *document) replace(e entry, v any) ([]byte, error) {
	first := d.lines[e.start]
	if !e.multi {
		old := first[e.valStart:e.valEnd]
		text, err := d.encode(v, old, "")
		if err != nil {
			return nil, err
		}
		if d.format == "yaml" && first[e.valStart-1] == ':' {
			text = " " + text
		}
		if !strings.Contains(text, "\n") {
			return d.splice(e.start, e.start+1, []string{first[:e.valStart] + text + first[e.valEnd:]}), nil
		}
	}
	head := strings.TrimRight(first[:e.valStart], " \t")
	indent := ""
	if d.format == "yaml" && e.end > e.start+1 {
		indent = blockIndent(d.lines[e.start+1 : e.end])
	}
	text, err := d.encode(v, strings.TrimSpace(first[e.valStart:e.valEnd]), indent)
	if err != nil {
		return nil, err
	}
	var repl []string
	if strings.HasPrefix(text, "\n") {
		repl = append(repl, head+d.eol)
		for _, l := range strings.Split(text[1:], "\n") {
			repl = append(repl, l+d.eol)
		}
	} else {
		repl = []string{head + " " + text + d.eol}
	}
	return d.splice(e.start, e.end, repl), nil
}

// Delete removes the top-level key and its value's lines. A missing key is
// no error: the file comes back unchanged.
func Delete(file []byte, key string) ([]byte, error) {
	d, err := parse(file)
	if err != nil || d == nil {
		return file, err
	}
	e, ok := d.find(key)
	if !ok {
		if parent, child, nested, err := splitNested(key); err != nil || nested {
			if err != nil {
				return nil, err
			}
			return d.deleteNested(file, parent, child)
		}
		return file, nil
	}
	return d.splice(e.start, e.end, nil), nil
}

// Keys lists the top-level keys of the file's front matter in their order.
func Keys(file []byte) ([]string, error) {
	d, err := parse(file)
	if err != nil || d == nil {
		return nil, err
	}
	return d.entryKeys(), nil
}

func checkKey(key string) error {
	if key == "" || strings.ContainsAny(key, "\n\r\"'") {
		return fmt.Errorf("字段名 %q 不能用（front matter key %q is not usable）", key, key)
	}
	return nil
}

func (d *document) find(key string) (entry, bool) {
	for i := len(d.entries) - 1; i >= 0; i-- {
		if strings.EqualFold(d.entries[i].key, key) {
			return d.entries[i], true
		}
	}
	return entry{}, false
}

// isTable reports whether key names a TOML table: a [key] or [key.x]
// header, or dotted keys key.x = … at the top.
func (d *document) isTable(key string) bool {
	prefix := strings.ToLower(key) + "."
	for _, name := range append(slices.Clone(d.tables), d.entryKeys()...) {
		name = strings.ToLower(name)
		if name == strings.ToLower(key) || strings.HasPrefix(name, prefix) {
			return true
		}
	}
	return false
}

func (d *document) entryKeys() []string {
	var keys []string
	for _, e := range d.entries {
		keys = append(keys, e.key)
	}
	return keys
}

func (d *document) splice(from, to int, repl []string) []byte {
	var b bytes.Buffer
	for _, l := range d.lines[:from] {
		b.WriteString(l)
	}
	for _, l := range repl {
		b.WriteString(l)
	}
	for _, l := range d.lines[to:] {
		b.WriteString(l)
	}
	return b.Bytes()
}

func (d *document) newLine(key string, v any) (string, error) {
	if d.format == "toml" {
		text, err := encodeTOML(v, "")
		return tomlKey(key) + " = " + text + d.eol, err
	}
	text, err := encodeYAML(v, "", "")
	if strings.HasPrefix(text, "\n") {
		text = strings.ReplaceAll(text, "\n", d.eol)
		return yamlKey(key) + ":" + text + d.eol, err
	}
	return yamlKey(key) + ": " + text + d.eol, err
}

func (d *document) encode(v any, old, indent string) (string, error) {
	if d.format == "toml" {
		return encodeTOML(v, old)
	}
	return encodeYAML(v, old, indent)
}

// parse cuts the file into lines and finds its front matter's entries; it
// returns nil (and no error) for a file without front matter.
func parse(file []byte) (*document, error) {
	text := string(file)
	var lines []string
	for len(text) > 0 {
		i := strings.IndexByte(text, '\n')
		if i < 0 {
			lines = append(lines, text)
			break
		}
		lines = append(lines, text[:i+1])
		text = text[i+1:]
	}
	d := &document{lines: lines, eol: "\n", open: -1}
	for i, l := range lines {
		t := strings.TrimRight(strings.TrimPrefix(l, "\ufeff"), " \t\r\n")
		if t == "" {
			continue
		}
		switch t {
		case "+++":
			d.format = "toml"
		case "---":
			d.format = "yaml"
		default:
			return nil, nil
		}
		d.open = i
		if strings.HasSuffix(l, "\r\n") {
			d.eol = "\r\n"
		}
		break
	}
	if d.open < 0 {
		return nil, nil
	}
	delim := map[string]string{"toml": "+++", "yaml": "---"}[d.format]
	d.close = -1
	for i := d.open + 1; i < len(lines); i++ {
		if strings.TrimRight(lines[i], " \t\r\n") == delim {
			d.close = i
			break
		}
	}
	if d.close < 0 {
		return nil, fmt.Errorf("前置元数据缺少结束行 %s（front matter opened with %s is never closed）", delim, delim)
	}
	var err error
	if d.format == "toml" {
		err = d.scanTOML()
	} else {
		err = d.scanYAML()
	}
	return d, err
}

// blockIndent is the indentation of a YAML block's first item line.
func blockIndent(lines []string) string {
	for _, l := range lines {
		t := strings.TrimLeft(l, " ")
		if strings.HasPrefix(t, "- ") || strings.TrimRight(t, "\r\n") == "-" {
			return l[:len(l)-len(t)]
		}
	}
	return ""
}

// BodyStart returns the offset of the body: after the front matter's
// closing line, or 0 for a file without front matter.
func BodyStart(file []byte) (int, error) {
	d, err := parse(file)
	if err != nil || d == nil {
		return 0, err
	}
	n := 0
	for _, l := range d.lines[:d.close+1] {
		n += len(l)
	}
	return n, nil
}
