package content

import (
	"showcase/internal/diag"
	"strings"
	"testing"
)

// TestSyntaxHints: the common slips in front matter are named at their
// line, with what to write instead.
func TestSyntaxHints(t *testing.T) {
	for _, c := range []struct {
		name, src string
		line      int
		want      string
	}{
		{"Chinese quotes", "+++\ntitle = “推进会”\n+++\n", 2, `值两边的引号要用英文的 "…"，例如 title = "推进会"`},
		{"Chinese date", "+++\ntitle = \"推进会\"\ndate = 2025年4月15日\n+++\n", 3, "日期请写成 2025-04-15"},
		{"quote left open", "+++\ntitle = \"推进会\nauthor = \"储德丹\"\n+++\n", 2, "引号没有配对"},
		{"Chinese key", "+++\ntitle = \"推进会\"\n摄影 = \"陈宝\"\n+++\n", 3, "请写 photographer = …"},
		{"bare text", "+++\ntitle = 推进会\n+++\n", 2, `要用英文引号包起来：title = "推进会"`},
		{"full-width space", "+++\ntitle = \"推进会\"\n\u3000author = \"储德丹\"\n+++\n", 3, "全角空格"},
		{"YAML tab", "---\ntitle: 推进会\ntags:\n\t- 双创\n---\n", 4, "Tab"},
		{"other", "+++\ntitle = \"推进会\"\n[[\n+++\n", 3, "前置元数据格式有误"},
	} {
		src, err := Split([]byte(c.src))
		if err != nil {
			t.Fatalf("%s: %v", c.name, err)
		}
		_, err = src.Decode()
		if err == nil {
			t.Errorf("%s: no error", c.name)
			continue
		}
		p := err.(interface{ Error() string })
		msg := p.Error()
		if !strings.Contains(msg, c.want) || !strings.Contains(msg, "front matter:") {
			t.Errorf("%s: %q lacks %q", c.name, msg, c.want)
		}
		if prob, ok := err.(*diag.Problem); ok && prob.Line != c.line {
			t.Errorf("%s: line %d, want %d (%s)", c.name, prob.Line, c.line, msg)
		}
	}
}
