package browsertest

import (
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// TestBrowser proves the harness: a page served under a sub-path is opened
// and its script runs.
func TestBrowser(t *testing.T) {
	dir := t.TempDir()
	page := `<!DOCTYPE html><html lang="zh-CN"><title>测试</title><p id="x">静态</p><script>document.getElementById("x").textContent = "脚本已运行"</script>`
	if err := os.WriteFile(filepath.Join(dir, "index.html"), []byte(page), 0o644); err != nil {
		t.Fatal(err)
	}
	url := Serve(t, dir, "/dangjian/")
	ctx := New(t)
	Step(t, ctx, 20*time.Second, chromedp.Navigate(url))
	if got := Step(t, ctx, 10*time.Second, chromedp.Text(chromedp.CSS("#x"))); got != "脚本已运行" {
		t.Fatalf("text = %q", got)
	}
}
