package build

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"showcase"
)

// TestSessionMatchesFullBuild edits a site step by step; after each step the
// session's output must be byte-identical to a fresh full build, and body-only
// edits must take the fast path.
func TestSessionMatchesFullBuild(t *testing.T) {
	src := makeSite(t, map[string]string{
		"site.toml":             "baseURL = \"https://example.edu.cn/dangjian/\"\ntitle = \"t\"\n",
		"content/_index.md":     "+++\ntitle = \"首页\"\nsummary = \"首页\"\n+++\n欢迎。\n",
		"content/news/a.md":     "+++\ntitle = \"甲\"\ndate = 2025-01-01\ntags = [\"党建\"]\nsummary = \"甲的摘要\"\n+++\n正文甲。\n",
		"content/news/b.md":     "+++\ntitle = \"乙\"\ndate = 2025-01-02\ntags = [\"党建\"]\n+++\n乙的第一段。\n\n见[甲](a.md)。\n",
		"content/branches/x.md": "+++\ntitle = \"中文系教师党支部\"\nkind = \"样板支部\"\n+++\n简介。<!--more-->其余。\n",
	})
	r := newSessionRun(t, src)
	step, write, dest, sess := r.step, r.write, r.dest, r.sess
	step("first build", false, nil)
	res := step("body edit", true, write("content/news/a.md", "+++\ntitle = \"甲\"\ndate = 2025-01-01\ntags = [\"党建\"]\nsummary = \"甲的摘要\"\n+++\n正文甲，改过了。\n"))
	// the page and the search index change, nothing else
	pageChanged := false
	for _, f := range res.Changed {
		switch {
		case f == "news/a/index.html":
			pageChanged = true
		case !strings.HasPrefix(f, "search/"):
			t.Errorf("body edit changed %s", f)
		}
	}
	if !pageChanged {
		t.Errorf("changed %v lacks news/a/index.html", res.Changed)
	}
	step("home body", true, write("content/_index.md", "+++\ntitle = \"首页\"\nsummary = \"首页\"\n+++\n欢迎访问。\n"))
	step("profile body", true, write("content/branches/x.md", "+++\ntitle = \"中文系教师党支部\"\nkind = \"样板支部\"\n+++\n简介。<!--more-->其余，改过了。\n"))
	step("generated summary changes", true, write("content/news/b.md", "+++\ntitle = \"乙\"\ndate = 2025-01-02\ntags = [\"党建\"]\n+++\n乙的新第一段。\n\n见[甲](a.md)。\n"))
	step("title edit", true, write("content/news/a.md", "+++\ntitle = \"甲改\"\ndate = 2025-01-01\ntags = [\"党建\"]\nsummary = \"甲的摘要\"\n+++\n正文甲，改过了。\n"))
	step("new page", false, write("content/news/c.md", "+++\ntitle = \"丙\"\ndate = 2025-01-03\n+++\n丙。\n"))
	step("deleted page", false, func() { os.Remove(filepath.Join(src, "content/news/c.md")) })
	step("template", false, write("layouts/_partials/footer.html", "<footer>自定义</footer>\n"))
	step("body edit with own layouts", true, write("content/news/a.md", "+++\ntitle = \"甲改\"\ndate = 2025-01-01\ntags = [\"党建\"]\nsummary = \"甲的摘要\"\n+++\n第三版。\n"))

	// a date that is no date fails and leaves the output; fixing it recovers
	// (a broken link is a warning: Hugo publishes it, showcase check refuses it)
	os.Remove(filepath.Join(src, "layouts/_partials/footer.html"))
	step("layouts removed", false, nil)
	before := readTree(t, dest)
	write("content/news/a.md", "+++\ntitle = \"甲改\"\ndate = \"昨天\"\ntags = [\"党建\"]\nsummary = \"甲的摘要\"\n+++\n见[无](nope.md)。\n")()
	if _, err := sess.Build(); err == nil || !strings.Contains(err.Error(), "content/news/a.md:3") {
		t.Fatalf("bad date: err = %v", err)
	}
	after := readTree(t, dest)
	for f, data := range before {
		if !bytes.Equal(after[f], data) {
			t.Errorf("%s changed by a failed build", f)
		}
	}
	step("fixed", true, write("content/news/a.md", "+++\ntitle = \"甲改\"\ndate = 2025-01-01\ntags = [\"党建\"]\nsummary = \"甲的摘要\"\n+++\n修好了。\n"))
}

// TestSessionBuildChanged: told which file changed, the session takes the
// fast path for an edit and a full scan for a new file it does not know.
func TestSessionBuildChanged(t *testing.T) {
	src := makeSite(t, map[string]string{
		"site.toml":         "title = \"t\"\n",
		"content/news/a.md": "+++\ntitle = \"甲\"\nsummary = \"甲\"\n+++\n正文。\n",
	})
	dest := filepath.Join(t.TempDir(), "preview")
	sess := NewSession(Options{Source: src, Destination: dest, Theme: showcase.Theme(), Now: fixedNow})
	if _, err := sess.Build(); err != nil {
		t.Fatal(err)
	}
	later := time.Now().Add(time.Minute)
	os.WriteFile(filepath.Join(src, "content/news/a.md"), []byte("+++\ntitle = \"甲\"\nsummary = \"甲\"\n+++\n改了。\n"), 0o644)
	os.Chtimes(filepath.Join(src, "content/news/a.md"), later, later)
	res, err := sess.BuildChanged([]string{"content/news/a.md"})
	if err != nil || !res.Fast {
		t.Fatalf("edit: fast %v, err %v", res != nil && res.Fast, err)
	}
	sess.Wait()
	os.WriteFile(filepath.Join(src, "content/news/b.md"), []byte("+++\ntitle = \"乙\"\n+++\n新稿。\n"), 0o644)
	res, err = sess.BuildChanged([]string{"content/news"}) // a watcher may name only the folder
	if err != nil || res.Fast {
		t.Fatalf("new file: fast %v, err %v", res != nil && res.Fast, err)
	}
	if _, err := os.Stat(filepath.Join(dest, "news/b/index.html")); err != nil {
		t.Errorf("the new page was not built: %v", err)
	}
}

// sessionRun drives a Session through edits of a site, comparing its output
// with a full build after each.
type sessionRun struct {
	t         *testing.T
	src, dest string
	sess      *Session
}

func newSessionRun(t *testing.T, src string) *sessionRun {
	dest := filepath.Join(t.TempDir(), "preview")
	sess := NewSession(Options{Source: src, Destination: dest, Theme: showcase.Theme(), Now: fixedNow})
	sess.index.quiet = 0 // each step waits for its index anyway
	return &sessionRun{t, src, dest, sess}
}

// step makes an edit, builds, and checks the way the build went (fast or
// full) and that the output is byte-identical to a fresh full build.
func (r *sessionRun) step(name string, wantFast bool, edit func()) *Result {
	t := r.t
	t.Helper()
	if edit != nil {
		edit()
	}
	res, err := r.sess.Build()
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	if res.Fast != wantFast {
		t.Errorf("%s: fast = %v, want %v", name, res.Fast, wantFast)
	}
	if err := r.sess.Wait(); err != nil {
		t.Fatalf("%s: search index: %v", name, err)
	}
	r.sameDocs(name)
	full := filepath.Join(t.TempDir(), "full")
	if _, err := buildDir(t, r.src, full); err != nil {
		t.Fatal(err)
	}
	got, want := readTree(t, r.dest), readTree(t, full)
	sameSearch(t, name, got, want) // an index depends on the last one
	for f, data := range want {
		if !bytes.Equal(got[f], data) {
			t.Errorf("%s: %s differs from a full build", name, f)
		}
	}
	for f := range got {
		if _, ok := want[f]; !ok {
			t.Errorf("%s: %s should not exist", name, f)
		}
	}
	return res
}

// write returns an edit that writes a file of the site.
func (r *sessionRun) write(rel, data string) func() {
	return func() {
		p := filepath.Join(r.src, filepath.FromSlash(rel))
		os.MkdirAll(filepath.Dir(p), 0o755)
		if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
			r.t.Fatal(err)
		}
		// a later mtime even on coarse clocks
		later := time.Now().Add(time.Duration(len(data)) * time.Millisecond)
		os.Chtimes(p, later, later)
	}
}

// TestSessionQuickSaves: saves that come faster than the search index do
// not wait for it; each takes the fast path, and once the index is written
// the output is that of a full build (no older index overwrote the newest).
// A full build that follows a fast one abandons the index behind it and
// writes its own.
func TestSessionQuickSaves(t *testing.T) {
	files := map[string]string{"site.toml": "title = \"t\"\n"}
	for i := range 30 {
		files[fmt.Sprintf("content/news/n%02d.md", i)] = fmt.Sprintf("+++\ntitle = \"新闻%d\"\ndate = 2025-01-01\nsummary = \"摘要\"\n+++\n正文%d。\n", i, i)
	}
	r := newSessionRun(t, makeSite(t, files))
	r.sess.index.quiet = indexQuiet // saves come faster than it
	r.step("first build", false, nil)
	for i := range 6 {
		r.write("content/news/n07.md", fmt.Sprintf("+++\ntitle = \"新闻7\"\ndate = 2025-01-01\nsummary = \"摘要\"\n+++\n第%d稿：样板支部。\n", i))()
		res, err := r.sess.Build()
		if err != nil || !res.Fast {
			t.Fatalf("save %d: fast %v, err %v", i, res != nil && res.Fast, err)
		}
		if i == 2 { // and a title, which other pages show
			r.write("content/news/n03.md", "+++\ntitle = \"新闻三\"\ndate = 2025-01-01\nsummary = \"摘要\"\n+++\n正文3。\n")()
		}
	}
	r.step("the index written", true, nil)
	// a full build right after a fast one abandons the index behind it
	r.write("content/news/n07.md", "+++\ntitle = \"新闻7\"\ndate = 2025-01-01\nsummary = \"摘要\"\n+++\n终稿。\n")()
	if res, err := r.sess.Build(); err != nil || !res.Fast {
		t.Fatalf("last save: fast %v, err %v", res != nil && res.Fast, err)
	}
	r.step("a new page", false, r.write("content/news/n99.md", "+++\ntitle = \"新闻99\"\ndate = 2025-01-02\n+++\n新稿。\n"))
}

// TestSessionClose: Close returns when the index behind the last rebuild is
// done with or abandoned; the preview then removes its folder, and nothing
// writes into it again.
func TestSessionClose(t *testing.T) {
	files := map[string]string{"site.toml": "title = \"t\"\n"}
	for i := range 200 {
		files[fmt.Sprintf("content/news/n%03d.md", i)] = fmt.Sprintf("+++\ntitle = \"新闻%d\"\nsummary = \"摘要\"\n+++\n%s\n", i, strings.Repeat(fmt.Sprintf("样板支部第%d篇，三会一课。", i), 40))
	}
	r := newSessionRun(t, makeSite(t, files))
	r.step("first build", false, nil)
	r.write("content/news/n007.md", "+++\ntitle = \"新闻7\"\nsummary = \"摘要\"\n+++\n改过了。\n")()
	if res, err := r.sess.Build(); err != nil || !res.Fast {
		t.Fatalf("edit: fast %v, err %v", res != nil && res.Fast, err)
	}
	r.sess.Close()
	if err := os.RemoveAll(r.dest); err != nil {
		t.Fatal(err)
	}
	r.sess.index.wait() // a writer still at work would finish here
	if _, err := os.Stat(r.dest); !os.IsNotExist(err) {
		t.Errorf("something wrote into the preview folder after Close: %v", err)
	}
}

// TestSessionConfigFolder: an edit of a configuration file the session
// did not stamp before (Hugo's config.yaml, config/_default/) is a full
// build that shows it.
func TestSessionConfigFolder(t *testing.T) {
	for _, name := range []string{"config/_default/hugo.toml", "config.yaml"} {
		src := makeSite(t, map[string]string{
			"content/news/a.md": "+++\ntitle = \"甲\"\nsummary = \"甲\"\n+++\n正文。\n",
		})
		write := func(title string) {
			data := "title = \"" + title + "\"\n"
			if strings.HasSuffix(name, ".yaml") {
				data = "title: " + title + "\n"
			}
			p := filepath.Join(src, filepath.FromSlash(name))
			if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
				t.Fatal(err)
			}
			later := time.Now().Add(time.Minute)
			os.Chtimes(p, later, later)
		}
		write("旧站名")
		dest := filepath.Join(t.TempDir(), "preview")
		sess := NewSession(Options{Source: src, Destination: dest, Theme: showcase.Theme(), Now: fixedNow})
		if _, err := sess.Build(); err != nil {
			t.Fatal(err)
		}
		sess.Wait()
		write("新站名")
		res, err := sess.BuildChanged([]string{name})
		if err != nil || res.Fast {
			t.Fatalf("%s: fast %v, err %v", name, res != nil && res.Fast, err)
		}
		sess.Wait()
		home, err := os.ReadFile(filepath.Join(dest, "index.html"))
		if err != nil || !strings.Contains(string(home), "新站名") {
			t.Errorf("%s edited: the home page does not show the new title (%v)", name, err)
		}
	}
}
