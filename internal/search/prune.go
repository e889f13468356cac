package search

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
// unit shorter.
type decider struct {
	table *keyTable // the shorter terms → their place in lists
	lists []termList
	cands int // candidateMax
}

func newDecider(shorter inverted, cands int) *decider {
	d := &decider{table: newKeyTable(len(shorter.keys)), lists: shorter.lists, cands: cands}
	for i, k := range shorter.keys {
		d.table.put(k, int32(i))
	}
	return d
}

// keep returns worker w's test: whether an n-gram that occurs is a term.
// An n-gram one of whose parts is not a term has at most candidateMax
// candidates, and is not one either.
func (d *decider) keep(w int) func(key) bool {
	cache := newKeyTable(1 << 12) // n-gram → 1 a term, 2 not
	return func(k key) bool {
		u := k.units()
		n := len(u)
		if u[n-1] >= wordBase {
			return true
		}
		a, okA := d.table.get(makeKey(u[:n-1]))
		b, okB := d.table.get(makeKey(u[1:]))
		if !okA || !okB || len(d.lists[a].docs) <= d.cands || len(d.lists[b].docs) <= d.cands {
			return false
		}
		if v, ok := cache.get(k); ok {
			return v == 1
		}
		keep := len(intersectMax(d.lists[a].docs, d.lists[b].docs, d.cands)) > d.cands
		if len(cache.used) >= 1<<17 {
			cache.reset()
		}
		v := int32(2)
		if keep {
			v = 1
		}
		cache.put(k, v)
		return keep
	}
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
