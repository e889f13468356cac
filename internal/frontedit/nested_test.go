package frontedit

import (
	"reflect"
	"strings"
	"testing"
	"unicode/utf8"
)

func TestSetNested(t *testing.T) {
	cases := []struct {
		name, page, key string
		v               any
		want            string // the whole file after
	}{
		{"toml [params] key", "+++\ntitle = \"t\"\n\n[params]\n# 类型\nkind = \"样板支部\"  # 说明\nx = 1\n+++\nbody\n", "params.kind", "标杆院系",
			"+++\ntitle = \"t\"\n\n[params]\n# 类型\nkind = \"标杆院系\"  # 说明\nx = 1\n+++\nbody\n"},
		{"toml [params] new key", "+++\ntitle = \"t\"\n[Params]\nkind = \"a\"\n[other]\ny = 2\n+++\n", "params.year", 2025,
			"+++\ntitle = \"t\"\n[Params]\nkind = \"a\"\nyear = 2025\n[other]\ny = 2\n+++\n"},
		{"toml dotted key", "+++\ntitle = \"t\"\nparams.kind = \"a\" # c\n+++\n", "params.kind", "b",
			"+++\ntitle = \"t\"\nparams.kind = \"b\" # c\n+++\n"},
		{"toml no params", "+++\ntitle = \"t\"\n\n[other]\ny = 2\n+++\n", "params.kind", "a",
			"+++\ntitle = \"t\"\nparams.kind = \"a\"\n\n[other]\ny = 2\n+++\n"},
		{"yaml nested", "---\ntitle: t\nparams:\n    kind: 样板支部  # 说明\n    tags:\n      - a\n    year: 2024\ndate: 2025-01-01\n---\n", "params.kind", "标杆",
			"---\ntitle: t\nparams:\n    kind: 标杆  # 说明\n    tags:\n      - a\n    year: 2024\ndate: 2025-01-01\n---\n"},
		{"yaml nested list", "---\nparams:\n  tags:\n    - a\n  year: 2024\n---\n", "params.tags", []string{"b", "c"},
			"---\nparams:\n  tags:\n    - b\n    - c\n  year: 2024\n---\n"},
		{"yaml nested new key", "---\nparams:\n  kind: a\ndate: 2025-01-01\n---\n", "params.year", 2025,
			"---\nparams:\n  kind: a\n  year: 2025\ndate: 2025-01-01\n---\n"},
		{"yaml no params", "---\ntitle: t\n---\n", "params.kind", "a",
			"---\ntitle: t\nparams:\n  kind: a\n---\n"},
	}
	for _, c := range cases {
		got, err := Set([]byte(c.page), c.key, c.v)
		if err != nil {
			t.Errorf("%s: %v", c.name, err)
			continue
		}
		if string(got) != c.want {
			t.Errorf("%s:\n got %q\nwant %q", c.name, got, c.want)
		}
		decode(t, got)
	}
	for _, c := range []struct{ page, key string }{
		{"---\nparams: {kind: a}\n---\n", "params.kind"},
		{"---\nparams:\n  - a\n---\n", "params.kind"},
		{"+++\ntitle = \"t\"\n+++\n", "params.a.b"},
		{"+++\n[params.sub]\na = 1\n+++\n", "params.kind"},
	} {
		if out, err := Set([]byte(c.page), c.key, "x"); err == nil {
			t.Errorf("Set %s in %q: %q, want a refusal", c.key, c.page, out)
		}
	}
	out, err := Delete([]byte("---\nparams:\n  kind: a\n  year: 1\n---\n"), "params.kind")
	if err != nil || string(out) != "---\nparams:\n  year: 1\n---\n" {
		t.Errorf("Delete params.kind: %q %v", out, err)
	}
}

var nestedPages = []string{
	tomlPage,
	"+++\ntitle = \"t\"\nparams.kind = \"a\"\n\n[other]\ny = 2\n+++\n",
	"+++\ntitle = \"t\"\n+++\n",
	"---\ntitle: t\nparams:\n  kind: a # c\n  tags:\n  - x\n  - y\n  year: 2024\ndesc: |\n  多行\n---\n",
	yamlPage,
}

// FuzzSetNested edits a nested key (params.x) to a fuzzed string: the file
// still parses, the key reads back as the value, every other top-level
// key and every other key of params keep their values.
func FuzzSetNested(f *testing.F) {
	f.Add(uint8(0), uint8(0), "标杆院系")
	f.Add(uint8(1), uint8(1), "a # b")
	f.Add(uint8(3), uint8(2), "yes")
	f.Add(uint8(4), uint8(3), "'''\n\"\\")
	children := []string{"kind", "year", "tags", "new"}
	f.Fuzz(func(t *testing.T, pageIndex, childIndex uint8, s string) {
		if !utf8.ValidString(s) {
			return
		}
		page := nestedPages[int(pageIndex)%len(nestedPages)]
		child := children[int(childIndex)%len(children)]
		before := decode(t, []byte(page))
		out, err := Set([]byte(page), "params."+child, s)
		if err != nil {
			t.Fatal(err)
		}
		after := decode(t, out)
		for k, old := range before {
			if k != "params" && !reflect.DeepEqual(after[k], old) {
				t.Errorf("%s changed from %#v to %#v\n%s", k, old, after[k], out)
			}
		}
		params, _ := after["params"].(map[string]any)
		if params[child] != s {
			t.Errorf("params.%s = %#v, want %q\n%s", child, params[child], s, out)
		}
		oldParams, _ := before["params"].(map[string]any)
		for k, old := range oldParams {
			if !strings.EqualFold(k, child) && !reflect.DeepEqual(params[k], old) {
				t.Errorf("params.%s changed from %#v to %#v\n%s", k, old, params[k], out)
			}
		}
		// only lines of params change: the text before and after them is kept
		if n := strings.Count(string(out), "\n") - strings.Count(page, "\n"); n > 2+strings.Count(s, "\n") {
			t.Errorf("%d lines added\n%s", n, out)
		}
	})
}
