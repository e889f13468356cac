package server

import (
	"io"
	"net"
	"net/http"
	"path/filepath"
	"strings"
	"testing"
)

// TestPreviewServesAroundBrokenPage: a page with an error of its own (a
// picture that is damaged; one that is not there is a warning, as Hugo
// publishes it) does not blank the preview: from the start,
// every other page is served, and the broken page's address answers with
// its problem, file:line, and the live-reload script.
func TestPreviewServesAroundBrokenPage(t *testing.T) {
	src := t.TempDir()
	writeFile(t, filepath.Join(src, "site.toml"), "baseURL = \"https://www.example.edu.cn/dangjian/\"\ntitle = \"测试党建网\"\n")
	writeFile(t, filepath.Join(src, "content/news/a.md"), newsPage("学校召开党建工作会议", "会议部署了下一阶段工作。"))
	writeFile(t, filepath.Join(src, "content/news/b.md"), "+++\ntitle = \"主题党日\"\ndate = 2025-10-27\n+++\n\n![合影](照片文件名.jpg)\n")
	writeFile(t, filepath.Join(src, "content/news/照片文件名.jpg"), "\xff\xd8\xff not a whole JPEG")
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	stop := startPreview(t, src, filepath.Join(t.TempDir(), "site"), ln)
	t.Cleanup(stop)
	base := "http://" + ln.Addr().String() + "/dangjian/"
	get := func(path string) (int, string) {
		resp, err := http.Get(base + path)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		body, _ := io.ReadAll(resp.Body)
		return resp.StatusCode, string(body)
	}
	if code, body := get("news/a/"); code != 200 || !strings.Contains(body, "会议部署了下一阶段工作。") {
		t.Errorf("the good page: %d\n%.300s", code, body)
	}
	if code, body := get(""); code != 200 || !strings.Contains(body, "学校召开党建工作会议") || strings.Contains(body, "主题党日") {
		t.Errorf("the home page: %d, lists the good page and not the broken one?\n%.300s", code, body)
	}
	code, body := get("news/b/")
	for _, want := range []string{"这篇稿件有错误", "content/news/b.md:6", "照片文件名.jpg", "livereload.js"} {
		if code != 200 || !strings.Contains(body, want) {
			t.Errorf("the broken page: %d, lacks %q\n%s", code, want, body)
		}
	}
}
