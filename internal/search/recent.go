package search

import (
	"strings"
	"unicode/utf8"
)

// A recent page (one changed since the last segment was written) has no
// index: the reader finds a term in its fragment's text and weighs it as
// the index would (index.go), so a page ranks the same before and after it
// is indexed.

// textImpact returns the impact byte of a term in a page's fragment, and
// whether the page holds the term; for a prefix term, the best over the
// n-grams it starts.
func textImpact(f *fragment, t Term, avg float64) (uint8, bool) {
	segs := Segments(t.Text)
	if len(segs) != 1 || len(segs[0]) != t.Units {
		return 0, false
	}
	units := segs[0]
	counts := map[string]*tf{}
	field := func(text string, pick func(*tf) *int32, create bool) {
		for _, seg := range Segments(text) {
			for i := 0; i+len(units) <= len(seg); i++ {
				if !unitsMatch(seg[i:i+len(units)], units, t.Prefix) {
					continue
				}
				k := joinUnits(seg[i : i+len(units)])
				c := counts[k]
				if c == nil {
					if !create {
						continue
					}
					c = &tf{}
					counts[k] = c
				}
				*pick(c)++
			}
		}
	}
	field(f.Title, func(c *tf) *int32 { return &c.title }, true)
	field(f.Text, func(c *tf) *int32 { return &c.body }, true)
	field(f.Headings, func(c *tf) *int32 { return &c.heading }, false) // one a line: apart
	field(f.Summary, func(c *tf) *int32 { return &c.summary }, false)
	norm := lengthNorm(float64(utf8.RuneCountInString(f.Title)+utf8.RuneCountInString(f.Text)+1), avg)
	best, found := uint8(0), false
	for _, c := range counts {
		best, found = max(best, c.impact(norm)), true
	}
	return best, found
}

// unitsMatch reports whether the units of a text are those of a term, the
// last one as a prefix for a prefix term.
func unitsMatch(have, want []string, prefix bool) bool {
	for j, u := range want {
		if have[j] != u && !(prefix && j == len(want)-1 && strings.HasPrefix(have[j], u)) {
			return false
		}
	}
	return true
}
