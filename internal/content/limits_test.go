package content

import (
	"strings"
	"testing"

	"showcase/internal/config"
)

// Front matter that would take the TOML parser seconds and gigabytes is
// refused before it parses, naming the file and the line.
func TestFrontMatterLimits(t *testing.T) {
	cases := []struct {
		name, src string
		line      int
		msg       string
	}{
		{"TOML inline table 10,000 deep", "+++\ntitle = \"a\"\nx = " + strings.Repeat("{b = ", 10_000) + "1" + strings.Repeat("}", 10_000) + "\n+++\n", 3, "前置元数据嵌套超过 16 层"},
		{"TOML arrays 17 deep", "+++\nx = " + strings.Repeat("[", 17) + strings.Repeat("]", 17) + "\n+++\n", 2, "嵌套超过 16 层"},
		{"TOML dotted key of 8,000 parts", "+++\ntitle = \"a\"\n\n" + strings.Repeat("a.", 7999) + "a = 1\n+++\n", 4, "前置元数据的键由超过 8 段组成"},
		{"TOML table header of 9 parts", "+++\n[" + strings.Repeat("a.", 8) + "a]\n+++\n", 2, "超过 8 段"},
		{"TOML quoted dotted key", "+++\n" + strings.Repeat(`"a".`, 9) + "a = 1\n+++\n", 2, "超过 8 段"},
		{"YAML flow 10,000 deep", "---\ntitle: a\nx: " + strings.Repeat("[", 10_000) + strings.Repeat("]", 10_000) + "\n---\n", 3, "嵌套超过 16 层"},
		{"YAML flow maps", "---\nx:\n  - " + strings.Repeat("{a: ", 20) + "1" + strings.Repeat("}", 20) + "\n---\n", 3, "嵌套超过 16 层"},
		{"front matter of 200 KB", "+++\n" + strings.Repeat("# 注释\n", 200<<10/10) + "+++\n", 1, "超过上限 128 KB"},
		{"a file of 2 MB", "+++\ntitle = \"a\"\n+++\n" + strings.Repeat("正文", 2<<20/6), 1, "超过一篇稿件的上限 1 MB"},
	}
	cfg := config.Default()
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			p, problems := ParsePage("content/news/a.md", []byte(c.src), cfg)
			if p != nil || len(problems) != 1 {
				t.Fatalf("page %v, %d problems: %v", p != nil, len(problems), problems)
			}
			pr := problems[0]
			if pr.File != "content/news/a.md" || pr.Line != c.line || !strings.Contains(pr.Msg, c.msg) {
				t.Errorf("%s:%d: %s\nwant line %d: %s", pr.File, pr.Line, pr.Msg, c.line, c.msg)
			}
		})
	}
}

// Brackets, dots and quotes inside strings and comments are text: front
// matter at the limits, or looking deep without being so, parses.
func TestFrontMatterWithinLimits(t *testing.T) {
	deep := strings.Repeat("{b = ", 15) + "1" + strings.Repeat("}", 15)
	brackets := strings.Repeat("[", 40)
	for name, src := range map[string]string{
		"TOML at the limits": "+++\n[params.a.b.c.d.e.f]\ng.h = " + deep + "\nlist = [" + deep + "]\n+++\n",
		"TOML strings": "+++\ntitle = \"" + brackets + "\\\"" + brackets + "\"\nsubtitle = '" + brackets + "'\n" +
			"summary = \"\"\"\n" + brackets + "\n\"a.b.c.d.e.f.g.h.i\"\"\"\"\nsource = '''" + brackets + "'''\n" +
			"# " + brackets + " a.b.c.d.e.f.g.h.i\n\"a.b.c.d.e.f.g.h.i.j\" = 1\n+++\n",
		"YAML plain and quoted": "---\ntitle: it's " + brackets + "\nsubtitle: '" + brackets + "''" + brackets + "'\n" +
			"summary: \"" + brackets + "\\\"\"\ntags: [a, \"[[\", '{{']\nnote: a#" + brackets + " # " + brackets + "\n---\n",
		"YAML dots": "---\ntitle: a.b.c.d.e.f.g.h.i.j.k\n---\n",
	} {
		t.Run(name, func(t *testing.T) {
			if _, problems := ParsePage("content/news/a.md", []byte(src), config.Default()); len(problems) > 0 {
				t.Errorf("problems: %v\n%s", problems, src)
			}
		})
	}
}

// FuzzFrontLimits: any front matter is refused at one of its lines or
// passes to the parser; what passes and parses holds no key deeper than the
// limits allow (a key's path grows by at most maxKeyParts for each level of
// nesting the scanner counted).
func FuzzFrontLimits(f *testing.F) {
	f.Add("title = \"a\"\n[params]\nkind = \"样板支部\"\n", true)
	f.Add("x = "+strings.Repeat("{b = ", 20)+"1"+strings.Repeat("}", 20), true)
	f.Add(strings.Repeat("a.", 10)+"a = 1", true)
	f.Add("s = \"\"\"a\"\"\"\"\nt = '''[['''\n# [[[\n", true)
	f.Add("title: it's [a]\nx: [[1, {a: '['}]]\n", false)
	f.Add("x: \"\\\"[\"\ny: 'it''s'\n", false)
	f.Fuzz(func(t *testing.T, front string, toml bool) {
		delim := "---"
		if toml {
			delim = "+++"
		}
		src := Source{Format: "yaml", Front: []byte(front)}
		if toml {
			src.Format = "toml"
		}
		if p := src.checkFrontLimits(); p != nil {
			if lines := strings.Count(front, "\n") + 2; p.Line < 1 || p.Line > lines {
				t.Fatalf("refused at line %d of %d: %s", p.Line, lines, p.Msg)
			}
			return
		}
		m, err := src.Decode()
		if err != nil {
			return
		}
		if d := depth(m); d > (maxFrontDepth+2)*maxKeyParts {
			t.Fatalf("passed the limits but nests %d deep:\n%s\n%s", d, delim, front)
		}
	})
}

// depth is how deeply maps and lists nest in v.
func depth(v any) int {
	d := 0
	switch v := v.(type) {
	case map[string]any:
		for _, e := range v {
			d = max(d, depth(e))
		}
	case []map[string]any:
		for _, e := range v {
			d = max(d, depth(e))
		}
	case []any:
		for _, e := range v {
			d = max(d, depth(e))
		}
	default:
		return 0
	}
	return d + 1
}
