package shortcode

import (
	"reflect"
	"strconv"
	"strings"
	"testing"
)

// shape writes a document's parts compactly: text as "t(…)", literals as
// "lit(…)", calls as "name@line[args]{inner}".
func shape(parts []Part) string {
	var b strings.Builder
	for _, p := range parts {
		switch {
		case p.Call != nil:
			c := p.Call
			b.WriteString(c.Name)
			if c.Markdown {
				b.WriteString("%")
			}
			b.WriteString("@" + strconv.Itoa(c.Line))
			if len(c.Params) > 0 {
				var args []string
				for _, a := range c.Params {
					s := ""
					if a.Name != "" {
						s = a.Name + "="
					}
					args = append(args, s+show(a.Value))
				}
				b.WriteString("[" + strings.Join(args, " ") + "]")
			}
			if c.Paired() {
				b.WriteString("{" + shape(c.Inner) + "}")
			}
		case p.Literal:
			b.WriteString("lit(" + p.Text + ")")
		default:
			b.WriteString("t(" + p.Text + ")")
		}
	}
	return b.String()
}

func show(v any) string {
	switch v := v.(type) {
	case string:
		return "'" + v + "'"
	case bool:
		if v {
			return "T"
		}
		return "F"
	case int:
		return "i" + strconv.Itoa(v)
	case float64:
		return "f" + strconv.FormatFloat(v, 'g', -1, 64)
	}
	return "?"
}

func TestParse(t *testing.T) {
	tests := []struct{ src, want string }{
		{"no calls", "t(no calls)"},
		{`a {{< figure src="a.jpg" title="标题" >}} b`, `t(a )figure@1[src='a.jpg' title='标题']t( b)`},
		{`{{< youtube w7Ft2ymGmfc >}}`, `youtube@1['w7Ft2ymGmfc']`},
		{`{{<youtube id=abc>}}`, `youtube@1[id='abc']`},
		{"{{< x 3 -2 1.5 true \"4\" `r\naw` >}}", "x@1[i3 i-2 f1.5 T '4' 'r\naw']"},
		{`{{< x "a \"q\" b" >}}`, `x@1['a "q" b']`},
		{"{{< d summary=\"s\" >}}\n内容\n{{< /d >}}\n后文", "d@1[summary='s']{t(\n内容\n)}t(\n后文)"},
		{"{{% n %}}**b**{{% /n %}}", "n%@1{t(**b**)}"},
		{"{{< a >}}x{{< b />}}y{{< c >}}z{{< /c >}}{{< /a >}}", "a@1{t(x)b@1t(y)c@1{t(z)}}"},
		{"{{< x />}}{{< x/>}}", "x@1x@1"},
		{"{{< a >}}{{< a >}}in{{< /a >}}out", "a@1a@1{t(in)}t(out)"},
		{"{{< a >}}{{< b >}}in{{< /a >}}", "a@1{b@1t(in)}"},
		{"{{< e >}}{{< /e >}}", "e@1{}"},
		{"{{</* figure src=\"x\" */>}}", `lit({{< figure src="x" >}})`},
		{"{{%/* n */%}}", "lit({{% n %}})"},
		{"`{{< x >}}` and `{{</* y */>}}`", "t(`{{< x >}}` and `)t({{< y >}})t(`)"},
		{"```\n{{< x >}}\n```\n{{< y >}}", "t(```\n{{< x >}}\n```\n)y@4"},
		{"    {{< x >}}\n", "t(    {{< x >}}\n)"},
		{"- item\n\n    {{< x >}}\n", "t(- item\n\n    )x@3t(\n)"},
		{"{{< x\n  a=1\n  b=\"2\"\n/>}}\n{{< y >}}", "x@1[a=i1 b='2']t(\n)y@5"},
		{"{{< dir/name >}}", "dir/name@1"},
		{"{{ not a call }} {{x}}", "t({{ not a call }} {{x}})"},
	}
	for _, tt := range tests {
		doc := Parse([]byte(tt.src))
		if got := shape(doc.Parts); got != tt.want {
			t.Errorf("Parse(%q)\n got %s\nwant %s", tt.src, got, tt.want)
		}
		if len(doc.Problems) > 0 {
			t.Errorf("Parse(%q): problems %v", tt.src, doc.Problems)
		}
	}
}

func TestProblems(t *testing.T) {
	tests := []struct {
		src   string
		lines []int
		want  string // the parts: what could not be read stays text
	}{
		{"a\n{{< x", []int{2}, "t(a\n{{< x)"},
		{"{{< /x >}}", []int{1}, ""},
		{"{{< x a=1 b >}}", []int{1}, "t({{< x a=1 b >}})"},
		{"{{< x \"open\n\" >}}", []int{1}, "t({{< x \"open\n\" >}})"},
		{"{{< >}}", []int{1}, "t({{< >}})"},
		{"{{< /x y >}}", []int{1}, "t({{< /x y >}})"},
		{"{{< x >}}\n{{< /y >}}", []int{2}, "x@1t(\n)"},
	}
	for _, tt := range tests {
		doc := Parse([]byte(tt.src))
		var lines []int
		for _, p := range doc.Problems {
			lines = append(lines, p.Line)
			if p.Zh == "" || p.Msg == "" {
				t.Errorf("Parse(%q): problem without words: %+v", tt.src, p)
			}
		}
		if !reflect.DeepEqual(lines, tt.lines) {
			t.Errorf("Parse(%q): problem lines %v, want %v (%v)", tt.src, lines, tt.lines, doc.Problems)
		}
		if got := shape(doc.Parts); got != tt.want {
			t.Errorf("Parse(%q)\n got %s\nwant %s", tt.src, got, tt.want)
		}
	}
}

func TestInCode(t *testing.T) {
	doc := Parse([]byte("text `{{< ref \"a.md\" >}}`\n\n```\n{{% v %}}\n{{< /v >}}\n```\n"))
	var got []string
	for _, c := range doc.InCode {
		got = append(got, c.Name+"@"+strconv.Itoa(c.Line))
	}
	if want := []string{"ref@1", "v@4"}; !reflect.DeepEqual(got, want) {
		t.Errorf("InCode = %v, want %v", got, want)
	}
}

func TestCallDetails(t *testing.T) {
	src := "前文\n  {{% note warn %}}\n  内容\n  {{% /note %}}\n"
	doc := Parse([]byte(src))
	var c *Call
	for _, p := range doc.Parts {
		if p.Call != nil {
			c = p.Call
		}
	}
	if c == nil {
		t.Fatalf("no call in %s", shape(doc.Parts))
	}
	if c.Line != 2 || c.EndLine != 4 || c.Indent != "  " || c.InnerSource != "\n  内容\n  " ||
		c.Source != "{{% note warn %}}\n  内容\n  {{% /note %}}" || !c.Markdown || c.Named || !c.Alone {
		t.Errorf("call = %+v", c)
	}
	for src, want := range map[string]bool{"{{< x >}}": true, "a {{< x >}}": false, "{{< x >}} b": false, "  {{< x >}}  \nb": true, "a\n{{< x >}}\n": true} {
		if got := Parse([]byte(src)).Parts; len(got) == 0 || firstCall(got).Alone != want {
			t.Errorf("Parse(%q): Alone is not %v", src, want)
		}
	}
}

func firstCall(parts []Part) *Call {
	for _, p := range parts {
		if p.Call != nil {
			return p.Call
		}
	}
	return &Call{}
}
