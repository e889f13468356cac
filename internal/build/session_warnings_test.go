package build

import (
	"path/filepath"
	"slices"
	"testing"

	"showcase"
	"showcase/internal/diag"
)

// TestSessionEditWarnings: an edit that takes the fast path reports the
// warnings of the edited page that a full build reports (a picture left
// as text, a misspelt key, a link leading nowhere), at the same lines.
func TestSessionEditWarnings(t *testing.T) {
	page := func(body string) string {
		return "+++\ntitle = \"主题党日\"\ndate = 2025-01-01\nphotografer = \"陈宝\"\nsummary = \"党日\"\n+++\n" + body
	}
	src := makeSite(t, map[string]string{
		"site.toml":               "title = \"t\"\n",
		"content/news/a/index.md": page("活动现场。\n\n![合影](丢失 的 照片.jpg)\n\n见[旧稿](nope.md)。\n"),
		"content/news/b.md":       "+++\ntitle = \"乙\"\ndate = 2025-01-02\n+++\n乙。\n",
		"content/news/a/会场.jpg":   "",
	})
	r := newSessionRun(t, src)
	first := r.step("first build", false, nil)
	edited := r.step("body edit", true, r.write("content/news/a/index.md",
		page("活动现场，改过了。\n\n![合影](丢失 的 照片.jpg)\n\n见[旧稿](nope.md)。\n")))
	full, err := Build(Options{Source: src, Destination: filepath.Join(t.TempDir(), "full"), Theme: showcase.Theme(), Now: fixedNow})
	if err != nil {
		t.Fatal(err)
	}
	want := warningsOf(full.Warnings, "content/news/a/index.md")
	if len(want) != 3 {
		t.Fatalf("a full build warns %q, want a picture, a key and a link", want)
	}
	if got := warningsOf(first.Warnings, "content/news/a/index.md"); !slices.Equal(got, want) {
		t.Errorf("first build warns %q, want %q", got, want)
	}
	if got := warningsOf(edited.Warnings, "content/news/a/index.md"); !slices.Equal(got, want) {
		t.Errorf("the fast path warns %q, want what a full build warns, %q", got, want)
	}
}

// warningsOf lists the warnings about one file, sorted.
func warningsOf(ws []*diag.Problem, file string) []string {
	var out []string
	for _, w := range ws {
		if w.File == file {
			out = append(out, w.Error())
		}
	}
	slices.Sort(out)
	return out
}
