package build

import (
	"io/fs"
	"strings"
	"testing"
	"testing/fstest"

	"showcase/internal/config"
)

func TestSplitLang(t *testing.T) {
	codes := map[string]bool{"en": true, "zh": true}
	for name, want := range map[string]string{
		"a.en.md": "a.md en", "_index.en.md": "_index.md en", "index.ZH.md": "index.md zh",
		"a.md": "a.md ", "v1.2.md": "v1.2.md ", "a.fr.md": "a.fr.md ", ".en.md": ".md en",
	} {
		base, code := splitLang(name, codes)
		if got := base + " " + code; got != want {
			t.Errorf("%s: %q, want %q", name, got, want)
		}
	}
}

// TestLangFS: each language sees its own pages as content/, under their
// names without the language, and every language the bundle's files.
func TestLangFS(t *testing.T) {
	site := fstest.MapFS{
		"content/news/a.md":          {Data: []byte("zh")},
		"content/news/a.en.md":       {Data: []byte("en")},
		"content/news/only.md":       {Data: []byte("zh only")},
		"content/trip/index.en.md":   {Data: []byte("en bundle")},
		"content/trip/p.jpg":         {Data: []byte("jpg")},
		"content/trip/index.md":      {Data: []byte("zh bundle")},
		"static/x.css":               {Data: []byte("css")},
		"content2/en/about/index.md": {Data: []byte("x")},
	}
	cfg := &config.Config{DefaultContentLanguage: "zh", Languages: []config.Language{{Code: "zh"}, {Code: "en", Prefix: "en/"}}}
	for _, tc := range []struct{ lang, want string }{
		{"zh", "content/news/a.md=zh content/news/only.md=zh only content/trip/index.md=zh bundle content/trip/p.jpg=jpg"},
		{"en", "content/news/a.md=en content/trip/index.md=en bundle content/trip/p.jpg=jpg"},
	} {
		l := cfg.Languages[0]
		if tc.lang == "en" {
			l = cfg.Languages[1]
		}
		view := newLangFS(site, cfg, l)
		var got []string
		err := fs.WalkDir(view, "content", func(p string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() {
				return err
			}
			data, err := fs.ReadFile(view, p)
			got = append(got, p+"="+string(data))
			return err
		})
		if err != nil {
			t.Fatal(err)
		}
		if strings.Join(got, " ") != tc.want {
			t.Errorf("%s sees %v, want %s", tc.lang, got, tc.want)
		}
		if data, err := fs.ReadFile(view, "static/x.css"); err != nil || string(data) != "css" {
			t.Errorf("%s: static/x.css: %v", tc.lang, err)
		}
	}
	en := newLangFS(site, cfg, cfg.Languages[1])
	fs.ReadDir(en, "content/news")
	if got := en.RealName("content/news/a.md"); got != "content/news/a.en.md" {
		t.Errorf("RealName: %s", got)
	}
	dirs := &config.Config{DefaultContentLanguage: "zh", Languages: []config.Language{{Code: "zh"}, {Code: "en", ContentDir: "content2/en"}}}
	view := newLangFS(site, dirs, dirs.Languages[1])
	if data, err := fs.ReadFile(view, "content/about/index.md"); err != nil || string(data) != "x" || view.RealName("content/about/index.md") != "content2/en/about/index.md" {
		t.Errorf("contentDir: %q %v", data, err)
	}
}
