package build

import (
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"showcase"
	"showcase/internal/config"
)

// TestTrailingSpaceNames: folders and files whose names end in spaces (as
// Windows users and zip files leave them; a txtar fixture cannot hold
// them) get ASCII URLs like any other, and their bundle files follow.
func TestTrailingSpaceNames(t *testing.T) {
	src := makeSite(t, map[string]string{
		"hugo.toml":                     "title = \"t\"\n",
		"content/news /会议 /index.md":    "---\ntitle: 会议\ndate: 2025-01-01\n---\n[议程](agenda%20.pdf)\n",
		"content/news /会议 /agenda .pdf": "%PDF-1.4\n",
		"content/news /通知 .md":          "---\ntitle: 通知\ndate: 2025-01-02\n---\n通知。\n",
	})
	dest := filepath.Join(t.TempDir(), "public")
	res, err := Build(Options{Source: src, Destination: dest, Theme: showcase.Theme(), Now: fixedNow})
	if err != nil {
		t.Fatal(err)
	}
	for _, w := range res.Warnings {
		t.Errorf("warning: %v", w)
	}
	for _, f := range []string{"news/hui-yi/index.html", "news/tong-zhi/index.html", "news/index.html"} {
		if _, err := os.Stat(filepath.Join(dest, f)); err != nil {
			t.Errorf("%s: %v", f, err)
		}
	}
	page, _ := os.ReadFile(filepath.Join(dest, "news/hui-yi/index.html"))
	if !strings.Contains(string(page), `href="/news/hui-yi/agenda%20.pdf"`) {
		t.Errorf("the attachment's URL is not the bundle's:\n%s", page)
	}
	if _, err := os.Stat(filepath.Join(dest, "news/hui-yi/agenda .pdf")); err != nil {
		t.Error(err)
	}
}

// TestHugoPartialsNotTheSites: the partials of a Hugo site's layouts/ are
// not run, so they are not the site's own either: a symbolic link to
// nothing among them is no error (among the site's own layouts it would
// be), and the render does not see them (it would take the theme's
// partialCached "header.html" for a site's own and run it for every page).
func TestHugoPartialsNotTheSites(t *testing.T) {
	src := makeSite(t, map[string]string{
		"hugo.toml":                     "title = \"t\"\n",
		"layouts/_partials/header.html": "<header>{{ .Title }}</header>\n",
		"content/news/a.md":             "---\ntitle: 甲\ndate: 2025-01-01\n---\n甲。\n",
	})
	if err := os.Symlink(filepath.Join(src, "gone.html"), filepath.Join(src, "layouts/_partials/gone.html")); err != nil {
		t.Skip(err)
	}
	dest := filepath.Join(t.TempDir(), "public")
	if _, err := Build(Options{Source: src, Destination: dest, Theme: showcase.Theme(), Now: fixedNow}); err != nil {
		t.Fatal(err)
	}
	seen, _ := fs.Glob(layoutsOf(os.DirFS(src), &config.Config{File: "hugo.toml"}), "layouts/_partials/*.html")
	if len(seen) > 0 {
		t.Errorf("a Hugo site's partials are taken for its own: %v", seen)
	}
}
