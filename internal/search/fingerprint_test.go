package search

import (
	"slices"
	"testing"
)

func TestPickSeedCollisionFree(t *testing.T) {
	defer func(w int) { fpMinWidth = w }(fpMinWidth)
	fpMinWidth = 2 // 4 values for 20 terms: the width must grow
	var texts []string
	for r := '一'; len(texts) < 20; r++ {
		texts = append(texts, string(r)+"党")
	}
	seed, width, fps := pickSeed(texts)
	if width < 5 {
		t.Fatalf("width %d for 20 terms", width)
	}
	sorted := slices.Clone(fps)
	slices.Sort(sorted)
	if len(slices.Compact(sorted)) != len(texts) {
		t.Fatalf("fingerprints collide: %v", fps)
	}
	for i, s := range texts {
		if fingerprint(s, seed, width) != fps[i] {
			t.Fatalf("%s: fingerprint %d, then %d", s, fps[i], fingerprint(s, seed, width))
		}
	}
}

// TestFalseFingerprints searches, with fingerprints so narrow that many
// pairs no page holds match another term's, for every pair of characters
// of the pages: the answers must be those of the pages' text.
func TestFalseFingerprints(t *testing.T) {
	defer func(w int) { fpMinWidth = w }(fpMinWidth)
	fpMinWidth = 1
	ix := buildHard(t, 4)
	fields := func(d Doc) []string { return []string{d.Title, d.Body} }
	truth := func(p Piece) []string {
		var out []string
		for _, d := range hardDocs {
			if slices.ContainsFunc(fields(d), func(s string) bool { return Contains(s, p) }) {
				out = append(out, d.URL)
			}
		}
		return out
	}
	var chars []string
	seen := map[string]bool{}
	for _, d := range hardDocs {
		for _, seg := range Segments(d.Title + "\n" + d.Body) {
			for _, u := range seg {
				if !isWordUnit(u) && !seen[u] {
					seen[u] = true
					chars = append(chars, u)
				}
			}
		}
	}
	falseMatches := 0
	for i, a := range chars {
		for j, b := range chars {
			if (i*len(chars)+j)%3 != 0 {
				continue // a third of the pairs is enough
			}
			q := a + b
			p := Piece{Units: []string{a, b}}
			want := truth(p)
			recs, err := ix.segs[0].records(Term{Text: q, Units: 2})
			if err != nil {
				t.Fatal(err)
			}
			if len(want) == 0 && len(recs) > 0 {
				falseMatches++
			}
			res, err := ix.Search(q)
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, h := range res.Hits {
				got = append(got, h.URL)
			}
			slices.Sort(got)
			slices.Sort(want)
			if res.Partial || !slices.Equal(got, want) {
				t.Fatalf("%s: found %v (partial %v), want %v", q, got, res.Partial, want)
			}
			if len(want) > 0 {
				continue
			}
			// a partial match: each page found holds as many pairs as it says
			pq := q + " 党建工作"
			res, err = ix.Search(pq)
			if err != nil {
				t.Fatal(err)
			}
			pairs := append([]Term{{Text: q, Units: 2}}, ParseQuery("党建工作").Pieces[0].Pairs()...)
			for _, h := range res.Hits {
				d := hardDocs[slices.IndexFunc(hardDocs, func(d Doc) bool { return d.URL == h.URL })]
				n := 0
				for _, pt := range pairs {
					if slices.ContainsFunc(fields(d), func(s string) bool { return Contains(s, Piece{Units: Segments(pt.Text)[0]}) }) {
						n++
					}
				}
				if n != h.Coverage {
					t.Fatalf("%s: %s covers %d pairs, found with %d", pq, h.URL, n, h.Coverage)
				}
			}
		}
	}
	if falseMatches == 0 {
		t.Fatal("no pair matched another's fingerprint: the test tests nothing")
	}
	t.Logf("%d pairs in no page matched another term's fingerprint", falseMatches)
}

func TestFingerprintTerms(t *testing.T) {
	for _, c := range []struct {
		text string
		gram int
		want bool
	}{{"党", 4, true}, {"党建", 4, true}, {"党建", 2, false}, {"十四五", 4, false}, {"5g", 4, false}, {"g党", 4, false}, {"か な", 4, false}, {"かな", 4, true}} {
		if got := byFingerprint(c.text, c.gram); got != c.want {
			t.Errorf("byFingerprint(%q, %d) = %v", c.text, c.gram, got)
		}
	}
}

// TestFalseFingerprintsInBrowser: the browser checks away the same false
// matches as the Go reader.
func TestFalseFingerprintsInBrowser(t *testing.T) {
	defer func(w int) { fpMinWidth = w }(fpMinWidth)
	fpMinWidth = 1
	docs := slices.Clone(hardDocs)
	out := Build(docs, Options{Sections: []Section{{"news", "工作动态"}, {"cases", "经验交流"}}, Gram: 4})
	ix := openOutput(t, out, nil)
	queries := []string{"党建", "时伟", "学院召开", "伟大 党建工作"}
	var chars []string
	for _, seg := range Segments(hardDocs[0].Title + hardDocs[1].Body + hardDocs[3].Body) {
		for _, u := range seg {
			if !isWordUnit(u) {
				chars = append(chars, u)
			}
		}
	}
	for _, a := range chars {
		for _, b := range chars {
			q := a + b
			res, err := ix.Search(q)
			if err != nil {
				t.Fatal(err)
			}
			recs, err := ix.segs[0].records(Term{Text: q, Units: 2})
			if err != nil {
				t.Fatal(err)
			}
			if len(res.Hits) == 0 && len(recs) > 0 && len(queries) < 40 {
				queries = append(queries, q, q+" 党建工作", "时伟 "+q)
			}
		}
	}
	if len(queries) == 4 {
		t.Fatal("no query matched another term's fingerprint: the test tests nothing")
	}
	sameInBrowser(t, out, queries)
}
