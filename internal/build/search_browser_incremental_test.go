package build

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"showcase/internal/browsertest"
)

// TestSearchBrowserIncremental: in Chromium, recent pages (edited since the
// index's last segment) are found in their text with the Go reader's
// results and order; and a search page whose index a later deploy replaced
// (a new base removed the files it read) reopens the index and shows the
// new results, not an error.
func TestSearchBrowserIncremental(t *testing.T) {
	src := makeSite(t, searchSite)
	dest := filepath.Join(t.TempDir(), "public")
	if _, err := buildDir(t, src, dest); err != nil {
		t.Fatal(err)
	}
	editFile(t, src, "content/news/shiwei.md", "强调加强**党建**工作", "强调加强**廉政**建设，时伟书记讲话")
	editFile(t, src, "content/cases/day-03.md", "开展主要工作", "人文学院中文系教师党支部开展主题讲座")
	os.WriteFile(filepath.Join(src, "content/news/new.md"), []byte("+++\ntitle = \"新增廉政一篇\"\ndate = 2025-04-01\n+++\n新增的页面讲廉政。黨建。\n"), 0o644)
	if _, err := buildDir(t, src, dest); err != nil {
		t.Fatal(err)
	}
	ix := openIndex(t, dest)
	site := browsertest.Serve(t, dest, "/dangjian/")
	ctx := browsertest.New(t)
	browsertest.Step(t, ctx, 20*time.Second, chromedp.Navigate(site+"search/"))
	waitResults(t, ctx, "")
	for _, q := range []string{"廉政", "时伟", "党建", "人文学院中文系教师党支部", "教师党支部开展主题", "时伟书记", "ppt", "新增廉政一篇的页面"} {
		got := typeQuery(t, ctx, q)
		want, partial := goResults(t, ix, q)
		want = want[:min(10, len(want))]
		if strings.Join(got.URLs, " ") != strings.Join(want, " ") || (got.Partial != "") != partial {
			t.Errorf("%s: %v (partial %q), want %v (partial %v)", q, got.URLs, got.Partial, want, partial)
		}
	}

	// ten more edits pass a tenth of the index: a new base removes the old
	// fragments of the edited pages, which the open page reads to show
	// 主题党日12
	segs, _ := filepath.Glob(filepath.Join(dest, "search", "s-*"))
	for i := 4; i < 14; i++ {
		editFile(t, src, fmt.Sprintf("content/cases/day-%02d.md", i), "开展主题党日", "开展党史学习")
	}
	if _, err := buildDir(t, src, dest); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(segs[0]); len(segs) != 1 || err == nil {
		t.Fatalf("no new base: %v", segs)
	}
	ix = openIndex(t, dest)
	for _, q := range []string{"主题党日12", "党史学习"} {
		got := typeQuery(t, ctx, q)
		want, _ := goResults(t, ix, q)
		want = want[:min(10, len(want))]
		if strings.Join(got.URLs, " ") != strings.Join(want, " ") || strings.Contains(got.Status, "不可用") {
			t.Errorf("after a new base, %s: %v %q, want %v", q, got.URLs, got.Status, want)
		}
	}
	page, _ := os.ReadFile(filepath.Join(dest, "search", "index.html"))
	now := browsertest.Step(t, ctx, 10*time.Second, chromedp.Evaluate[string](`document.getElementById("search").getAttribute("data-index")`))
	if want := dataIndex.FindSubmatch(page); want == nil || !strings.HasSuffix(now, "search/"+string(want[1])) {
		t.Errorf("the page reads %s, not the new index", now)
	}
}
