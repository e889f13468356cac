package build

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"golang.org/x/tools/txtar"

	"showcase"
	"showcase/internal/search"
	"showcase/internal/sitetest"
)

// buildFixture builds the site of a testdata archive (its checks left
// aside) and returns the output folder.
func buildFixture(t *testing.T, name string) string {
	t.Helper()
	src := writeFixture(t, name)
	dest := filepath.Join(filepath.Dir(src), "public")
	if _, err := Build(Options{Source: src, Destination: dest, Theme: showcase.Theme(), Now: fixedNow}); err != nil {
		t.Fatal(err)
	}
	return dest
}

// writeFixture writes the site of a testdata archive into a folder.
func writeFixture(t *testing.T, name string) string {
	t.Helper()
	ar, err := txtar.ParseFile(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	var files []txtar.File
	for _, f := range ar.Files {
		if !isCheck(f.Name) && f.Name != "flags" {
			files = append(files, f)
		}
	}
	src := filepath.Join(t.TempDir(), "site")
	sitetest.WriteFiles(t, src, files)
	return src
}

// TestLanguageCheck: showcase check of a multilingual site checks every
// language and names the site's files, content/en/… and content/zh/….
func TestLanguageCheck(t *testing.T) {
	checked, err := Check(Options{Source: writeFixture(t, "hugo-languages.txtar"), Theme: showcase.Theme(), Now: fixedNow})
	if err != nil {
		t.Fatal(err)
	}
	var all []string
	for _, p := range append(checked.Errors, checked.Warnings...) {
		all = append(all, p.Error())
	}
	if want := "content/en/news/party-day.md:6: 链接指向的页面 content/en/news/nothere.md 不存在"; !strings.Contains(strings.Join(all, "\n"), want) {
		t.Errorf("problems lack %s:\n%s", want, strings.Join(all, "\n"))
	}
	if checked.Site == nil || len(checked.Site.Pages) != 3 || !strings.HasPrefix(checked.Site.Pages[0].File, "content/zh/news/") {
		t.Fatalf("the default language's site: %+v", checked.Site)
	}
	if sites := checked.Sites(); len(sites) != 2 || sites[0] != checked.Site || len(sites[1].Pages) == 0 || !strings.HasPrefix(sites[1].Pages[0].File, "content/en/") {
		t.Errorf("every language's site for check's rules, the English pages under content/en/: %d sites", len(sites))
	}
	if _, ok := checked.Docs["content/en/news/party-day.md"]; !ok {
		t.Errorf("no doc of content/en/news/party-day.md")
	}
}

// TestLanguageSearch: each language of a bilingual site has its own search
// index, named by its own search page, that answers with its pages only.
func TestLanguageSearch(t *testing.T) {
	dest := buildFixture(t, "hugo-languages.txtar")
	for _, tc := range []struct {
		folder  string // the language's folder in the output
		query   string
		want    string // URLs of the hits
		foreign string // a query only the other language's pages answer
	}{
		{"", "主题党日", "news/b/", "party"},
		{"en", "party", "news/party-day/", "主题党日"},
		{"en", "opening", "news/opening/", "开学典礼"},
	} {
		dir := filepath.Join(dest, tc.folder, "search")
		page, err := os.ReadFile(filepath.Join(dir, "index.html"))
		if err != nil {
			t.Fatal(err)
		}
		base := "/dangjian/" + tc.folder
		if tc.folder != "" {
			base += "/"
		}
		m := regexp.MustCompile(`data-index="` + regexp.QuoteMeta(base) + `search/([^"]+)"`).FindSubmatch(page)
		if m == nil {
			t.Fatalf("%s: the search page names no index under %ssearch/", tc.folder, base)
		}
		ix, err := search.Open(func(name string) ([]byte, error) {
			return os.ReadFile(filepath.Join(dir, filepath.FromSlash(name)))
		}, string(m[1]))
		if err != nil {
			t.Fatal(err)
		}
		for q, want := range map[string]string{tc.query: tc.want, tc.foreign: ""} {
			res, err := ix.Search(q)
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, h := range res.Hits {
				got = append(got, h.URL)
			}
			if strings.Join(got, " ") != want {
				t.Errorf("%q in the index of %q: %v, want %q", q, tc.folder, got, want)
			}
		}
	}
}

// TestLanguageSession: the preview's session builds a multilingual site in
// full every time, and an edit of one language shows in its pages.
func TestLanguageSession(t *testing.T) {
	src := writeFixture(t, "hugo-languages.txtar")
	dest := filepath.Join(filepath.Dir(src), "public")
	sess := NewSession(Options{Source: src, Destination: dest, Theme: showcase.Theme(), Now: fixedNow, Preview: true})
	defer sess.Close()
	if _, err := sess.Build(); err != nil {
		t.Fatal(err)
	}
	file := filepath.Join(src, "content", "en", "news", "a.md")
	data, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(file, []byte(strings.Replace(string(data), "Opening ceremony", "Opening day", 1)), 0o644); err != nil {
		t.Fatal(err)
	}
	res, err := sess.BuildChanged([]string{"content/en/news/a.md"})
	if err != nil {
		t.Fatal(err)
	}
	if res.Fast {
		t.Errorf("a multilingual site took the fast path")
	}
	page, err := os.ReadFile(filepath.Join(dest, "en", "news", "opening", "index.html"))
	if err != nil || !strings.Contains(string(page), "Opening day") {
		t.Errorf("the edit is not in en/news/opening/: %v", err)
	}
	if err := sess.Wait(); err != nil {
		t.Error(err)
	}
}

// TestLanguagesPruneImageCache: a multilingual build prunes the image
// cache of what no language uses any more, and keeps what any one does.
func TestLanguagesPruneImageCache(t *testing.T) {
	src := writeFixture(t, "hugo-languages.txtar")
	sitetest.WriteFiles(t, src, []txtar.File{
		{Name: "content/zh/news/d/index.md", Data: []byte("---\ntitle: 中文图\ndate: 2025-09-04\n---\n![中文图](zhonly.png)\n")},
		{Name: "content/zh/news/d/zhonly.png", Data: []byte("GEN png 64x64")},
		{Name: "content/en/news/e/index.md", Data: []byte("---\ntitle: English picture\ndate: 2025-09-04\n---\n![english](enonly.png)\n")},
		{Name: "content/en/news/e/enonly.png", Data: []byte("GEN png 64x64")},
	})
	cache := filepath.Join(src, ".showcase-cache", "images")
	if err := os.MkdirAll(cache, 0o755); err != nil {
		t.Fatal(err)
	}
	stale := filepath.Join(cache, "gone_64w_0123456789.png")
	if err := os.WriteFile(stale, []byte("x"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := Build(Options{Source: src, Destination: filepath.Join(t.TempDir(), "public"), Theme: showcase.Theme(), Now: fixedNow}); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(stale); err == nil {
		t.Errorf("the stale variant %s survived the build", filepath.Base(stale))
	}
	entries, err := os.ReadDir(cache)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, e := range entries {
		names = append(names, e.Name())
	}
	for _, prefix := range []string{"zhonly_", "enonly_", "logo_"} {
		found := false
		for _, n := range names {
			found = found || strings.HasPrefix(n, prefix)
		}
		if !found {
			t.Errorf("no %s… variant kept in the cache: %v", prefix, names)
		}
	}
}

// TestLanguagesStaticVariants: the variants of a static/ picture that
// pages of two languages show are made once, at the site's root beside
// the picture, not again below /en/.
func TestLanguagesStaticVariants(t *testing.T) {
	dest := buildFixture(t, "hugo-languages.txtar")
	if _, err := os.Stat(filepath.Join(dest, "en", "img")); err == nil {
		entries, _ := os.ReadDir(filepath.Join(dest, "en", "img"))
		t.Errorf("variants made again below en/img/: %d files", len(entries))
	}
	variants, _ := filepath.Glob(filepath.Join(dest, "img", "logo_*w_*.png"))
	if len(variants) == 0 {
		t.Fatalf("no variant of static/img/logo.png at the root")
	}
	page, err := os.ReadFile(filepath.Join(dest, "en", "news", "opening", "index.html"))
	if err != nil {
		t.Fatal(err)
	}
	if want := `src="/dangjian/img/` + filepath.Base(variants[0]); !strings.Contains(string(page), want) {
		t.Errorf("the en page does not show the root's variant %s", want)
	}
}
