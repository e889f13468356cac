package render

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"

	"showcase/internal/config"
	"showcase/internal/overlay"
)

// theme is a minimal embedded theme.
var theme = fstest.MapFS{
	"layouts/baseof.html":           {Data: []byte(`<html>{{ block "main" . }}{{ end }}</html>`)},
	"layouts/single.html":           {Data: []byte(`{{ define "main" }}正文{{ end }}`)},
	"layouts/_partials/footer.html": {Data: []byte(`<footer>页脚</footer>`)},
}

// loadSite loads the layouts of a site folder over the theme.
func loadSite(t *testing.T, dir string) error {
	t.Helper()
	site := os.DirFS(dir)
	_, err := Load(overlay.New(site, theme), &Env{Config: config.Default(), Site: site})
	return err
}

// A site's layout that is a symbolic link to nothing is an error naming
// it; the theme's file does not silently stand in.
func TestBrokenLayoutLinkIsAnError(t *testing.T) {
	dir := t.TempDir()
	for _, name := range []string{"layouts/single.html", "layouts/_partials/footer.html", "layouts/photos/single.html"} {
		os.MkdirAll(filepath.Dir(filepath.Join(dir, name)), 0o755)
		if err := os.Symlink(filepath.Join(dir, "gone.html"), filepath.Join(dir, name)); err != nil {
			t.Skip("no symbolic links here:", err)
		}
	}
	err := loadSite(t, dir)
	for _, want := range []string{"layouts/single.html: 这个模板是符号链接，但它指向的文件不存在", "layouts/_partials/footer.html: 这个模板是符号链接", "layouts/photos/single.html: 这个模板是符号链接"} {
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("error lacks %q: %v", want, err)
		}
	}
	// a link to a file that is there is a layout like any other
	os.WriteFile(filepath.Join(dir, "gone.html"), []byte(`{{ define "main" }}链接的模板{{ end }}`), 0o644)
	if err := loadSite(t, dir); err != nil {
		t.Errorf("a working link: %v", err)
	}
}

// An empty page layout or baseof.html would publish blank pages: it is an
// error naming the file. An empty partial drops that part, as meant.
func TestEmptyLayoutIsAnError(t *testing.T) {
	for _, name := range []string{"layouts/single.html", "layouts/baseof.html", "layouts/news/single.html", "layouts/alias.html"} {
		dir := t.TempDir()
		os.MkdirAll(filepath.Dir(filepath.Join(dir, name)), 0o755)
		os.WriteFile(filepath.Join(dir, name), []byte(" \n\t\n"), 0o644)
		err := loadSite(t, dir)
		if err == nil || !strings.Contains(err.Error(), name+": 模板文件是空的") {
			t.Errorf("%s empty: %v", name, err)
		}
	}
	dir := t.TempDir()
	os.MkdirAll(filepath.Join(dir, "layouts/_partials"), 0o755)
	os.WriteFile(filepath.Join(dir, "layouts/_partials/footer.html"), nil, 0o644)
	if err := loadSite(t, dir); err != nil {
		t.Errorf("an empty partial: %v", err)
	}
}
