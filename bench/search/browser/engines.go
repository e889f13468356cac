package main

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/input"
	"github.com/chromedp/chromedp"

	"showcase/internal/search"
)

func js(v any) string {
	b, _ := json.Marshal(v)
	return string(b)
}

// measureOurs: for each query, a fresh search page, the query typed in the
// box (bytes and time of the cold query), then typed again runs times
// (warm), then every result's URL through the page's index.
func measureOurs(ctx context.Context, srv *server, site string, qs []query, runs int) []result {
	var out []result
	urlOf := docURLs(srv.dir)
	for _, q := range qs {
		srv.reset()
		run(ctx, 30*time.Second, chromedp.Navigate(site+"search/"))
		run(ctx, 30*time.Second, chromedp.Poll[chromedp.Void](`document.getElementById("search-results").getAttribute("data-query") === ""`,
			chromedp.WithPollingMutation()))
		commit(ctx, q.text)
		wait := fmt.Sprintf(`document.getElementById("search-results").getAttribute("data-query") === %s`, js(q.text))
		run(ctx, 60*time.Second, chromedp.Poll[chromedp.Void](wait, chromedp.WithPollingMutation()))
		r := result{query: q.text, truth: len(q.truth)}
		r.bytes, r.requests, r.indexRequests = tally(srv.reset())
		r.cold = msAttr(ctx)
		for i := 0; i < runs; i++ {
			run(ctx, 10*time.Second, chromedp.Evaluate[chromedp.Void](`document.getElementById("search-input").value = ""; document.getElementById("search-input").dispatchEvent(new Event("input"))`))
			run(ctx, 10*time.Second, chromedp.Poll[chromedp.Void](`document.getElementById("search-results").getAttribute("data-query") === ""`, chromedp.WithPollingMutation()))
			commit(ctx, q.text)
			run(ctx, 60*time.Second, chromedp.Poll[chromedp.Void](wait, chromedp.WithPollingMutation()))
			r.warm = append(r.warm, msAttr(ctx))
		}
		// every result, through the same index code
		docs := run(ctx, 120*time.Second, chromedp.Evaluate[[]int](fmt.Sprintf(`showcaseSearch.open(document.getElementById("search").getAttribute("data-index"))
  .then(ix => ix.search(%s)).then(res => res.partial ? [] : res.hits.map(h => h.doc))`, js(q.text)), chromedp.EvalAwaitPromise))
		r.count = len(docs)
		for _, d := range docs {
			if q.truth[urlOf[d]] {
				r.tp++
			}
		}
		srv.reset()
		fmt.Fprintf(os.Stderr, "showcase %s: %d results, %d bytes\n", q.text, r.count, r.bytes["client"]+r.bytes["index"]+r.bytes["fragments"])
		out = append(out, r)
	}
	return out
}

// commit puts text into the search box in one input event, as a Chinese
// input method commits a word (typing key by key would also search every
// prefix on the way).
func commit(ctx context.Context, text string) {
	run(ctx, 10*time.Second, chromedp.Focus(chromedp.CSS("#search-input")))
	run(ctx, 10*time.Second, func(ctx context.Context, t *chromedp.Target) (chromedp.Void, error) {
		_, err := cdp.Call(ctx, t, input.InsertText, input.InsertTextParams{Text: text})
		return chromedp.Void{}, err
	})
}

// docURLs maps every docid of a built index to its page's URL, through the
// Go reader, which numbers pages as the browser does.
func docURLs(dir string) map[int]string {
	page, err := os.ReadFile(filepath.Join(dir, "search", "index.html"))
	check(err)
	m := regexp.MustCompile(`data-index="/dangjian/search/([^"]+)"`).FindSubmatch(page)
	if m == nil {
		check(fmt.Errorf("no index in %s", dir))
	}
	ix, err := search.Open(func(name string) ([]byte, error) {
		return os.ReadFile(filepath.Join(dir, "search", filepath.FromSlash(name)))
	}, string(m[1]))
	check(err)
	pages, err := ix.Pages()
	check(err)
	out := map[int]string{}
	for _, p := range pages {
		out[int(p.Doc)] = "/dangjian/" + p.URL
	}
	return out
}

func msAttr(ctx context.Context) float64 {
	s := run(ctx, 10*time.Second, chromedp.Evaluate[string](`document.getElementById("search-results").getAttribute("data-ms") || "0"`))
	v, _ := strconv.ParseFloat(s, 64)
	return v
}

// harness is a page that loads Pagefind's API as its own UI would, with
// lang="zh-CN" so that queries are segmented.
const harness = `<!DOCTYPE html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>Pagefind</title></head>
<body><input id="q"><script type="module">
window.runQuery = async (q, all) => {
  const t0 = performance.now();
  const pf = await import("/dangjian/pagefind/pagefind.js");
  await pf.options({ baseUrl: "/dangjian/" });
  const s = await pf.search(q);
  const shown = await Promise.all(s.results.slice(0, 10).map(r => r.data()));
  const ms = performance.now() - t0;
  let urls = shown.map(d => d.url);
  if (all) urls = (await Promise.all(s.results.map(r => r.data()))).map(d => d.url);
  return { count: s.results.length, ms, urls };
};
window.ready = true;
</script></body></html>`

func writeHarness(dir string) {
	check(os.WriteFile(filepath.Join(dir, "pf-harness.html"), []byte(harness), 0o644))
}

type pfRun struct {
	Count int      `json:"count"`
	MS    float64  `json:"ms"`
	URLs  []string `json:"urls"`
}

// measurePagefind: for each query, a fresh harness page, the query run
// through pagefind.search() with the data of the first ten results (cold),
// then again runs times (warm), then every result's URL.
func measurePagefind(ctx context.Context, srv *server, site string, qs []query, runs int) []result {
	var out []result
	for _, q := range qs {
		srv.reset()
		run(ctx, 30*time.Second, chromedp.Navigate(site+"pf-harness.html"))
		run(ctx, 30*time.Second, chromedp.Poll[chromedp.Void](`window.ready === true`, chromedp.WithPollingMutation(), chromedp.WithPollingInterval(10*time.Millisecond)))
		call := func(all bool) pfRun {
			return run(ctx, 300*time.Second, chromedp.Evaluate[pfRun](fmt.Sprintf(`runQuery(%s, %v)`, js(q.text), all),
				chromedp.EvalAwaitPromise))
		}
		first := call(false)
		r := result{query: q.text, truth: len(q.truth), cold: first.MS}
		r.bytes, r.requests, r.indexRequests = tally(srv.reset())
		for i := 0; i < runs; i++ {
			r.warm = append(r.warm, call(false).MS)
		}
		all := call(true)
		r.count = all.Count
		for _, u := range all.URLs {
			if q.truth[u] {
				r.tp++
			}
		}
		srv.reset()
		fmt.Fprintf(os.Stderr, "pagefind %s: %d results, %d bytes\n", q.text, r.count, r.bytes["client"]+r.bytes["index"]+r.bytes["fragments"])
		out = append(out, r)
	}
	return out
}
