package server

import (
	"os"
	"path/filepath"
	"reflect"
	"testing"
	"time"
)

func writeFile(t *testing.T, name, data string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(name), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(name, []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
}

func TestChangedFiles(t *testing.T) {
	a := time.Unix(100, 0)
	b := time.Unix(200, 0)
	before := fileStamps{"same": {1, a}, "longer": {1, a}, "newer": {1, a}, "gone": {1, a}}
	after := fileStamps{"same": {1, a}, "longer": {2, a}, "newer": {1, b}, "new": {1, a}}
	got := changedFiles(before, after)
	if want := []string{"gone", "longer", "new", "newer"}; !reflect.DeepEqual(got, want) {
		t.Errorf("changedFiles = %q, want %q", got, want)
	}
	if got := changedFiles(after, after); len(got) != 0 {
		t.Errorf("no change: %q", got)
	}
}

// TestPollOnce drives the polling fallback by explicit scans: a new file,
// an edit (new size), a removal, litter and files outside the watched
// folders.
func TestPollOnce(t *testing.T) {
	src := t.TempDir()
	writeFile(t, filepath.Join(src, "site.toml"), "title = 'x'")
	writeFile(t, filepath.Join(src, "content/news/a.md"), "a")
	s := newTestServer(t, src, t.TempDir(), nil)
	last := scanSource(src)
	if len(last) != 2 {
		t.Fatalf("first scan: %v", last)
	}
	writeFile(t, filepath.Join(src, "content/news/b.md"), "b")
	writeFile(t, filepath.Join(src, "content/news/a.md"), "a, edited")
	writeFile(t, filepath.Join(src, "content/news/.a.md.swp"), "swap")
	writeFile(t, filepath.Join(src, "public/index.html"), "output")
	writeFile(t, filepath.Join(src, "config/_default/params.toml"), "x = 1")
	writeFile(t, filepath.Join(src, "i18n/en.toml"), "[more]\nother = 'More'")
	os.Remove(filepath.Join(src, "site.toml"))
	last = s.pollOnce(last)
	got := drain(s.changes)
	if want := []string{"config/_default/params.toml", "content/news/a.md", "content/news/b.md", "i18n/en.toml", "site.toml"}; !reflect.DeepEqual(got, want) {
		t.Errorf("reported %q, want %q", got, want)
	}
	s.pollOnce(last)
	if got := drain(s.changes); len(got) != 0 {
		t.Errorf("unchanged folder reported %q", got)
	}
}

// drain takes what is in ch without waiting.
func drain(ch chan string) []string {
	var out []string
	for {
		select {
		case p := <-ch:
			out = append(out, p)
		default:
			return out
		}
	}
}
