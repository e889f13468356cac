package search

import "math/bits"

// A shard's docids are Rice codes (terms.go): for each list term, in shard
// order, the gaps between its docids less one (the first is its docid),
// each as q = gap >> k one bits, a zero bit, then the k low bits of the
// gap, most significant bit first; the column ends at a byte boundary. k
// comes from the term's df and the segment's pages (riceK), so it costs
// nothing. gzip hardly compresses docids as varints: Rice codes took the
// shards from 17.85 to 16.89 MB at 10,000 pages (estimated alone, 8.9 MB
// of docids became 7.2).

// riceK is the Rice parameter of a list of df docids among docs pages:
// log2 of the mean gap, rounded down.
func riceK(df, docs int) int {
	if q := docs / (df + 1); q > 0 {
		return bits.Len(uint(q)) - 1
	}
	return 0
}

// bitWriter appends bits to b, most significant first.
type bitWriter struct {
	b []byte
	n uint // bits used in the last byte (0: start a new one)
}

// reset empties w, keeping its buffer.
func (w *bitWriter) reset() { w.b, w.n = w.b[:0], 0 }

func (w *bitWriter) bit(v uint32) {
	if w.n == 0 {
		w.b = append(w.b, 0)
	}
	w.b[len(w.b)-1] |= byte(v&1) << (7 - w.n)
	w.n = (w.n + 1) & 7
}

// put appends the n low bits of v (n ≤ 56), most significant first: the
// last byte's free bits, then whole bytes.
func (w *bitWriter) put(v uint64, n uint) {
	if n == 0 {
		return
	}
	v &= 1<<n - 1
	if w.n != 0 {
		free := 8 - w.n
		if n <= free {
			w.b[len(w.b)-1] |= byte(v << (free - n))
			w.n = (w.n + n) & 7
			return
		}
		n -= free
		w.b[len(w.b)-1] |= byte(v >> n)
	}
	for n >= 8 {
		n -= 8
		w.b = append(w.b, byte(v>>n))
	}
	w.n = n
	if n > 0 {
		w.b = append(w.b, byte(v<<(8-n)))
	}
}

// ones appends q one bits and a zero.
func (w *bitWriter) ones(q uint32) {
	for ; q >= 48; q -= 48 {
		w.put(1<<48-1, 48)
	}
	w.put(1<<(q+1)-2, uint(q)+1)
}

func (w *bitWriter) rice(v uint32, k int) {
	w.ones(v >> k)
	w.put(uint64(v)&(1<<k-1), uint(k))
}

// gamma appends v ≥ 1 as an Elias gamma code: n = len(v)−1 as n one bits
// and a zero (as a Rice code's quotient), then the n bits of v below its
// top one.
func (w *bitWriter) gamma(v uint32) {
	n := bits.Len32(v) - 1
	w.ones(uint32(n))
	w.put(uint64(v)&(1<<n-1), uint(n))
}

// putRice appends a list's docids to a Rice column.
func (w *bitWriter) putRice(docs []uint32, total int) {
	k := riceK(len(docs), total)
	prev := uint32(0)
	for i, d := range docs {
		gap := d
		if i > 0 {
			gap = d - prev - 1
		}
		w.rice(gap, k)
		prev = d
	}
}

// putRicePostings is putRice of the docids of postings (termData.posts).
func (w *bitWriter) putRicePostings(posts []uint32, total int) {
	k := riceK(len(posts), total)
	prev := uint32(0)
	for i, p := range posts {
		d := postingDoc(p)
		gap := d
		if i > 0 {
			gap = d - prev - 1
		}
		w.rice(gap, k)
		prev = d
	}
}

// bitReader reads a Rice column; past its end it sets failed.
type bitReader struct {
	b      []byte
	at     uint // in bits
	failed bool
}

func (r *bitReader) bit() uint32 {
	if r.at >= uint(len(r.b))*8 {
		r.failed = true
		return 0
	}
	v := uint32(r.b[r.at>>3]>>(7-r.at&7)) & 1
	r.at++
	return v
}

func (r *bitReader) rice(k int) uint32 {
	q := uint32(0)
	for r.bit() == 1 {
		q++
	}
	v := q
	for range k {
		v = v<<1 | r.bit()
	}
	return v
}

func (r *bitReader) gamma() uint32 {
	n := 0
	for r.bit() == 1 && n < 32 {
		n++
	}
	v := uint32(1)
	for range n {
		v = v<<1 | r.bit()
	}
	return v
}

// docs reads df docids of a list among total pages; they must be below total.
func (r *bitReader) docs(df, total int) []uint32 {
	k := riceK(df, total)
	out := make([]uint32, 0, df)
	d := uint64(0)
	for i := 0; i < df && !r.failed; i++ {
		gap := uint64(r.rice(k))
		if i > 0 {
			gap += d + 1
		}
		d = gap
		if d >= uint64(total) {
			r.failed = true
			break
		}
		out = append(out, uint32(d))
	}
	return out
}

// rest returns what follows the column: the bytes after its last bit.
func (r *bitReader) rest() []byte { return r.b[(r.at+7)>>3:] }

// Positions (terms.go) are bits too: k in five bits, then for each page the
// count of its occurrences less one (unary: that many one bits, a zero),
// then their positions, the first from 0 and each other from the one
// before, as Rice codes with parameter k, the best for the term.

// putPositions transcodes a term's positions from the tokenizer's
// varints (index.go, putPositions) for its df pages.
func (w *bitWriter) putPositions(raw []byte, df int) {
	r := &reader{b: raw}
	var counts []int
	var gaps []uint32
	for range df {
		n := 0
		for more := true; more && r.err == nil; n++ {
			v := r.uvarint()
			gaps = append(gaps, uint32(v>>1))
			more = v&1 == 1
		}
		counts = append(counts, n)
	}
	best, bestBits := 0, -1
	for k := range 24 {
		n := 0
		for _, g := range gaps {
			n += int(g>>k) + 1 + k
		}
		if bestBits < 0 || n < bestBits {
			best, bestBits = k, n
		}
	}
	w.put(uint64(best), 5)
	at := 0
	for _, c := range counts {
		w.rice(uint32(c-1), 0)
		for _, g := range gaps[at : at+c] {
			w.rice(g, best)
		}
		at += c
	}
}

// positions reads the positions of df pages.
func (r *bitReader) positions(df int) [][]int {
	k := 0
	for range 5 {
		k = k<<1 | int(r.bit())
	}
	out := make([][]int, 0, df)
	for range df {
		if r.failed {
			return nil
		}
		c := int(r.rice(0)) + 1
		if c > len(r.b)*8 {
			r.failed = true
			return nil
		}
		at, pos := make([]int, c), 0
		for j := range at {
			pos += int(r.rice(k))
			at[j] = pos
		}
		out = append(out, at)
	}
	return out
}
