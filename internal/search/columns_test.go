package search

import (
	"bytes"
	"compress/gzip"
	"io"
	"math/rand/v2"
	"testing"
)

// TestGzColumns reads gzColumns' streams with compress/gzip (its checksum
// and length checked) as the concatenation of their columns, empty ones
// and columns longer than a stored block (64 KB) included.
func TestGzColumns(t *testing.T) {
	rnd := rand.New(rand.NewPCG(1, 2))
	random := make([]byte, 150_000)
	for i := range random {
		random[i] = byte(rnd.Uint32())
	}
	text := bytes.Repeat([]byte("党建工作 showcase 新闻 "), 3000)
	impacts := make([]byte, 70_000)
	for i := range impacts {
		impacts[i] = byte(rnd.IntN(8))
	}
	for _, groups := range [][]column{
		{compressed(text), stored(random[:10], random), compressed(impacts, nil, text[:40])},
		{compressed(text[:3]), stored(), compressed(nil)},
		{compressed(), stored(random[:70_000]), compressed()},
		{compressed(), stored(), compressed()},
		{compressed(text), stored(random)},
		{stored(random[:5]), compressed(text), stored(random[:65535])},
	} {
		var want []byte
		for _, g := range groups {
			want = append(want, bytes.Join(g.parts, nil)...)
		}
		r, err := gzip.NewReader(bytes.NewReader(gzColumns(groups...)))
		if err != nil {
			t.Fatal(err)
		}
		got, err := io.ReadAll(r)
		if err != nil || !bytes.Equal(got, want) {
			t.Errorf("read %d bytes (%v), want %d", len(got), err, len(want))
		}
	}
}
