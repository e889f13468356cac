package build

import (
	"bytes"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"showcase"
	"showcase/internal/sitetest"
)

func makeSite(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	for name, data := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

func buildDir(t *testing.T, src, dest string) (*Result, error) {
	t.Helper()
	return Build(Options{Source: src, Destination: dest, Theme: showcase.Theme(), Now: fixedNow})
}

// TestDemoSite builds the repository's demo site twice into fresh folders:
// no errors, no broken internal links, identical bytes; then a third time
// into the same folder, which rewrites nothing.
func TestDemoSite(t *testing.T) {
	root, _ := filepath.Abs("../..")
	dir := t.TempDir()
	a, b := filepath.Join(dir, "a"), filepath.Join(dir, "b")
	resA, err := buildDir(t, root, a)
	if err != nil {
		t.Fatalf("demo site: %v", err)
	}
	for _, w := range resA.Warnings {
		t.Errorf("warning: %v", w)
	}
	if _, err := buildDir(t, root, b); err != nil {
		t.Fatal(err)
	}
	filesA, filesB := readTree(t, a), readTree(t, b)
	if len(filesA) != len(filesB) {
		t.Errorf("builds differ: %d files and %d files", len(filesA), len(filesB))
	}
	for name, data := range filesA {
		if !bytes.Equal(data, filesB[name]) {
			t.Errorf("%s differs between two builds", name)
		}
	}
	checkLinks(t, filesA, "/dangjian/")
	for _, want := range []string{"index.html", "news/index.html", "news/page/2025-01-08/index.html", "branches/index.html",
		"branches/matrix/index.html", "sitemap.xml", "index.xml", "robots.txt", "404.html", "css/site.css",
		"news/2025-shuangchuang-jiaoliuhui/index.html", "photos/2025-zhutidangri/index.html"} {
		if _, ok := filesA[want]; !ok {
			t.Errorf("the demo site has no %s", want)
		}
	}
	res, err := buildDir(t, root, a)
	if err != nil {
		t.Fatal(err)
	}
	if res.Written != 0 || res.Linked != len(filesA) {
		t.Errorf("repeat build wrote %d files and kept %d; want 0 and %d", res.Written, res.Linked, len(filesA))
	}
}

func readTree(t *testing.T, dir string) map[string][]byte {
	t.Helper()
	out := map[string][]byte{}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := os.ReadFile(p)
		rel, _ := filepath.Rel(dir, p)
		out[filepath.ToSlash(rel)] = data
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

var linkAttr = regexp.MustCompile(`(?:href|src)="([^"]*)"`)

// checkLinks fails for every href or src under the base path that names no
// output file, and for every root-relative URL outside the base path.
func checkLinks(t *testing.T, files map[string][]byte, base string) {
	t.Helper()
	for name, data := range files {
		if !strings.HasSuffix(name, ".html") {
			continue
		}
		for _, m := range linkAttr.FindAllSubmatch(data, -1) {
			u := string(m[1])
			if !strings.HasPrefix(u, "/") || strings.HasPrefix(u, "//") {
				continue
			}
			if !strings.HasPrefix(u, base) {
				t.Errorf("%s: %s is outside the base path %s", name, u, base)
				continue
			}
			p := strings.TrimPrefix(u, base)
			if i := strings.IndexAny(p, "#?"); i >= 0 {
				p = p[:i]
			}
			if _, ok := files[outputFile(p)]; !ok {
				t.Errorf("%s: broken link %s", name, u)
			}
		}
	}
}

// TestFailedBuildKeepsOutput breaks a site that built: the build fails, the
// previous output is untouched and no staging folder is left behind.
func TestFailedBuildKeepsOutput(t *testing.T) {
	src := makeSite(t, map[string]string{
		"site.toml":    "title = \"t\"\n",
		"content/a.md": "+++\ntitle = \"甲\"\n+++\n正文\n",
		"content/b.md": "+++\ntitle = \"乙\"\n+++\n正文\n",
	})
	dest := filepath.Join(t.TempDir(), "public")
	if _, err := buildDir(t, src, dest); err != nil {
		t.Fatal(err)
	}
	before := readTree(t, dest)
	os.WriteFile(filepath.Join(src, "content/b.md"), []byte("+++\ntitle = \"乙\"\ndate = \"bad\"\n+++\n"), 0o644)
	os.WriteFile(filepath.Join(src, "content/a.md"), []byte("+++\ntitle = \"甲改\"\n+++\n正文\n"), 0o644)
	if _, err := buildDir(t, src, dest); err == nil || !strings.Contains(err.Error(), "content/b.md:3:") {
		t.Fatalf("err = %v; want an error at content/b.md:3", err)
	}
	after := readTree(t, dest)
	if len(before) != len(after) {
		t.Fatalf("output changed: %d files before, %d after", len(before), len(after))
	}
	for name, data := range before {
		if !bytes.Equal(data, after[name]) {
			t.Errorf("%s changed after a failed build", name)
		}
	}
	entries, _ := os.ReadDir(filepath.Dir(dest))
	for _, e := range entries {
		if e.Name() != "public" {
			t.Errorf("left behind: %s", e.Name())
		}
	}
}

// TestStaleFilesRemoved: a page deleted from content/ leaves the output.
func TestStaleFilesRemoved(t *testing.T) {
	src := makeSite(t, map[string]string{
		"site.toml":    "title = \"t\"\n",
		"content/a.md": "+++\ntitle = \"甲\"\n+++\n",
		"content/b.md": "+++\ntitle = \"乙\"\n+++\n",
	})
	dest := filepath.Join(t.TempDir(), "public")
	if _, err := buildDir(t, src, dest); err != nil {
		t.Fatal(err)
	}
	os.Remove(filepath.Join(src, "content/b.md"))
	res, err := buildDir(t, src, dest)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(dest, "b/index.html")); err == nil {
		t.Error("b/index.html lingers after its page was deleted")
	}
	if res.Written == 0 || res.Linked == 0 {
		t.Errorf("written %d, linked %d: want both > 0 (a/ is unchanged, lists changed)", res.Written, res.Linked)
	}
}

// TestBadFiles: a GBK file and a symbolic-link loop are errors naming the file.
func TestBadFiles(t *testing.T) {
	gbk := []byte("+++\ntitle = \"\xb5\xb3\xbd\xa8\"\n+++\n") // 党建 in GBK
	src := makeSite(t, map[string]string{"site.toml": "title = \"t\"\n", "content/ok.md": "+++\ntitle = \"好\"\n+++\n"})
	os.WriteFile(filepath.Join(src, "content/gbk.md"), gbk, 0o644)
	if err := os.Symlink("loop.md", filepath.Join(src, "content/loop.md")); err != nil {
		t.Skip("no symlinks here:", err)
	}
	_, err := buildDir(t, src, filepath.Join(t.TempDir(), "public"))
	if err == nil {
		t.Fatal("build succeeded")
	}
	for _, want := range []string{"content/gbk.md:2: 文件不是 UTF-8 编码，可能是 GBK", "(the file is not UTF-8 text (probably GBK/GB18030)", "content/loop.md: 这个符号链接", "(broken or looping symbolic link"} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("error lacks %q:\n%v", want, err)
		}
	}
}

// TestDestinationGuard refuses to build over the site itself.
func TestDestinationGuard(t *testing.T) {
	src := makeSite(t, map[string]string{"site.toml": "title = \"t\"\n", "content/a.md": "+++\ntitle = \"甲\"\n+++\n"})
	for _, dest := range []string{src, filepath.Dir(src), filepath.Join(src, "content", "out")} {
		if _, err := buildDir(t, src, dest); err == nil {
			t.Errorf("destination %s was accepted", dest)
		}
	}
	if _, err := os.Stat(filepath.Join(src, "content/a.md")); err != nil {
		t.Fatal("the site lost a file:", err)
	}
}

// TestMissingLayout: a theme without the layout a page needs is an error
// naming the layout, not a panic or an empty page.
func TestMissingLayout(t *testing.T) {
	src := makeSite(t, map[string]string{
		"site.toml":           "title = \"t\"\n",
		"content/a.md":        "+++\ntitle = \"甲\"\n+++\n",
		"layouts/baseof.html": "<html>{{ block \"main\" . }}{{ end }}</html>\n",
		"layouts/home.html":   "{{ define \"main\" }}home{{ end }}\n",
	})
	_, err := Build(Options{Source: src, Destination: filepath.Join(t.TempDir(), "public"), Now: fixedNow})
	if err == nil || !strings.Contains(err.Error(), "layouts/single.html: 缺少模板 single.html：这类页面无法生成 (missing layout for single pages)") {
		t.Fatalf("err = %v", err)
	}
}

// TestPhotoCache: a second build of unchanged photos decodes nothing; a bad
// photo is an error naming it and the page using it.
func TestPhotoCache(t *testing.T) {
	src := makeSite(t, map[string]string{
		"site.toml":               "title = \"t\"\n",
		"content/news/a/index.md": "+++\ntitle = \"甲\"\n+++\n![会场](p.jpg)\n",
	})
	photo := filepath.Join(src, "content/news/a/p.jpg")
	os.WriteFile(photo, sitetest.Image(t, "GEN jpeg 1000x750 orientation=6"), 0o644)
	old := time.Now().Add(-time.Hour) // the cache index trusts only settled files
	os.Chtimes(photo, old, old)
	dest := filepath.Join(t.TempDir(), "public")
	opts := Options{Source: src, Destination: dest, Theme: showcase.Theme(), Now: fixedNow}
	_, first, err := fullBuild(opts)
	if err != nil {
		t.Fatal(err)
	}
	if st := first.photos.pipe.Stats(); st.Decodes != 1 {
		t.Errorf("first build: %d decodes, want 1", st.Decodes)
	}
	_, second, err := fullBuild(opts)
	if err != nil {
		t.Fatal(err)
	}
	if st := second.photos.pipe.Stats(); st.Decodes != 0 || st.Probes != 0 {
		t.Errorf("second build: %+v, want no decodes and no probes", st)
	}
	page := string(readOut(t, dest, "news/a/index.html"))
	if !strings.Contains(page, `width="750" height="1000"`) {
		t.Errorf("the sideways photo is not upright in the HTML:\n%s", page)
	}
	os.WriteFile(filepath.Join(src, "content/news/a/p.jpg"), []byte("\xff\xd8\xff\xe0 truncated"), 0o644)
	_, err = Build(opts)
	if err == nil || !strings.Contains(err.Error(), "content/news/a/index.md:4:") || !strings.Contains(err.Error(), "p.jpg") {
		t.Errorf("a corrupt photo: err = %v", err)
	}
	os.WriteFile(filepath.Join(src, "content/news/a/p.jpg"), []byte("\x00\x00\x00\x18ftypheic\x00\x00\x00\x00heicmif1"), 0o644)
	_, err = Build(opts)
	if err == nil || !strings.Contains(err.Error(), "HEIC") {
		t.Errorf("a HEIC photo: err = %v", err)
	}
}
