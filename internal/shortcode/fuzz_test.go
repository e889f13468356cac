package shortcode

import (
	"strings"
	"testing"
)

// FuzzParse checks that Parse never panics, that every line it names is in
// the document, and that the parts, calls taken as written, give back the
// document (when it has no escaped calls, which Parse unescapes, and no
// closing tag without an opening one, which it drops).
func FuzzParse(f *testing.F) {
	for _, s := range []string{
		"", "text", `{{< figure src="a.jpg" >}}`, "{{% n %}}**b**{{% /n %}}", "{{< a >}}{{< b />}}{{< /a >}}",
		"{{</* x */>}}", "`{{< x >}}`", "```\n{{< x >}}\n```", "{{< x", "{{< /x >}}", "{{< x a=1 b >}}",
		"{{< x \"a \\\" b\" `raw` 3 1.5 true >}}", "- a\n\n    {{< x >}}", "{{< a >}}{{< a >}}{{< /a >}}",
		"{{< x/>}}{{< x />}}{{% y /%}}", "[^1]: `{{< x >}}`\n\nt[^1]", "{{<\n x\n k = v\n>}}",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, src string) {
		doc := Parse([]byte(src))
		lines := strings.Count(src, "\n") + 1
		okLine := func(n int) bool { return n >= 1 && n <= lines }
		for _, p := range doc.Problems {
			if !okLine(p.Line) {
				t.Fatalf("problem at line %d of %d: %q", p.Line, lines, src)
			}
		}
		dropped := false
		for _, p := range doc.Problems {
			dropped = dropped || strings.Contains(p.Msg, "no opening tag")
		}
		var walk func([]Part) string
		walk = func(parts []Part) string {
			var b strings.Builder
			for _, p := range parts {
				if !okLine(p.Line) {
					t.Fatalf("part at line %d of %d: %q", p.Line, lines, src)
				}
				c := p.Call
				if c == nil {
					b.WriteString(p.Text)
					continue
				}
				if c.Name == "" || c.Line > c.EndLine || !okLine(c.EndLine) || !strings.Contains(src, c.Source) {
					t.Fatalf("bad call %+v in %q", c, src)
				}
				if c.Paired() {
					if in := walk(c.Inner); !strings.Contains(src, "/*") && !dropped && in != c.InnerSource {
						t.Fatalf("inner %q, written %q, in %q", in, c.InnerSource, src)
					}
				}
				b.WriteString(c.Source)
			}
			return b.String()
		}
		got := walk(doc.Parts)
		if !strings.Contains(src, "/*") && !dropped && got != src {
			t.Fatalf("parts give %q, want %q", got, src)
		}
	})
}
