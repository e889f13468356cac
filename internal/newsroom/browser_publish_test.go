package newsroom

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"showcase/internal/browsertest"
)

// TestBrowserPublish: the 发布 view shows the dry run's plan, then deploys
// to a file:// target with progress and its summary.
func TestBrowserPublish(t *testing.T) {
	ctx := browsertest.New(t)
	target := t.TempDir()
	_, editURL, _ := editorSite(t, map[string]string{
		"site.toml": "baseURL = \"https://www.example.edu.cn/dj/\"\ntitle = \"测试党建网\"\n[review]\nrequired = true\nstages = [\"初审\"]\n" +
			"[[deploy.targets]]\nname = \"校内服务器\"\nurl = \"file://" + filepath.ToSlash(target) + "\"\n",
		"content/news/a/index.md": "+++\ntitle = \"第一篇\"\ndate = 2025-10-26T09:30:00+08:00\nreview = \"reviewed\"\nreviewer = [\"钱锐\"]\neditor = \"李锦\"\n" +
			"signoffs = [\"初审 钱锐 2026-12-03T10:00:00+08:00\"]\n+++\n正文第一段。\n",
	})
	run(t, ctx, chromedp.Navigate(editURL+"#/publish"))
	waitUntil(t, ctx, "the publish view", `document.querySelector('select[name="target"]')`)
	run(t, ctx, chromedp.Evaluate[chromedp.Void](`[...document.querySelectorAll("button")].find(b => b.textContent === "查看将要发布的内容").click()`))
	waitUntil(t, ctx, "the plan shows", `document.getElementById("plan") && document.getElementById("plan").textContent.length > 0`)
	if entries, _ := os.ReadDir(target); len(entries) != 0 {
		t.Fatalf("the dry run wrote %d files to the target", len(entries))
	}
	run(t, ctx, chromedp.Evaluate[chromedp.Void](`[...document.querySelectorAll("button")].find(b => b.textContent === "确认发布").click()`))
	waitUntil(t, ctx, "the deploy ends with its summary", `document.body.innerText.includes("已发布到")`)
	data, err := os.ReadFile(filepath.Join(target, "news/a/index.html"))
	if err != nil || !strings.Contains(string(data), "正文第一段。") {
		t.Errorf("the page on the target: %v", err)
	}
}

func TestPublishGateNeedsEveryStage(t *testing.T) {
	target := t.TempDir()
	dir := testSite(t, map[string]string{
		"site.toml": "baseURL = \"https://www.example.edu.cn/dj/\"\ntitle = \"测试党建网\"\n[review]\nrequired = true\nstages = [\"初审\", \"终审\"]\n" +
			"[[deploy.targets]]\nname = \"t\"\nurl = \"file://" + filepath.ToSlash(target) + "\"\n",
		"content/news/a/index.md": "+++\ntitle = \"第一篇\"\ndate = 2025-10-26T09:30:00+08:00\nreview = \"reviewed\"\nreviewer = [\"钱锐\"]\n+++\n正文。\n",
	})
	n := testNewsroom(t, dir, "")
	var out map[string]string
	w := n.do(t, call{method: "POST", path: "api/publish", csrf: true, body: `{"dryRun": true}`}, &out)
	if w.Code != 400 || !strings.Contains(out["error"], "缺少审核阶段的签署：初审、终审") { // check's rule (internal/check signoffs.go)
		t.Errorf("publishing a page without its sign-offs: %d %q", w.Code, out["error"])
	}
	if w := n.do(t, call{method: "POST", path: "api/publish", csrf: true, body: `{"dryRun": true, "target": "file:///tmp"}`}, nil); w.Code != 400 {
		t.Errorf("a target URL from the browser: %d", w.Code)
	}
}
