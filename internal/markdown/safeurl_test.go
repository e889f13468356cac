package markdown

import (
	"regexp"
	"strings"
	"testing"
)

// urlAttr finds the addresses in HTML.
var urlAttr = regexp.MustCompile(`(?:href|src|srcset)="[^"]*"`)

func TestDangerousURL(t *testing.T) {
	for u, want := range map[string]bool{
		"javascript:alert(1)":                      true,
		"JavaScript:alert(1)":                      true,
		" \x01javascript:alert(1)":                 true,
		"java\tscript:alert(1)":                    true,
		"java\nscript:alert(1)":                    true,
		"vbscript:msgbox(1)":                       true,
		"VBScript:msgbox(1)":                       true,
		"data:text/html;base64,PHNjcmlwdD4":        true,
		"data:image/svg+xml,<svg onload=alert(1)>": true,
		"data:,x":                         true,
		"data:image/png;base64,iVBORw0K":  false,
		"DATA:image/JPEG;base64,/9j/":     false,
		"data:image/gif,GIF89a":           false,
		"https://www.example.edu.cn/":     false,
		"mailto:dangwei@example.edu.cn":   false,
		"news/a.md":                       false,
		"/img/a.png":                      false,
		"https://example.com/javascript:": false,
		"javascript":                      false,
		"":                                false,
	} {
		if got := DangerousURL(u); got != want {
			t.Errorf("DangerousURL(%q) = %v, want %v", u, got, want)
		}
	}
}

// A Markdown link, image, reference or autolink to javascript:, vbscript:
// or data: is a Problem at its line and never reaches an href or a src:
// with or without raw HTML, with or without a resolver that renders
// images. The link's text and the image's alt text stay.
func TestRenderDropsDangerousURLs(t *testing.T) {
	src := "第一段。\n\n" +
		"![示意图](javascript:alert(1))\n\n" + // 5
		"文中![小图](JavaScript:alert(2))一张。\n\n" + // 7
		"[点这里](java&#9;script:alert(3)) 与 [另一个](vbscript:msgbox(4))\n\n" + // 9
		"[网页](data:text/html;base64,PHNjcmlwdD5hbGVydCg1KTwvc2NyaXB0Pg==)\n\n" + // 11
		"<javascript:alert(6)> 和 [引用][r]\n\n" + // 13
		"[r]: javascript:alert(7)\n\n" +
		"![好图](data:image/png;base64,iVBORw0KGgo=) [好链接](https://www.example.edu.cn/)\n"
	for _, c := range []struct {
		name string
		r    *Renderer
		doc  Doc
	}{
		{"safe", New(Options{}), Doc{LineOffset: 3}},
		{"unsafe", New(Options{Unsafe: true}), Doc{LineOffset: 3}},
		{"resolver", New(Options{}), Doc{LineOffset: 3, Resolver: fakeResolver{}}},
		{"image renderer", New(Options{Unsafe: true}), Doc{LineOffset: 3, Resolver: &pictures{}}},
	} {
		t.Run(c.name, func(t *testing.T) {
			res := c.r.Render([]byte(src), c.doc)
			for _, attr := range urlAttr.FindAllString(string(res.HTML), -1) {
				if !strings.Contains(attr, "data:image/png") && !strings.Contains(attr, "https://") {
					t.Errorf("HTML holds %s:\n%s", attr, res.HTML)
				}
			}
			for _, good := range []string{"示意图", "小图", "点这里", "另一个", "网页", "引用", "data:image/png;base64,iVBORw0KGgo=", "https://www.example.edu.cn/"} {
				if !strings.Contains(string(res.HTML), good) {
					t.Errorf("HTML lacks %q:\n%s", good, res.HTML)
				}
			}
			var lines []int
			for _, p := range res.Problems {
				if strings.Contains(p.Msg, "不能发布") {
					lines = append(lines, p.Line)
				}
			}
			want := []int{3 + 3, 3 + 5, 3 + 7, 3 + 7, 3 + 9, 3 + 11, 3 + 11}
			if len(lines) != len(want) {
				t.Fatalf("problems at lines %v, want %v: %v", lines, want, res.Problems)
			}
			for i := range want {
				if lines[i] != want[i] {
					t.Errorf("problems at lines %v, want %v", lines, want)
					break
				}
			}
		})
	}
}
