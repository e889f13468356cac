package build

import (
	"image/color"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"showcase/internal/browsertest"
)

// seenSite has words only where a reader sees them outside the text: a
// byline, a body figure's caption and alt text, an album's captions and
// photographer, a profile's record, a subtitle, and a section page's text.
func seenSite(t *testing.T) map[string]string {
	return map[string]string{
		"site.toml":              "baseURL = \"https://www.example.edu.cn/dangjian/\"\ntitle = \"测试党建网\"\n[taxonomies]\nbranch = \"branches\"\n",
		"content/news/_index.md": "+++\ntitle = \"工作动态\"\n+++\n本栏目刊登基层党建工作动态。\n",
		"content/news/oath.md": "+++\ntitle = \"新党员入党宣誓\"\nsubtitle = \"七一前夕重温入党誓词\"\ndate = 2025-06-30\nauthor = \"陈宝\"\nphotographer = \"李锦\"\nreviewers = [\"王审\"]\neditor = \"赵编\"\n+++\n" +
			"学院组织新党员宣誓。\n\n![敬献花圈](/img/wreath.jpg \"老党员领誓\")\n",
		"content/photos/day/index.md":  "+++\ntitle = \"主题党日图集\"\ndate = 2025-05-01\n[[resources]]\nsrc = \"a.jpg\"\ntitle = \"师生重走长征路\"\n[resources.params]\nphotographer = \"周立群\"\n+++\n",
		"content/photos/day/a.jpg":     tinyJPEG(t, color.RGBA{200, 0, 0, 255}),
		"static/img/wreath.jpg":        tinyJPEG(t, color.RGBA{0, 200, 0, 255}),
		"content/branches/zw/index.md": "+++\ntitle = \"中文系教师党支部\"\n[params]\nkind = \"样板支部\"\ndoc_no = \"示教工委函〔2024〕3号\"\nsecretary = \"孙书记\"\n+++\n支部简介。\n",
	}
}

// TestSearchSeen: words a reader sees in bylines, captions, alt texts,
// records, subtitles and section pages are found, in Go.
func TestSearchSeen(t *testing.T) {
	dest := filepath.Join(t.TempDir(), "public")
	if _, err := buildDir(t, makeSite(t, seenSite(t)), dest); err != nil {
		t.Fatal(err)
	}
	siteFinds(t, "seen", dest, map[string][]string{
		"陈宝": {"/dangjian/news/oath/"}, "李锦": {"/dangjian/news/oath/"}, "王审": {"/dangjian/news/oath/"},
		"领誓": {"/dangjian/news/oath/"}, "敬献花圈": {"/dangjian/news/oath/"}, "重温入党誓词": {"/dangjian/news/oath/"},
		"重走长征路": {"/dangjian/photos/day/"}, "周立群": {"/dangjian/photos/day/"},
		"示教工委函": {"/dangjian/branches/zw/"}, "孙书记": {"/dangjian/branches/zw/"},
		"基层党建工作动态": {"/dangjian/news/"},
	})
}

// TestSearchSeenInBrowser: in Chromium, a match in a caption or a byline
// is found and its snippet says where it is.
func TestSearchSeenInBrowser(t *testing.T) {
	dest := filepath.Join(t.TempDir(), "public")
	if _, err := buildDir(t, makeSite(t, seenSite(t)), dest); err != nil {
		t.Fatal(err)
	}
	site := browsertest.Serve(t, dest, "/dangjian/")
	ctx := browsertest.New(t)
	browsertest.Step(t, ctx, 20*time.Second, chromedp.Navigate(site+"search/"))
	waitResults(t, ctx, "")
	for q, want := range map[string]string{"领誓": "图片说明：老党员领誓", "周立群": "署名及信息：摄影：周立群", "示教工委函": "署名及信息：立项文号：示教工委函"} {
		got := typeQuery(t, ctx, q)
		snippet := browsertest.Step(t, ctx, 10*time.Second, chromedp.Evaluate[string](`(document.querySelector(".search-snippet") || {}).textContent || ""`))
		if got.Count != "1" || !strings.HasPrefix(snippet, want) {
			t.Errorf("%s: %s results, snippet %q; want 1, %q…", q, got.Count, snippet, want)
		}
	}
}
