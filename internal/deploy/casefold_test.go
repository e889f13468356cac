package deploy

import (
	"context"
	"io/fs"
	"os"
	"path/filepath"
	"testing"
)

// caseInsensitive reports a folder whose file system finds "A" under "a"
// (Windows, macOS).
func caseInsensitive(t *testing.T, dir string) bool {
	probe := filepath.Join(dir, "CaseProbe")
	if err := os.WriteFile(probe, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	defer os.Remove(probe)
	_, err := os.Stat(filepath.Join(dir, "caseprobe"))
	return err == nil
}

// TestRenamedInCaseStays: a file renamed only in case is sent under its
// new name and stays on a case-insensitive target (where deleting the old
// name deleted it); on a case-sensitive one the old name is deleted.
func TestRenamedInCaseStays(t *testing.T) {
	root := scratchDir(t)
	tg, err := openFolder(filepath.ToSlash(root))
	if err != nil {
		t.Fatal(err)
	}
	deploy := func(s site) *Result {
		t.Helper()
		res, err := Deploy(context.Background(), tg, Options{Source: s.writeScratch(t), MaxDeletes: -1})
		if err != nil {
			t.Fatal(err)
		}
		return res
	}
	deploy(site{"index.html": "<h1>首页</h1>", "files/通知.TXT": "通知"})
	deploy(site{"index.html": "<h1>首页</h1>", "files/通知.txt": "通知"})
	data, err := os.ReadFile(filepath.Join(root, "files", "通知.txt"))
	if err != nil || string(data) != "通知" {
		t.Errorf("files/通知.txt on the target: %q, %v; want the file sent", data, err)
	}
	if !caseInsensitive(t, root) {
		if _, err := os.Lstat(filepath.Join(root, "files", "通知.TXT")); !os.IsNotExist(err) {
			t.Errorf("the old name is still there on a case-sensitive target: %v", err)
		}
	}
}

// TestRenamedInCase tells names of one file from names of two.
func TestRenamedInCase(t *testing.T) {
	root := scratchDir(t)
	tg, err := openFolder(filepath.ToSlash(root))
	if err != nil {
		t.Fatal(err)
	}
	mustWrite(t, filepath.Join(root, "a", "Photo.JPG"), "x")
	folded := caseTwins(Files{"a/photo.jpg": {}, "index.html": {}})
	if renamedInCase(tg, folded, "index.html") {
		t.Error("a name in the build is not renamed")
	}
	if renamedInCase(tg, folded, "a/other.JPG") {
		t.Error("a name without a twin is not renamed")
	}
	// photo.jpg exists only on a case-insensitive file system, as Photo.JPG
	want := caseInsensitive(t, root)
	if got := renamedInCase(tg, folded, "a/Photo.JPG"); got != want {
		t.Errorf("renamedInCase(a/Photo.JPG) = %v on a folder where case matters: %v", got, !want)
	}
}

// scratchDir is a temporary folder removed one entry at a time afterwards:
// t.TempDir's os.RemoveAll fails under Wine 8, where bench/wine.sh runs
// this test too.
func scratchDir(t *testing.T) string {
	t.Helper()
	dir, err := os.MkdirTemp("", "deploy-")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		var all []string
		filepath.WalkDir(dir, func(p string, _ fs.DirEntry, err error) error {
			all = append(all, p)
			return nil
		})
		for i := len(all) - 1; i >= 0; i-- {
			os.Remove(all[i])
		}
	})
	return dir
}

// writeScratch is write in a scratchDir.
func (s site) writeScratch(t *testing.T) string {
	t.Helper()
	dir := scratchDir(t)
	for name, data := range s {
		mustWrite(t, filepath.Join(dir, filepath.FromSlash(name)), data)
	}
	return dir
}
