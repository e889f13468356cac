package frontedit

import (
	"fmt"
	"strings"
)

// appendYAMLItem adds a mapping to the YAML list name (an album's
// resources), after its last item, written in block style at the list's
// indentation:
//
//	resources:
//	  - src: a.jpg
//	    title: 说明
//
// A missing list is added after the last key; an empty one written
// inline (resources: []) becomes a block. Any other inline value is
// refused: it is edited in the source.
func (d *document) appendYAMLItem(name string, fields [][2]string) ([]byte, error) {
	item := func(indent string) ([]string, error) {
		var lines []string
		for i, f := range fields {
			if err := checkKey(f[0]); err != nil {
				return nil, err
			}
			lead := indent + "  "
			if i == 0 {
				lead = indent + "- "
			}
			lines = append(lines, lead+yamlKey(f[0])+": "+yamlString(f[1], "")+d.eol)
		}
		return lines, nil
	}
	e, ok := d.find(name)
	if !ok {
		lines, err := item("  ")
		if err != nil {
			return nil, err
		}
		at := d.regionEnd
		if n := len(d.entries); n > 0 {
			at = d.entries[n-1].end
		}
		return d.splice(at, at, append([]string{yamlKey(name) + ":" + d.eol}, lines...)), nil
	}
	first := strings.TrimRight(d.lines[e.start], "\r\n")
	inline := strings.TrimSpace(first[e.valStart:e.valEnd])
	switch {
	case inline == "[]" && !e.multi:
		lines, err := item("  ")
		if err != nil {
			return nil, err
		}
		head := first[:e.valStart]
		if strings.HasSuffix(head, " ") {
			head = strings.TrimRight(head, " \t")
		}
		return d.splice(e.start, e.end, append([]string{head + first[e.valEnd:] + d.eol}, lines...)), nil
	case inline != "":
		return nil, fmt.Errorf("%s 不是分行书写的列表，请在源文件中修改（%s is not a block list: edit it in the source）", name, name)
	}
	indent := blockIndent(d.lines[e.start+1 : e.end])
	if e.multi && indent == "" && !strings.HasPrefix(strings.TrimLeft(d.lines[e.start+1], " \t\r\n"), "-") {
		return nil, fmt.Errorf("%s 不是列表，请在源文件中修改（%s is not a list: edit it in the source）", name, name)
	}
	if !e.multi {
		indent = "  "
	}
	lines, err := item(indent)
	if err != nil {
		return nil, err
	}
	return d.splice(e.end, e.end, lines), nil
}
