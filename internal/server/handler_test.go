package server

import (
	"bufio"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
)

const secret = "SECRET: outside the built site"

// builtSite makes a built site by hand: pages carrying the preview script
// tag, a 404 page, a stylesheet, a folder without index.html, and symbolic
// links leading out of it, next to a secret file.
func builtSite(t *testing.T) (root string) {
	t.Helper()
	dir := t.TempDir()
	root = filepath.Join(dir, "site")
	head := PreviewHead("/dangjian/")
	page := func(body string) string {
		return "<!DOCTYPE html><html lang=\"zh-CN\"><head>" + head + "</head><body>" + body + "</body></html>"
	}
	writeFile(t, filepath.Join(root, "index.html"), page("<h1>首页</h1>"))
	writeFile(t, filepath.Join(root, "news/a/index.html"), page("<h1>新闻甲</h1>"))
	writeFile(t, filepath.Join(root, "404.html"), page("<h1>页面未找到</h1>"))
	writeFile(t, filepath.Join(root, "css/site.css"), "body { color: #222 }")
	writeFile(t, filepath.Join(root, "files/report.txt"), "a file in a folder without index.html")
	writeFile(t, filepath.Join(dir, "secret.html"), secret)
	os.Symlink(dir, filepath.Join(root, "up"))
	os.Symlink(filepath.Join(dir, "secret.html"), filepath.Join(root, "leak.html"))
	return root
}

type response struct {
	status int
	header http.Header
	body   string
}

func get(s http.Handler, method, target string) response {
	req := httptest.NewRequest(method, "http://127.0.0.1:1313/", nil)
	req.URL.Path = target // as the server hands it on: decoded, not cleaned
	req.RequestURI = target
	rec := httptest.NewRecorder()
	s.ServeHTTP(rec, req)
	return response{rec.Code, rec.Header(), rec.Body.String()}
}

func TestServeSite(t *testing.T) {
	s := newTestServer(t, t.TempDir(), builtSite(t), nil)
	if err := s.Rebuild(nil); err != nil {
		t.Fatal(err)
	}
	build := s.currentBuild()
	for _, tc := range []struct {
		method, path string
		status       int
		contains     string
		header       string // "Name: value"
	}{
		{"GET", "/", 302, "", "Location: /dangjian/"},
		{"GET", "/dangjian", 302, "", "Location: /dangjian/"},
		{"GET", "/dangjian/", 200, "<h1>首页</h1>", "Cache-Control: no-store"},
		{"GET", "/dangjian/", 200, `data-showcase-build="` + build + `" data-showcase-file="/dangjian/"`, "Content-Type: text/html; charset=utf-8"},
		{"GET", "/dangjian/index.html", 200, "<h1>首页</h1>", ""},
		{"GET", "/dangjian/news/a/", 200, `data-showcase-file="/dangjian/news/a/"`, ""},
		{"GET", "/dangjian/news/a", 301, "", "Location: /dangjian/news/a/"},
		{"GET", "/dangjian/news/a/index.html", 200, "<h1>新闻甲</h1>", ""},
		{"HEAD", "/dangjian/news/a/", 200, "", "Cache-Control: no-store"},
		{"GET", "/dangjian/css/site.css", 200, "color: #222", "Cache-Control: no-cache"},
		{"GET", "/dangjian/css/site.css", 200, "", "Content-Type: text/css; charset=utf-8"},
		{"GET", "/dangjian/files/report.txt", 200, "without index.html", ""},
		// the live-reload script, never part of the build
		{"GET", "/dangjian/__showcase/livereload.js", 200, "EventSource", "Content-Type: text/javascript; charset=utf-8"},
		// unknown paths: the site's 404 page, status 404
		{"GET", "/dangjian/nope/", 404, "<h1>页面未找到</h1>", "Cache-Control: no-store"},
		{"GET", "/dangjian/news/a/index.html/", 404, "页面未找到", ""},
		{"GET", "/other/page/", 404, "页面未找到", ""},
		{"GET", "/favicon.ico", 404, "页面未找到", ""},
		// no listing of a folder without index.html
		{"GET", "/dangjian/files/", 404, "页面未找到", ""},
		{"GET", "/dangjian/files", 404, "页面未找到", ""},
		{"GET", "/dangjian/css/", 404, "页面未找到", ""},
		{"POST", "/dangjian/", 405, "", "Allow: GET, HEAD"},
	} {
		r := get(s, tc.method, tc.path)
		if r.status != tc.status || !strings.Contains(r.body, tc.contains) {
			t.Errorf("%s %s: %d %q, want %d containing %q", tc.method, tc.path, r.status, r.body, tc.status, tc.contains)
		}
		if tc.header != "" {
			name, value, _ := strings.Cut(tc.header, ": ")
			if got := r.header.Get(name); got != value {
				t.Errorf("%s %s: %s = %q, want %q", tc.method, tc.path, name, got, value)
			}
		}
		if tc.method == "HEAD" && r.body != "" {
			t.Errorf("HEAD %s has a body", tc.path)
		}
	}
	// a 404 page reloads after any rebuild that changed a page
	if r := get(s, "GET", "/dangjian/nope/"); !strings.Contains(r.body, `data-showcase-file=""`) {
		t.Errorf("404 page stamp: %q", r.body)
	}
}

// TestTraversal: nothing outside the built folder is served, however the
// path is spelled.
func TestTraversal(t *testing.T) {
	s := newTestServer(t, t.TempDir(), builtSite(t), nil)
	for _, p := range []string{
		"/dangjian/../secret.html",
		"/dangjian/news/../../secret.html",
		"/dangjian/..",
		"/dangjian/./index.html",
		`/dangjian/..\secret.html`,
		`/dangjian/news\..\..\secret.html`,
		"/dangjian//etc/passwd",
		"/dangjian/" + filepath.Join(filepath.Dir(s.opts.Root), "secret.html"),
		"/dangjian/C:/Windows/win.ini",
		"/dangjian/C:secret.html",
		"/dangjian/index.html\x00.css",
		"/dangjian/up/secret.html", // a symbolic link to the folder above
		"/dangjian/leak.html",      // a symbolic link to a file outside
	} {
		r := get(s, "GET", p)
		if r.status != 404 || strings.Contains(r.body, "SECRET") {
			t.Errorf("GET %q: %d %q, want 404", p, r.status, r.body)
		}
	}
	// over the wire, percent-encoded: the server decodes before the checks
	srv := httptest.NewServer(s)
	defer srv.Close()
	for _, p := range []string{
		"/dangjian/%2e%2e/secret.html",
		"/dangjian/%2E%2E%2Fsecret.html",
		"/dangjian/news/%2e%2e/%2e%2e/secret.html",
		"/dangjian/..%5csecret.html",
		"/dangjian/%2fetc%2fpasswd",
		"/dangjian/../secret.html",
		"/dangjian/up%2fsecret.html",
	} {
		status, body := rawGet(t, srv.Listener.Addr().String(), p)
		if status != 404 || strings.Contains(body, "SECRET") {
			t.Errorf("raw GET %q: %d %q, want 404", p, status, body)
		}
	}
}

// rawGet sends the request line as written (a client would clean it).
func rawGet(t *testing.T, addr, target string) (int, string) {
	t.Helper()
	conn, err := net.Dial("tcp", addr)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	fmt.Fprintf(conn, "GET %s HTTP/1.1\r\nHost: %s\r\nConnection: close\r\n\r\n", target, addr)
	resp, err := http.ReadResponse(bufio.NewReader(conn), nil)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(body)
}

// TestServeNoSite: before a first successful build every page is a notice
// carrying the live-reload script, so errors show and it reloads.
func TestServeNoSite(t *testing.T) {
	s := newTestServer(t, t.TempDir(), filepath.Join(t.TempDir(), "none"), nil)
	r := get(s, "GET", "/dangjian/news/a/")
	if r.status != 503 || !strings.Contains(r.body, "网站尚未生成成功") || !strings.Contains(r.body, `livereload.js" data-showcase-build=""`) {
		t.Fatalf("%d %q", r.status, r.body)
	}
}

// TestServeDuringRebuild: a request finding no site while a rebuild runs
// waits for it, and gets the new site rather than a miss.
func TestServeDuringRebuild(t *testing.T) {
	root := filepath.Join(t.TempDir(), "site")
	started, release := make(chan struct{}), make(chan struct{})
	s := newTestServer(t, t.TempDir(), root, func([]string) (Result, error) {
		close(started)
		<-release
		return Result{}, nil
	})
	var wg sync.WaitGroup
	wg.Add(1)
	go func() { defer wg.Done(); s.Rebuild(nil) }()
	<-started
	got := make(chan response)
	go func() { got <- get(s, "GET", "/dangjian/") }()
	// the swap: the site appears whole, as a build renames its staging
	// folder into place (were the folder made first and the page after, a
	// request between the two would rightly find no page)
	writeFile(t, filepath.Join(root+".building", "index.html"), "<h1>新建成</h1>")
	if err := os.Rename(root+".building", root); err != nil {
		t.Fatal(err)
	}
	close(release)
	if r := <-got; r.status != 200 || !strings.Contains(r.body, "新建成") {
		t.Errorf("%d %q", r.status, r.body)
	}
	wg.Wait()
}
