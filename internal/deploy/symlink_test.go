package deploy

import (
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

// outsideFolder is a folder beside the target, holding one file, that no
// deploy may touch.
func outsideFolder(t *testing.T) (dir string, untouched func()) {
	t.Helper()
	dir = t.TempDir()
	mustWrite(t, filepath.Join(dir, "victim.txt"), "not the site's")
	before := snapshot(t, dir)
	return dir, func() {
		t.Helper()
		if diff := compare(snapshot(t, dir), before); diff != "" {
			t.Errorf("the deploy changed a folder outside the target:\n%s", diff)
		}
	}
}

func mustSymlink(t *testing.T, to, link string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(link), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(to, link); err != nil {
		t.Fatal(err)
	}
}

// wantLinks fails unless err is a *SymlinkError naming exactly links.
func wantLinks(t *testing.T, err error, links ...string) {
	t.Helper()
	var se *SymlinkError
	if !errors.As(err, &se) || !reflect.DeepEqual(se.Links, links) {
		t.Errorf("want a symlink error naming %v, got %v", links, err)
		return
	}
	if !strings.HasPrefix(err.Error(), "发布目标上的 "+strings.Join(links, "、")+" 是符号链接") {
		t.Errorf("the message should say first, in Chinese, which link: %v", err)
	}
}

// TestSymlinkedFolderOnTargetRefused: folders of the target planted as
// links to folders outside it (css -> elsewhere, and one deeper down) stop
// the deploy before it writes anything, naming both; nothing is written
// outside the target, nor on it.
func TestSymlinkedFolderOnTargetRefused(t *testing.T) {
	eachTarget(t, func(t *testing.T, e *env) {
		css, cssUntouched := outsideFolder(t)
		news, newsUntouched := outsideFolder(t)
		mustSymlink(t, css, filepath.Join(e.root, "css"))
		mustSymlink(t, news, filepath.Join(e.root, "news/item-05"))
		before := snapshot(t, e.root)
		_, err := run(t, e, baseSite().write(t), Options{})
		wantLinks(t, err, "css", "news/item-05")
		cssUntouched()
		newsUntouched()
		if diff := compare(snapshot(t, e.root), before); diff != "" {
			t.Errorf("a refused deploy changed the target:\n%s", diff)
		}
	})
}

// TestSymlinkedManifestEntryNotDeleted: after a deploy, a folder holding a
// page is replaced by a link to a folder outside that holds a file of the
// same name; the next deploy, whose build has dropped the page, must not
// delete through the link.
func TestSymlinkedManifestEntryNotDeleted(t *testing.T) {
	eachTarget(t, func(t *testing.T, e *env) {
		s := baseSite()
		s["docs/victim.txt"] = "a download"
		mustRun(t, e, s.write(t), Options{})
		outside, untouched := outsideFolder(t)
		if err := os.RemoveAll(filepath.Join(e.root, "docs")); err != nil {
			t.Fatal(err)
		}
		mustSymlink(t, outside, filepath.Join(e.root, "docs"))
		delete(s, "docs/victim.txt")
		_, err := run(t, e, s.write(t), Options{})
		wantLinks(t, err, "docs")
		untouched()
		if _, err := os.Stat(filepath.Join(e.root, LockName)); !errors.Is(err, os.ErrNotExist) {
			t.Error("the refused deploy kept its lock")
		}
	})
}

// TestSymlinkedControlFileRefused: a journal planted as a link to a file
// outside is neither read nor truncated.
func TestSymlinkedControlFileRefused(t *testing.T) {
	eachTarget(t, func(t *testing.T, e *env) {
		outside, untouched := outsideFolder(t)
		mustSymlink(t, filepath.Join(outside, "victim.txt"), filepath.Join(e.root, JournalName))
		_, err := run(t, e, baseSite().write(t), Options{})
		wantLinks(t, err, JournalName)
		untouched()
	})
}

// TestTargetRootMayBeALink: the target folder itself may be a link (as
// /var/www/site -> /srv/site on many servers): the site lands in the folder
// it names, and later deploys (and --prune) work through it.
func TestTargetRootMayBeALink(t *testing.T) {
	eachTarget(t, func(t *testing.T, e *env) {
		link := filepath.Join(t.TempDir(), "www")
		mustSymlink(t, e.root, link)
		le := *e
		le.open = func(t *testing.T) Target {
			if e.srv != nil {
				return e.srv.open(t, link)
			}
			return mustOpenFolder(t, link)
		}
		s := baseSite()
		mustRun(t, &le, s.write(t), Options{})
		sameSite(t, e.root, s)
		mustWrite(t, filepath.Join(e.root, "stray.txt"), "left by hand")
		delete(s, "news/item-02/index.html")
		if res := mustRun(t, &le, s.write(t), Options{Prune: true}); res.Deleted != 2 {
			t.Errorf("deleted %d files through the linked root, want 2", res.Deleted)
		}
		sameSite(t, e.root, s)
	})
}

// TestTargetRefusesLinks: each operation of a target, asked for a path
// under a folder that is a link (planted after the deploy's own check, as
// it were), refuses it; those that open a file also refuse a file that is
// a link. Nothing outside changes.
func TestTargetRefusesLinks(t *testing.T) {
	eachTarget(t, func(t *testing.T, e *env) {
		outside, untouched := outsideFolder(t)
		mustSymlink(t, outside, filepath.Join(e.root, "a/b"))
		mustSymlink(t, filepath.Join(outside, "victim.txt"), filepath.Join(e.root, "a/file"))
		tg := e.open(t)
		const in = "a/b/victim.txt"
		for name, err := range map[string]error{
			"Put":             tg.Put(in, partName(in, "t"), strings.NewReader("x")),
			"Remove":          tg.Remove(in),
			"Rename":          tg.Rename(in, "a/moved"),
			"Rename to":       tg.Rename("a/file", "a/b/moved"),
			"MakeDir":         tg.MakeDir("a/b/c"),
			"RemoveEmptyDir":  tg.RemoveEmptyDir("a/b/c"),
			"CreateExclusive": tg.CreateExclusive("a/b/lock", []byte("x")),
			"CheckPath":       tg.CheckPath(in),
			"ReadFile":        second(tg.ReadFile(in)),
			"Size":            second(tg.Size(in)),
			"Open":            second(tg.Open(in)),
			"Create":          second(tg.Create("a/b/journal")),
		} {
			if se := (*SymlinkError)(nil); !errors.As(err, &se) || se.Links[0] != "a/b" {
				t.Errorf("%s through a linked folder: want a symlink error naming a/b, got %v", name, err)
			}
		}
		for name, err := range map[string]error{
			"ReadFile": second(tg.ReadFile("a/file")),
			"Size":     second(tg.Size("a/file")),
			"Open":     second(tg.Open("a/file")),
			"Create":   second(tg.Create("a/file")),
			"MakeDir":  tg.MakeDir("a/b"),
		} {
			if se := (*SymlinkError)(nil); !errors.As(err, &se) {
				t.Errorf("%s of a link: want a symlink error, got %v", name, err)
			}
		}
		untouched()
	})
}

func second[T any](_ T, err error) error { return err }
