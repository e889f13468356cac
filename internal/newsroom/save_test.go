package newsroom

import (
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

func openPage(t *testing.T, n *Newsroom, rel string) pageReply {
	t.Helper()
	var page pageReply
	if w := n.do(t, call{path: "api/page?file=" + rel}, &page); w.Code != http.StatusOK {
		t.Fatalf("open %s: %d %s", rel, w.Code, w.Body)
	}
	return page
}

func TestSaveChangesOnlyTheField(t *testing.T) {
	dir := testSite(t, nil)
	n := testNewsroom(t, dir, "")
	var saved []string
	n.opts.Saved = func(rel string) { saved = append(saved, rel) }
	page := openPage(t, n, "content/news/a/index.md")
	if page.Fields["title"] != "第一篇" || page.Body != "正文第一段。\n" || page.Info.State != StatePending {
		t.Fatalf("opened %+v", page)
	}
	body := "新的正文。\n"
	req := saveRequest{File: page.File, Version: page.Version, Body: &body, Fields: []field{
		{Key: "title", Type: "text", Value: "改过的标题"},
		{Key: "tags", Type: "list", Value: []any{"主题教育", "双创"}},
		{Key: "photographer", Type: "text", Value: "陈宝"},
	}}
	var out pageReply
	if w := n.do(t, call{method: "POST", path: "api/save", csrf: true, body: jsonText(req)}, &out); w.Code != http.StatusOK {
		t.Fatalf("save: %d %s", w.Code, w.Body)
	}
	want := "+++\n# 工作动态\ntitle = \"改过的标题\"   # 标题\ndate = 2025-10-26T09:30:00+08:00\n" +
		"author = \"储德丹\"\ntags = [\"主题教育\", \"双创\"]\nreview = \"draft\"\nphotographer = \"陈宝\"\n+++\n新的正文。\n"
	if got := readSite(t, dir, page.File); got != want {
		t.Errorf("file:\n%s\nwant:\n%s", got, want)
	}
	if out.Version == page.Version || len(saved) != 1 || saved[0] != page.File {
		t.Errorf("version %s, saved %v", out.Version, saved)
	}
	leftovers, _ := filepath.Glob(filepath.Join(dir, "content/news/a/.showcase-save-*"))
	if len(leftovers) > 0 {
		t.Errorf("temporary files left: %v", leftovers)
	}
}

func TestConflictNeverOverwrites(t *testing.T) {
	dir := testSite(t, nil)
	n := testNewsroom(t, dir, "")
	page := openPage(t, n, "content/news/a/index.md")
	theirs := strings.Replace(page.Text, "正文第一段。", "别人改的正文。", 1)
	if err := os.WriteFile(filepath.Join(dir, "content/news/a/index.md"), []byte(theirs), 0o644); err != nil {
		t.Fatal(err)
	}
	body := "我的正文\n"
	req := saveRequest{File: page.File, Version: page.Version, Body: &body}
	var out struct {
		Conflict bool
		Text     string
		Error    string
	}
	if w := n.do(t, call{method: "POST", path: "api/save", csrf: true, body: jsonText(req)}, &out); w.Code != http.StatusConflict {
		t.Fatalf("save over a changed file: %d", w.Code)
	}
	if !out.Conflict || out.Text != theirs || !strings.Contains(out.Error, "冲突") {
		t.Errorf("conflict answer %+v", out)
	}
	if readSite(t, dir, page.File) != theirs {
		t.Error("the other change was overwritten")
	}
}

func TestWritesStayInContent(t *testing.T) {
	dir := testSite(t, nil)
	outside := t.TempDir()
	os.WriteFile(filepath.Join(outside, "x.md"), []byte("+++\ntitle = \"外面\"\n+++\n"), 0o644)
	if err := os.Symlink(outside, filepath.Join(dir, "content/linked")); err != nil {
		t.Fatal(err)
	}
	n := testNewsroom(t, dir, "")
	for _, rel := range []string{"../../x.md", "site.toml", "content/../site.toml", "content/news/../../x.md", "/etc/x.md",
		"content/news/a/index.txt", "content/.git/x.md", "content/linked/x.md"} {
		req := saveRequest{File: rel, Version: version([]byte("+++\ntitle = \"外面\"\n+++\n")), Fields: []field{{Key: "title", Type: "text", Value: "x"}}}
		w := n.do(t, call{method: "POST", path: "api/save", csrf: true, body: jsonText(req)}, nil)
		if w.Code == http.StatusOK {
			t.Errorf("saving %q accepted", rel)
		}
	}
	if data, _ := os.ReadFile(filepath.Join(outside, "x.md")); strings.Contains(string(data), "\"x\"") {
		t.Error("a file outside the site was written through a link")
	}
}

func TestKeepVersionWithoutGit(t *testing.T) {
	dir := testSite(t, nil)
	n := testNewsroom(t, dir, "")
	page := openPage(t, n, "content/news/a/index.md")
	req := saveRequest{File: page.File, Version: page.Version, Keep: true, Fields: []field{{Key: "title", Type: "text", Value: "第二版"}}}
	if w := n.do(t, call{method: "POST", path: "api/save", csrf: true, body: jsonText(req)}, nil); w.Code != http.StatusOK {
		t.Fatalf("save: %d %s", w.Code, w.Body)
	}
	kept, _ := filepath.Glob(filepath.Join(dir, HistoryFolder, "content/news/a/index.md", "*.md"))
	if len(kept) != 1 || !strings.Contains(readSite(t, dir, strings.TrimPrefix(kept[0], dir+"/")), "第二版") {
		t.Errorf("history: %v", kept)
	}
}

func TestKeepVersionInGit(t *testing.T) {
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("no git")
	}
	dir := testSite(t, nil)
	git := func(args ...string) string {
		cmd := exec.Command("git", append([]string{"-c", "user.name=t", "-c", "user.email=t@t"}, args...)...)
		cmd.Dir = dir
		out, err := cmd.CombinedOutput()
		if err != nil {
			t.Fatalf("git %v: %v %s", args, err, out)
		}
		return string(out)
	}
	git("init", "-q")
	git("add", ".")
	git("commit", "-qm", "start")
	os.WriteFile(filepath.Join(dir, "site.toml.extra"), []byte("x"), 0o644)
	git("add", "site.toml.extra") // someone else's staged change stays out of the editor's commit
	n := testNewsroom(t, dir, "")
	page := openPage(t, n, "content/news/a/index.md")
	req := saveRequest{File: page.File, Version: page.Version, Keep: true, Who: "李锦", Fields: []field{{Key: "title", Type: "text", Value: "第二版"}}}
	if w := n.do(t, call{method: "POST", path: "api/save", csrf: true, body: jsonText(req)}, nil); w.Code != http.StatusOK {
		t.Fatalf("save: %d %s", w.Code, w.Body)
	}
	if files := git("show", "--name-only", "--format=%s", "HEAD"); files != "编辑器保存 content/news/a/index.md（李锦）\n\ncontent/news/a/index.md\n" {
		t.Errorf("last commit: %q", files)
	}
	if _, err := os.Stat(filepath.Join(dir, HistoryFolder)); err == nil {
		t.Error("a git site also got a history folder")
	}
}

func TestFormDates(t *testing.T) {
	dir := testSite(t, map[string]string{
		"content/news/b.md": "+++\ntitle = \"b\"\ndate = 2025-09-01\nlastmod = 2025-09-02T01:30:00Z\n+++\n",
		"content/news/c.md": "---\ntitle: c\ndate: 2025-09-03T10:00:00+08:00\n---\n",
	})
	n := testNewsroom(t, dir, "")
	b := openPage(t, n, "content/news/b.md")
	if b.Fields["date"] != "2025-09-01T00:00" || b.Fields["lastmod"] != "2025-09-02T09:30" {
		t.Errorf("TOML dates in the form: %v, %v", b.Fields["date"], b.Fields["lastmod"])
	}
	if c := openPage(t, n, "content/news/c.md"); c.Fields["date"] != "2025-09-03T10:00" || c.Format != "yaml" {
		t.Errorf("YAML date in the form: %v (%s)", c.Fields["date"], c.Format)
	}
}

func TestProblemsFromCheck(t *testing.T) {
	dir := testSite(t, map[string]string{
		"content/news/b.md": "+++\ntitle = \"b\"\ndate = 2025-09-01\nreview = \"reviewed\"\n+++\n[坏链接](/nowhere/)\n",
	})
	n := testNewsroom(t, dir, "")
	var out struct {
		Problems map[string][]string
	}
	if w := n.do(t, call{path: "api/problems"}, &out); w.Code != http.StatusOK {
		t.Fatalf("problems: %d", w.Code)
	}
	if got := strings.Join(out.Problems["content/news/b.md"], "\n"); !strings.Contains(got, "reviewer") && !strings.Contains(got, "审核人") {
		t.Errorf("problems of b.md: %q (all: %v)", got, out.Problems)
	}
}

// TestSaveSourceView: the source view saves the whole file as written.
func TestSaveSourceView(t *testing.T) {
	dir := testSite(t, nil)
	n := testNewsroom(t, dir, "")
	page := openPage(t, n, "content/news/a/index.md")
	text := "---\ntitle: 改成 YAML\n---\n源文件里写的正文。\n"
	var out pageReply
	if w := n.do(t, call{method: "POST", path: "api/save", csrf: true, body: jsonText(saveRequest{File: page.File, Version: page.Version, Text: &text, Keep: true})}, &out); w.Code != http.StatusOK {
		t.Fatalf("save: %d %s", w.Code, w.Body)
	}
	if readSite(t, dir, page.File) != text || out.Format != "yaml" || out.Fields["title"] != "改成 YAML" {
		t.Errorf("after the source view's save: %q, %+v", readSite(t, dir, page.File), out.Fields)
	}
}
