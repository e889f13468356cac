package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

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
	// Importing the same text again says so and makes no second copy.
	out.Reset()
	if code := runImport([]string{seedSample, "-s", site, "--slug", "2025-shuangchuang-jiaoliuhui"}, &out, &errOut); code != 0 {
		t.Fatalf("second import exit %d: %s", code, errOut.String())
	}
	second := filepath.Join(site, "content", "news", "2025-shuangchuang-jiaoliuhui-2", "index.md")
	if !strings.Contains(out.String(), "已经导入过") || !strings.Contains(out.String(), index) {
		t.Errorf("the second import does not say the text was imported to %s:\n%s", index, out.String())
	}
	if _, err := os.Stat(second); err == nil {
		t.Error("the second import made a second copy")
	}
	// With --again it does, and never overwrites: the copy gets its own folder.
	out.Reset()
	if code := runImport([]string{seedSample, "-s", site, "--slug", "2025-shuangchuang-jiaoliuhui", "--again"}, &out, &errOut); code != 0 {
		t.Fatalf("import --again exit %d: %s", code, errOut.String())
	}
	if again, _ := os.ReadFile(index); string(again) != fixed {
		t.Error("the second import overwrote the first")
	}
	if _, err := os.Stat(second); err != nil {
		t.Errorf("second copy: %v", err)
	}
}

// TestImportGuessedDate: a report without its year is imported with the
// year of the file's date, named from its title, and check reports the
// date until a person confirms it by deleting 请核对.
func TestImportGuessedDate(t *testing.T) {
	site := workflowSite(t)
	file := filepath.Join(t.TempDir(), "稿件.txt")
	text := "农学院召开党建推进会\n\n10月20日，农学院召开党建工作推进会。\n\n（撰稿：付妍 审核：王存宏 编辑：李锦）\n"
	if err := os.WriteFile(file, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	mtime := time.Date(2024, 10, 21, 9, 0, 0, 0, time.Local)
	if err := os.Chtimes(file, mtime, mtime); err != nil {
		t.Fatal(err)
	}
	var out, errOut bytes.Buffer
	if code := runImport([]string{file, "-s", site}, &out, &errOut); code != 0 {
		t.Fatalf("import exit %d: %s", code, errOut.String())
	}
	index := filepath.Join(site, "content", "news", "nong-xue-yuan-zhao-kai-dang-jian", "index.md")
	data, err := os.ReadFile(index)
	if err != nil {
		t.Fatalf("the folder is not named from the title: %v\n%s", err, out.String())
	}
	if !strings.Contains(string(data), "date = 2024-10-20T00:00:00+08:00") || !strings.Contains(string(data), "请核对") {
		t.Fatalf("the date is not 2024-10-20 marked 请核对:\n%s", data)
	}
	reviewed := strings.Replace(string(data), `review = "draft"`, `review = "reviewed"`, 1)
	os.WriteFile(index, []byte(reviewed), 0o644)
	out.Reset()
	if code := runCheck([]string{"-s", site}, &out, &errOut); code != 1 || !strings.Contains(out.String(), "尚未核对") {
		t.Errorf("check with the date unconfirmed: exit %d\n%s", code, out.String())
	}
	os.WriteFile(index, []byte(strings.Replace(reviewed, "，请核对", "", 1)), 0o644)
	out.Reset()
	if code := runCheck([]string{"-s", site}, &out, &errOut); code != 0 {
		t.Errorf("check with the date confirmed: exit %d\n%s", code, out.String())
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
