package markdown

import (
	"strings"
	"testing"
)

// namingResolver is fakeResolver beside a folder holding these files.
type namingResolver struct{ fakeResolver }

var folder = []string{"主题 党日 合影.jpg", "合影.jpg", "会场.JPG", "签到.jpeg", "IMG_0001 (2).jpg", "a.png", "A.PNG"}

func (namingResolver) FileName(dest string) (string, bool) {
	match := ""
	for _, f := range folder {
		if f == dest {
			return f, true
		}
		if canon(f) == canon(dest) {
			if match != "" {
				return "", false // a.png and A.PNG: which?
			}
			match = f
		}
	}
	return match, match != ""
}

func canon(name string) string {
	name = strings.ToLower(name)
	if strings.HasSuffix(name, ".jpeg") {
		name = strings.TrimSuffix(name, ".jpeg") + ".jpg"
	}
	return name
}

func TestFixPictures(t *testing.T) {
	tests := []struct {
		name, src, want string
		warn            string // part of the warning, "" for none
	}{
		{"spaces", "![合影](主题 党日 合影.jpg)", "![合影](<主题 党日 合影.jpg>)", ""},
		{"spaces and a title", `![合影](主题 党日 合影.jpg "会后合影")`, `![合影](<主题 党日 合影.jpg> "会后合影")`, ""},
		{"full-width bang and parentheses", "！[合影]（合影.jpg）", "![合影](合影.jpg)", ""},
		{"mixed", "![合影]（合影.jpg）", "![合影](合影.jpg)", ""},
		{"lenticular brackets", "！【合影】（主题 党日 合影.jpg）", "![合影](<主题 党日 合影.jpg>)", ""},
		{"full-width title quotes", "![合影]（合影.jpg “会后合影”）", `![合影](合影.jpg "会后合影")`, ""},
		{"case", "![会场](会场.jpg)", "![会场](会场.JPG)", ""},
		{"jpeg", "![签到](签到.JPG)", "![签到](签到.jpeg)", ""},
		{"parentheses in the name", "![合影](IMG_0001 (2).jpg)", "![合影](<IMG_0001 (2).jpg>)", ""},
		{"inside a sentence", "会上，![合影](主题 党日 合影.jpg)大家", "会上，![合影](<主题 党日 合影.jpg>)大家", ""},
		{"two on a line", "![a](合影.jpg)和！[b]（合影.jpg）", "![a](合影.jpg)和![b](合影.jpg)", ""},
		{"already right", "![合影](合影.jpg)", "![合影](合影.jpg)", ""},
		{"angled", "![合影](<主题 党日 合影.jpg>)", "![合影](<主题 党日 合影.jpg>)", ""},
		{"missing, standard: the resolver reports it", "![合影](丢失.jpg)", "![合影](丢失.jpg)", ""},
		{"ambiguous case", "![标志](a.Png)", "![标志](a.Png)", ""},
		{"missing with spaces", "![合影](丢失 的 照片.jpg)", "![合影](丢失 的 照片.jpg)", "找不到图片文件“丢失 的 照片.jpg”。请检查文件名和位置，写成 ![合影](<丢失 的 照片.jpg>)"},
		{"missing, full-width", "！[合影]（丢失.jpg）", "！[合影]（丢失.jpg）", "写成 ![合影](丢失.jpg)"},
		{"a sentence, not a picture", "太好了！【通知】（2025年）", "太好了！【通知】（2025年）", ""},
		{"a link after an exclamation", "太好了！[详情](b.md)", "太好了！[详情](b.md)", ""},
		{"code span", "写法：`![合影](主题 党日 合影.jpg)`", "写法：`![合影](主题 党日 合影.jpg)`", ""},
		{"escaped", `\![合影](主题 党日 合影.jpg)`, `\![合影](主题 党日 合影.jpg)`, ""},
		{"fenced code", "```\n![合影](主题 党日 合影.jpg)\n```", "```\n![合影](主题 党日 合影.jpg)\n```", ""},
		{"reference", "![合影][1]\n\n[1]: 合影.jpg", "![合影][1]\n\n[1]: 合影.jpg", ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, warnings := fixPictures([]byte(tc.src), Doc{Resolver: namingResolver{}, LineOffset: 4})
			if string(got) != tc.want {
				t.Errorf("got  %s\nwant %s", got, tc.want)
			}
			switch {
			case tc.warn == "" && len(warnings) > 0:
				t.Errorf("warnings %v", warnings)
			case tc.warn != "" && (len(warnings) != 1 || !strings.Contains(warnings[0].Msg, tc.warn) || warnings[0].Line != 5):
				t.Errorf("warnings %v, want one at line 5 with %q", warnings, tc.warn)
			}
		})
	}
}

// TestPicturesRendered: a rewritten picture is a picture in the HTML and
// in Links, at its line; one that cannot be rewritten is a warning at its
// line, never silent raw Markdown.
func TestPicturesRendered(t *testing.T) {
	src := "第一段。\n\n![合影](主题 党日 合影.jpg)\n\n！[会场]（会场.jpg）\n\n![合影](丢失 的 照片.jpg)\n"
	res := New(Options{}).Render([]byte(src), Doc{Resolver: namingResolver{}, LineOffset: 3})
	html := string(res.HTML)
	for _, want := range []string{
		`<img src="/static/%E4%B8%BB%E9%A2%98%20%E5%85%9A%E6%97%A5%20%E5%90%88%E5%BD%B1.jpg" alt="合影">`,
		`<img src="/static/%E4%BC%9A%E5%9C%BA.JPG" alt="会场">`,
	} {
		if !strings.Contains(html, want) {
			t.Errorf("HTML lacks %s:\n%s", want, html)
		}
	}
	var lines []int
	for _, l := range res.Links {
		if l.Image {
			lines = append(lines, l.Line)
		}
	}
	if len(lines) != 2 || lines[0] != 6 || lines[1] != 8 {
		t.Errorf("pictures at lines %v, want 6 and 8", lines)
	}
	if len(res.Warnings) != 1 || res.Warnings[0].Line != 10 {
		t.Errorf("warnings %v, want one at line 10", res.Warnings)
	}
}

// TestPicturesWithoutNamer: without a FileNamer nothing is rewritten, and
// a picture CommonMark cannot read is still a warning.
func TestPicturesWithoutNamer(t *testing.T) {
	res := New(Options{}).Render([]byte("![合影](主题 党日 合影.jpg)\n"), Doc{})
	if len(res.Warnings) != 1 || !strings.Contains(res.Warnings[0].Msg, "![合影](<主题 党日 合影.jpg>)") {
		t.Errorf("warnings %v", res.Warnings)
	}
}

// FuzzFixPictures: the rewrite keeps every line where it was, is done once
// for all (fixing again changes nothing), and never panics.
func FuzzFixPictures(f *testing.F) {
	for _, s := range []string{
		"![合影](主题 党日 合影.jpg)", "！【合影】（主题 党日 合影.jpg “说明”）", "![a](IMG_0001 (2).jpg)x![b]（合影.jpg）",
		"`![a](合影.jpg)` ![b](会场.jpg)", "```\n![a](a b.jpg)\n```\n![a](a b.jpg)", "![a](<合影.jpg> 'x')", "！[（）]（）",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, src string) {
		doc := Doc{Resolver: namingResolver{}}
		once, _ := fixPictures([]byte(src), doc)
		if strings.Count(string(once), "\n") != strings.Count(src, "\n") {
			t.Fatalf("lines moved: %q → %q", src, once)
		}
		twice, _ := fixPictures(once, doc)
		if string(twice) != string(once) {
			t.Errorf("not idempotent: %q → %q → %q", src, once, twice)
		}
	})
}
