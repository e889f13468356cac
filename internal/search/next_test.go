package search

import (
	"fmt"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"showcase/internal/browsertest"
)

// nextDocs: 学院党委 is dense (in every page) and 农学院党 a list term with
// positions, so 农学院党委 is checked on 农学院党's next column; the pages
// also hold both terms apart, at a segment's end, and 农学院党 followed by
// other units.
func nextDocs() []Doc {
	bodies := []string{
		"农学院党委召开会议。",
		"农学院党支部开会。人文学院党委讲话。",
		"研究农学院党\n学院党委书记讲话。",
		"农学院党支部和农学院党委联合。",
		"农学院党员学习，学院党委部署。",
		"人文学院党委召开会议。",
		"学院党委。农学院党课",
		"人文学院党委。",
	}
	var docs []Doc
	for i := 0; i < 1100; i++ {
		b := bodies[i%16%len(bodies)] // 农学院党 in 597 pages: not dense
		if i%16 >= len(bodies) {
			b = bodies[5+i%3]
		}
		docs = append(docs, Doc{URL: fmt.Sprintf("%04d/", i), Title: fmt.Sprintf("第%d篇", i), Body: b,
			Date: day("2025-01-01").AddDate(0, 0, -i), Section: "news"})
	}
	return docs
}

var nextQueries = []string{"农学院党委", "农学院党委召", "人文学院党委", "农学院党支", "学院党委召开会议", "农学院党委联合"}

func TestNextColumn(t *testing.T) {
	docs := nextDocs()
	out := Build(docs, Options{Sections: []Section{{"news", "新闻"}}})
	var fetched []string
	ix := openOutput(t, out, &fetched)
	for _, q := range nextQueries {
		res, err := ix.Search(q)
		if err != nil {
			t.Fatal(err)
		}
		var got, want []string
		for _, h := range res.Hits {
			got = append(got, h.URL)
		}
		p := ParseQuery(q).Pieces[0]
		for _, d := range docs {
			if Contains(d.Title, p) || Contains(d.Body, p) {
				want = append(want, d.URL)
			}
		}
		slices.Sort(got)
		if res.Partial || strings.Join(got, " ") != strings.Join(want, " ") {
			t.Errorf("%s: got %d %v, want %d", q, len(got), res.Partial, len(want))
		}
	}
	recs, err := ix.segs[0].records(Term{Text: "学院党委", Units: 4})
	if err != nil || len(recs) != 1 || !recs[0].dense || recs[0].posAt == "" {
		t.Fatalf("学院党委: %v %v, want one dense term", recs, err)
	}
	fetched = nil
	ix.segs[0].positions = map[uint32]map[string]posEntry{}
	if _, err := ix.Search("农学院党委"); err != nil {
		t.Fatal(err)
	}
	if slices.Contains(fetched, path.Clean(ix.dir+recs[0].posAt)) { // 农学院党's positions are in its shard, read already
		t.Errorf("农学院党委 read the positions of 学院党委: %v", fetched)
	}
}

// TestNextColumnInBrowser runs the queries of TestNextColumn through
// static/js/search-index.js in headless Chromium and expects the Go
// reader's results, in its order.
func TestNextColumnInBrowser(t *testing.T) {
	out := Build(nextDocs(), Options{Sections: []Section{{"news", "新闻"}}})
	sameInBrowser(t, out, nextQueries)
}

// sameInBrowser runs queries through the browser's reader and the Go
// reader on a built index (Files: all of its files) and expects the same
// docids in the same order.
func sameInBrowser(t *testing.T, out *Output, queries []string) {
	t.Helper()
	ix := openOutput(t, out, nil)
	dir := t.TempDir()
	for name, data := range out.Files {
		p := filepath.Join(dir, "search", name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	for _, js := range []string{"search-core.js", "search-segment.js", "search-index.js"} {
		data, err := os.ReadFile("../../static/js/" + js)
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, js), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	page := `<!DOCTYPE html><html lang="zh-CN"><meta charset="utf-8"><script src="search-core.js"></script><script src="search-segment.js"></script><script src="search-index.js"></script>`
	if err := os.WriteFile(filepath.Join(dir, "index.html"), []byte(page), 0o644); err != nil {
		t.Fatal(err)
	}
	ctx := browsertest.New(t)
	browsertest.Step(t, ctx, 20*time.Second, chromedp.Navigate(browsertest.Serve(t, dir, "/dangjian/")))
	got := browsertest.Step(t, ctx, 60*time.Second, chromedp.Evaluate[[][]int](fmt.Sprintf(`showcaseSearch.open("search/%s").then(ix =>
  Promise.all(%s.map(q => ix.search(q).then(r => (r.partial ? [-1] : []).concat(r.hits.map(h => h.doc))))))`, out.Manifest, jsStrings(queries)), chromedp.EvalAwaitPromise))
	for i, q := range queries {
		res, err := ix.Search(q)
		if err != nil {
			t.Fatal(err)
		}
		var want []int
		if res.Partial {
			want = []int{-1} // then the pages of the partial match
		}
		for _, h := range res.Hits {
			want = append(want, int(h.Doc))
		}
		if i >= len(got) || fmt.Sprint(got[i]) != fmt.Sprint(want) {
			t.Errorf("browser %s: %v, want %v", q, at(got, i), want)
		}
	}
}

func jsStrings(list []string) string {
	var quoted []string
	for _, s := range list {
		quoted = append(quoted, fmt.Sprintf("%q", s))
	}
	return "[" + strings.Join(quoted, ",") + "]"
}
