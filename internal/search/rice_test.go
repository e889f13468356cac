package search

import (
	"slices"
	"testing"
)

func TestRiceRoundTrip(t *testing.T) {
	lists := [][]uint32{{0}, {9999}, {0, 1, 2, 3}, {5, 700, 701, 9000}, {}, {42}}
	var w bitWriter
	for _, l := range lists {
		w.putRice(l, 10000)
	}
	w.b = append(w.b, 0xAB) // what follows the column
	r := &bitReader{b: w.b}
	for _, l := range lists {
		if got := r.docs(len(l), 10000); !slices.Equal(got, l) || r.failed {
			t.Fatalf("docs %v, want %v (failed %v)", got, l, r.failed)
		}
	}
	if rest := r.rest(); len(rest) != 1 || rest[0] != 0xAB {
		t.Fatalf("rest %x, want ab", rest)
	}
}

func TestRiceCorrupt(t *testing.T) {
	// all ones: an endless unary code ends at the end of the data
	r := &bitReader{b: []byte{0xff, 0xff}}
	if r.docs(3, 100); !r.failed {
		t.Fatal("ones read as docids")
	}
	// a docid past the segment's pages
	var w bitWriter
	w.rice(90, riceK(1, 50))
	r = &bitReader{b: w.b}
	if r.docs(1, 50); !r.failed {
		t.Fatal("docid 90 of 50 pages accepted")
	}
}
