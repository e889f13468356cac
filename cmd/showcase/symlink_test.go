package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// outsideSecret is a file outside every folder the commands are given.
func outsideSecret(t *testing.T) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), "passwd")
	os.WriteFile(p, []byte("root:x:0:0:SECRET\n"), 0o644)
	return p
}

func mustSymlink(t *testing.T, target, link string) {
	t.Helper()
	os.MkdirAll(filepath.Dir(link), 0o755)
	if err := os.Symlink(target, link); err != nil {
		t.Skip("no symbolic links here:", err)
	}
}

// TestCheckReportsSymlinkLeavingSite: showcase check names a static file and
// a bundle file that link out of the site, under the build's rule.
func TestCheckReportsSymlinkLeavingSite(t *testing.T) {
	site := workflowSite(t)
	secret := outsideSecret(t)
	mustSymlink(t, secret, filepath.Join(site, "static", "robots2.txt"))
	mustSymlink(t, secret, filepath.Join(site, "content", "news", "x", "n.txt"))
	os.WriteFile(filepath.Join(site, "content", "news", "x", "index.md"), []byte("+++\ntitle = \"推进会\"\ndate = 2025-10-26\n+++\n正文。\n"), 0o644)
	var out, errOut bytes.Buffer
	if code := runCheck([]string{"-s", site}, &out, &errOut); code != 1 {
		t.Errorf("exit %d, want 1", code)
	}
	for _, want := range []string{"static/robots2.txt: 错误: 这是指向", "content/news/x/n.txt: 错误: 这是指向", "构建错误 (build errors)"} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("check output lacks %q:\n%s", want, out.String())
		}
	}
}

// TestImportRefusesSymlinkedPicture: a saved web page whose "picture" is a
// link out of its folder gets a note, and the file is not copied.
func TestImportRefusesSymlinkedPicture(t *testing.T) {
	site := workflowSite(t)
	in := t.TempDir()
	mustSymlink(t, outsideSecret(t), filepath.Join(in, "a.png"))
	page := filepath.Join(in, "x.html")
	os.WriteFile(page, []byte(`<html><head><title>推进会</title></head><body><p>学校召开推进会。</p><img src="a.png"></body></html>`), 0o644)
	var out, errOut bytes.Buffer
	if code := runImport([]string{page, "-s", site}, &out, &errOut); code != 0 {
		t.Fatalf("exit %d: %s", code, errOut.String())
	}
	if !strings.Contains(out.String(), "图片 a.png 是指向网页所在文件夹以外的符号链接，为安全起见没有导入") {
		t.Errorf("no note:\n%s", out.String())
	}
	filepath.WalkDir(filepath.Join(site, "content"), func(p string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			if data, _ := os.ReadFile(p); bytes.Contains(data, []byte("SECRET")) {
				t.Errorf("%s holds the outside file", p)
			}
		}
		return nil
	})
}

// TestNewAlbumRefusesSymlinkedPhoto: a photo folder with a link out of it
// is refused before anything is made.
func TestNewAlbumRefusesSymlinkedPhoto(t *testing.T) {
	site := workflowSite(t)
	folder := filepath.Join(t.TempDir(), "活动")
	os.MkdirAll(folder, 0o755)
	os.WriteFile(filepath.Join(folder, "a.jpg"), []byte("photo"), 0o644)
	mustSymlink(t, outsideSecret(t), filepath.Join(folder, "b.jpg"))
	var out, errOut bytes.Buffer
	if code := runNew([]string{"album", folder, "-s", site, "--slug", "huo-dong"}, &out, &errOut); code != 1 {
		t.Errorf("exit %d", code)
	}
	if !strings.Contains(errOut.String(), "b.jpg: 这是指向“活动”文件夹以外的符号链接") {
		t.Errorf("stderr:\n%s", errOut.String())
	}
	if _, err := os.Stat(filepath.Join(site, "content", "photos", "huo-dong")); err == nil {
		t.Error("the album was made")
	}
}

// TestNewRefusesSymlinkedArchetype: a site's archetype that links out of
// the site is not read.
func TestNewRefusesSymlinkedArchetype(t *testing.T) {
	site := workflowSite(t)
	secret := outsideSecret(t)
	mustSymlink(t, secret, filepath.Join(site, "archetypes", "news.md"))
	var out, errOut bytes.Buffer
	if code := runNew([]string{"news", "推进会", "-s", site, "--slug", "tui-jin-hui"}, &out, &errOut); code != 1 {
		t.Errorf("exit %d", code)
	}
	if !strings.Contains(errOut.String(), "archetypes/news.md: 这是指向") {
		t.Errorf("stderr:\n%s", errOut.String())
	}
	if data, _ := os.ReadFile(filepath.Join(site, "content", "news", "tui-jin-hui", "index.md")); bytes.Contains(data, []byte("SECRET")) {
		t.Error("the page was made from the outside file")
	}
}
