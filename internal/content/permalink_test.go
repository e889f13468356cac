package content

import (
	"testing"
	"time"

	"showcase/internal/config"
)

// TestWantedPath: the URL a page asks for, from url, permalinks, slug or
// its file, in ASCII.
func TestWantedPath(t *testing.T) {
	cfg := config.Default()
	cfg.Permalinks = map[string]string{
		"cn":    "/:sections/:year/:month/:slug/",
		"docs":  "/:sections[1:]/:filename/",
		"talks": "/:section/:yearday-:monthname-:weekdayname/:title/",
		"notes": "/:sections[last]/:slugorcontentbasename.html",
	}
	date := time.Date(2025, 3, 4, 9, 0, 0, 0, cst)
	for _, c := range []struct {
		file, slug, url, title string
		ugly                   bool
		want                   string
	}{
		{"content/cn/2025-03-04-a.md", "study-hard", "", "大开杀戒", false, "cn/2025/03/study-hard/"},
		{"content/cn/2025-03-04-a.md", "", "", "大开杀戒", false, "cn/2025/03/da-kai-sha-jie/"},
		{"content/cn/2025-03-04-a.md", "cn/x", "", "", false, "cn/2025/03/cn/x/"},
		{"content/docs/guide/一/index.md", "", "", "", false, "guide/yi/"},
		{"content/talks/t.md", "", "", "主题党日", false, "talks/63-march-tuesday/zhu-ti-dang-ri/"},
		{"content/notes/a/b.md", "", "", "", false, "a/b.html"},
		{"content/about.md", "cn/about", "", "", false, "cn/about/"},
		{"content/about.md", "", "/Doc/Commands/hugo_new", "", false, "doc/commands/hugo_new/"},
		{"content/about.md", "", "/2015/11/21/a.html", "", false, "2015/11/21/a.html"},
		{"content/news/a.md", "", "", "", true, "news/a.html"},
		{"content/news/a.md", "", "/x/y/", "", true, "x/y.html"},
	} {
		p := &Page{File: c.file, Slug: c.slug, Title: c.title, Date: date}
		placePage(p)
		f := &fields{m: map[string]any{}}
		if c.url != "" {
			f.m["url"] = c.url
		}
		cfg.UglyURLs = c.ugly
		if got := wantedPath(p, f, cfg); got != c.want {
			t.Errorf("%s slug=%q url=%q: %q, want %q", c.file, c.slug, c.url, got, c.want)
		}
	}
}
