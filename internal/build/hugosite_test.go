package build

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"showcase"
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
