package search

import (
	"slices"
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
