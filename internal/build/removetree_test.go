package build

import (
	"os"
	"path/filepath"
	"testing"
)

// TestRemoveOneByOne removes a tree the way the fallback of removeTree
// does: nested folders, Chinese and spaced names, a link that must go
// without what it names.
func TestRemoveOneByOne(t *testing.T) {
	root := t.TempDir()
	keep := filepath.Join(root, "keep.txt")
	if err := os.WriteFile(keep, []byte("x"), 0o644); err != nil {
		t.Fatal(err)
	}
	dir := filepath.Join(root, ".public.building-1.old")
	deep := filepath.Join(dir, "news", "主题 党日", "img")
	if err := os.MkdirAll(deep, 0o755); err != nil {
		t.Fatal(err)
	}
	for _, f := range []string{filepath.Join(dir, markerName), filepath.Join(deep, "合影 1.jpg"), filepath.Join(dir, "news", "index.html")} {
		if err := os.WriteFile(f, []byte("x"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.Symlink(keep, filepath.Join(deep, "link")); err != nil {
		t.Fatal(err)
	}
	if err := removeOneByOne(dir); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Lstat(dir); !os.IsNotExist(err) {
		t.Errorf("%s is still there: %v", dir, err)
	}
	if _, err := os.Stat(keep); err != nil {
		t.Errorf("the link's target went too: %v", err)
	}
	if err := removeOneByOne(dir); err != nil {
		t.Errorf("removing a missing folder: %v", err)
	}
}
