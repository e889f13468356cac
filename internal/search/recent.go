package search

import "strings"

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
	body := func(c *tf) *int32 { return &c.body }
	field(f.Title, func(c *tf) *int32 { return &c.title }, true)
	field(f.Text, body, true)
	field(f.Captions, body, true)
	field(f.Credits, body, true)
	field(f.Headings, func(c *tf) *int32 { return &c.heading }, false) // one a line: apart
	field(f.Summary, func(c *tf) *int32 { return &c.summary }, false)
	norm := lengthNorm(docLength(&Doc{Title: f.Title, Body: f.Text, Captions: f.Captions, Credits: f.Credits}), avg)
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

// holds reports whether a page's fragment holds a piece where the reader
// sees it: its title, text, captions or credits.
func (f *fragment) holds(p Piece) bool {
	return Contains(f.Title, p) || Contains(f.Text, p) || Contains(f.Captions, p) || Contains(f.Credits, p)
}
