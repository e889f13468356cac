package markdown

import (
	"slices"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

func FuzzRender(f *testing.F) {
	seeds := []string{
		"", "**x**", "**真，**她", "这是**“强调”**内容", "*斜体。*后文", "中文\n继续",
		"## 一、主要做法 {#a}\n\n## 一、主要做法", "[a](b.md) ![c](missing.png)",
		"| a |\n|---|\n| *b* |", "- [ ] x\n- [x] y", "t[^1]\n\n[^1]: n", "<!--more-->",
		"a<!-- more -->b", "~~a~~ ~b~ ~~~c", "\\*a\\* &amp; &#x4E2D; &", "```\n<!--more-->\n```",
		"> **引用，**内容\n> 续", "***强调，***文字", "_a_ __b__ ___c___", "<div>\n*x*\n</div>",
		"- a\n\n  ```\n  b\n  ```\n", "[x][y]\n\n[y]: z.md", newsBody,
		"见 https://a.example/x[说明](b.md#y) <file:///C:/a>", "a[^1] b[^1]\n\n[^1]: n", anchorsSrc,
	}
	for _, s := range seeds {
		f.Add(s, 0)
	}
	r := New(Options{})
	unsafe := New(Options{Unsafe: true})
	f.Fuzz(func(t *testing.T, src string, lineOffset int) {
		doc := Doc{Resolver: fakeResolver{}, LineOffset: lineOffset % 1000}
		for _, rr := range []*Renderer{r, unsafe} {
			res := rr.Render([]byte(src), doc)
			for _, p := range res.Problems {
				if strings.Contains(p.Msg, "internal error") {
					t.Fatalf("Render(%q) panicked: %s", src, p.Msg)
				}
				if p.Line < doc.LineOffset+1 {
					t.Errorf("problem line %d before the body (offset %d)", p.Line, doc.LineOffset)
				}
			}
			if utf8.ValidString(src) {
				if !utf8.ValidString(res.HTML) || !utf8.ValidString(res.Plain) || !utf8.ValidString(res.Summary) {
					t.Errorf("invalid UTF-8 output for %q", src)
				}
				for _, h := range res.TOC {
					if !utf8.ValidString(h.ID) || !utf8.ValidString(h.Text) {
						t.Errorf("invalid UTF-8 heading %+v", h)
					}
				}
			}
			if first, _, _ := strings.Cut(res.Summary, "\n"); !strings.Contains(res.Plain, first) {
				t.Errorf("Summary %q is not taken from Plain %q", res.Summary, res.Plain)
			}
			lines := strings.Count(src, "\n") + 1
			for _, l := range res.Links {
				if l.Line < doc.LineOffset+1 || l.Line > doc.LineOffset+lines {
					t.Errorf("link %q at line %d, outside the body (offset %d, %d lines)", l.Dest, l.Line, doc.LineOffset, lines)
				}
			}
		}
		// Without raw HTML, the anchors are exactly the ids of the HTML.
		if res := r.Render([]byte(src), doc); utf8.ValidString(src) && !slices.Equal(sorted(res.Anchors), htmlIDsSorted(res.HTML)) {
			t.Errorf("Anchors %q, but the HTML has the ids %q", res.Anchors, htmlIDsSorted(res.HTML))
		}
		// Strong emphasis of a single word leaves no asterisks in Plain.
		word := strings.Map(func(r rune) rune {
			if unicode.IsLetter(r) || unicode.IsDigit(r) {
				return r
			}
			return -1
		}, src)
		if word != "" {
			res := r.Render([]byte("**"+word+"**"), Doc{})
			if res.Plain != word+"\n" {
				t.Errorf("Plain of %q = %q, want %q", "**"+word+"**", res.Plain, word+"\n")
			}
		}
	})
}
