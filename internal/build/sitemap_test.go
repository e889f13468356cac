package build

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestSitemapSplit: past sitemapSplit URLs, sitemap.xml is an index of one
// file for the undated pages and one per year; an article added changes
// its year's file and the index, not the others. A bilingual site's root
// index lists every language's files (an index lists no other index).
func TestSitemapSplit(t *testing.T) {
	for _, bilingual := range []bool{false, true} {
		src, out := t.TempDir(), t.TempDir()
		news := filepath.Join(src, "content/news")
		config := "baseURL = \"https://www.example.edu.cn/dangjian/\"\ntitle = \"t\"\n"
		if bilingual {
			news = filepath.Join(src, "content/zh/news")
			config += "defaultContentLanguage = \"zh\"\n[languages.zh]\ncontentDir = \"content/zh\"\n[languages.en]\ncontentDir = \"content/en\"\n"
			write(t, filepath.Join(src, "content/en/news/a.md"), "+++\ntitle = \"A\"\ndate = 2025-01-01\n+++\n")
		}
		write(t, filepath.Join(src, "site.toml"), config)
		for i := range sitemapSplit + 10 {
			write(t, filepath.Join(news, fmt.Sprintf("n%d.md", i)), fmt.Sprintf("+++\ntitle = \"第%d篇\"\ndate = %d-03-01\n+++\n", i, 2023+i%3))
		}
		if _, err := buildDir(t, src, out); err != nil {
			t.Fatal(err)
		}
		dir := ""
		if bilingual {
			dir = "zh/"
		}
		index := read(t, filepath.Join(out, "sitemap.xml"))
		for _, part := range []string{"sitemap-pages.xml", "sitemap-2023.xml", "sitemap-2024.xml", "sitemap-2025.xml"} {
			if !strings.Contains(index, "<loc>https://www.example.edu.cn/dangjian/"+dir+part+"</loc>") {
				t.Errorf("bilingual %v: the index lacks %s:\n%s", bilingual, part, index)
			}
		}
		if y := read(t, filepath.Join(out, dir, "sitemap-2024.xml")); !strings.Contains(y, "/news/n1/</loc>") || strings.Contains(y, "/news/n2/") {
			t.Errorf("bilingual %v: sitemap-2024.xml:\n%.400s", bilingual, y)
		}
		if bilingual && !strings.Contains(index, "<loc>https://www.example.edu.cn/dangjian/en/sitemap.xml</loc>") {
			t.Errorf("the root index lacks the English sitemap:\n%s", index)
		}
		before := map[string]string{}
		for _, n := range []string{"sitemap-pages.xml", "sitemap-2023.xml", "sitemap-2024.xml", "sitemap-2025.xml"} {
			before[n] = read(t, filepath.Join(out, dir, n))
		}
		write(t, filepath.Join(news, "new.md"), "+++\ntitle = \"新\"\ndate = 2024-05-01\n+++\n")
		if _, err := buildDir(t, src, out); err != nil {
			t.Fatal(err)
		}
		for n, old := range before { // the lists' lastmod is their newest item's: 2025's
			if changed := read(t, filepath.Join(out, dir, n)) != old; changed != (n == "sitemap-2024.xml") {
				t.Errorf("bilingual %v: after a 2024 article, %s changed: %v", bilingual, n, changed)
			}
		}
	}
}

func write(t *testing.T, name, text string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(name), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(name, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
}

func read(t *testing.T, name string) string {
	t.Helper()
	data, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	return string(data)
}
