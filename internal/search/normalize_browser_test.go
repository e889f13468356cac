package search

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"showcase/internal/browsertest"
)

// TestSharedCasesInBrowser runs testdata/normalize.json through
// static/js/search-core.js in headless Chromium, with the whole fold table
// loaded, and expects what the Go side gives (TestShared* check those
// against the table).
func TestSharedCasesInBrowser(t *testing.T) {
	core, err := os.ReadFile("../../static/js/search-core.js")
	if err != nil {
		t.Fatal(err)
	}
	cases, err := os.ReadFile("testdata/normalize.json")
	if err != nil {
		t.Fatal(err)
	}
	blocks := FoldBlocks()
	var nums []int
	for n := range blocks {
		nums = append(nums, n)
	}
	sort.Ints(nums)
	var fold strings.Builder
	for _, n := range nums {
		js, _ := json.Marshal(blocks[n])
		fmt.Fprintf(&fold, "showcaseSearch.addFold(%s);\n", js)
	}
	dir := t.TempDir()
	files := map[string]string{
		"core.js":    string(core),
		"fold.js":    fold.String(),
		"cases.js":   "window.cases = " + string(cases) + ";",
		"index.html": `<!DOCTYPE html><html lang="zh-CN"><meta charset="utf-8"><script src="core.js"></script><script src="fold.js"></script><script src="cases.js"></script>`,
	}
	for name, data := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	ctx := browsertest.New(t)
	browsertest.Step(t, ctx, 20*time.Second, chromedp.Navigate(browsertest.Serve(t, dir, "/dangjian/")))
	type result struct {
		Normalize []string   `json:"normalize"`
		Pieces    [][]string `json:"pieces"`
		Terms     [][]string `json:"terms"`
		Keys      [][]any    `json:"keys"`
	}
	got := browsertest.Step(t, ctx, 20*time.Second, chromedp.Evaluate[result](`(() => {
  const S = showcaseSearch, star = (t, p) => t + (p ? "*" : "");
  return {
    normalize: cases.normalize.map(c => S.normalize(c.in)),
    pieces: cases.query.map(c => S.parseQuery(c.q).pieces.map(p => star(S.joinUnits(p.units), p.prefix))),
    terms: cases.query.map(c => S.parseQuery(c.q).pieces.flatMap(p => S.terms(p, 4).map(t => star(t.text, t.prefix)))),
    keys: cases.keys.map(k => [S.shardKey(k.term), S.countUnits(k.term), S.fnv1a(S.shardKey(k.term))]),
  };
})()`))
	shared := loadShared(t)
	for i, c := range shared.Normalize {
		if i >= len(got.Normalize) || got.Normalize[i] != c.Want {
			t.Errorf("browser normalize(%q) = %q, want %q", c.In, at(got.Normalize, i), c.Want)
		}
	}
	for i, c := range shared.Query {
		if i >= len(got.Pieces) || strings.Join(got.Pieces[i], "|") != strings.Join(c.Pieces, "|") || strings.Join(got.Terms[i], "|") != strings.Join(c.Terms, "|") {
			t.Errorf("browser parseQuery(%q): pieces %q terms %q, want %q and %q", c.Q, at(got.Pieces, i), at(got.Terms, i), c.Pieces, c.Terms)
		}
	}
	for i, c := range shared.Keys {
		want := fmt.Sprint([]any{c.ShardKey, float64(c.Units), float64(c.FNV)})
		if i >= len(got.Keys) || fmt.Sprint(got.Keys[i]) != want {
			t.Errorf("browser keys of %q = %v, want %v", c.Term, at(got.Keys, i), want)
		}
	}
}

func at[T any](list []T, i int) T {
	var zero T
	if i < len(list) {
		return list[i]
	}
	return zero
}
