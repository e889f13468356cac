package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestCheckFix: check reports the ASCII punctuation of a page, check --fix
// corrects it in place with a report, and the check that follows is clean.
func TestCheckFix(t *testing.T) {
	site := workflowSite(t)
	news := filepath.Join(site, "content", "news")
	os.MkdirAll(news, 0o755)
	page := filepath.Join(news, "a.md")
	front := "+++\r\ntitle = \"推进会\"\r\ndate = 2025-10-26\r\nreviewer = \"钱锐\"\r\neditor = \"李锦\"\r\n+++\r\n"
	os.WriteFile(page, []byte(front+"会议召开,部署工作(扩大)。要著力推进。\r\n"), 0o644)

	var out, errOut bytes.Buffer
	if code := runCheck([]string{"-s", site}, &out, &errOut); code != 0 ||
		!strings.Contains(out.String(), "content/news/a.md:7: 警告: 中文里有 3 处半角标点") ||
		!strings.Contains(out.String(), "“著力”应写作“着力”") {
		t.Errorf("check: exit %d\n%s", code, out.String())
	}
	out.Reset()
	if code := runCheck([]string{"-s", site, "--fix"}, &out, &errOut); code != 0 {
		t.Errorf("check --fix: exit %d\n%s%s", code, out.String(), errOut.String())
	}
	for _, want := range []string{
		"content/news/a.md:7: 已改正 “,”→“，”、“(”→“（”、“)”→“）”、“著力”→“着力”",
		"已在 1 个文件中改正 4 处",
		"检查完毕：没有发现问题",
	} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("check --fix output lacks %q:\n%s", want, out.String())
		}
	}
	if got, _ := os.ReadFile(page); string(got) != front+"会议召开，部署工作（扩大）。要着力推进。\r\n" {
		t.Errorf("page after --fix: %q", got)
	}
	// JSON stays JSON: the report goes to stderr.
	out.Reset()
	errOut.Reset()
	if code := runCheck([]string{"-s", site, "--fix", "--format", "json"}, &out, &errOut); code != 0 ||
		!strings.HasPrefix(out.String(), "{") || !strings.Contains(errOut.String(), "没有需要自动改正") {
		t.Errorf("check --fix --format json: exit %d\n%s\n%s", code, out.String(), errOut.String())
	}
}

// TestImportUsesSiteWords: import corrects the site's fixed phrasings.
func TestImportUsesSiteWords(t *testing.T) {
	site := workflowSite(t)
	toml := filepath.Join(site, "site.toml")
	data, err := os.ReadFile(toml)
	if err != nil || !bytes.Contains(data, []byte("\n[check.words.standard]\n")) {
		t.Fatalf("the demo site.toml has no [check.words.standard]: %v", err)
	}
	data = bytes.Replace(data, []byte("\n[check.words.standard]\n"), []byte("\n[check.words.standard]\n\"两个维护\" = [\"两个捍卫\"]\n"), 1)
	os.WriteFile(toml, data, 0o644)
	src := filepath.Join(t.TempDir(), "a.txt")
	os.WriteFile(src, []byte("坚决做到两个捍卫,著力推进。\n"), 0o644)
	var out, errOut bytes.Buffer
	if code := runImport([]string{src, "-s", site, "--title", "推进会", "--slug", "a"}, &out, &errOut); code != 0 {
		t.Fatalf("import: exit %d\n%s", code, errOut.String())
	}
	got, _ := os.ReadFile(filepath.Join(site, "content", "news", "a", "index.md"))
	if !strings.Contains(string(got), "坚决做到两个维护，着力推进。") {
		t.Errorf("imported page:\n%s", got)
	}
}
