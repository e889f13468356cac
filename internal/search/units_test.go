package search

import "testing"

// TestVocabularyText: a term's text is what joinUnits makes of its units.
func TestVocabularyText(t *testing.T) {
	v := &vocabulary{ids: map[string]uint32{}}
	units := []uint32{'党', v.id("covid"), v.id("19"), '建', v.id("5g"), '实', '验', v.id("ａｂ"), v.id("x")}
	for from := range units {
		for to := from + 1; to <= len(units) && to <= from+4; to++ {
			u := units[from:to]
			parts := make([]string, len(u))
			for i, x := range u {
				if x >= wordBase {
					parts[i] = v.words[x-wordBase]
				} else {
					parts[i] = string(rune(x))
				}
			}
			if got, want := v.text(u), joinUnits(parts); got != want {
				t.Errorf("%v: %q, want %q", u, got, want)
			}
		}
	}
}
