package build

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"showcase"
)

const secret = "root:SECRET-OUTSIDE-THE-SITE\n"

// linkSite is a small site that builds, and a secret file and folder
// outside it.
func linkSite(t *testing.T) (src, outside string) {
	t.Helper()
	src = makeSite(t, map[string]string{
		"site.toml":               "title = \"t\"\n",
		"content/news/x/index.md": "+++\ntitle = \"甲\"\n+++\n正文。\n",
		"content/news/b.md":       "+++\ntitle = \"乙\"\n+++\n乙。\n",
		"static/files/guide.txt":  "指南\n",
	})
	outside = t.TempDir()
	os.WriteFile(filepath.Join(outside, "shadow"), []byte(secret), 0o644)
	os.WriteFile(filepath.Join(outside, "page.md"), []byte("+++\ntitle = \"外\"\n+++\n"+secret), 0o644)
	os.Mkdir(filepath.Join(outside, "dir"), 0o755)
	os.WriteFile(filepath.Join(outside, "dir", "a.css"), []byte(secret), 0o644)
	return src, outside
}

func symlink(t *testing.T, target, link string) {
	t.Helper()
	os.MkdirAll(filepath.Dir(link), 0o755)
	if err := os.Symlink(target, link); err != nil {
		t.Skip("no symbolic links here:", err)
	}
}

// TestSymlinkLeavingSiteFails: a link out of the site, wherever it is, fails
// the build with an error naming it, Chinese first; the previous output
// stays as it was and holds nothing of the outside.
func TestSymlinkLeavingSiteFails(t *testing.T) {
	for _, c := range []struct{ name, link, target string }{
		{"bundle resource", "content/news/x/n.txt", "shadow"},
		{"markdown page", "content/news/c.md", "page.md"},
		{"static file", "static/robots2.txt", "shadow"},
		{"static folder", "static/css2", "dir"},
		{"layout", "layouts/single.html", "shadow"},
		{"partial", "layouts/_partials/footer.html", "shadow"},
		{"archetype", "archetypes/news.md", "page.md"},
		{"content folder", "content/more", "dir"},
	} {
		t.Run(c.name, func(t *testing.T) {
			src, outside := linkSite(t)
			dest := filepath.Join(t.TempDir(), "public")
			if _, err := buildDir(t, src, dest); err != nil {
				t.Fatal(err)
			}
			before := readTree(t, dest)
			symlink(t, filepath.Join(outside, c.target), filepath.Join(src, filepath.FromSlash(c.link)))
			_, err := buildDir(t, src, dest)
			if err == nil {
				t.Fatal("the build followed the link out of the site")
			}
			if want := c.link + ": 这是指向“" + filepath.Base(src) + "”文件夹以外的符号链接"; !strings.Contains(err.Error(), want) {
				t.Errorf("error lacks %q:\n%v", want, err)
			}
			after := readTree(t, dest)
			if len(after) != len(before) {
				t.Errorf("the output went from %d files to %d", len(before), len(after))
			}
			for name, data := range after {
				if !bytes.Equal(data, before[name]) || bytes.Contains(data, []byte("SECRET")) {
					t.Errorf("%s changed or holds the secret", name)
				}
			}
			if _, _, err := Load(Options{Source: src, Theme: showcase.Theme(), Now: fixedNow}); err == nil || !strings.Contains(err.Error(), c.link+": ") {
				t.Errorf("Load (showcase check) does not report the link: %v", err)
			}
		})
	}
}

// TestSymlinkInsideSiteIsFollowed: links that stay in the site, relative or
// absolute, publish what they point at.
func TestSymlinkInsideSiteIsFollowed(t *testing.T) {
	src, _ := linkSite(t)
	symlink(t, "../../../static/files/guide.txt", filepath.Join(src, "content/news/x/guide.txt"))
	symlink(t, filepath.Join(src, "content/news/b.md"), filepath.Join(src, "content/news/b2.md"))
	symlink(t, "files/guide.txt", filepath.Join(src, "static/guide.txt"))
	dest := filepath.Join(t.TempDir(), "public")
	if _, err := buildDir(t, src, dest); err != nil {
		t.Fatal(err)
	}
	for _, f := range []string{"news/x/guide.txt", "guide.txt", "files/guide.txt"} {
		if got := string(readOut(t, dest, f)); got != "指南\n" {
			t.Errorf("%s = %q", f, got)
		}
	}
	if page := string(readOut(t, dest, "news/b2/index.html")); !strings.Contains(page, "乙。") {
		t.Error("the linked page news/b2/ lacks its text")
	}
}

// TestSessionRefusesSymlinkLeavingSite: the preview applies the same rule,
// on its fast path too (a page replaced by a link between two saves): the
// page is left out and its address names the link.
func TestSessionRefusesSymlinkLeavingSite(t *testing.T) {
	src, outside := linkSite(t)
	dest := filepath.Join(t.TempDir(), "site")
	sess := NewSession(Options{Source: src, Destination: dest, Theme: showcase.Theme(), Now: fixedNow, Preview: true})
	defer sess.Close()
	if _, err := sess.Build(); err != nil {
		t.Fatal(err)
	}
	page := filepath.Join(src, "content/news/b.md")
	os.Remove(page)
	symlink(t, filepath.Join(outside, "page.md"), page)
	res, err := sess.BuildChanged([]string{"content/news/b.md"})
	// the preview leaves the page out and names the link at its address
	if err != nil || len(res.Broken) != 1 || !strings.Contains(res.Broken[0].Error(), "content/news/b.md: 这是指向") {
		t.Fatalf("err = %v, broken = %v", err, res.Broken)
	}
	if page := string(readOut(t, dest, "news/b/index.html")); !strings.Contains(page, "这是指向") {
		t.Errorf("the page's address does not name the link:\n%s", page)
	}
	sess.Wait()
	for name, data := range readTree(t, dest) {
		if bytes.Contains(data, []byte("SECRET")) {
			t.Errorf("the preview's %s holds the secret", name)
		}
	}
}
