package markdown

import (
	"errors"
	"reflect"
	"strings"
	"testing"
)

// fakeResolver resolves .md links from a fixed table and prefixes images.
type fakeResolver struct{}

func (fakeResolver) Link(dest string) (string, error) {
	switch {
	case dest == "about.md":
		return "/about/", nil
	case strings.HasSuffix(dest, ".md"):
		return "", errors.New("link to missing page " + dest)
	}
	return dest, nil
}

func (fakeResolver) Image(src string) (string, error) {
	if strings.HasPrefix(src, "missing") {
		return "", errors.New("missing image " + src)
	}
	if strings.Contains(src, "://") {
		return src, nil
	}
	return "/static/" + src, nil
}

func TestResolver(t *testing.T) {
	src := strings.Join([]string{
		"# 标题",               // 1
		"",                   // 2
		"见[关于我们](about.md)和", // 3
		"[旧页面](old.md)。",     // 4
		"",                   // 5
		"![照片](photo.jpg) ![坏图](missing.png)", // 6
		"",                                   // 7
		"| 列 |",                              // 8
		"|---|",                              // 9
		"| [表内](gone.md) |",                  // 10
		"",                                   // 11
		"[引用][ref] <https://a.example/b.md>", // 12
		"",                                   // 13
		"[ref]: nowhere.md",                  // 14
	}, "\n")
	res := New(Options{}).Render([]byte(src), Doc{Resolver: fakeResolver{}, LineOffset: 3})
	html := string(res.HTML)
	for _, frag := range []string{
		`<a href="/about/">关于我们</a>`,
		`<img src="/static/photo.jpg" alt="照片">`,
		`<a href="old.md">旧页面</a>`, // left as written on error
		`<a href="https://a.example/b.md">`,
	} {
		if !strings.Contains(html, frag) {
			t.Errorf("HTML lacks %s:\n%s", frag, html)
		}
	}
	want := []Problem{
		{7, "link to missing page old.md"},
		{9, "missing image missing.png"},
		{13, "link to missing page gone.md"},
		{15, "link to missing page nowhere.md"},
	}
	if !reflect.DeepEqual(res.Problems, want) {
		t.Errorf("Problems:\n got %v\nwant %v", res.Problems, want)
	}
}

func TestNilResolver(t *testing.T) {
	res := New(Options{}).Render([]byte("[a](b.md) ![c](d.png)"), Doc{})
	if len(res.Problems) != 0 {
		t.Errorf("Problems = %v", res.Problems)
	}
	if got, want := string(res.HTML), `<p><a href="b.md">a</a> <img src="d.png" alt="c"></p>`+"\n"; got != want {
		t.Errorf("HTML = %q, want %q", got, want)
	}
}
