package frontedit

import (
	"fmt"
	"strings"
)

// scanTOML finds the key/value lines before the first [table] header.
func (d *document) scanTOML() error {
	entries, stop, err := d.scanTOMLKeys(d.open+1, d.close)
	if err != nil {
		return err
	}
	d.entries, d.regionEnd = entries, stop
	for _, l := range d.lines[stop:d.close] { // the tables' names, to refuse their keys
		if h := strings.TrimLeft(l, " \t"); strings.HasPrefix(h, "[") {
			name := strings.Trim(strings.TrimSpace(strings.SplitN(h, "]", 2)[0]), "[ \t\"'")
			d.tables = append(d.tables, name)
		}
	}
	return nil
}

// scanTOMLKeys finds the key/value lines from line from up to the first
// [table] header (stop) or to.
func (d *document) scanTOMLKeys(from, to int) (entries []entry, stop int, err error) {
	for i := from; i < to; {
		l := d.lines[i]
		t := strings.TrimLeft(l, " \t")
		if t == "" || strings.HasPrefix(t, "#") || strings.TrimRight(t, "\r\n") == "" {
			i++
			continue
		}
		if strings.HasPrefix(t, "[") {
			return entries, i, nil
		}
		key, eq, ok := tomlKeyAt(l)
		if !ok {
			return nil, 0, fmt.Errorf("第 %d 行不是“键 = 值”（line %d is not key = value）", i+1, i+1)
		}
		e := entry{key: key, start: i, valStart: eq + 1}
		for e.valStart < len(l) && (l[e.valStart] == ' ' || l[e.valStart] == '\t') {
			e.valStart++
		}
		end, valEnd, err := d.tomlValueEnd(i, e.valStart)
		if err != nil {
			return nil, 0, err
		}
		e.end, e.valEnd, e.multi = end, valEnd, end > i+1
		entries = append(entries, e)
		i = end
	}
	return entries, to, nil
}

// tomlKeyAt reads the key of a key/value line; eq is the offset of "=".
// A dotted key comes back whole ("params.kind"), its quotes kept.
func tomlKeyAt(l string) (key string, eq int, ok bool) {
	i := len(l) - len(strings.TrimLeft(l, " \t"))
	start := i
	for i < len(l) {
		switch c := l[i]; c {
		case '"', '\'':
			j := strings.IndexByte(l[i+1:], c)
			if j < 0 {
				return "", 0, false
			}
			i += j + 2
		case '=':
			key = strings.TrimSpace(l[start:i])
			if len(key) >= 2 && (key[0] == '"' || key[0] == '\'') && key[len(key)-1] == key[0] && !strings.Contains(key[1:len(key)-1], ".") {
				key = key[1 : len(key)-1]
			}
			return key, i, key != ""
		case '\n', '#':
			return "", 0, false
		default:
			i++
		}
	}
	return "", 0, false
}

// tomlValueEnd follows the value starting at line i, offset at, to its
// end: the line after it, and on line i the offset where the value's text
// ends (before spaces and a comment).
func (d *document) tomlValueEnd(i, at int) (end, valEnd int, err error) {
	depth := 0
	valEnd = at
	line, pos := i, at
	for line < d.close {
		l := d.lines[line]
		for pos < len(l) {
			c := l[pos]
			switch {
			case strings.HasPrefix(l[pos:], `"""`) || strings.HasPrefix(l[pos:], `'''`):
				q := l[pos : pos+3]
				line, pos, err = d.skipMultiline(line, pos+3, q)
				if err != nil {
					return 0, 0, err
				}
				l = d.lines[line]
				if line == i {
					valEnd = pos
				}
				continue
			case c == '"' || c == '\'':
				j := pos + 1
				for j < len(l) && l[j] != c && l[j] != '\n' {
					if c == '"' && l[j] == '\\' {
						j++
					}
					j++
				}
				pos = j + 1
				if line == i {
					valEnd = min(pos, len(strings.TrimRight(l, "\r\n")))
				}
				continue
			case c == '#' || c == '\n' || c == '\r':
				pos = len(l)
				continue
			case c == '[' || c == '{':
				depth++
			case c == ']' || c == '}':
				depth--
			}
			pos++
			if line == i && c != ' ' && c != '\t' {
				valEnd = pos
			}
		}
		line++
		pos = 0
		if depth <= 0 {
			return line, valEnd, nil
		}
	}
	return 0, 0, fmt.Errorf("第 %d 行的值没有结束（the value at line %d never ends）", i+1, i+1)
}

// skipMultiline finds the end of a """ or ”' string opened before pos.
func (d *document) skipMultiline(line, pos int, q string) (int, int, error) {
	start := line
	for line < d.close {
		l := d.lines[line]
		for pos < len(l) {
			if q == `"""` && l[pos] == '\\' {
				pos += 2
				continue
			}
			if strings.HasPrefix(l[pos:], q) {
				pos += 3
				for pos < len(l) && l[pos] == q[0] { // up to two quotes may end the string
					pos++
				}
				return line, pos, nil
			}
			pos++
		}
		line++
		pos = 0
	}
	return 0, 0, fmt.Errorf("第 %d 行的多行文字没有结束（multi-line string at line %d never ends）", start+1, start+1)
}

// tomlKey writes a key bare when it can be, else quoted.
func tomlKey(key string) string {
	for _, r := range key {
		if !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == '_' || r == '-') {
			return quote(key)
		}
	}
	return key
}

// AppendTable adds a TOML table to an array of tables ([[name]], as an
// album's [[resources]]) after the front matter's last key, before the
// comments and blank lines that close it; fields are written in the order
// given, as strings. In YAML front matter the table is an item of the
// list name (yamllist.go).
func AppendTable(file []byte, name string, fields [][2]string) ([]byte, error) {
	d, err := parse(file)
	if err != nil {
		return nil, err
	}
	if d == nil {
		return nil, fmt.Errorf("文件没有前置元数据，无法添加 %s（no front matter）", name)
	}
	if d.format == "yaml" {
		if err := checkKey(name); err != nil {
			return nil, err
		}
		return d.appendYAMLItem(name, fields)
	}
	if err := checkKey(name); err != nil {
		return nil, err
	}
	at := d.close
	for at > d.open+1 {
		t := strings.TrimSpace(d.lines[at-1])
		if t != "" && !strings.HasPrefix(t, "#") {
			break
		}
		at--
	}
	lines := []string{d.eol, "[[" + tomlKey(name) + "]]" + d.eol}
	for _, f := range fields {
		if err := checkKey(f[0]); err != nil {
			return nil, err
		}
		lines = append(lines, tomlKey(f[0])+" = "+quote(f[1])+d.eol)
	}
	return d.splice(at, at, lines), nil
}
