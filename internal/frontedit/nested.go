package frontedit

import (
	"fmt"
	"strings"
)

// Nested keys, one level deep: "params.kind" is the key kind of the table
// params. In TOML it is edited where it is written: a dotted key
// params.kind = … at the top, or kind = … under a [params] header; a new
// one goes under [params] when the file has that header, else it is
// written as a dotted key among the top-level keys (one line). In YAML it
// is a key of the block mapping under params:, at that mapping's
// indentation; a new one joins the end of the mapping, and a missing
// params: is added with it. Only the nested key's lines change.

// splitNested cuts "params.kind" into its parent and child; ok is false
// for a key without a dot. Deeper keys are refused.
func splitNested(key string) (parent, child string, ok bool, err error) {
	parent, child, ok = strings.Cut(key, ".")
	if !ok {
		return "", "", false, nil
	}
	if parent == "" || child == "" || strings.Contains(child, ".") {
		return "", "", false, fmt.Errorf("字段名 %q 只能有一层嵌套，如 params.kind（only one level of nesting: %q）", key, key)
	}
	return parent, child, true, nil
}

// nestedEntries finds the entries of the table parent: under a TOML
// [parent] header, or in the YAML block mapping under parent:. where is
// the line a new child goes to, indent the children's indentation; found
// is false when the file has no such table (then nothing else is set).
func (d *document) nestedEntries(parent string) (entries []entry, where int, indent string, found bool, err error) {
	if d.format == "toml" {
		for i := d.regionEnd; i < d.close; i++ {
			t := strings.TrimSpace(d.lines[i])
			if !strings.HasPrefix(t, "[") || strings.HasPrefix(t, "[[") {
				continue
			}
			name := strings.Trim(strings.TrimSpace(strings.SplitN(t[1:], "]", 2)[0]), "\"'")
			if !strings.EqualFold(name, parent) {
				continue
			}
			entries, _, err := d.scanTOMLKeys(i+1, d.close)
			if err != nil {
				return nil, 0, "", false, err
			}
			where = i + 1
			if n := len(entries); n > 0 {
				where = entries[n-1].end
			}
			return entries, where, "", true, nil
		}
		return nil, 0, "", false, nil
	}
	e, ok := d.find(parent)
	if !ok {
		return nil, 0, "", false, nil
	}
	first := strings.TrimRight(d.lines[e.start], "\r\n")
	if strings.TrimSpace(first[e.valStart:e.valEnd]) != "" {
		return nil, 0, "", false, fmt.Errorf("%s 不是分行书写的一组字段，请在源文件中修改（%s is not a block mapping: edit it in the source）", parent, parent)
	}
	indent = "  "
	for j := e.start + 1; j < e.end; j++ {
		t := strings.TrimRight(d.lines[j], "\r\n")
		if strings.TrimSpace(t) == "" || strings.HasPrefix(strings.TrimSpace(t), "#") {
			continue
		}
		indent = t[:len(t)-len(strings.TrimLeft(t, " \t"))]
		break
	}
	for j := e.start + 1; j < e.end; {
		t := strings.TrimRight(d.lines[j], "\r\n")
		rest := strings.TrimPrefix(t, indent)
		if strings.TrimSpace(t) == "" || strings.HasPrefix(strings.TrimSpace(t), "#") {
			j++
			continue
		}
		if len(rest) == len(t) || rest == "" || rest[0] == ' ' || rest[0] == '\t' {
			return nil, 0, "", false, fmt.Errorf("第 %d 行缩进有误（line %d: unexpected indentation）", j+1, j+1)
		}
		if rest == "-" || strings.HasPrefix(rest, "- ") {
			return nil, 0, "", false, fmt.Errorf("%s 是列表而不是一组字段，请在源文件中修改（%s is a list: edit it in the source）", parent, parent)
		}
		key, colon, ok := yamlKeyAt(rest)
		if !ok {
			return nil, 0, "", false, fmt.Errorf("第 %d 行不是“键: 值”（line %d is not key: value）", j+1, j+1)
		}
		c := entry{key: key, start: j, valStart: len(indent) + colon + 1}
		for c.valStart < len(t) && (t[c.valStart] == ' ' || t[c.valStart] == '\t') {
			c.valStart++
		}
		c.valEnd = yamlValueEnd(t, c.valStart)
		c.end = j + 1
		for k := j + 1; k < e.end; k++ {
			tk := strings.TrimRight(d.lines[k], "\r\n")
			if strings.TrimSpace(tk) == "" {
				continue
			}
			r := strings.TrimPrefix(tk, indent)
			if len(r) == len(tk) && indent != "" {
				break
			}
			if !(r[0] == ' ' || r[0] == '\t' || r == "-" || strings.HasPrefix(r, "- ")) {
				break
			}
			c.end = k + 1
		}
		c.multi = c.end > j+1
		entries = append(entries, c)
		j = c.end
	}
	return entries, e.end, indent, true, nil
}

// setNested is Set of parent.child.
func (d *document) setNested(parent, child string, v any) ([]byte, error) {
	entries, where, indent, found, err := d.nestedEntries(parent)
	if err != nil {
		return nil, err
	}
	if found {
		for i := len(entries) - 1; i >= 0; i-- {
			if strings.EqualFold(entries[i].key, child) {
				return d.replace(entries[i], v)
			}
		}
		line, err := d.newLine(child, v)
		if err != nil {
			return nil, err
		}
		return d.splice(where, where, []string{indent + line}), nil
	}
	at := d.regionEnd
	if n := len(d.entries); n > 0 {
		at = d.entries[n-1].end
	}
	if d.format == "toml" {
		if d.isTable(parent) && !d.hasDotted(parent) {
			return nil, fmt.Errorf("%s 是一组字段（表格），请在源文件中修改（%s is a table: edit it in the source）", parent, parent)
		}
		text, err := encodeTOML(v, "")
		if err != nil {
			return nil, err
		}
		return d.splice(at, at, []string{tomlKey(parent) + "." + tomlKey(child) + " = " + text + d.eol}), nil
	}
	line, err := d.newLine(child, v)
	if err != nil {
		return nil, err
	}
	return d.splice(at, at, []string{yamlKey(parent) + ":" + d.eol, "  " + line}), nil
}

// hasDotted reports whether a top-level dotted key parent.x is written.
func (d *document) hasDotted(parent string) bool {
	for _, e := range d.entries {
		if p, _, ok := strings.Cut(e.key, "."); ok && strings.EqualFold(strings.Trim(strings.TrimSpace(p), "\"'"), parent) {
			return true
		}
	}
	return false
}

// deleteNested is Delete of parent.child.
func (d *document) deleteNested(file []byte, parent, child string) ([]byte, error) {
	entries, _, _, found, err := d.nestedEntries(parent)
	if err != nil || !found {
		return file, err
	}
	for i := len(entries) - 1; i >= 0; i-- {
		if strings.EqualFold(entries[i].key, child) {
			return d.splice(entries[i].start, entries[i].end, nil), nil
		}
	}
	return file, nil
}
