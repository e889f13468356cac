package search

// termIndex finds the terms of a partition by key while a pass adds them.
// Its slots are 8 bytes, not a keyTable's 24: a term's place in the
// partition's terms and a tag, 32 other bits of the key's hash; the key
// itself is read from the term (termData.key) only when the tag matches,
// and the term is read anyway to append its postings. The first pass's
// tables of the yihui blog took 12.6 MB each, a cache miss a look-up.
type termIndex struct {
	slots []termSlot
	n     int // slots in use
	mask  uint64
}

// termSlot is a term's place in terms plus one (0: a free slot) and its tag.
type termSlot struct {
	at  int32
	tag uint32
}

// newTermIndex makes an index with room for about size terms: two slots a
// term, as keyTable.
func newTermIndex(size int) *termIndex {
	n := slotsFor(size)
	return &termIndex{slots: make([]termSlot, n), mask: uint64(n - 1)}
}

// termHash mixes a key: its low bits place it, its high 32 are its tag.
func termHash(k key) uint64 {
	h := k.hi*0x9e3779b97f4a7c15 ^ k.lo*0xc2b2ae3d27d4eb4f
	h ^= h >> 29
	h *= 0xbf58476d1ce4e5b9
	return h ^ h>>32
}

// find returns the place of k in terms, or else -1 and where it goes
// (for insert).
func (x *termIndex) find(k key, terms *chunked[termData]) (at int32, slot uint64) {
	h := termHash(k)
	tag := uint32(h >> 32)
	for i := h & x.mask; ; i = (i + 1) & x.mask {
		s := x.slots[i]
		if s.at == 0 {
			return -1, i
		}
		if s.tag == tag && terms.at(s.at-1).key == k {
			return s.at - 1, i
		}
	}
}

// insert puts k, at place at of terms, into slot, which find returned for
// it.
func (x *termIndex) insert(k key, at int32, slot uint64, terms *chunked[termData]) {
	x.slots[slot] = termSlot{at: at + 1, tag: uint32(termHash(k) >> 32)}
	x.n++
	if x.n*2 >= len(x.slots) {
		x.grow(terms)
	}
}

func (x *termIndex) grow(terms *chunked[termData]) {
	old := x.slots
	*x = termIndex{slots: make([]termSlot, 2*len(old)), n: x.n, mask: uint64(2*len(old) - 1)}
	for _, s := range old {
		if s.at == 0 {
			continue
		}
		i := termHash(terms.at(s.at-1).key) & x.mask
		for x.slots[i].at != 0 {
			i = (i + 1) & x.mask
		}
		x.slots[i] = s
	}
}

// reset empties the index, keeping its size.
func (x *termIndex) reset() {
	clear(x.slots)
	x.n = 0
}
