package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"showcase/internal/check"
)

// TestCheckDemoSite: the demo site passes the review gate.
func TestCheckDemoSite(t *testing.T) {
	var out, errOut bytes.Buffer
	if code := runCheck([]string{"-s", "../.."}, &out, &errOut); code != 0 {
		t.Errorf("exit %d:\n%s%s", code, out.String(), errOut.String())
	}
}

func TestCheckJSONAndExitCodes(t *testing.T) {
	site := workflowSite(t)
	news := filepath.Join(site, "content", "news")
	os.MkdirAll(news, 0o755)
	os.WriteFile(filepath.Join(news, "a.md"), []byte("+++\ntitle = \"推进会\"\ndate = 2025-10-26\n+++\n![](x.jpg)\n"), 0o644)
	var out, errOut bytes.Buffer
	if code := runCheck([]string{"-s", site, "--format", "json"}, &out, &errOut); code != 1 {
		t.Errorf("exit %d, want 1", code)
	}
	var rep check.Report
	if err := json.Unmarshal(out.Bytes(), &rep); err != nil {
		t.Fatalf("not JSON: %v\n%s", err, out.String())
	}
	rules := map[string]bool{}
	for _, f := range rep.Findings {
		rules[f.Rule] = true
	}
	if rep.Errors == 0 || !rules["fields"] || !rules["images"] {
		t.Errorf("findings %+v", rep)
	}
	// Warnings only: exit 0.
	os.WriteFile(filepath.Join(news, "a.md"), []byte("+++\ntitle = \"推进会\"\ndate = 2026-12-26\nreviewer = \"钱锐\"\neditor = \"李锦\"\n+++\n正文。\n"), 0o644)
	out.Reset()
	if code := runCheck([]string{"-s", site}, &out, &errOut); code != 0 || !strings.Contains(out.String(), "日期 (dates)") {
		t.Errorf("exit %d:\n%s", code, out.String())
	}
	if code := runCheck([]string{"-s", site, "--format", "xml"}, &out, &errOut); code != 2 {
		t.Errorf("a bad format: exit %d", code)
	}
}

func TestSiteCheckGate(t *testing.T) {
	var out bytes.Buffer
	if err := siteCheckGate("../..", &out, false); err != nil {
		t.Errorf("the demo site fails the gate: %v\n%s", err, out.String())
	}
	site := workflowSite(t)
	os.MkdirAll(filepath.Join(site, "content", "news"), 0o755)
	os.WriteFile(filepath.Join(site, "content", "news", "a.md"), []byte("+++\ntitle = \"推进会\"\ndate = 2025-10-26\n+++\n手机13912345678\n"), 0o644)
	out.Reset()
	if err := siteCheckGate(site, &out, false); err == nil || !strings.Contains(out.String(), "139****5678") {
		t.Errorf("gate let errors through: %v\n%s", err, out.String())
	}
}

// TestBuildStrict: build --strict refuses a site that check refuses, and
// leaves no output.
func TestBuildStrict(t *testing.T) {
	site := workflowSite(t)
	os.MkdirAll(filepath.Join(site, "content", "news"), 0o755)
	os.WriteFile(filepath.Join(site, "content", "news", "a.md"), []byte("+++\ntitle = \"推进会\"\ndate = 2025-10-26\n+++\n手机13912345678\n"), 0o644)
	var out, errOut bytes.Buffer
	dest := filepath.Join(t.TempDir(), "public")
	if code := runBuild([]string{"-s", site, "-d", dest, "--strict"}, &out, &errOut); code != 1 {
		t.Errorf("exit %d, want 1:\n%s", code, errOut.String())
	}
	if _, err := os.Stat(dest); err == nil {
		t.Error("build --strict wrote output despite check errors")
	}
	if code := runBuild([]string{"-s", site, "-d", dest}, &out, &errOut); code != 0 {
		t.Errorf("without --strict: exit %d:\n%s", code, errOut.String())
	}
}

// TestMisspeltKey: a misspelt photographer is a warning that names the key
// meant; build --strict refuses it, deploy's gate lets it pass.
func TestMisspeltKey(t *testing.T) {
	site := workflowSite(t)
	os.MkdirAll(filepath.Join(site, "content", "news"), 0o755)
	os.WriteFile(filepath.Join(site, "content", "news", "a.md"), []byte("+++\ntitle = \"推进会\"\ndate = 2025-10-26\nreviewer = [\"钱锐\"]\neditor = \"李锦\"\nphotografer = \"陈宝\"\n+++\n正文。\n"), 0o644)
	var out, errOut bytes.Buffer
	dest := filepath.Join(t.TempDir(), "public")
	if code := runBuild([]string{"-s", site, "-d", dest}, &out, &errOut); code != 0 || !strings.Contains(errOut.String(), "content/news/a.md:6: 项目名“photografer”网站不认识，您是否想写 photographer（摄影）？") {
		t.Errorf("build: exit %d\n%s", code, errOut.String())
	}
	errOut.Reset()
	if code := runBuild([]string{"-q", "-s", site, "-d", dest}, &out, &errOut); code != 0 || errOut.Len() > 0 {
		t.Errorf("build -q prints more than errors: exit %d\n%s", code, errOut.String())
	}
	errOut.Reset()
	if code := runBuild([]string{"-s", site, "-d", dest, "--strict"}, &out, &errOut); code != 1 || !strings.Contains(errOut.String(), "photografer") {
		t.Errorf("build --strict: exit %d\n%s", code, errOut.String())
	}
	out.Reset()
	if err := siteCheckGate(site, &out, false); err != nil {
		t.Errorf("deploy's gate refuses a warning: %v\n%s", err, out.String())
	}
}

// TestCheckDrafts: a draft's problems are shown, marked as the draft's in
// the text and in the JSON, and do not fail check or the deploy gate; the
// same page published does.
func TestCheckDrafts(t *testing.T) {
	site := workflowSite(t)
	news := filepath.Join(site, "content", "news")
	os.MkdirAll(news, 0o755)
	page := "+++\ntitle = \"推进会\"\ndate = 2025-10-26\nreviewer = [\"钱锐\"]\neditor = \"李锦\"\n%s+++\n见[上次会议](nowhere.md)。\n"
	os.WriteFile(filepath.Join(news, "a.md"), []byte(fmt.Sprintf(page, "draft = true\n")), 0o644)
	var out, errOut bytes.Buffer
	if code := runCheck([]string{"-s", site}, &out, &errOut); code != 0 ||
		!strings.Contains(out.String(), "content/news/a.md:8: 错误: 草稿：链接指向的页面 content/news/nowhere.md 不存在") ||
		!strings.Contains(out.String(), "另有 1 处问题在尚未发布的草稿或待审稿件中") {
		t.Errorf("text: exit %d\n%s%s", code, out.String(), errOut.String())
	}
	out.Reset()
	runCheck([]string{"-s", site, "--format", "json"}, &out, &errOut)
	var rep check.Report
	if err := json.Unmarshal(out.Bytes(), &rep); err != nil {
		t.Fatal(err)
	}
	if rep.Errors != 0 || rep.Drafts != 1 || len(rep.Findings) != 1 || !rep.Findings[0].Draft {
		t.Errorf("json: %+v", rep)
	}
	out.Reset()
	if err := siteCheckGate(site, &out, false); err != nil {
		t.Errorf("the gate refuses a draft's problem: %v", err)
	}
	os.WriteFile(filepath.Join(news, "a.md"), []byte(fmt.Sprintf(page, "")), 0o644)
	out.Reset()
	if code := runCheck([]string{"-s", site}, &out, &errOut); code != 1 || strings.Contains(out.String(), "草稿") {
		t.Errorf("published: exit %d\n%s", code, out.String())
	}
}
