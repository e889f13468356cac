package server

import (
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strconv"
	"testing"
)

func TestEditorMountedUnderBase(t *testing.T) {
	var got []string
	editor := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { got = append(got, r.Method+" "+r.URL.Path) })
	s, err := New(Options{Root: t.TempDir(), BasePath: "/dj/", Rebuild: func([]string) (Result, error) { return Result{}, nil }, Editor: editor})
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		method, path string
		editor       bool
	}{
		{"GET", "/dj/_edit/", true},
		{"POST", "/dj/_edit/api/save", true},
		{"GET", "/dj/_edit", true},
		{"POST", "/dj/news/", false},
		{"GET", "/_edit/", false},
		{"GET", "/dj/_editor/", false},
	} {
		got = nil
		w := httptest.NewRecorder()
		s.ServeHTTP(w, httptest.NewRequest(c.method, "http://127.0.0.1"+c.path, nil))
		if (len(got) == 1) != c.editor {
			t.Errorf("%s %s: editor got %v, want %v (status %d)", c.method, c.path, got, c.editor, w.Code)
		}
		if c.method == "POST" && !c.editor && w.Code != http.StatusMethodNotAllowed {
			t.Errorf("POST to the preview: %d, want 405 (the preview stays read-only)", w.Code)
		}
	}
}

// TestEditorBehindHostCheck: a page elsewhere that points a name of its own
// at this computer (DNS rebinding) cannot reach the editor.
func TestEditorBehindHostCheck(t *testing.T) {
	called := false
	editor := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { called = true })
	s, err := New(Options{Root: t.TempDir(), BasePath: "/dj/", Rebuild: func([]string) (Result, error) { return Result{}, nil }, Editor: editor})
	if err != nil {
		t.Fatal(err)
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	h := s.HTTPServer(ln).Handler
	port := strconv.Itoa(ln.Addr().(*net.TCPAddr).Port)
	w := httptest.NewRecorder()
	h.ServeHTTP(w, httptest.NewRequest("POST", "http://rebound.example:"+port+"/dj/_edit/api/save", nil))
	if w.Code != http.StatusForbidden || called {
		t.Errorf("a rebound name: %d, editor called %v", w.Code, called)
	}
	w = httptest.NewRecorder()
	h.ServeHTTP(w, httptest.NewRequest("GET", "http://127.0.0.1:"+port+"/dj/_edit/", nil))
	if !called {
		t.Errorf("this computer's address did not reach the editor: %d", w.Code)
	}
}

// TestSavedRebuildsAtOnce: the editor's save of a page is rebuilt before
// Saved returns, without waiting for the watcher's quiet window, and the
// open pages reload once: the watcher's later rebuild of the same bytes
// changes nothing and sends no second reload.
func TestSavedRebuildsAtOnce(t *testing.T) {
	var calls [][]string
	changed := []string{"news/a/index.html"}
	s := newTestServer(t, t.TempDir(), t.TempDir(), func(c []string) (Result, error) {
		calls = append(calls, c)
		res := Result{Changed: changed}
		changed = []string{} // the same bytes again: nothing written
		return res, nil
	})
	page := s.live.subscribe()
	s.Saved("content/news/a.md")
	if len(calls) != 1 || len(calls[0]) != 1 || calls[0][0] != "content/news/a.md" {
		t.Fatalf("Saved rebuilt %q, want content/news/a.md at once", calls)
	}
	expectEvents(t, page, "building", "ok", "reload")
	s.Rebuild([]string{"content/news/a.md"}) // the watcher's turn
	expectEvents(t, page, "building", "ok")
	select {
	case m := <-page:
		t.Errorf("a second %q event after the same save", m.event)
	default:
	}
	s.Saved("content/news/a/photo.jpg") // a photo takes the watcher's way
	s.Saved("data/review-ledger.csv")
	if len(calls) != 2 {
		t.Errorf("Saved of other files rebuilt at once: %q", calls)
	}
}

// TestSavedDropsTheWatchersBatch: the watcher's batch for a page Saved
// has built, unchanged since, is not rebuilt; once the file changes again
// (another program), it is.
func TestSavedDropsTheWatchersBatch(t *testing.T) {
	src := t.TempDir()
	page := filepath.Join(src, "content", "news", "a.md")
	if err := os.MkdirAll(filepath.Dir(page), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(page, []byte("+++\ntitle = \"a\"\n+++\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	rebuilt := make(chan []string, 4)
	var s *Server
	duringRebuild := false
	s = newTestServer(t, src, t.TempDir(), func(c []string) (Result, error) {
		duringRebuild = s.alreadyBuilt([]string{"content/news/a.md"})
		rebuilt <- c
		return Result{Changed: []string{}}, nil
	})
	s.Saved("content/news/a.md")
	<-rebuilt
	if !duringRebuild {
		t.Error("a watcher's batch falling due during Saved's rebuild would rebuild the page again")
	}
	if !s.alreadyBuilt([]string{"content/news/a.md"}) {
		t.Error("the watcher's batch of the saved page would be rebuilt again")
	}
	if s.alreadyBuilt([]string{"content/news/a.md", "content/news/b.md"}) || s.alreadyBuilt(nil) {
		t.Error("a batch with another file, or everything, would not be rebuilt")
	}
	if err := os.WriteFile(page, []byte("+++\ntitle = \"changed by another program\"\n+++\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if s.alreadyBuilt([]string{"content/news/a.md"}) {
		t.Error("a page changed since Saved built it would not be rebuilt")
	}
}
