package markdown

import (
	"fmt"
	"strings"
	"testing"
)

// pictures renders images as the photo pipeline would, recording the calls.
type pictures struct{ calls []string }

func (p *pictures) Link(dest string) (string, error) { return dest, nil }
func (p *pictures) Image(src string) (string, error) {
	return "", fmt.Errorf("Image must not be called")
}
func (p *pictures) RenderImage(src, alt, title string, standalone bool, n int) (string, error) {
	p.calls = append(p.calls, fmt.Sprintf("%s|%s|%s|%v|%d", src, alt, title, standalone, n))
	if src == "missing.jpg" {
		return "", fmt.Errorf("image %s does not exist", src)
	}
	if standalone {
		return fmt.Sprintf(`<figure data-n="%d"><img src="%s" alt="%s"><figcaption>%s</figcaption></figure>`, n, src, alt, title), nil
	}
	return fmt.Sprintf(`<img data-n="%d" src="%s" alt="%s">`, n, src, alt), nil
}

func TestImageRenderer(t *testing.T) {
	src := "首段。\n\n![会场 *全景*](a.jpg \"会议现场\")\n\n文中![小图](b.png)一张。\n\n![缺](missing.jpg)\n"
	p := &pictures{}
	res := New(Options{}).Render([]byte(src), Doc{Resolver: p, LineOffset: 4})
	html := string(res.HTML)
	for _, want := range []string{
		`<figure data-n="0"><img src="a.jpg" alt="会场 全景"><figcaption>会议现场</figcaption></figure>`,
		`<p>文中<img data-n="1" src="b.png" alt="小图">一张。</p>`,
	} {
		if !strings.Contains(html, want) {
			t.Errorf("HTML lacks %s:\n%s", want, html)
		}
	}
	if strings.Contains(html, "<p><figure") {
		t.Errorf("a figure inside a paragraph:\n%s", html)
	}
	if len(res.Problems) != 1 || res.Problems[0].Line != 11 || !strings.Contains(res.Problems[0].Msg, "missing.jpg") {
		t.Errorf("problems %+v, want one at line 11", res.Problems)
	}
	if strings.Contains(res.Plain, "会场") || !strings.Contains(res.Plain, "文中一张。") {
		t.Errorf("plain %q", res.Plain)
	}
	if len(p.calls) != 3 {
		t.Errorf("calls %v", p.calls)
	}
}
