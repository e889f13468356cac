package main

import (
	"bytes"
	"image"
	"image/png"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestCheckLocalize: check --localize downloads the pictures a page shows
// from another site (a local server here) into the page's folder, rewrites
// the page, and the check that follows finds no remote picture; a picture
// the other site no longer has is reported and left as written.
func TestCheckLocalize(t *testing.T) {
	var pic bytes.Buffer
	png.Encode(&pic, image.NewGray(image.Rect(0, 0, 40, 30)))
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path != "/photos/meeting.png" {
			http.NotFound(w, r)
			return
		}
		w.Header().Set("Content-Type", "image/png")
		w.Write(pic.Bytes())
	}))
	defer srv.Close()
	site := t.TempDir()
	files := map[string]string{
		"hugo.toml": "title = \"t\"\n",
		"content/news/a.md": "---\ntitle: 会议\ndate: 2025-01-01\nreviewer: 甲\neditor: 乙\ncover: " + srv.URL + "/photos/meeting.png\ncover_alt: 会场\n---\n" +
			"![会场全景](" + srv.URL + "/photos/meeting.png)\n\n![旧图](" + srv.URL + "/gone.png)\n",
	}
	for name, data := range files {
		p := filepath.Join(site, filepath.FromSlash(name))
		os.MkdirAll(filepath.Dir(p), 0o755)
		os.WriteFile(p, []byte(data), 0o644)
	}
	var out, errOut bytes.Buffer
	runCheck([]string{"-s", site, "--localize"}, &out, &errOut)
	page, _ := os.ReadFile(filepath.Join(site, "content/news/a.md"))
	for _, want := range []string{"cover: meeting.png\n", "![会场全景](meeting.png)", "![旧图](" + srv.URL + "/gone.png)"} {
		if !strings.Contains(string(page), want) {
			t.Errorf("page lacks %q:\n%s", want, page)
		}
	}
	if _, err := os.Stat(filepath.Join(site, "content/news/meeting.png")); err != nil {
		t.Error(err)
	}
	for _, want := range []string{"已下载为 content/news/meeting.png", "/gone.png 未能下载，稿件未改动：对方网站回答 404"} {
		if !strings.Contains(errOut.String(), want) {
			t.Errorf("stderr lacks %q:\n%s", want, errOut.String())
		}
	}
	if strings.Contains(out.String(), "/photos/meeting.png") {
		t.Errorf("check still reports the downloaded picture:\n%s", out.String())
	}
	if !strings.Contains(out.String(), "/gone.png") {
		t.Errorf("check does not report the picture left remote:\n%s", out.String())
	}
}
