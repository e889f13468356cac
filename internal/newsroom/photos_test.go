package newsroom

import (
	"net/http"
	"os"
	"path/filepath"
	"testing"

	"showcase/internal/sitetest"
)

func TestPhotoUpload(t *testing.T) {
	dir := testSite(t, nil)
	n := testNewsroom(t, dir, "")
	jpeg := string(sitetest.Image(t, "GEN jpeg 64x48"))
	png := string(sitetest.Image(t, "GEN png 64x48"))
	upload := func(page, name, data string) (int, map[string]string) {
		var out map[string]string
		w := n.do(t, call{method: "POST", path: "api/photo?file=" + page + "&name=" + name, csrf: true, body: data}, &out)
		return w.Code, out
	}
	if code, out := upload("content/news/a/index.md", "会议现场.JPG", jpeg); code != http.StatusOK || out["file"] != "content/news/a/hui-yi-xian-chang.jpg" {
		t.Errorf("upload: %d %v", code, out)
	}
	if code, out := upload("content/news/a/index.md", "会议现场.jpg", jpeg); code != http.StatusOK || out["name"] != "hui-yi-xian-chang-2.jpg" {
		t.Errorf("second upload of the name: %d %v", code, out)
	}
	for _, c := range []struct{ page, name, data, why string }{
		{"content/news/a/index.md", "../../x.jpg", jpeg, "a path in the name"},
		{"content/news/a/index.md", "..%2F..%2Fx", jpeg, "an escaped path"},
		{"content/news/a/index.md", ".hidden.jpg", jpeg, "a hidden name"},
		{"content/news/a/index.md", "a.png", jpeg, "JPEG content named .png"},
		{"content/news/a/index.md", "a.jpg", "not a photo", "not an image"},
		{"content/news/a/index.md", "a.jpg", jpeg[:len(jpeg)/2], "a cut-off JPEG"},
		{"content/news/a/index.md", "a.heic", jpeg, "an unsupported type"},
		{"content/news/_index.md", "a.jpg", jpeg, "a page that is no bundle"},
		{"../../x/index.md", "a.jpg", jpeg, "a page outside content"},
	} {
		if code, _ := upload(c.page, c.name, c.data); code != http.StatusBadRequest {
			t.Errorf("%s: %d, want 400", c.why, code)
		}
	}
	if code, _ := upload("content/news/a/index.md", "p.png", png); code != http.StatusOK {
		t.Errorf("a PNG: %d", code)
	}
	entries, _ := os.ReadDir(filepath.Join(dir, "content/news/a"))
	if len(entries) != 4 { // index.md and three photos
		t.Errorf("bundle holds %d files", len(entries))
	}
	if _, err := os.Stat(filepath.Join(dir, "x.jpg")); err == nil {
		t.Error("a photo was written outside content")
	}
}

func TestAlbumPhotoJoinsResources(t *testing.T) {
	dir := testSite(t, map[string]string{
		"content/photos/x/index.md": "+++\ntitle = \"图集\"\ndate = 2025-10-26\n\n# 导语写在下面一行 +++ 之后。\n+++\n导语。\n",
	})
	n := testNewsroom(t, dir, "")
	page := openPage(t, n, "content/photos/x/index.md")
	jpeg := string(sitetest.Image(t, "GEN jpeg 64x48"))
	var out map[string]any
	w := n.do(t, call{method: "POST", path: "api/photo?file=content/photos/x/index.md&name=IMG_0001.JPG&alt=%E5%90%88%E5%BD%B1&version=" + page.Version, csrf: true, body: jpeg}, &out)
	if w.Code != http.StatusOK || out["album"] != true {
		t.Fatalf("upload: %d %v", w.Code, out)
	}
	want := "+++\ntitle = \"图集\"\ndate = 2025-10-26\n\n[[resources]]\nsrc = \"img-0001.jpg\"\ntitle = \"合影\"\n\n# 导语写在下面一行 +++ 之后。\n+++\n导语。\n"
	if got := readSite(t, dir, page.File); got != want {
		t.Errorf("album:\n%s\nwant\n%s", got, want)
	}
	if w := n.do(t, call{method: "POST", path: "api/photo?file=content/photos/x/index.md&name=b.jpg&alt=x&version=" + page.Version, csrf: true, body: jpeg}, nil); w.Code != http.StatusConflict {
		t.Errorf("an album photo with a stale version: %d", w.Code)
	}
	if w := n.do(t, call{method: "POST", path: "api/photo?file=content/photos/x/index.md&name=b.jpg&version=" + out["version"].(string), csrf: true, body: jpeg}, nil); w.Code != http.StatusBadRequest {
		t.Errorf("an album photo without a caption: %d", w.Code)
	}
}

// TestYAMLAlbumPhotoJoinsResources: in a YAML album the photo becomes an
// item of its resources list, not a line of the body.
func TestYAMLAlbumPhotoJoinsResources(t *testing.T) {
	dir := testSite(t, map[string]string{
		"content/photos/y/index.md": "---\ntitle: 图集\ndate: 2025-10-26\nresources:\n  - src: a.jpg\n    title: 第一张\n---\n导语。\n",
		"content/photos/y/a.jpg":    string(sitetest.Image(t, "GEN jpeg 64x48")),
	})
	n := testNewsroom(t, dir, "")
	page := openPage(t, n, "content/photos/y/index.md")
	var out map[string]any
	w := n.do(t, call{method: "POST", path: "api/photo?file=content/photos/y/index.md&name=b.jpg&alt=%E5%90%88%E5%BD%B1&version=" + page.Version, csrf: true, body: string(sitetest.Image(t, "GEN jpeg 64x48"))}, &out)
	if w.Code != http.StatusOK || out["album"] != true {
		t.Fatalf("upload: %d %v", w.Code, out)
	}
	want := "---\ntitle: 图集\ndate: 2025-10-26\nresources:\n  - src: a.jpg\n    title: 第一张\n  - src: b.jpg\n    title: 合影\n---\n导语。\n"
	if got := readSite(t, dir, page.File); got != want {
		t.Errorf("album:\n%s\nwant\n%s", got, want)
	}
}
