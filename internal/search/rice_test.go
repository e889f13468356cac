package search

import (
	"fmt"
	"math/bits"
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

func TestPositionsRoundTrip(t *testing.T) {
	pages := [][]int{{0}, {5, 6, 900}, {70000}, {3, 4}}
	var raw []byte
	for _, at := range pages {
		prev := 0
		for i, p := range at {
			more := uint64(0)
			if i < len(at)-1 {
				more = 1
			}
			raw = putUvarint(raw, uint64(p-prev)<<1|more)
			prev = p
		}
	}
	var w bitWriter
	w.putPositions(raw, len(pages))
	w.putPositions(raw[:1], 1) // a second term: {0}
	r := &bitReader{b: w.b}
	got := r.positions(len(pages))
	if fmt.Sprint(got) != fmt.Sprint(pages) || r.failed {
		t.Fatalf("positions %v, want %v", got, pages)
	}
	if got := r.positions(1); fmt.Sprint(got) != "[[0]]" {
		t.Fatalf("second term's positions %v", got)
	}
	if r := (&bitReader{b: []byte{0x7f, 0xff}}); r.positions(3) != nil || !r.failed {
		t.Fatal("ones read as positions")
	}
}

func TestGammaRoundTrip(t *testing.T) {
	values := []uint32{1, 2, 3, 4, 7, 8, 1000, 1 << 20}
	var w bitWriter
	for _, v := range values {
		w.gamma(v)
	}
	r := &bitReader{b: w.b}
	for _, v := range values {
		if got := r.gamma(); got != v {
			t.Fatalf("gamma %d, want %d", got, v)
		}
	}
	if r.failed {
		t.Fatal("failed")
	}
}

// TestBitWriterBulk checks the writer's bulk codes against the same codes
// written a bit at a time, for quotients around the bulk writer's 48-bit
// steps and every Rice parameter.
func TestBitWriterBulk(t *testing.T) {
	var got, want bitWriter
	wantBits := func(v uint32, n int) {
		for i := n - 1; i >= 0; i-- {
			want.bit(v >> i)
		}
	}
	for k := 0; k < 24; k++ {
		for _, q := range []uint32{0, 1, 2, 7, 8, 9, 47, 48, 49, 96, 100} {
			v := q<<k | 0x5a5a5a&(1<<k-1)
			got.rice(v, k)
			for range q {
				want.bit(1)
			}
			want.bit(0)
			wantBits(v, k)
			got.gamma(v + 1)
			n := bits.Len32(v+1) - 1
			for range n {
				want.bit(1)
			}
			want.bit(0)
			wantBits(v+1, n)
		}
		got.put(uint64(k), 5)
		wantBits(uint32(k), 5)
	}
	if !slices.Equal(got.b, want.b) || got.n != want.n {
		t.Fatalf("bulk codes differ from bit codes:\n%x\n%x", got.b, want.b)
	}
}
