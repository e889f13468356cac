package content

import (
	"bytes"
	"strings"

	"go.yaml.in/yaml/v3"

	"showcase/internal/diag"
	"showcase/internal/lang"
)

// What real Hugo sites write and Hugo reads, read the same way here.

// splitLenient is Split for a file whose front matter follows blank lines
// (Hugo skips them). The blank lines are kept in Source.Front, ahead of
// the front matter, so that lines are still the file's.
func splitLenient(data []byte) (Source, error) {
	rest := data
	blank := 0
	for {
		line, after, found := bytes.Cut(rest, []byte("\n"))
		if !found || len(bytes.TrimSpace(line)) > 0 {
			break
		}
		rest = after
		blank++
	}
	if blank == 0 || !hasDelimiterLine(rest, "+++") && !hasDelimiterLine(rest, "---") {
		return Split(data)
	}
	src, err := Split(rest)
	if err != nil {
		if p, ok := err.(*diag.Problem); ok {
			p.Line += blank
		}
		return src, err
	}
	src.Front = append(bytes.Repeat([]byte("\n"), blank), src.Front...)
	src.BodyLine += blank
	return src, nil
}

// decodeLenient is Source.Decode for YAML front matter that names a key
// twice: Hugo keeps the last value, and so does this, with a warning at
// each repeated key.
func decodeLenient(src Source) (map[string]any, []*diag.Problem, error) {
	m, err := src.Decode()
	if err == nil || src.Format != "yaml" || !strings.Contains(err.Error(), "already defined") {
		return m, nil, err
	}
	var doc yaml.Node
	if yaml.Unmarshal(src.Front, &doc) != nil {
		return nil, nil, err
	}
	var warnings []*diag.Problem
	dropRepeats(&doc, &warnings)
	var v any
	if doc.Decode(&v) != nil {
		return nil, nil, err
	}
	m, ok := v.(map[string]any)
	if !ok {
		return nil, nil, err
	}
	return m, warnings, nil
}

// dropRepeats removes, in every mapping below n, the earlier entries of a
// key written more than once.
func dropRepeats(n *yaml.Node, warnings *[]*diag.Problem) {
	if n.Kind == yaml.MappingNode {
		last := map[string]int{}
		for i := 0; i+1 < len(n.Content); i += 2 {
			last[n.Content[i].Value] = i
		}
		var kept []*yaml.Node
		for i := 0; i+1 < len(n.Content); i += 2 {
			k := n.Content[i]
			if last[k.Value] != i {
				later := n.Content[last[k.Value]]
				*warnings = append(*warnings, &diag.Problem{Line: later.Line + 1, Msg: lang.Sprintf(
					"%[1]s 写了两次，采用后一个（第 %[2]d 行）的值，前一个被忽略", "%[1]s is set twice; the value on line %[2]d is used",
					k.Value, later.Line+1)})
				continue
			}
			kept = append(kept, k, n.Content[i+1])
		}
		n.Content = kept
	}
	for _, c := range n.Content {
		dropRepeats(c, warnings)
	}
}
