package sitefs

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"

	"showcase/internal/diag"
)

// tree makes a site folder and, beside it, an outside folder with a secret,
// then the symbolic links given (name in the site → target).
func tree(t *testing.T, links map[string]string) (site, outside string) {
	t.Helper()
	root := t.TempDir()
	site, outside = filepath.Join(root, "site"), filepath.Join(root, "outside")
	for _, f := range []string{"site/content/news/a.md", "site/static/css/site.css", "outside/secret.txt", "outside/dir/x.css"} {
		p := filepath.Join(root, filepath.FromSlash(f))
		os.MkdirAll(filepath.Dir(p), 0o755)
		if err := os.WriteFile(p, []byte(f), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	for name, target := range links {
		target = strings.ReplaceAll(strings.ReplaceAll(target, "$OUT", outside), "$SITE", site)
		if err := os.Symlink(target, filepath.Join(site, filepath.FromSlash(name))); err != nil {
			t.Skip("no symbolic links here:", err)
		}
	}
	return site, outside
}

func TestLinksLeavingAreRefused(t *testing.T) {
	site, outside := tree(t, map[string]string{
		"content/news/n.txt": "$OUT/secret.txt",          // absolute, to a file
		"content/rel.md":     "../../outside/secret.txt", // relative, to a file
		"static/ext":         "$OUT/dir",                 // to a folder
		"static/up":          "../..",                    // to the site's parent
		"static/chain":       "../content/news/n.txt",    // inside, then out
	})
	fsys := New(site)
	for name, link := range map[string]string{
		"content/news/n.txt":           "content/news/n.txt",
		"content/rel.md":               "content/rel.md",
		"static/ext":                   "static/ext",
		"static/ext/x.css":             "static/ext",
		"static/up/outside/secret.txt": "static/up",
		"static/chain":                 "static/chain",
	} {
		for op, call := range map[string]func() error{
			"ReadFile": func() error { _, err := fs.ReadFile(fsys, name); return err },
			"Open":     func() error { f, err := fsys.Open(name); closeFile(f); return err },
			"Stat":     func() error { _, err := fs.Stat(fsys, name); return err },
		} {
			err := call()
			var le *LinkError
			if !errors.As(err, &le) || le.Name != link || !errors.Is(err, ErrOutside) {
				t.Errorf("%s(%s) = %v; want a LinkError naming %s", op, name, err, link)
				continue
			}
			if !strings.HasPrefix(le.Target, outside) && name != "static/up/outside/secret.txt" {
				t.Errorf("%s(%s): target %s is not the outside file", op, name, le.Target)
			}
		}
	}
	if _, err := fs.ReadDir(fsys, "static/ext"); !errors.Is(err, ErrOutside) {
		t.Errorf("ReadDir of a linked folder outside = %v", err)
	}
	// a diag.List files the error under the link, Chinese first
	var errs diag.List
	_, err := fs.ReadFile(fsys, "static/ext/x.css")
	errs.Add("static/ext/x.css", err)
	got := errs.Errors()
	if len(got) != 1 || got[0].File != "static/ext" || !strings.HasPrefix(got[0].Msg, "这是指向“site”文件夹以外的符号链接") || !strings.Contains(got[0].Msg, outside) {
		t.Errorf("diagnostic = %v", got)
	}
	found := fsys.Outside("content", "static", "layouts")
	var names []string
	for _, l := range found {
		names = append(names, l.Name)
	}
	if want := "content/news/n.txt content/rel.md static/chain static/ext static/up"; strings.Join(names, " ") != want {
		t.Errorf("Outside = %v; want %s", names, want)
	}
}

func TestLinksInsideAreFollowed(t *testing.T) {
	site, _ := tree(t, map[string]string{
		"content/news/b.md": "a.md",                    // relative, same folder
		"content/abs.md":    "$SITE/content/news/a.md", // absolute, inside
		"static/css2":       "css",                     // a folder
		"content/loop.md":   "loop.md",                 // a loop: the system's own error
		"content/gone.md":   "nowhere.md",              // broken: the system's own error
	})
	fsys := New(site)
	for name, want := range map[string]string{
		"content/news/b.md":    "site/content/news/a.md",
		"content/abs.md":       "site/content/news/a.md",
		"static/css2/site.css": "site/static/css/site.css",
	} {
		data, err := fs.ReadFile(fsys, name)
		if err != nil || string(data) != want {
			t.Errorf("ReadFile(%s) = %q, %v", name, data, err)
		}
	}
	for _, name := range []string{"content/loop.md", "content/gone.md"} {
		_, err := fs.ReadFile(fsys, name)
		if err == nil || errors.Is(err, ErrOutside) {
			t.Errorf("ReadFile(%s) = %v; want the system's error", name, err)
		}
	}
	if found := fsys.Outside("content", "static", "missing"); len(found) != 0 {
		t.Errorf("Outside = %v", found)
	}
	os.Remove(filepath.Join(site, "content/loop.md"))
	os.Remove(filepath.Join(site, "content/gone.md"))
	if err := fstest.TestFS(fsys, "content/news/a.md", "content/news/b.md", "content/abs.md", "static/css/site.css"); err != nil {
		t.Fatal(err)
	}
}

// TestSiteFolderItselfALink: a site reached through a link (~/site → /data/site)
// is read as usual, and its own links are judged against where it really is.
func TestSiteFolderItselfALink(t *testing.T) {
	site, _ := tree(t, map[string]string{"content/b.md": "news/a.md", "content/c.md": "$OUT/secret.txt"})
	alias := filepath.Join(t.TempDir(), "alias")
	if err := os.Symlink(site, alias); err != nil {
		t.Skip(err)
	}
	fsys := New(alias)
	if _, err := fs.ReadFile(fsys, "content/b.md"); err != nil {
		t.Errorf("a link inside a linked site: %v", err)
	}
	if _, err := fs.ReadFile(fsys, "content/c.md"); !errors.Is(err, ErrOutside) {
		t.Errorf("a link leaving a linked site: %v", err)
	}
}

func TestInvalidNames(t *testing.T) {
	site, _ := tree(t, nil)
	for _, name := range []string{"../outside/secret.txt", "/etc/passwd", "content/../../outside/secret.txt"} {
		if _, err := fs.ReadFile(New(site), name); !errors.Is(err, fs.ErrInvalid) {
			t.Errorf("ReadFile(%q) = %v", name, err)
		}
	}
	if _, err := fs.ReadFile(New(filepath.Join(site, "nope")), "site.toml"); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("a missing folder: %v", err)
	}
}

func closeFile(f fs.File) {
	if f != nil {
		f.Close()
	}
}

// TestRememberedFolders: while a build remembers the folders it has seen,
// a link leaving the site is still refused, in a folder remembered or not,
// however often it is read; after forget, a folder swapped for a link
// leaving the site is seen at the next read.
func TestRememberedFolders(t *testing.T) {
	site, outside := tree(t, map[string]string{
		"content/news/n.txt": "$OUT/secret.txt",
		"static/ext":         "$OUT/dir",
		"static/css2":        "css", // inside: followed, never remembered
	})
	fsys := New(site)
	forget := fsys.Remember()
	for range 2 {
		if data, err := fs.ReadFile(fsys, "content/news/a.md"); err != nil || string(data) != "site/content/news/a.md" {
			t.Fatalf("ReadFile(content/news/a.md) = %q, %v", data, err)
		}
		if _, err := fs.ReadDir(fsys, "content/news"); err != nil {
			t.Fatal(err)
		}
		for name, link := range map[string]string{"content/news/n.txt": "content/news/n.txt", "static/ext/x.css": "static/ext", "static/ext": "static/ext"} {
			var le *LinkError
			if _, err := fs.ReadFile(fsys, name); !errors.As(err, &le) || le.Name != link {
				t.Errorf("remembering: ReadFile(%s) = %v; want a LinkError naming %s", name, err, link)
			}
		}
		if data, err := fs.ReadFile(fsys, "static/css2/site.css"); err != nil || string(data) != "site/static/css/site.css" {
			t.Errorf("ReadFile through a link inside = %q, %v", data, err)
		}
	}
	forget()
	// content/news, remembered above, becomes a link to a folder outside
	news := filepath.Join(site, "content/news")
	if err := os.RemoveAll(news); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(outside, "a.md"), []byte("secret"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(outside, news); err != nil {
		t.Fatal(err)
	}
	var le *LinkError
	if data, err := fs.ReadFile(fsys, "content/news/a.md"); !errors.As(err, &le) || le.Name != "content/news" {
		t.Errorf("after forget, a folder made a link leaving: ReadFile = %q, %v", data, err)
	}
}

// TestReadFileErrors: what the direct read leaves to the general way keeps
// the operating system's errors, named by the path asked for.
func TestReadFileErrors(t *testing.T) {
	site, _ := tree(t, nil)
	fsys := New(site)
	defer fsys.Remember()()
	for _, name := range []string{"content/missing.md", "content/nope/a.md", "content/news"} {
		_, err := fs.ReadFile(fsys, name)
		var pe *fs.PathError
		if !errors.As(err, &pe) || pe.Path != name {
			t.Errorf("ReadFile(%s) = %v; want a PathError naming it", name, err)
		}
	}
	if _, err := fs.ReadFile(fsys, "content/missing.md"); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("ReadFile of a missing file = %v", err)
	}
}
