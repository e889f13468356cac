package search

import (
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"slices"
	"sort"
	"strings"
	"testing"
)

// words are made-up terms, one per page, so that a query finds exactly the
// pages that hold its word.
func word(i int) string {
	han := []rune("甲乙丙丁戊己庚辛壬癸子丑寅卯辰巳午未申酉戌亥")
	return string([]rune{han[i%len(han)], han[i/len(han)%len(han)], '词'})
}

// siteDocs is a site of n pages: page i holds word(i) and 共同内容.
func siteDocs(n int) []Doc {
	var docs []Doc
	for i := range n {
		docs = append(docs, Doc{URL: fmt.Sprintf("p%03d/", i), Title: fmt.Sprintf("第%d篇", i), Section: []string{"news", "cases"}[i%2],
			Date: day("2025-01-01").AddDate(0, 0, -i), Body: "共同内容。本篇说" + word(i) + "。人文学院中文系教师党支部开展活动。",
			Facets: map[string][]string{"branches": {fmt.Sprintf("支部%d", i%3)}}})
	}
	return docs
}

var siteOpts = Options{Sections: []Section{{"news", "新闻"}, {"cases", "案例"}}, Facets: []Section{{"branches", "支部"}}}

// rebuild builds docs on the previous output; its Files are all the
// files of the new index, kept ones too.
func rebuild(prev *Output, docs []Doc) *Output {
	opts := siteOpts
	if prev != nil {
		opts.Previous = func(name string) ([]byte, error) {
			if data, ok := prev.Files[name]; ok {
				return data, nil
			}
			return nil, fs.ErrNotExist
		}
		opts.PreviousManifest = prev.Manifest
	}
	out := Build(slices.Clone(docs), opts)
	for name := range out.Kept {
		if prev.Files[name] == nil {
			panic("kept " + name + ", which the last index has not")
		}
		out.Files[name] = prev.Files[name]
	}
	return out
}

// diff lists the files added, removed and changed from a to b.
func diff(a, b *Output) (added, removed, changed []string) {
	for name, data := range b.Files {
		if old, ok := a.Files[name]; !ok {
			added = append(added, name)
		} else if string(old) != string(data) {
			changed = append(changed, name)
		}
	}
	for name := range a.Files {
		if _, ok := b.Files[name]; !ok {
			removed = append(removed, name)
		}
	}
	sort.Strings(added)
	sort.Strings(removed)
	return
}

// expectFound checks every word query against the docs: the pages found
// are exactly those whose text holds the word.
func expectFound(t *testing.T, out *Output, docs []Doc, queries ...string) {
	t.Helper()
	ix := openOutput(t, out, nil)
	for _, q := range queries {
		res, err := ix.Search(q)
		if err != nil {
			t.Fatalf("%s: %v", q, err)
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
		sort.Strings(got)
		sort.Strings(want)
		if res.Partial && len(want) == 0 {
			got = nil
		}
		if strings.Join(got, " ") != strings.Join(want, " ") {
			t.Errorf("%s: found %v, want %v", q, got, want)
		}
	}
}

func kinds(names []string) string {
	var out []string
	for _, n := range names {
		switch {
		case strings.HasPrefix(n, "m-"):
			out = append(out, "manifest")
		case strings.HasPrefix(n, "f/"):
			out = append(out, "fragment")
		case strings.HasPrefix(n, "r-"):
			out = append(out, "filter")
		default:
			out = append(out, n)
		}
	}
	return strings.Join(out, " ")
}

// TestIncrementalEdit: an edited page adds its fragment, a manifest and a
// recent filter, and removes the last manifest; nothing else changes, and queries find its old
// words no more and its new ones.
func TestIncrementalEdit(t *testing.T) {
	docs := siteDocs(40)
	a := rebuild(nil, docs)
	docs[7].Body = strings.Replace(docs[7].Body, word(7), "新写的词", 1)
	b := rebuild(a, docs)
	added, removed, changed := diff(a, b)
	if kinds(added) != "fragment manifest filter" || kinds(removed) != "manifest" || len(changed) != 0 {
		t.Errorf("added %v, removed %v, changed %v", added, removed, changed)
	}
	if b.Stats.Recent != 1 || b.Stats.Fresh {
		t.Errorf("stats %+v", b.Stats)
	}
	expectFound(t, b, docs, word(7), "新写的词", word(8), "共同内容", "人文学院中文系教师党支部")
}

// expectStale checks a reader that loaded a's manifest before b replaced
// a: it finds what a finds, or fails with fs.ErrNotExist, on which the
// browser reloads the search page (search-index.js); never another error.
func expectStale(t *testing.T, a, b *Output, queries ...string) (stale bool) {
	t.Helper()
	fresh := openOutput(t, a, nil)
	old, err := Open(func(name string) ([]byte, error) {
		if data, ok := b.Files[name]; ok || name != a.Manifest {
			if !ok {
				return nil, fmt.Errorf("%s: %w", name, fs.ErrNotExist)
			}
			return data, nil
		}
		return a.Files[name], nil // loaded before b was deployed
	}, a.Manifest)
	if err != nil {
		t.Fatal(err)
	}
	for _, q := range queries {
		want, err := fresh.Search(q)
		if err != nil {
			t.Fatal(err)
		}
		got, err := old.Search(q)
		if errors.Is(err, fs.ErrNotExist) {
			stale = true
			continue
		}
		if err != nil || urls(got) != urls(want) {
			t.Errorf("stale reader, %s: %v, %v; want %v", q, urls(got), err, urls(want))
		}
	}
	return stale
}

// TestIncrementalAddDelete: an added page adds its fragment, a manifest
// and a filter; a deleted one only changes the manifest (and, a recent
// page, leaves its fragment).
func TestIncrementalAddDelete(t *testing.T) {
	docs := siteDocs(40)
	a := rebuild(nil, docs)
	more := append(slices.Clone(docs), Doc{URL: "new/", Title: "新的一篇", Section: "news", Body: "新增页面的词。共同内容。", Date: day("2025-02-01")})
	b := rebuild(a, more)
	added, removed, changed := diff(a, b)
	if kinds(added) != "fragment manifest filter" || kinds(removed) != "manifest" || len(changed) != 0 {
		t.Errorf("add: added %v, removed %v, changed %v", added, removed, changed)
	}
	expectFound(t, b, more, "新增页面", "共同内容", word(3))
	fewer := slices.Delete(slices.Clone(docs), 3, 4)
	c := rebuild(b, fewer)
	added, removed, changed = diff(b, c)
	if kinds(added) != "manifest" || kinds(removed) != "fragment manifest" || len(changed) != 0 {
		t.Errorf("delete: added %v, removed %v, changed %v", added, removed, changed)
	}
	expectFound(t, c, fewer, word(3), "新增页面", "共同内容", "人文学院中文系教师党支部", word(4))
	if c.Stats.Docs != 39 {
		t.Errorf("%d pages, want 39", c.Stats.Docs)
	}
}

// TestIncrementalMerge edits pages one build at a time: the recent pages
// go into a delta when there are more than sixteen, and into a new base when
// the changes pass a tenth of it; queries are right all along.
func TestIncrementalMerge(t *testing.T) {
	docs := siteDocs(400)
	out := rebuild(nil, docs)
	base := out.Files
	sawDelta, sawBase := false, false
	for e := range 40 {
		i := e * 5 % len(docs)
		docs[i].Body = strings.Replace(docs[i].Body, "共同内容", fmt.Sprintf("改动%d", e), 1)
		next := rebuild(out, docs)
		added, removed, _ := diff(out, next)
		switch {
		case next.Stats.Fresh:
			sawBase = true
			if len(removed) < 20 {
				t.Errorf("edit %d: a new base removed only %d files", e, len(removed))
			}
		case next.Stats.Recent == 0:
			sawDelta = true
			for _, name := range removed {
				if _, inBase := base[name]; inBase && !strings.HasPrefix(name, "m-") {
					t.Errorf("edit %d: a delta merge removed %s of the base", e, name)
				}
			}
		default:
			removed = slices.DeleteFunc(removed, keptBy(out)) // kept one build longer after a merge
			if len(added) > 3 || len(removed) > 2 {
				t.Errorf("edit %d: added %v, removed %v", e, added, removed)
			}
		}
		if next.Stats.Fresh {
			base = next.Files
		}
		expectFound(t, next, docs, fmt.Sprintf("改动%d", e), "改动", "共同内容", word(i), "人文学院中文系教师党支部")
		if expectStale(t, out, next, "改动", "共同内容", word(i), word(i+1), "人文学院中文系教师党支部") && !next.Stats.Fresh && next.Stats.Recent > 0 {
			t.Errorf("edit %d: a reader of the last manifest lost files without a merge", e)
		}
		out = next
	}
	if !sawDelta || !sawBase {
		t.Errorf("no delta (%v) or no new base (%v) in 40 edits", sawDelta, sawBase)
	}
}

// keptBy says whether a file is one an index kept for the readers of the
// one before it (manifest.Keep).
func keptBy(out *Output) func(string) bool {
	raw, err := gunzip(out.Files[out.Manifest], sizeLimit)
	var m manifest
	if err == nil {
		err = json.Unmarshal(raw, &m)
	}
	if err != nil {
		panic(err)
	}
	return func(name string) bool { return slices.Contains(m.Keep, name) }
}

// TestIndexFile: every file of an index but the search page is an index
// file, and nothing else is.
func TestIndexFile(t *testing.T) {
	out := rebuild(nil, siteDocs(40))
	for name := range out.Files {
		if !IndexFile(name) {
			t.Errorf("%s is not an index file", name)
		}
	}
	for _, name := range []string{"index.html", "m-.bin", "m-0123456789ab.html", "d/x.bin", "s-0123456789ab", "../news/index.html", "s-0123456789abc/t/0.bin"} {
		if IndexFile(name) {
			t.Errorf("%s is an index file", name)
		}
	}
}
