package localize

import (
	"context"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// server serves pictures and failures, as another site would.
func server(t *testing.T) *httptest.Server {
	type picture struct{ ctype, body string }
	pictures := map[string]picture{
		"/img/Photo 1.JPG": {"image/jpeg", "jpeg bytes"},
		"/cover":           {"image/png; charset=binary", "png bytes"},
		"/other/cover":     {"image/png", "other png bytes"},
		"/page.jpg":        {"text/html", "<html>login</html>"},
		"/big.jpg":         {"image/jpeg", strings.Repeat("x", 2000)},
	}
	mux := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		p, ok := pictures[r.URL.Path]
		if !ok {
			http.NotFound(w, r)
			return
		}
		w.Header().Set("Content-Type", p.ctype)
		w.Write([]byte(p.body))
	})
	srv := httptest.NewServer(mux)
	t.Cleanup(srv.Close)
	return srv
}

func TestRun(t *testing.T) {
	srv := server(t)
	root := t.TempDir()
	page := "---\ntitle: 甲\ncover: \"" + srv.URL + "/cover\"\n---\n" +
		"![合影](" + srv.URL + "/img/Photo%201.JPG \"说明\")\n\n" +
		"![又一张](" + srv.URL + "/other/cover)\n\n" +
		"![不在](" + srv.URL + "/gone.jpg) ![网页](" + srv.URL + "/page.jpg) ![大](" + srv.URL + "/big.jpg)\n\n" +
		"[原图](" + srv.URL + "/img/Photo%201.JPG?size=large)\n"
	dir := filepath.Join(root, "content", "news", "a")
	os.MkdirAll(dir, 0o755)
	os.WriteFile(filepath.Join(dir, "index.md"), []byte(page), 0o644)
	os.WriteFile(filepath.Join(dir, "cover.png"), []byte("a different picture already here"), 0o644)
	urls := []string{srv.URL + "/cover", srv.URL + "/img/Photo%201.JPG", srv.URL + "/other/cover",
		srv.URL + "/gone.jpg", srv.URL + "/page.jpg", srv.URL + "/big.jpg", "ftp://x/y.jpg"}
	results := Run(context.Background(), root, []Job{{File: "content/news/a/index.md", Dir: "content/news/a", URLs: urls}}, Options{MaxBytes: 1000})
	saved := map[string]string{}
	failed := map[string]string{}
	for _, r := range results {
		if r.Err != nil {
			failed[strings.TrimPrefix(r.URL, srv.URL)] = r.Err.Error()
		} else {
			saved[strings.TrimPrefix(r.URL, srv.URL)] = r.Saved
		}
	}
	want := map[string]string{
		"/cover":             "content/news/a/cover-2.png", // cover.png holds another picture
		"/img/Photo%201.JPG": "content/news/a/photo-1.jpg",
		"/other/cover":       "content/news/a/cover-3.png",
	}
	for u, f := range want {
		if saved[u] != f {
			t.Errorf("%s saved as %q, want %q", u, saved[u], f)
		}
	}
	for u, msg := range map[string]string{"/gone.jpg": "404", "/page.jpg": "text/html", "/big.jpg": "MB", "ftp://x/y.jpg": "http"} {
		if !strings.Contains(failed[u], msg) {
			t.Errorf("%s: error %q lacks %q", u, failed[u], msg)
		}
	}
	got, _ := os.ReadFile(filepath.Join(dir, "index.md"))
	for _, line := range []string{
		`cover: "cover-2.png"`,
		`![合影](photo-1.jpg "说明")`,
		`![又一张](cover-3.png)`,
		`![不在](` + srv.URL + `/gone.jpg)`,
		`[原图](` + srv.URL + `/img/Photo%201.JPG?size=large)`, // a longer address is not cut
	} {
		if !strings.Contains(string(got), line) {
			t.Errorf("page lacks %s:\n%s", line, got)
		}
	}
	if data, _ := os.ReadFile(filepath.Join(dir, "photo-1.jpg")); string(data) != "jpeg bytes" {
		t.Errorf("photo-1.jpg holds %q", data)
	}
	// again: nothing left to fetch of what was saved, the same copy is used
	again := Run(context.Background(), root, []Job{{File: "content/news/a/index.md", Dir: "content/news/a", URLs: []string{srv.URL + "/other/cover"}}}, Options{})
	if len(again) != 1 || again[0].Saved != "content/news/a/cover-3.png" {
		t.Errorf("again: %+v", again)
	}
	if leftovers, _ := filepath.Glob(filepath.Join(dir, ".localize-*")); len(leftovers) > 0 {
		t.Errorf("temporary files left: %v", leftovers)
	}
}
