package search

import (
	"runtime"
	"sync"
)

// termList accumulates the postings of one term in docid order.
// pos holds, for the longest n-grams, the positions of every page in turn.
type termList struct {
	docs []uint32
	imps []uint8
	pos  []byte
}

// inverted are the terms of a segment with their postings and, for the
// longest n-grams not dense, the unit after each occurrence (0 at a
// segment's end), kept apart from the lists, which writing goes through
// most.
type inverted struct {
	keys  []key
	lists []termList
	after [][]uint32
}

// invert reads the docs (already in docid order) on all cores, with avg
// the page length impacts are computed with, and returns their terms
// (prune.go): first the units and pairs, then the longer n-grams one
// length at a time, each kept or not by what the shorter ones hold (all
// kept when cands is 0).
func invert(docs []*Doc, vocab *vocabulary, gram int, avg float64, cands int) inverted {
	pages := readPages(docs, vocab)
	norms := make([]float64, len(docs))
	for i, d := range docs {
		norms[i] = lengthNorm(docLength(d), avg)
	}
	var passes []inverted
	for lo := 1; lo <= gram; {
		hi := lo
		if lo == 1 {
			hi = min(2, gram)
		}
		var keep func(w int) func(key) bool
		if lo >= 3 && cands > 0 {
			keep = newDecider(passes[len(passes)-1], cands).keep
		}
		passes = append(passes, invertPass(pages, norms, gram, lo, hi, keep))
		lo = hi + 1
	}
	n := 0
	for _, p := range passes {
		n += len(p.keys)
	}
	all := inverted{keys: make([]key, 0, n), lists: make([]termList, 0, n), after: make([][]uint32, 0, n)}
	for i, p := range passes {
		all.keys = append(all.keys, p.keys...)
		all.lists = append(all.lists, p.lists...)
		all.after = append(all.after, p.after...)
		passes[i] = inverted{}
	}
	return all
}

// invertPass inverts the n-grams of lo to hi units; keep, when set, gives
// each worker the test of which are terms.
func invertPass(pages []pageUnits, norms []float64, gram, lo, hi int, keep func(w int) func(key) bool) inverted {
	workers := runtime.GOMAXPROCS(0)
	type part struct {
		index *keyTable
		lists []termList
		after [][]uint32
	}
	parts := make([]part, workers)
	for i := range parts {
		parts[i].index = newKeyTable(1 << 12)
	}
	toks := make([]*tokenizer, workers)
	keeps := make([]func(key) bool, workers)
	for i := range toks {
		toks[i] = newTokenizer(gram, workers)
		if keep != nil {
			keeps[i] = keep(i)
		}
	}
	const batch = 256
	results := make([]pageTerms, batch)
	for start := 0; start < len(pages); start += batch {
		end := min(start+batch, len(pages))
		parallel(workers, end-start, func(w, i int) {
			toks[w].postings(&pages[start+i], uint32(start+i), norms[start+i], lo, hi, keeps[w], &results[i])
		})
		// each worker owns the terms of one partition, appended in docid order
		parallel(workers, workers, func(_, p int) {
			pt := &parts[p]
			for i := 0; i < end-start; i++ {
				for _, ps := range results[i].parts[p] {
					at, ok := pt.index.get(ps.term)
					if !ok {
						at = int32(len(pt.lists))
						pt.lists = append(pt.lists, termList{})
						pt.after = append(pt.after, nil)
						pt.index.put(ps.term, at)
					}
					l := &pt.lists[at]
					l.docs = append(l.docs, ps.doc)
					l.imps = append(l.imps, ps.imp)
					l.pos = append(l.pos, results[i].pos[ps.posFrom:ps.posTo]...)
					if ps.afterTo == ps.afterFrom {
						continue
					}
					if isDense(len(l.docs), len(pages)) {
						pt.after[at] = nil // a dense term has no next column
					} else {
						pt.after[at] = append(pt.after[at], results[i].after[ps.afterFrom:ps.afterTo]...)
					}
				}
			}
		})
	}
	var out inverted
	for _, pt := range parts {
		pt.index.each(func(k key, at int32) {
			out.keys = append(out.keys, k)
			out.lists = append(out.lists, pt.lists[at])
			out.after = append(out.after, pt.after[at])
		})
	}
	return out
}

func partition(k key, n int) int {
	h := (k.hi*0x9e3779b97f4a7c15 ^ k.lo) * 0xbf58476d1ce4e5b9
	return int((h >> 33) % uint64(n))
}

// parallel calls f(worker, i) for i in [0, n) on the given number of goroutines.
func parallel(workers, n int, f func(w, i int)) {
	var wg sync.WaitGroup
	var mu sync.Mutex
	next := 0
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func(w int) {
			defer wg.Done()
			for {
				mu.Lock()
				i := next
				next++
				mu.Unlock()
				if i >= n {
					return
				}
				f(w, i)
			}
		}(w)
	}
	wg.Wait()
}

// averageLength is the mean length of the docs, for BM25.
func averageLength(items []*item) float64 {
	if len(items) == 0 {
		return 1
	}
	total := 0.0
	for _, it := range items {
		total += docLength(it.doc)
	}
	return total / float64(len(items))
}
