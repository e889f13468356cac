package markdown

import (
	"strings"
	"testing"
)

// repeat fills size bytes with s.
func repeat(s string, size int) string { return strings.Repeat(s, size/len(s)+1)[:size] }

// hostileBodies are bodies goldmark is slow or greedy on, each with the
// line and words of the refusal.
var hostileBodies = []struct {
	name, src string
	line      int
	msg       string
}{
	{"20 MB of [ and ]", repeat("[", 10<<20) + repeat("]", 10<<20), 1, "超过上限 512 KB"},
	{"brackets", "正文\n\n" + repeat("[", 300_000) + repeat("]", 200_000), 3, "方括号 [ 超过 10000 个"},
	{"emphasis", repeat("*a ", 300_000), 1, "*、_、~ 合计超过 50000 个"},
	{"short lines", repeat("a\n", 100_000), maxLines + 1, "正文超过 20000 行"},
	{"unclosed links", "第一段\n\n" + repeat("[a](", 4*6000) + repeat("x", 20_000), 3, "链接写法 [文字]( 过多"},
	{"unclosed images", repeat("![a](", 5*4400) + repeat("x", 20_000), 1, "链接写法 [文字]( 过多"},
	{"quotes on one line", "a\n\n" + repeat("> ", 66) + "x\n", 3, "嵌套超过 32 层"},
	{"lists on one line", "a\n" + repeat("1. - ", 5*17) + "x\n", 2, "嵌套超过 32 层"},
	{"wide table", "|" + repeat("a|", 2*5000) + "\n|" + repeat("-|", 2*5000) + "\n" + repeat("|\n", 2*10), 9, "表格共超过 50000 个单元格"},
}

// Each hostile body is refused, with its line and a Chinese message,
// before goldmark reads it: the Result holds no HTML.
func TestRenderRefusesHostileBodies(t *testing.T) {
	r := New(Options{})
	for _, c := range hostileBodies {
		t.Run(c.name, func(t *testing.T) {
			res := r.Render([]byte(c.src), Doc{LineOffset: 4})
			if len(res.Problems) != 1 || len(res.HTML) != 0 {
				t.Fatalf("rendered: %d problems, %d bytes of HTML", len(res.Problems), len(res.HTML))
			}
			p := res.Problems[0]
			if p.Line != 4+c.line || !strings.Contains(p.Msg, c.msg) {
				t.Errorf("problem at line %d: %s\nwant line %d: %s", p.Line, p.Msg, 4+c.line, c.msg)
			}
		})
	}
}

// Pages inside the limits render: a long story, many links in short
// paragraphs, a big table, a list four levels deep, a quote in a list.
func TestRenderKeepsRealBodiesWithinLimits(t *testing.T) {
	var links, table strings.Builder
	for i := range 3000 {
		links.WriteString("见[第" + strings.Repeat("一", i%5+1) + "篇](a.md)和[附件](b.pdf)。\n\n")
	}
	table.WriteString("| 支部 | 党员 | 活动 | 时间 | 地点 | 负责人 |\n|---|---|---|---|---|---|\n")
	for range 5000 {
		table.WriteString("| 教工第一党支部 | 32 | 主题党日 | 2025-10-26 | 报告厅 | 储德丹 |\n")
	}
	for name, src := range map[string]string{
		"long story": strings.Repeat(newsBody+"\n\n", 150),
		"links":      links.String(),
		"table":      table.String(),
		"deep list":  "- 一\n  - 二\n    - 三\n      - 四\n        > 引用\n        > 1. 条\n",
	} {
		if len(src) > MaxBytes {
			t.Fatalf("%s: %d bytes is over the limit", name, len(src))
		}
		if line, msg := CheckLimits([]byte(src)); msg != "" {
			t.Errorf("%s refused at line %d: %s", name, line, msg)
		}
	}
}

func TestNesting(t *testing.T) {
	for line, want := range map[string]int{
		"正文":             0,
		"> 引用":           1,
		"> > - 1. 条":     4,
		"  - a":          1,
		"-a":             0,
		"2025. 年":        1,
		"12345678901. x": 0,
		"1) a":           1,
		"* * *":          2, // a rule reads as two markers and its last star
	} {
		if got := nesting([]byte(line)); got != want {
			t.Errorf("nesting(%q) = %d, want %d", line, got, want)
		}
	}
}

// FuzzCheckLimits: any body is either refused at one of its lines or
// renders; the check never panics.
func FuzzCheckLimits(f *testing.F) {
	for _, c := range hostileBodies {
		if len(c.src) < 64<<10 {
			f.Add(c.src)
		}
	}
	f.Add(newsBody)
	f.Add("|a|\n|-|\n|b|\n\n|c|d|\n|-|-|\n")
	r := New(Options{})
	f.Fuzz(func(t *testing.T, src string) {
		line, msg := CheckLimits([]byte(src))
		if msg == "" {
			if line != 0 {
				t.Fatalf("line %d without a message", line)
			}
			r.Render([]byte(src), Doc{})
			return
		}
		if lines := strings.Count(src, "\n") + 1; line < 1 || line > max(lines, maxLines+1) {
			t.Fatalf("refused at line %d of %d: %s", line, lines, msg)
		}
	})
}
