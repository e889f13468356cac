package search

import (
	"cmp"
	"encoding/binary"
	"math/bits"
	"slices"
)

// Which n-grams are terms. In a delta, every n-gram is; in the base, every
// unit and every pair of units is a term.
// A longer n-gram (three or four units) is one only when the index needs
// it: when the pages that hold both of its (n−1)-unit parts, its
// candidates, are more than candidateMax, or when its last unit is a word
// (which a query may hold as a prefix). Of the many n-grams a real
// vocabulary makes, most occur in a page or two and are left out.
//
// A reader asked for a three- or four-unit n-gram that is not a term
// computes its candidates from the parts as the build did: X(ab) is the
// postings of a pair, and X of a longer n-gram is its postings when it is a
// term, else the pages in both X of its parts. More than candidateMax
// candidates mean the n-gram occurs nowhere (it would be a term); else the
// reader checks the few candidates on their text. Both count dead pages,
// so a segment's tombstones do not change the answer.
const candidateMax = 10

// decider tells which n-grams of one length are terms, from the terms one
// unit shorter. An n-gram one of whose parts is not a term in more than
// candidateMax pages has at most that many candidates, and is not one
// either: most are left out by that test alone, which costs one look-up
// per place of the text (pruner.read), before they are counted.
type decider struct {
	table *keyTable  // the shorter terms in more than cands pages → their place in docs
	docs  [][]uint32 // their postings (termData.posts)
	sets  []bitmap   // and, for those in more pages than a bitmap has words, as a bitmap
	cands int        // candidateMax
}

// newDecider makes the decider of the terms one unit longer than those of
// shorter, the partitions of a pass, in a segment of pages pages.
func newDecider(shorter []*termPart, cands, pages int) *decider {
	n := 0 // the table's size, so that it never grows
	for _, p := range shorter {
		for at := range int32(p.terms.n) {
			if len(p.terms.at(at).posts) > cands {
				n++
			}
		}
	}
	d := &decider{table: newKeyTable(n), cands: cands}
	words := (pages + 63) / 64
	for _, p := range shorter {
		for at := range int32(p.terms.n) {
			if docs := p.terms.at(at).posts; len(docs) > cands {
				d.table.put(p.terms.at(at).key, int32(len(d.docs)))
				d.docs = append(d.docs, docs)
				var set bitmap
				if len(docs) > words*2 {
					set = make(bitmap, 8*words)
					for _, p := range docs {
						set.set(postingDoc(p))
					}
				}
				d.sets = append(d.sets, set)
			}
		}
	}
	return d
}

// more says whether more than cands pages hold both shorter terms a and b.
func (d *decider) more(a, b int32) bool {
	sa, sb := d.sets[a], d.sets[b]
	switch {
	case sa != nil && sb != nil:
		return bothMore(sa, sb, d.cands)
	case sa != nil:
		return inMore(d.docs[b], sa, d.cands)
	case sb != nil:
		return inMore(d.docs[a], sb, d.cands)
	}
	return commonMore(d.docs[a], d.docs[b], d.cands)
}

// bothMore says whether more than max docids are in both bitmaps.
func bothMore(a, b bitmap, max int) bool {
	n := 0
	for i := 0; i+8 <= len(a); i += 8 {
		if n += bits.OnesCount64(binary.LittleEndian.Uint64(a[i:]) & binary.LittleEndian.Uint64(b[i:])); n > max {
			return true
		}
	}
	return false
}

// inMore says whether more than max of the postings' docids are in the
// bitmap.
func inMore(docs []uint32, set bitmap, max int) bool {
	n := 0
	for i, d := range docs {
		if len(docs)-i+n <= max {
			return false // too few left
		}
		if set.has(postingDoc(d)) {
			if n++; n > max {
				return true
			}
		}
	}
	return false
}

// pruner is one worker's use of a decider.
type pruner struct {
	d     *decider
	cache []slot   // n-gram → 1 a term, 2 not: a key's place holds it or another key
	seg   []uint32 // the segment read
	n     int      // and the length of its n-grams
	parts []int32  // by place in seg: the frequent shorter term there, -1 none, -2 not looked up yet
}

func (d *decider) pruner() *pruner {
	return &pruner{d: d, cache: make([]slot, cacheSlots)}
}

// cacheSlots is the size of a pruner's cache of decisions: a key has one
// place, which the last key there holds. 1.5 MB stays in a core's cache;
// on a blog of 2,000 pages it decides 142,000 times, 131,000 with twice
// the slots, 234,000 with a sixteenth (a table that kept every key up to
// 131,072, then started again, spent a third of the pruning growing).
const cacheSlots = 1 << 16

// read starts on the n-grams of a segment. Their parts, the (n−1)-grams at
// each place, are looked up when keep needs them: not for an n-gram seen
// before in the page nor for one that ends with a word (most of a Latin
// text's).
func (p *pruner) read(seg []uint32, n int) {
	p.seg, p.n = seg, n
	p.parts = p.parts[:0]
	for i := 0; i+n-1 <= len(seg); i++ {
		p.parts = append(p.parts, -2)
	}
}

// part is the frequent shorter term at place i of the segment read, or -1.
func (p *pruner) part(i int) int32 {
	if at := p.parts[i]; at != -2 {
		return at
	}
	at, ok := p.d.table.get(makeKey(p.seg[i : i+p.n-1]))
	if !ok {
		at = -1
	}
	p.parts[i] = at
	return at
}

// keep says whether the n-gram k, at place i of the segment read and ending
// with the unit last, is a term.
func (p *pruner) keep(k key, i int, last uint32) bool {
	if last >= wordBase {
		return true
	}
	a := p.part(i)
	if a < 0 {
		return false
	}
	b := p.part(i + 1)
	if b < 0 {
		return false
	}
	s := &p.cache[home(k, cacheSlots-1)]
	if s.k == k {
		return s.v == 1
	}
	keep := p.d.more(a, b)
	v := int32(2)
	if keep {
		v = 1
	}
	*s = slot{k, v}
	return keep
}

// commonMore says whether more than max docids are in both lists of
// postings (termData.posts).
// A short list is looked up in a long one by halving.
func commonMore(a, b []uint32, max int) bool {
	if len(a) > len(b) {
		a, b = b, a
	}
	if len(a) <= max {
		return false
	}
	n := 0
	if len(a)*16 < len(b) {
		for i, d := range a {
			if len(a)-i+n <= max {
				return false // too few left
			}
			j, found := slices.BinarySearchFunc(b, postingDoc(d), func(p, doc uint32) int { return cmp.Compare(postingDoc(p), doc) })
			if found {
				if n++; n > max {
					return true
				}
			}
			b = b[j:]
		}
		return false
	}
	for i, j := 0, 0; i < len(a) && j < len(b); {
		switch {
		case postingDoc(a[i]) < postingDoc(b[j]):
			i++
		case postingDoc(a[i]) > postingDoc(b[j]):
			j++
		default:
			if n++; n > max {
				return true
			}
			i++
			j++
		}
	}
	return false
}

// intersectMax returns the docids in both sorted lists, stopping after
// max+1 of them.
func intersectMax(a, b []uint32, max int) []uint32 {
	var out []uint32
	for i, j := 0, 0; i < len(a) && j < len(b) && len(out) <= max; {
		switch {
		case a[i] < b[j]:
			i++
		case a[i] > b[j]:
			j++
		default:
			out = append(out, a[i])
			i++
			j++
		}
	}
	return out
}
