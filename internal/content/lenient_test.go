package content

import (
	"strings"
	"testing"

	"showcase/internal/config"
	"showcase/internal/diag"
)

// TestLenientLines: with blank lines before the front matter and a key
// written twice, warnings and errors still name the file's lines.
func TestLenientLines(t *testing.T) {
	src := "\n\n---\ntitle: 甲\ndraft: on\ntitle: 乙\ndate: 昨天\n---\n正文\n"
	p, problems := ParsePage("content/news/a.md", []byte(src), config.Default())
	if len(problems) != 1 || problems[0].Line != 7 || !strings.Contains(problems[0].Msg, "昨天") {
		t.Fatalf("problems %v", problems)
	}
	if p.Title != "乙" || !p.Draft || p.BodyLine != 9 {
		t.Errorf("title %q draft %v body line %d", p.Title, p.Draft, p.BodyLine)
	}
	var got []string
	for _, w := range p.Warnings {
		got = append(got, w.Error())
	}
	all := strings.Join(got, "\n")
	for _, want := range []string{"content/news/a.md:5: draft 写的是 \"on\"", "content/news/a.md:6: title 写了两次"} {
		if !strings.Contains(all, want) {
			t.Errorf("warnings lack %q:\n%s", want, all)
		}
	}
}

// FuzzLenient: what Hugo sites write (blank lines first, keys written
// twice, YAML 1.1 booleans) never panics and keeps every problem placed.
func FuzzLenient(f *testing.F) {
	f.Add([]byte("\n\n---\ntitle: a\ntitle: b\ndraft: yes\nslug: a/b\n---\nbody"))
	f.Add([]byte("\n+++\ntitle = \"a\"\n+++\n"))
	f.Add([]byte("---\nparams:\n  x: 1\n  x: 2\n---\n"))
	f.Add([]byte("---\nurl: /a/../b\ncover: https://x/y.png\naliases: /old/\n---\n"))
	cfg := config.Default()
	cfg.Permalinks = map[string]string{"news": "/:sections[1:]/:year/:slug/"}
	f.Fuzz(func(t *testing.T, data []byte) {
		p, problems := ParsePage("content/news/x.md", data, cfg)
		if p == nil && len(problems) == 0 {
			t.Fatal("no page and no problem")
		}
		if p != nil && (strings.HasPrefix(p.Path, "/") || strings.Contains(p.Path, "..")) {
			t.Fatalf("path %q", p.Path)
		}
		for _, w := range append(problems, pWarnings(p)...) {
			if w.File != "content/news/x.md" || w.Line < 0 {
				t.Fatalf("problem without place: %+v", w)
			}
		}
	})
}

func pWarnings(p *Page) []*diag.Problem {
	if p == nil {
		return nil
	}
	return p.Warnings
}
