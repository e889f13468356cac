package server

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// watched starts watching a site folder and returns a function that waits
// (boundedly) until path has been reported, returning everything reported
// up to it.
func watched(t *testing.T, src string, poll time.Duration) (*Server, func(path string) []string) {
	t.Helper()
	s := newTestServer(t, src, t.TempDir(), nil)
	s.opts.Poll = poll
	ctx, cancel := context.WithCancel(context.Background())
	t.Cleanup(cancel)
	if err := s.Watch(ctx); err != nil {
		t.Fatal(err)
	}
	waitFor := func(path string) []string {
		t.Helper()
		var seen []string
		deadline := time.After(10 * time.Second)
		for {
			select {
			case p := <-s.changes:
				seen = append(seen, p)
				if p == path {
					return seen
				}
			case <-deadline:
				t.Fatalf("%s was not reported; got %q", path, seen)
			}
		}
	}
	return s, waitFor
}

// TestWatch edits a site folder as editors and people do, with real file
// events: plain and atomic saves, folders created later (also a watched
// folder that did not exist), site.toml, and litter that is never reported.
func TestWatch(t *testing.T) {
	src := t.TempDir()
	writeFile(t, filepath.Join(src, "site.toml"), "title = '测试'")
	writeFile(t, filepath.Join(src, "content/news/a.md"), "+++\ntitle = '甲'\n+++\n")
	_, waitFor := watched(t, src, 0)
	news := filepath.Join(src, "content/news")
	steps := []struct {
		name string
		do   func()
		want string
	}{
		{"plain save", func() { writeFile(t, filepath.Join(news, "a.md"), "+++\ntitle = '甲乙'\n+++\n") }, "content/news/a.md"},
		{"atomic save", func() {
			writeFile(t, filepath.Join(news, "4913"), "") // vim's probe
			os.Remove(filepath.Join(news, "4913"))
			writeFile(t, filepath.Join(news, ".a.md.tmp"), "+++\ntitle = '丙'\n+++\n")
			os.Rename(filepath.Join(news, "a.md"), filepath.Join(news, "a.md~"))
			os.Rename(filepath.Join(news, ".a.md.tmp"), filepath.Join(news, "a.md"))
		}, "content/news/a.md"},
		{"new bundle folder", func() { writeFile(t, filepath.Join(news, "bundle/index.md"), "x") }, "content/news/bundle/index.md"},
		{"file in the new folder", func() { writeFile(t, filepath.Join(news, "bundle/photo.jpg"), "jpg") }, "content/news/bundle/photo.jpg"},
		{"nested folders at once", func() { writeFile(t, filepath.Join(src, "content/a/b/c/deep.md"), "x") }, "content/a/b/c/deep.md"},
		{"watched folder created later", func() { writeFile(t, filepath.Join(src, "layouts/_partials/head.html"), "x") }, "layouts/_partials/head.html"},
		{"file in it", func() { writeFile(t, filepath.Join(src, "layouts/_partials/foot.html"), "x") }, "layouts/_partials/foot.html"},
		{"site.toml saved atomically", func() {
			writeFile(t, filepath.Join(src, "site.toml.tmp"), "title = '新'")
			os.Rename(filepath.Join(src, "site.toml.tmp"), filepath.Join(src, "site.toml"))
		}, "site.toml"},
		{"word lock file, then a removal", func() {
			writeFile(t, filepath.Join(news, "~$报告.docx"), "lock")
			writeFile(t, filepath.Join(src, "public/index.html"), "deploy output")
			writeFile(t, filepath.Join(src, "README.md"), "not watched")
			os.Remove(filepath.Join(news, "bundle/photo.jpg"))
		}, "content/news/bundle/photo.jpg"},
	}
	for _, step := range steps {
		step.do()
		for _, p := range waitFor(step.want) {
			if Classify(p) == Ignored {
				t.Errorf("%s: litter reported: %s", step.name, p)
			}
		}
	}
}

// TestWatchPolling: the polling fallback sees a save without file events.
func TestWatchPolling(t *testing.T) {
	src := t.TempDir()
	writeFile(t, filepath.Join(src, "content/a.md"), "a")
	_, waitFor := watched(t, src, 10*time.Millisecond)
	writeFile(t, filepath.Join(src, "content/a.md"), "a, edited")
	writeFile(t, filepath.Join(src, "static/css/site.css"), "body{}")
	seen := strings.Join(waitFor("static/css/site.css"), " ")
	if !strings.Contains(seen, "content/a.md") {
		waitFor("content/a.md")
	}
}
