package server

import (
	"net/http"
	"net/http/httptest"
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
