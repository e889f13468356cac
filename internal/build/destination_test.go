package build

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func smallSite(t *testing.T) string {
	return makeSite(t, map[string]string{"site.toml": "title = \"t\"\n", "content/a.md": "+++\ntitle = \"甲\"\n+++\n正文。\n"})
}

// TestForeignDestinationRefused: -d p where p/docs/thesis.txt lives (the
// issue's own case), or -d a regular file, is refused and left as it was.
func TestForeignDestinationRefused(t *testing.T) {
	src := smallSite(t)
	p := filepath.Join(t.TempDir(), "p")
	thesis := filepath.Join(p, "docs", "thesis.txt")
	os.MkdirAll(filepath.Dir(thesis), 0o755)
	os.WriteFile(thesis, []byte("x\n"), 0o644)
	_, err := buildDir(t, src, p)
	if err == nil || !strings.Contains(err.Error(), "输出文件夹 "+p+" 不是 showcase 生成的（里面有 docs/）") || !strings.Contains(err.Error(), "-d 指定一个新的文件夹") {
		t.Errorf("err = %v", err)
	}
	if data, err := os.ReadFile(thesis); err != nil || string(data) != "x\n" {
		t.Errorf("thesis.txt = %q, %v", data, err)
	}
	if entries, _ := os.ReadDir(filepath.Dir(p)); len(entries) != 1 {
		t.Errorf("beside the destination: %v; want only p (no staging folder)", entries)
	}

	file := filepath.Join(t.TempDir(), "notes.txt")
	os.WriteFile(file, []byte("notes\n"), 0o644)
	_, err = buildDir(t, src, file)
	if err == nil || !strings.Contains(err.Error(), "是一个文件，不是文件夹") {
		t.Errorf("-d a file: err = %v", err)
	}
	if data, _ := os.ReadFile(file); string(data) != "notes\n" {
		t.Errorf("the file became %q", data)
	}
}

// TestOwnDestinationsReplaced: an absent, empty or junk-only folder, one
// carrying the marker, and a public/ built by the previous version (no
// marker) are all replaced; the output carries the marker afterwards.
func TestOwnDestinationsReplaced(t *testing.T) {
	src := smallSite(t)
	cases := map[string]map[string]string{
		"absent":  nil,
		"empty":   {},
		"junk":    {".DS_Store": "x", "Thumbs.db": "x"},
		"marked":  {markerName: string(marker), "old.html": "stale"},
		"earlier": {"index.html": "x", "404.html": "x", "robots.txt": "x", "sitemap.xml": "x", "search/index.html": "x", "news/old/index.html": "stale"},
	}
	for name, files := range cases {
		t.Run(name, func(t *testing.T) {
			dest := filepath.Join(t.TempDir(), "public")
			if files != nil {
				os.Mkdir(dest, 0o755)
			}
			for f, data := range files {
				os.MkdirAll(filepath.Dir(filepath.Join(dest, f)), 0o755)
				os.WriteFile(filepath.Join(dest, filepath.FromSlash(f)), []byte(data), 0o644)
			}
			if _, err := buildDir(t, src, dest); err != nil {
				t.Fatal(err)
			}
			out := readTree(t, dest)
			if string(out[markerName]) != string(marker) || out["a/index.html"] == nil {
				t.Errorf("the output lacks the marker or the page: %d files", len(out))
			}
			for _, stale := range []string{"old.html", "news/old/index.html", ".DS_Store"} {
				if out[stale] != nil {
					t.Errorf("%s survived the build", stale)
				}
			}
			if _, err := buildDir(t, src, dest); err != nil {
				t.Errorf("a second build: %v", err)
			}
		})
	}
	// an earlier output lacking one of its files is not recognised
	dest := filepath.Join(t.TempDir(), "public")
	for _, f := range earlierFiles[1:] {
		os.MkdirAll(filepath.Dir(filepath.Join(dest, f)), 0o755)
		os.WriteFile(filepath.Join(dest, filepath.FromSlash(f)), []byte("x"), 0o644)
	}
	if _, err := buildDir(t, src, dest); err == nil {
		t.Error("a folder lacking index.html was taken for an earlier output")
	}
}

// TestLeftoverStagingCleaned: the staging and set-aside folders killed
// builds left beside the destination go at the next build; folders of other
// names, and one a running build holds, stay.
func TestLeftoverStagingCleaned(t *testing.T) {
	src := smallSite(t)
	parent := t.TempDir()
	dest := filepath.Join(parent, "public")
	leftovers := []string{".public.building-123", ".public.building-456.old"}
	kept := []string{".public.building-abc", ".public.building-", ".other.building-1", "public.building-1", ".public.building-9x.old"}
	for _, d := range append(append([]string{}, leftovers...), kept...) {
		os.MkdirAll(filepath.Join(parent, d, "news"), 0o755)
		os.WriteFile(filepath.Join(parent, d, "news", "index.html"), []byte("old"), 0o644)
	}
	busy := filepath.Join(parent, ".public.building-789")
	os.Mkdir(busy, 0o755)
	unlock, ok := lockDir(busy)
	if !ok {
		t.Fatal("cannot lock a fresh folder")
	}
	defer unlock()
	os.WriteFile(filepath.Join(parent, ".public.building-5"), []byte("a file, not a folder"), 0o644)
	if _, err := buildDir(t, src, dest); err != nil {
		t.Fatal(err)
	}
	for _, d := range leftovers {
		if _, err := os.Lstat(filepath.Join(parent, d)); err == nil {
			t.Errorf("%s was not cleaned", d)
		}
	}
	for _, d := range append(kept, ".public.building-5") {
		if _, err := os.Lstat(filepath.Join(parent, d)); err != nil {
			t.Errorf("%s was removed: %v", d, err)
		}
	}
	if _, err := os.Stat(busy); err != nil && lockWorks {
		t.Errorf("a running build's staging folder was removed: %v", err)
	}
}
