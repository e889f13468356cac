package server

import (
	"net"
	"net/http"
	"net/http/httptest"
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
