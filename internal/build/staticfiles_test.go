package build

import (
	"io/fs"
	"os"
	"path/filepath"
	"testing"

	"showcase/internal/overlay"
	"showcase/internal/sitefs"
)

// TestStaticFilesAsStat: staticFiles answers as fs.Stat does through a
// site over a theme, for files, folders, missing paths, paths below a
// symbolic link inside the site, and a link leaving it.
func TestStaticFilesAsStat(t *testing.T) {
	site, theme, outside := t.TempDir(), t.TempDir(), t.TempDir()
	for _, f := range []string{
		filepath.Join(site, "static/img/a.png"),
		filepath.Join(site, "static/docs/中文.pdf"),
		filepath.Join(site, "photos/b.png"),
		filepath.Join(theme, "static/css/site.css"),
		filepath.Join(outside, "secret.txt"),
	} {
		if err := os.MkdirAll(filepath.Dir(f), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(f, []byte("x"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.Symlink(filepath.Join(site, "photos"), filepath.Join(site, "static/photos")); err != nil {
		t.Skip("no symbolic links here:", err)
	}
	if err := os.Symlink(outside, filepath.Join(site, "static/out")); err != nil {
		t.Fatal(err)
	}
	fsys := overlay.New(sitefs.New(site), sitefs.New(theme))
	sf := newStaticFiles(fsys)
	for _, file := range []string{
		"static", "static/img", "static/img/a.png", "static/img/A.png", "static/img/c.png",
		"static/docs/中文.pdf", "static/docs/英文.pdf", "static/css/site.css", "static/css",
		"static/photos", "static/photos/b.png", "static/photos/c.png",
		"static/out", "static/out/secret.txt", "static/none/x", "static/", "static/img/",
		"layouts/x.html", "static/cn/2020/07/x",
	} {
		_, err := fs.Stat(fsys, file)
		if got, want := sf.Exists(file), err == nil; got != want {
			t.Errorf("Exists(%q) = %v, fs.Stat says %v", file, got, want)
		}
	}
}
