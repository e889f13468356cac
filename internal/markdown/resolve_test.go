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
	file, frag, _ := strings.Cut(dest, "#")
	switch {
	case file == "about.md" && frag != "":
		return "/about/#" + frag, nil
	case file == "about.md":
		return "/about/", nil
	case strings.HasSuffix(file, ".md"):
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

// TestLinks checks what Render reports of each link: the destination as
// written, the file line, where the resolver sent it and the decoded
// fragment. Links inside CJK emphasis and the bare URLs of Linkify are
// reported as the HTML has them.
func TestLinks(t *testing.T) {
	src := strings.Join([]string{
		"**见[关于](about.md#一、概况)**，",      // 1
		"[旧页面](old.md) ![照片](photo.jpg)", // 2
		"", // 3
		"见 https://a.example/x[说明](gone.md#y)", // 4
		"", // 5
		"<file:///C:/a.docx> [本页](#%E6%A6%82%E5%86%B5)", // 6
		"",                    // 7
		"| 列 |",               // 8
		"|---|",               // 9
		"| [*表*内][ref] |",     // 10
		"",                    // 11
		"[ref]: nowhere.md#z", // 12
	}, "\n")
	res := New(Options{}).Render([]byte(src), Doc{Resolver: fakeResolver{}, LineOffset: 5})
	want := []Link{
		{Dest: "about.md#一、概况", Text: "关于", Line: 6, Target: "/about/#一、概况", Fragment: "一、概况"},
		{Dest: "old.md", Text: "旧页面", Line: 7},
		{Image: true, Dest: "photo.jpg", Text: "照片", Line: 7, Target: "/static/photo.jpg"},
		{Auto: true, Dest: "https://a.example/x[", Text: "https://a.example/x[", Line: 9, Target: "https://a.example/x["},
		{Auto: true, Dest: "file:///C:/a.docx", Text: "file:///C:/a.docx", Line: 11, Target: "file:///C:/a.docx"},
		{Dest: "#%E6%A6%82%E5%86%B5", Text: "本页", Line: 11, Target: "#%E6%A6%82%E5%86%B5", Fragment: "概况"},
		{Dest: "nowhere.md#z", Text: "表内", Line: 15, Fragment: "z"},
	}
	if !reflect.DeepEqual(res.Links, want) {
		t.Errorf("Links:\n got %+v\nwant %+v", res.Links, want)
	}
}

// figureResolver renders images itself, as the build's photo pipeline does.
type figureResolver struct{ fakeResolver }

func (figureResolver) RenderImage(src, alt, title string, standalone bool, n int) (string, error) {
	return "<picture></picture>", nil
}

func TestLinksRenderedImages(t *testing.T) {
	res := New(Options{}).Render([]byte("前言\n\n![ 合影 ](a.jpg#x)"), Doc{Resolver: figureResolver{}})
	want := []Link{{Image: true, Dest: "a.jpg#x", Text: "合影", Line: 3, Fragment: "x"}}
	if !reflect.DeepEqual(res.Links, want) {
		t.Errorf("Links:\n got %+v\nwant %+v", res.Links, want)
	}
}

// TestLinksInFootnotes: a footnote's links are the page's, unless nothing
// refers to the footnote and the HTML leaves it out.
func TestLinksInFootnotes(t *testing.T) {
	res := New(Options{}).Render([]byte("正文[^1]。\n\n[^1]: 见[甲](a.md)。\n[^2]: 见[乙](b.md)。"), Doc{})
	want := []Link{{Dest: "a.md", Text: "甲", Line: 3, Target: "a.md"}}
	if !reflect.DeepEqual(res.Links, want) {
		t.Errorf("Links:\n got %+v\nwant %+v", res.Links, want)
	}
}

func TestLinksWithoutResolver(t *testing.T) {
	res := New(Options{}).Render([]byte("[a](b.md#c)"), Doc{})
	want := []Link{{Dest: "b.md#c", Text: "a", Line: 1, Target: "b.md#c", Fragment: "c"}}
	if !reflect.DeepEqual(res.Links, want) {
		t.Errorf("Links:\n got %+v\nwant %+v", res.Links, want)
	}
}
