package frontedit

import (
	"fmt"
	"strings"
)

// scanYAML finds the top-level "key: value" entries: a key at the start of
// a line, its value the rest of the line and the lines after it that are
// indented or list items ("- "), with blank lines between them.
func (d *document) scanYAML() error {
	d.regionEnd = d.close
	for i := d.open + 1; i < d.close; {
		l := d.lines[i]
		t := strings.TrimRight(l, "\r\n")
		if strings.TrimSpace(t) == "" || strings.HasPrefix(t, "#") {
			i++
			continue
		}
		if continuation(t) {
			return fmt.Errorf("第 %d 行缩进有误（line %d: unexpected indentation）", i+1, i+1)
		}
		key, colon, ok := yamlKeyAt(t)
		if !ok {
			return fmt.Errorf("第 %d 行不是“键: 值”（line %d is not key: value）", i+1, i+1)
		}
		e := entry{key: key, start: i, valStart: colon + 1}
		for e.valStart < len(t) && (t[e.valStart] == ' ' || t[e.valStart] == '\t') {
			e.valStart++
		}
		e.valEnd = yamlValueEnd(t, e.valStart)
		e.end = i + 1
		for j := i + 1; j < d.close; j++ {
			lj := strings.TrimRight(d.lines[j], "\r\n")
			if strings.TrimSpace(lj) == "" {
				continue
			}
			if !continuation(lj) {
				break
			}
			e.end = j + 1
		}
		e.multi = e.end > i+1
		d.entries = append(d.entries, e)
		i = e.end
	}
	return nil
}

// continuation reports whether a (non-blank) line belongs to the value
// above it: indented, or an item of a list written at the key's column.
func continuation(t string) bool {
	return t[0] == ' ' || t[0] == '\t' || t == "-" || strings.HasPrefix(t, "- ")
}

// yamlKeyAt reads the key of a top-level line; colon is the offset of ":".
func yamlKeyAt(t string) (string, int, bool) {
	if t[0] == '"' || t[0] == '\'' {
		j := strings.IndexByte(t[1:], t[0])
		if j < 0 || !strings.HasPrefix(t[j+2:], ":") {
			return "", 0, false
		}
		return t[1 : j+1], j + 2, true
	}
	for i := 0; i < len(t); i++ {
		if t[i] == ':' && (i+1 == len(t) || t[i+1] == ' ' || t[i+1] == '\t') {
			key := strings.TrimSpace(t[:i])
			return key, i, key != ""
		}
		if t[i] == '#' && i > 0 && t[i-1] == ' ' {
			break
		}
	}
	return "", 0, false
}

// yamlValueEnd returns where the value on the key's line ends: before
// trailing spaces and a " #" comment outside quotes.
func yamlValueEnd(t string, at int) int {
	end := len(t)
	var q byte
	for i := at; i < len(t); i++ {
		c := t[i]
		switch {
		case q == '"' && c == '\\':
			i++
		case q != 0 && c == q:
			if q == '\'' && i+1 < len(t) && t[i+1] == '\'' {
				i++
			} else {
				q = 0
			}
		case q == 0 && (c == '"' || c == '\'') && (i == at || strings.IndexByte(" [{,", t[i-1]) >= 0):
			q = c
		case q == 0 && c == '#' && (i == at || t[i-1] == ' ' || t[i-1] == '\t'):
			end = i
			i = len(t)
		}
	}
	// never before at: "key: " has an empty value after its space
	return max(at, len(strings.TrimRight(t[:end], " \t")))
}

// yamlKey writes a key plain when it can be, else quoted.
func yamlKey(key string) string {
	if yamlPlain(key) && !strings.ContainsAny(key, ":") {
		return key
	}
	return quote(key)
}
