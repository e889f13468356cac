package build

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"

	"showcase/internal/browsertest"
	"showcase/internal/search"
)

// shown is what the search page shows for a query.
type shown struct {
	Query   string   `json:"query"`
	Count   string   `json:"count"`
	Partial string   `json:"partial"`
	URLs    []string `json:"urls"`
	Hrefs   []string `json:"hrefs"`
	Marks   []string `json:"marks"`
	Status  string   `json:"status"`
}

const readResults = `(() => {
  const list = document.getElementById("search-results");
  const items = [...list.querySelectorAll(".search-result")];
  return {
    query: list.getAttribute("data-query") || "",
    count: list.getAttribute("data-count") || "",
    partial: list.getAttribute("data-partial") || "",
    urls: items.map(li => li.getAttribute("data-url")),
    hrefs: items.map(li => li.querySelector("a").getAttribute("href")),
    marks: [...list.querySelectorAll("mark")].map(m => m.textContent),
    status: document.getElementById("search-status").textContent,
  };
})()`

// typeQuery clears the search box, types q key by key and waits for the
// results of q.
func typeQuery(t *testing.T, ctx context.Context, q string) shown {
	t.Helper()
	browsertest.Step(t, ctx, 10*time.Second, chromedp.Evaluate[chromedp.Void](`document.getElementById("search-input").value = ""`))
	browsertest.Step(t, ctx, 10*time.Second, chromedp.SendKeys(chromedp.CSS("#search-input"), q))
	return waitResults(t, ctx, q)
}

func waitResults(t *testing.T, ctx context.Context, q string) shown {
	t.Helper()
	qj, _ := json.Marshal(q)
	browsertest.Step(t, ctx, 20*time.Second, chromedp.Poll[chromedp.Void](
		fmt.Sprintf(`(document.getElementById("search-results") || {getAttribute() {}}).getAttribute("data-query") === %s`, qj),
		chromedp.WithPollingMutation()))
	return browsertest.Step(t, ctx, 10*time.Second, chromedp.Evaluate[shown](readResults))
}

// goResults are the URLs the Go reader finds, in rank order.
func goResults(t *testing.T, ix *search.Index, q string) ([]string, bool) {
	t.Helper()
	res, err := ix.Search(q)
	if err != nil {
		t.Fatal(err)
	}
	var urls []string
	for _, h := range res.Hits {
		urls = append(urls, "/dangjian/"+h.URL)
	}
	return urls, res.Partial
}

// TestSearchBrowser builds a site under /dangjian/, serves it, and searches
// it in headless Chromium: typed Chinese queries give the same ranked pages
// as the Go reader, whole matches are marked, the target page highlights
// the words, ?q= is shareable, the header box and the partial match work,
// and so does a browser without DecompressionStream.
func TestSearchBrowser(t *testing.T) {
	dest := buildSearchSite(t)
	ix := openIndex(t, dest)
	site := browsertest.Serve(t, dest, "/dangjian/")
	ctx := browsertest.New(t)
	browsertest.Step(t, ctx, 20*time.Second, chromedp.Navigate(site+"search/"))
	waitResults(t, ctx, "")

	cases := []struct {
		q     string
		count int
		marks []string // every <mark> reads one of these
	}{
		{"时伟", 2, []string{"时伟", "時偉"}},
		{"時偉", 2, []string{"时伟", "時偉"}},
		{"党建", 3, []string{"党建", "黨建"}},
		{"“十四五”", 1, []string{"十四五"}},
		{"2025年", 1, []string{"2025年"}},
		{"Go语言", 1, []string{"Go语言"}},
		{"ＰＰＴ", 1, []string{"ＰＰＴ"}},
		{"人文学院中文系教师党支部", 13, []string{"人文学院中文系教师党支部"}},
		{"教师党支部开展主题", 12, []string{"教师党支部开展主题"}},
		{"党", 30, []string{"党", "黨"}},
	}
	for _, c := range cases {
		got := typeQuery(t, ctx, c.q)
		want, _ := goResults(t, ix, c.q)
		want = want[:min(10, len(want))] // the first page
		if got.Count != fmt.Sprint(c.count) || strings.Join(got.URLs, " ") != strings.Join(want, " ") {
			t.Errorf("%s: data-count %s, results %v; want %d, %v", c.q, got.Count, got.URLs, c.count, want)
		}
		if len(got.Marks) == 0 {
			t.Errorf("%s: nothing marked", c.q)
		}
		for _, m := range got.Marks {
			if !contains(c.marks, m) {
				t.Errorf("%s: marked %q, want one of %q", c.q, m, c.marks)
			}
		}
	}

	// more results
	got := typeQuery(t, ctx, "党")
	browsertest.Step(t, ctx, 10*time.Second, chromedp.Click(chromedp.CSS("#search-more")))
	browsertest.Step(t, ctx, 20*time.Second, chromedp.Poll[chromedp.Void](`document.querySelectorAll(".search-result").length === 20`, chromedp.WithPollingMutation()))
	all, _ := goResults(t, ix, "党")
	if got := browsertest.Step(t, ctx, 10*time.Second, chromedp.Evaluate[shown](readResults)); strings.Join(got.URLs, " ") != strings.Join(all[:20], " ") {
		t.Errorf("党 after 更多结果: %v, want %v", got.URLs, all)
	}

	// a filter keeps the pages of one section, with its count
	browsertest.Step(t, ctx, 10*time.Second, chromedp.Click(chromedp.CSS(`#search-filters button[data-v="news"]`)))
	browsertest.Step(t, ctx, 20*time.Second, chromedp.Poll[chromedp.Void](`document.getElementById("search-results").getAttribute("data-count") === "3"`, chromedp.WithPollingMutation()))
	if u := browsertest.Step(t, ctx, 10*time.Second, chromedp.Evaluate[string](`location.search`)); !strings.Contains(u, "section=news") {
		t.Errorf("the filter is not in the address: %s", u)
	}
	browsertest.Step(t, ctx, 10*time.Second, chromedp.Click(chromedp.CSS(`#search-filters button[data-v="news"]`)))
	browsertest.Step(t, ctx, 20*time.Second, chromedp.Poll[chromedp.Void](`document.getElementById("search-results").getAttribute("data-count") === "30"`, chromedp.WithPollingMutation()))

	// the partial match is labelled
	got = typeQuery(t, ctx, "时伟同志讲授专题")
	if got.Count != "0" || got.Partial == "" || got.Partial == "0" || !strings.Contains(got.Status, "部分匹配") {
		t.Errorf("partial: %+v", got)
	}

	// the target page marks the words
	got = typeQuery(t, ctx, "时伟")
	browsertest.Step(t, ctx, 20*time.Second, chromedp.Navigate(site+strings.TrimPrefix(got.Hrefs[0], "/dangjian/")))
	browsertest.Step(t, ctx, 20*time.Second, chromedp.Poll[chromedp.Void](`document.documentElement.getAttribute("data-highlighted")`))
	marks := browsertest.Step(t, ctx, 10*time.Second, chromedp.Evaluate[[]string](`[...document.querySelectorAll("mark.search-hl")].map(m => m.textContent)`))
	if len(marks) < 2 || !allEqual(marks, "时伟") {
		t.Errorf("target page marks %q, want 时伟 in the title and the text", marks)
	}

	// ?q= gives the same results without typing
	browsertest.Step(t, ctx, 20*time.Second, chromedp.Navigate(site+"search/?q=%E5%85%9A%E5%BB%BA"))
	if got := waitResults(t, ctx, "党建"); got.Count != "3" {
		t.Errorf("?q=党建: %+v", got)
	}

	// the header box of any page leads to the results
	browsertest.Step(t, ctx, 20*time.Second, chromedp.Navigate(site+"news/go/"))
	browsertest.Step(t, ctx, 10*time.Second, chromedp.SendKeys(chromedp.CSS("#searchbox-q"), "十四五\r"))
	browsertest.Step(t, ctx, 20*time.Second, chromedp.WaitReady(chromedp.CSS(`#search-results[data-query="十四五"]`)))
	if got := waitResults(t, ctx, "十四五"); got.Count != "1" || got.URLs[0] != "/dangjian/news/shiwei/" {
		t.Errorf("header box: %+v", got)
	}

	// a browser without DecompressionStream inflates with inflate.js
	browsertest.Step(t, ctx, 20*time.Second, func(ctx context.Context, tg *chromedp.Target) (chromedp.Void, error) {
		_, err := cdp.Call(ctx, tg, page.AddScriptToEvaluateOnNewDocument, page.AddScriptToEvaluateOnNewDocumentParams{Source: "delete window.DecompressionStream"})
		return chromedp.Void{}, err
	})
	browsertest.Step(t, ctx, 20*time.Second, chromedp.Navigate(site+"search/?q=%E6%97%B6%E4%BC%9F"))
	if got := waitResults(t, ctx, "时伟"); got.Count != "2" {
		t.Errorf("without DecompressionStream: %+v", got)
	}
	if has := browsertest.Step(t, ctx, 10*time.Second, chromedp.Evaluate[bool](`!!window.showcaseInflate && !window.DecompressionStream`)); !has {
		t.Errorf("inflate.js was not used")
	}
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

func allEqual(list []string, s string) bool {
	for _, x := range list {
		if x != s {
			return false
		}
	}
	return true
}
