package search

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
)

// randomDocs are pages of random text over a few characters, so that most
// n-grams repeat and their parts meet in many pages: the pruning of longer
// n-grams (prune.go) decides often, both ways.
func randomDocs(n int, seed uint64) []Doc {
	r := rand.New(rand.NewPCG(seed, 1))
	chars := []rune("学院党委支部书记㐂，") // 㐂 (U+3402): terms in UTF-8, the others GB18030
	var docs []Doc
	for i := range n {
		var b strings.Builder
		for range 10 + r.IntN(50) {
			b.WriteRune(chars[r.IntN(len(chars))])
		}
		docs = append(docs, Doc{URL: fmt.Sprintf("%03d/", i), Title: fmt.Sprintf("第%d篇", i), Body: b.String(), Section: "news"})
	}
	return docs
}

// randomQueries are strings of 2 to 6 of the characters, occurring or not.
func randomQueries(n int, seed uint64) []string {
	r := rand.New(rand.NewPCG(seed, 2))
	chars := []rune("学院党委支部书记㐂")
	var out []string
	for range n {
		q := make([]rune, 2+r.IntN(5))
		for i := range q {
			q[i] = chars[r.IntN(len(chars))]
		}
		out = append(out, string(q)+" ")
	}
	return out
}

// TestPrunedTerms: with most longer n-grams left out of the index, every
// query still finds exactly the pages that hold it, in a base, in a delta
// and among recent pages.
func TestPrunedTerms(t *testing.T) {
	docs := randomDocs(500, 1)
	out := rebuild(nil, docs)
	ix := openOutput(t, out, nil)
	pruned := 0
	for _, q := range randomQueries(400, 1) {
		want := brute(docs, q)
		res, err := ix.Search(q)
		if err != nil {
			t.Fatal(err)
		}
		if got := found(res); got != want {
			t.Errorf("%s: found %s, want %s", q, got, want)
		}
		if recs, _ := ix.segs[0].records(ParseQuery(q).Pieces[0].Terms(4)[0]); len(recs) == 0 {
			pruned++
		}
	}
	if pruned < 100 {
		t.Errorf("only %d of 400 queries were left out of the index", pruned)
	}
	// edit 20 pages: a delta and recent pages, which prune on their own
	for i := range 20 {
		docs[i*7].Body = randomDocs(1, uint64(100+i))[0].Body
		out = rebuild(out, docs)
	}
	if out.Stats.Segments < 2 || out.Stats.Recent == 0 {
		t.Fatalf("no delta or no recent pages: %+v", out.Stats)
	}
	ix = openOutput(t, out, nil)
	for _, q := range randomQueries(400, 2) {
		res, err := ix.Search(q)
		if err != nil {
			t.Fatal(err)
		}
		if got, want := found(res), brute(docs, q); got != want {
			t.Errorf("after edits, %s: found %s, want %s", q, got, want)
		}
	}
}

func brute(docs []Doc, q string) string {
	p := ParseQuery(q).Pieces[0]
	var out []string
	for _, d := range docs {
		if Contains(d.Title, p) || Contains(d.Body, p) {
			out = append(out, d.URL)
		}
	}
	return strings.Join(out, " ")
}

func found(res *Results) string {
	if res.Partial {
		return ""
	}
	var out []string
	for _, h := range res.Hits {
		out = append(out, h.URL)
	}
	slices.Sort(out)
	return strings.Join(out, " ")
}

// TestPrunedTermsInBrowser: the browser's reader finds what the Go reader
// finds, in its order, in a base, a delta and recent pages.
func TestPrunedTermsInBrowser(t *testing.T) {
	docs := randomDocs(500, 1)
	out := rebuild(nil, docs)
	for i := range 20 {
		docs[i*7].Body = randomDocs(1, uint64(100+i))[0].Body
		out = rebuild(out, docs)
	}
	sameInBrowser(t, out, append(randomQueries(150, 3), "学院", "党", "书记，", "党委书记支部"))
}

// TestCommonMore: the pruning's test, which looks a short list up in a long
// one by halving, decides as intersectMax does.
func TestCommonMore(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	const pages = 2000
	list := func(n int) []uint32 {
		set := map[uint32]bool{}
		for len(set) < n {
			set[uint32(r.IntN(pages))] = true
		}
		return sortedIDs(set)
	}
	for range 2000 {
		a, b := list(r.IntN(40)), list(r.IntN(pages))
		if r.IntN(2) == 0 {
			b = list(r.IntN(60))
		}
		want := len(intersectMax(a, b, candidateMax)) > candidateMax
		pa, pb := postings(r, a), postings(r, b)
		if got := commonMore(pa, pb, candidateMax); got != want {
			t.Fatalf("commonMore(%v, %v) = %v", a, b, got)
		}
		if got := commonMore(pb, pa, candidateMax); got != want {
			t.Fatalf("commonMore(%v, %v) = %v", b, a, got)
		}
	}
}

// postings gives docids random impacts, as termData.posts.
func postings(r *rand.Rand, docs []uint32) []uint32 {
	out := make([]uint32, len(docs))
	for i, d := range docs {
		out[i] = packPosting(d, uint8(r.IntN(1<<impBits)))
	}
	return out
}

// The decider answers as commonMore whether its lists are bitmaps (long
// lists) or not.
func TestDeciderMore(t *testing.T) {
	r := rand.New(rand.NewPCG(5, 6))
	const pages = 1000
	list := func(n int) []uint32 {
		set := map[uint32]bool{}
		for len(set) < n {
			set[uint32(r.IntN(pages))] = true
		}
		return sortedIDs(set)
	}
	part := &termPart{}
	for i := range 300 {
		n := candidateMax + 1 + r.IntN(60)
		if i%3 == 0 {
			n = r.IntN(pages)
		}
		part.terms.add(termData{key: makeKey([]uint32{uint32(i + 1)}), posts: postings(r, list(n))})
	}
	d := newDecider([]*termPart{part}, candidateMax, pages)
	sets := 0
	for i := range d.docs {
		if d.sets[i] != nil {
			sets++
		}
	}
	if sets == 0 || sets == len(d.docs) {
		t.Fatalf("%d of %d lists are bitmaps: the test needs both kinds", sets, len(d.docs))
	}
	for a := range int32(len(d.docs)) {
		for b := range int32(len(d.docs)) {
			if got, want := d.more(a, b), commonMore(d.docs[a], d.docs[b], candidateMax); got != want {
				t.Fatalf("more(%d, %d) = %v, commonMore %v", a, b, got, want)
			}
		}
	}
}
