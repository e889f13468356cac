package build

import (
	"strings"
	"testing"
	"unicode"
)

// FuzzMarkdownOutput checks that putting a {{% %}} call's output into the
// Markdown never panics and loses nothing: with its tokens expanded again,
// the text is the output with only white space changed.
func FuzzMarkdownOutput(f *testing.F) {
	for _, s := range [][2]string{
		{"<div class=\"note\">\n    <p class=\"t\">注意</p>\n    X\n</div>\n", "X"},
		{"**b**", ""}, {"<pre>a\n\n  b</pre>", ""}, {"<span>a</span> <b>c", ""}, {"<!-- c -->x<br/>", "x"},
		{"<p>x", "x"}, {"a < b > c", ""}, {"<div><p>in</div>", "<p>in"}, {"<script>if (a<b) {}</script>", ""},
	} {
		f.Add(s[0], s[1])
	}
	f.Fuzz(func(t *testing.T, out, inner string) {
		x := &expansion{prefix: tokenPrefix([]byte(out + inner))}
		md := x.markdownOutput(out, inner)
		back := x.replaceTokens(md, func(j int) string { return x.outputs[j] })
		if squeeze(back) != squeeze(out) {
			t.Fatalf("markdownOutput(%q, %q) = %q, which expands to %q", out, inner, md, back)
		}
		_ = x.expandHTML("<p>"+md+"</p>", x.outputs)
	})
}

func squeeze(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) {
			return -1
		}
		return r
	}, s)
}

func TestPlainWords(t *testing.T) {
	for s, want := range map[string]bool{
		"/dangjian/news/a/": true, "示例大学": true, "2025年": true, "a-b": true, "news/a/#小节": true,
		"": false, " a": false, "- x": false, "# h": false, "1. x": false, "a_b": false, "a*b": false,
		"https://a.example/": false, "a\nb": false, "&amp;": false, "<b>": false, "===": false,
	} {
		if got := plainWords(s); got != want {
			t.Errorf("plainWords(%q) = %v, want %v", s, got, want)
		}
	}
}

func TestDeindent(t *testing.T) {
	for in, want := range map[string]string{
		"\n    a\n      b\n    ": "\na\n  b\n",
		"a\n  b":                 "a\n  b",
		"\t\tx\n\t\ty":           "x\ny",
		"  x\n\t y":              "  x\n\t y",
	} {
		if got := deindent(in); got != want {
			t.Errorf("deindent(%q) = %q, want %q", in, got, want)
		}
	}
}
