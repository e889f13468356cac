package build

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"showcase"
)

// TestPreviewLeavesOutBrokenPages: the preview builds around pages whose own
// files have errors — front matter that does not parse, a damaged picture
// (a missing one is a warning: Hugo publishes it) —
// even when another page links to one; each broken page's address shows
// its problems; fixing one brings it back and breaking it again takes it
// out. A build of the same site still fails.
func TestPreviewLeavesOutBrokenPages(t *testing.T) {
	src, dest := t.TempDir(), filepath.Join(t.TempDir(), "public")
	write := func(name, data string) {
		t.Helper()
		os.MkdirAll(filepath.Dir(filepath.Join(src, name)), 0o755)
		if err := os.WriteFile(filepath.Join(src, name), []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	read := func(name string) string {
		data, err := os.ReadFile(filepath.Join(dest, name))
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		return string(data)
	}
	write("site.toml", "baseURL = \"https://www.example.edu.cn/\"\ntitle = \"测试站\"\n")
	write("content/news/a.md", "+++\ntitle = \"推进会\"\ndate = 2025-10-26\n+++\n见[主题党日](b.md)。\n")
	write("content/news/b.md", "+++\ntitle = \"主题党日\"\ndate = 2025-10-27\n+++\n![合影](合影.jpg)\n")
	write("content/news/c.md", "+++\ntitle = “座谈会”\n+++\n正文。\n")
	write("content/news/合影.jpg", "\xff\xd8\xff not a whole JPEG")
	opts := Options{Source: src, Destination: dest, Theme: showcase.Theme(), Preview: true, Now: time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)}
	if _, err := Build(Options{Source: src, Destination: dest, Theme: showcase.Theme(), Now: opts.Now}); err == nil {
		t.Fatal("a build of a site with errors succeeded")
	}
	s := NewSession(opts)
	defer s.Close()
	res, err := s.Build()
	if err != nil {
		t.Fatalf("the preview fails on pages with errors of their own: %v", err)
	}
	if len(res.Broken) != 2 || res.Broken[0].File != "content/news/b.md" || res.Broken[1].File != "content/news/c.md" {
		t.Errorf("broken: %v", res.Broken)
	}
	if a := read("news/a/index.html"); !strings.Contains(a, `href="/news/b/"`) {
		t.Errorf("the link to the broken page does not lead to its address:\n%s", a)
	}
	if b := read("news/b/index.html"); !strings.Contains(b, "这篇稿件有错误") || !strings.Contains(b, "content/news/b.md:5") {
		t.Errorf("the broken page's address:\n%s", b)
	}
	if c := read("news/c/index.html"); !strings.Contains(c, "content/news/c.md:2") || !strings.Contains(c, "中文引号") {
		t.Errorf("the unreadable page's address:\n%s", c)
	}
	if home := read("index.html"); strings.Contains(home, ">主题党日</a>") || !strings.Contains(home, ">推进会</a>") {
		t.Error("the home page lists a broken page, or not the good one")
	}
	write("content/news/b.md", "+++\ntitle = \"主题党日\"\ndate = 2025-10-27\n+++\n活动照片稍后补上。\n")
	if res, err = s.Build(); err != nil || len(res.Broken) != 1 {
		t.Fatalf("after the fix: %v, broken %v", err, res.Broken)
	}
	if b := read("news/b/index.html"); !strings.Contains(b, "活动照片稍后补上。") {
		t.Errorf("the fixed page is not back:\n%s", b)
	}
	write("content/news/b.md", "+++\ntitle = \"主题党日\"\ndate = 2025-10-27\n+++\n![合影](合影.jpg)\n")
	if res, err = s.Build(); err != nil || len(res.Broken) != 2 {
		t.Fatalf("broken again: %v, broken %v", err, res.Broken)
	}
	if b := read("news/b/index.html"); !strings.Contains(b, "这篇稿件有错误") {
		t.Errorf("broken again, the page still shows its old text:\n%s", b)
	}
	// an error outside content/ still stops the preview's build
	write("layouts/single.html", "{{ .Nope }")
	if _, err := s.Build(); err == nil {
		t.Error("a broken layout did not stop the preview's build")
	}
}
