package search

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"showcase/internal/browsertest"
)

// TestPacksInBrowser: the browser reads every page's fragment from its
// pack (a base's and a delta's, with their dictionary) and a recent page's
// from its file, as the Go reader does, from a server that answers range
// requests and from one that ignores them and sends whole files.
func TestPacksInBrowser(t *testing.T) {
	docs := siteDocs(400)
	var common []rune // in every page: in the table, most of two bytes (codec.go)
	for r := rune(0x4e00); r < 0x4e00+400; r++ {
		common = append(common, r)
	}
	for i := range docs { // and a character of its own, escaped, as are 𠀀 and DEL
		docs[i].Body = "一、概况\n" + docs[i].Body + string(common) + string(rune(0x5000+i)) + "𠀀\x7f。\n二、成效"
		docs[i].Headings = []string{"一、概况", "二、成效"} // lines of the text, packed as numbers (files.go)
		docs[i].Summary = "一、概况"
		if i%2 == 0 {
			docs[i].Headings[1] = "不在正文"
		}
	}
	out := rebuild(nil, docs)
	for i := range 20 {
		docs[i*3].Body += fmt.Sprintf("改动%d。", i)
		out = rebuild(out, docs)
	}
	if m := manifestOf(t, out); len(m.Segments) < 2 || len(m.Recent) == 0 || m.Segments[0].Dict == "" {
		t.Fatalf("want a base with a dictionary, a delta and recent pages: %d segments, %d recent", len(m.Segments), len(m.Recent))
	}
	pages, err := openOutput(t, out, nil).Pages()
	if err != nil {
		t.Fatal(err)
	}
	ix := openOutput(t, out, nil)
	var want []string
	for _, p := range pages {
		f, err := ix.fragment(p.Doc)
		if err != nil {
			t.Fatal(err)
		}
		want = append(want, fmt.Sprintf("%d %s %s|%s|%s", p.Doc, p.URL, f.Text, f.Headings, f.Summary))
	}
	dir := t.TempDir()
	files := map[string][]byte{
		"index.html": []byte(`<!DOCTYPE html><html lang="zh-CN"><meta charset="utf-8">` + noRaw + `<script src="search-core.js"></script><script src="search-segment.js"></script><script src="search-index.js"></script>`),
	}
	for name, data := range out.Files {
		files["search/"+name] = data
	}
	for _, js := range []string{"search-core.js", "search-segment.js", "search-index.js", "inflate.js"} {
		data, err := os.ReadFile("../../static/js/" + js)
		if err != nil {
			t.Fatal(err)
		}
		files[js] = data
	}
	for name, data := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	ctx := browsertest.New(t)
	for _, mode := range []string{"ranges", "whole files", "no deflate-raw"} {
		ranges := mode != "whole files"
		fileServer := http.StripPrefix("/dangjian", http.FileServer(http.Dir(dir)))
		var partial atomic.Int32 // 206 answers
		srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			if !ranges {
				r.Header.Del("Range")
			}
			rec := &statusWriter{ResponseWriter: w}
			fileServer.ServeHTTP(rec, r)
			if rec.status == http.StatusPartialContent {
				partial.Add(1)
			}
		}))
		page := srv.URL + "/dangjian/"
		if mode == "no deflate-raw" {
			page += "?noraw"
		}
		browsertest.Step(t, ctx, 20*time.Second, chromedp.Navigate(page))
		got := browsertest.Step(t, ctx, 60*time.Second, chromedp.Evaluate[[]string](fmt.Sprintf(`showcaseSearch.open("search/%s").then(ix =>
  Promise.all(%s.map(d => ix.fragment(d).then(f => d + " " + f.u + " " + f.x + "|" + f.h + "|" + f.m))))`, out.Manifest, docIDs(pages)), chromedp.EvalAwaitPromise))
		fallback := browsertest.Step(t, ctx, 10*time.Second, chromedp.Evaluate[bool](`!!window.showcaseInflate`))
		srv.Close()
		if fallback != (mode == "no deflate-raw") {
			t.Errorf("%s: inflate.js loaded %v", mode, fallback)
		}
		if strings.Join(got, "\n") != strings.Join(want, "\n") {
			t.Errorf("%s: browser read\n%.300s\nwant\n%.300s", mode, strings.Join(got, "; "), strings.Join(want, "; "))
		}
		if ranges != (partial.Load() > 0) {
			t.Errorf("%s: %d partial answers", mode, partial.Load())
		}
	}
}

// noRaw, on a page opened with ?noraw, makes a browser whose
// DecompressionStream has no "deflate-raw" (Chrome before 103): the packs'
// parts are then inflated with inflate.js.
const noRaw = `<script>if (location.search === "?noraw") {
  var D = DecompressionStream;
  window.DecompressionStream = function (f) { if (f === "deflate-raw") throw new TypeError(f); return new D(f); };
}</script>`

// docIDs is a JavaScript array of the pages' docids.
func docIDs(pages []Page) string {
	var out []string
	for _, p := range pages {
		out = append(out, fmt.Sprint(p.Doc))
	}
	return "[" + strings.Join(out, ",") + "]"
}

type statusWriter struct {
	http.ResponseWriter
	status int
}

func (w *statusWriter) WriteHeader(code int) {
	w.status = code
	w.ResponseWriter.WriteHeader(code)
}
