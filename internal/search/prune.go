package search

import (
	"runtime"
	"sync/atomic"
)

// Which n-grams are terms. Every unit and every pair of units is a term.
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

// pruneTerms says which of the inverted n-grams are terms (see above).
func pruneTerms(keys []key, lists []termList) []bool {
	table := newKeyTable(len(keys))
	for i, k := range keys {
		table.put(k, int32(i))
	}
	keep := make([]bool, len(keys))
	docsOf := func(u []uint32) []uint32 {
		if i, ok := table.get(makeKey(u)); ok {
			return lists[i].docs
		}
		return nil
	}
	workers := runtime.GOMAXPROCS(0)
	// X of the three-unit n-grams that are not terms, by index in keys
	cands := make([][]uint32, len(keys))
	for n := 1; n <= 4; n++ {
		var next atomic.Int64
		parallelDo(workers, func() {
			for {
				i := int(next.Add(1) - 1)
				if i >= len(keys) {
					return
				}
				u := keys[i].units()
				if len(u) != n {
					continue
				}
				if n <= 2 || u[n-1] >= wordBase || len(lists[i].docs) > candidateMax {
					keep[i] = true
					continue
				}
				var c []uint32
				if n == 3 {
					c = intersectMax(docsOf(u[:2]), docsOf(u[1:]), candidateMax)
				} else {
					c = intersectMax(xOf(table, keep, cands, lists, u[:3]), xOf(table, keep, cands, lists, u[1:]), candidateMax)
				}
				if len(c) > candidateMax {
					keep[i] = true
				} else if n == 3 {
					cands[i] = c
				}
			}
		})
	}
	return keep
}

// xOf is X of a three-unit n-gram that occurs (see above).
func xOf(table *keyTable, keep []bool, cands [][]uint32, lists []termList, u []uint32) []uint32 {
	i, ok := table.get(makeKey(u))
	if !ok {
		return nil
	}
	if keep[i] {
		return lists[i].docs
	}
	return cands[i]
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

// parallelDo runs f on the given number of goroutines and waits.
func parallelDo(workers int, f func()) {
	parallel(workers, workers, func(_, _ int) { f() })
}
