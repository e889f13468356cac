package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"showcase/internal/config"
	"showcase/internal/content"
)

const seedSample = "../../internal/importer/testdata/seed-news-raw.txt"

// demoSite makes a temporary site with the demo's site.toml and branch
// profiles, without any news.
func workflowSite(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	data, err := os.ReadFile("../../site.toml")
	if err != nil {
		t.Fatal(err)
	}
	// These tests exercise the gate without [review] required (the demo
	// requires review; its [review] section comes last in site.toml).
	if i := bytes.Index(data, []byte("\n[review]")); i >= 0 {
		data = data[:i+1]
	}
	os.WriteFile(filepath.Join(dir, "site.toml"), data, 0o644)
	err = filepath.WalkDir("../../content/branches", func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, _ := filepath.Rel("../..", p)
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		os.MkdirAll(filepath.Join(dir, filepath.Dir(rel)), 0o755)
		return os.WriteFile(filepath.Join(dir, rel), b, 0o644)
	})
	if err != nil {
		t.Fatal(err)
	}
	return dir
}

// TestRecreateSeedItem re-creates the demo site's seed news item the way
// the staff would: import the raw text, read the report, fix the reported
// mojibake by hand, mark the page reviewed, check.
func TestRecreateSeedItem(t *testing.T) {
	site := workflowSite(t)
	var out, errOut bytes.Buffer
	code := runImport([]string{seedSample, "-s", site, "--title", "学校召开党建“双创”工作推进会",
		"--date", "2025-10-26T11:30:00+08:00", "--slug", "2025-shuangchuang-jiaoliuhui"}, &out, &errOut)
	if code != 0 {
		t.Fatalf("import exit %d: %s", code, errOut.String())
	}
	index := filepath.Join(site, "content", "news", "2025-shuangchuang-jiaoliuhui", "index.md")
	report := out.String()
	if strings.Count(report, index+":") != 3 || !strings.Contains(report, "疑似乱码") {
		t.Errorf("the report does not list the 3 mojibake spots as %s:LINE:\n%s", index, report)
	}
	data, err := os.ReadFile(index)
	if err != nil {
		t.Fatal(err)
	}
	page := parseWorkflowPage(t, data)
	by := page.Byline
	if by.Author != "储德丹" || by.Photographer != "陈宝" || strings.Join(by.Reviewers, " ") != "钱锐 姚文均" || by.Editor != "李锦" || page.Review != "draft" {
		t.Errorf("byline %+v, review %q", by, page.Review)
	}

	out.Reset()
	if code := runCheck([]string{"-s", site}, &out, &errOut); code != 1 || !strings.Contains(out.String(), "乱码 (mojibake)") {
		t.Errorf("check before the fixes: exit %d\n%s", code, out.String())
	}

	// A person fixes the three spots from the original (the import has
	// already corrected 著力 and the punctuation), then marks the page
	// reviewed.
	fixed := strings.NewReplacer("?!薄皹?biāo)", "校”“标", "?!钡臋C(jī)", "校”的机", "?!鄙陥?bào)", "校”申报",
		`review = "draft"`, `review = "reviewed"`).Replace(string(data))
	if err := os.WriteFile(index, []byte(fixed), 0o644); err != nil {
		t.Fatal(err)
	}
	demo, err := os.ReadFile("../../content/news/2025-shuangchuang-jiaoliuhui/index.md")
	if err != nil {
		t.Fatal(err)
	}
	if got, want := string(parseWorkflowPage(t, []byte(fixed)).Body), string(parseWorkflowPage(t, demo).Body); strings.TrimSpace(got) != strings.TrimSpace(want) {
		t.Errorf("the fixed import differs from the demo item:\n%s", got)
	}
	out.Reset()
	if code := runCheck([]string{"-s", site}, &out, &errOut); code != 0 {
		t.Errorf("check after the fixes: exit %d\n%s", code, out.String())
	}
	// Importing again never overwrites: the second copy gets its own folder.
	out.Reset()
	if code := runImport([]string{seedSample, "-s", site, "--slug", "2025-shuangchuang-jiaoliuhui"}, &out, &errOut); code != 0 {
		t.Fatalf("second import exit %d: %s", code, errOut.String())
	}
	if again, _ := os.ReadFile(index); string(again) != fixed {
		t.Error("the second import overwrote the first")
	}
	if _, err := os.Stat(filepath.Join(site, "content", "news", "2025-shuangchuang-jiaoliuhui-2", "index.md")); err != nil {
		t.Errorf("second copy: %v", err)
	}
}

func parseWorkflowPage(t *testing.T, data []byte) *content.Page {
	t.Helper()
	cfg, _, err := config.Parse([]byte("title = \"t\"\nbaseURL = \"https://x.edu.cn/\"\n"), "site.toml")
	if err != nil {
		t.Fatal(err)
	}
	p, problems := content.ParsePage("content/news/x/index.md", data, cfg)
	if len(problems) > 0 {
		t.Fatalf("page does not parse: %v", problems[0])
	}
	return p
}

func TestImportRefusesAFolderWithoutSite(t *testing.T) {
	var out, errOut bytes.Buffer
	if code := runImport([]string{"x.txt", "-s", t.TempDir()}, &out, &errOut); code != 1 || !strings.Contains(errOut.String(), "site.toml") {
		t.Errorf("exit %d: %s", code, errOut.String())
	}
	if code := runImport(nil, &out, &errOut); code != 2 {
		t.Errorf("no file: exit %d", code)
	}
}
