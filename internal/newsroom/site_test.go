package newsroom

import (
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"showcase"
	"showcase/internal/build"
)

// testSite writes a small site and returns its folder.
func testSite(t testing.TB, extra map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	files := map[string]string{
		"site.toml": "baseURL = \"https://www.example.edu.cn/dj/\"\ntitle = \"测试党建网\"\n" +
			"[review]\nrequired = true\nstages = [\"初审\", \"复审\", \"终审\"]\n",
		"content/_index.md":      "+++\ntitle = \"首页\"\n+++\n",
		"content/news/_index.md": "+++\ntitle = \"工作动态\"\n+++\n",
		"content/news/a/index.md": "+++\n# 工作动态\ntitle = \"第一篇\"   # 标题\ndate = 2025-10-26T09:30:00+08:00\n" +
			"author = \"储德丹\"\ntags = [\"主题教育\"]\nreview = \"draft\"\n+++\n正文第一段。\n",
	}
	for k, v := range extra {
		files[k] = v
	}
	for name, text := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

func testNewsroom(t testing.TB, dir, token string) *Newsroom {
	t.Helper()
	n, err := New(Options{Build: build.Options{Source: dir, Drafts: true, Future: true, Theme: showcase.Theme()},
		BasePath: "/dj/", Token: token, Archetypes: showcase.Archetypes(),
		Now: func() time.Time { return time.Date(2026, 12, 3, 12, 0, 0, 0, beijing) }})
	if err != nil {
		t.Fatal(err)
	}
	return n
}

// call sends one request to the editor, from remote, and decodes the JSON
// answer into out (when not nil).
type call struct {
	method, path, body, remote string
	csrf                       bool
	header                     map[string]string
}

func (n *Newsroom) do(t testing.TB, c call, out any) *httptest.ResponseRecorder {
	t.Helper()
	var body io.Reader
	if c.body != "" {
		body = strings.NewReader(c.body)
	}
	if c.method == "" {
		c.method = http.MethodGet
	}
	r := httptest.NewRequest(c.method, "http://127.0.0.1:1313"+n.prefix+c.path, body)
	r.RemoteAddr = "127.0.0.1:40000"
	if c.remote != "" {
		r.RemoteAddr = c.remote
	}
	if c.csrf {
		r.Header.Set("X-CSRF-Token", n.csrf)
	}
	for k, v := range c.header {
		r.Header.Set(k, v)
	}
	w := httptest.NewRecorder()
	n.ServeHTTP(w, r)
	if out != nil {
		if err := json.Unmarshal(w.Body.Bytes(), out); err != nil {
			t.Fatalf("%s %s: %d %q: %v", c.method, c.path, w.Code, w.Body.String(), err)
		}
	}
	return w
}

func readSite(t testing.TB, dir, rel string) string {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(rel)))
	if err != nil {
		t.Fatal(err)
	}
	return string(data)
}

func jsonText(v any) string {
	b, _ := json.Marshal(v)
	return string(b)
}
