package search

import (
	"slices"
	"strings"
	"testing"
)

// TestSortByText checks the shards' sort against byte order, for texts that
// share their first 16 bytes, are prefixes of each other or hold zeros.
func TestSortByText(t *testing.T) {
	texts := []string{"农学院党委", "农学院党", "农学院", "农学院党委书记", "农学", "a", "a\x00", "a\x00\x00b",
		"abcdefghijklmnop", "abcdefghijklmnopq", "abcdefghijklmnoo", "abcdefghijklmnopp", "", "b", "学院党委", "5g"}
	entries := make([]termEntry, len(texts))
	ids := make([]int32, len(texts))
	for i, s := range texts {
		entries[i].text, ids[i] = s, int32(len(texts)-1-i)
	}
	sortByText(ids, entries, nil)
	got := make([]string, len(ids))
	for i, id := range ids {
		got[i] = entries[id].text
	}
	want := slices.Clone(texts)
	slices.Sort(want)
	if !slices.Equal(got, want) {
		t.Fatalf("sorted %q, want %q", got, want)
	}
}

// TestSortByTextMany checks the sort on many texts of few letters (long
// runs of equal keys, shared prefixes) and on texts already in order.
func TestSortByTextMany(t *testing.T) {
	for _, n := range []int{0, 1, 13, 100, 5000} {
		texts := make([]string, n)
		x := uint32(n)
		for i := range texts {
			x = x*1664525 + 1013904223
			texts[i] = strings.Repeat("ab", int(x>>28))[:x>>28] + string(rune('a'+x>>24%3)) + strings.Repeat("z", int(x>>20%3))
		}
		for _, sorted := range []bool{false, true} {
			if sorted {
				slices.Sort(texts)
			}
			entries := make([]termEntry, n)
			ids := make([]int32, n)
			for i, s := range texts {
				entries[i].text, ids[i] = s, int32(i)
			}
			sortByText(ids, entries, nil)
			if seen := slices.Sorted(slices.Values(ids)); n > 0 && (seen[0] != 0 || seen[n-1] != int32(n-1) || len(slices.Compact(seen)) != n) {
				t.Fatalf("%d texts: ids %v are not a permutation", n, ids)
			}
			for i := 1; i < n; i++ {
				if entries[ids[i-1]].text > entries[ids[i]].text {
					t.Fatalf("%d texts: %q before %q", n, entries[ids[i-1]].text, entries[ids[i]].text)
				}
			}
		}
	}
}
