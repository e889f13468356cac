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

// invert tokenises the docs (already in docid order) on all cores, with
// avg the page length impacts are computed with, and returns every term with its postings and, for the longest n-grams not
// dense, the unit after each occurrence (0 at a segment's end), kept apart
// from the lists, which the loop below goes through most.
func invert(docs []*Doc, vocab *vocabulary, gram int, avg float64) ([]key, []termList, [][]uint32) {
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
	for i := range toks {
		toks[i] = newTokenizer(vocab, gram, workers)
	}
	const batch = 256
	results := make([]pageTerms, batch)
	for start := 0; start < len(docs); start += batch {
		end := min(start+batch, len(docs))
		parallel(workers, end-start, func(w, i int) {
			toks[w].postings(docs[start+i], uint32(start+i), avg, &results[i])
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
					if isDense(len(l.docs), len(docs)) {
						pt.after[at] = nil // a dense term has no next column
					} else {
						pt.after[at] = append(pt.after[at], results[i].after[ps.afterFrom:ps.afterTo]...)
					}
				}
			}
		})
	}
	var keys []key
	var lists []termList
	var after [][]uint32
	for _, pt := range parts {
		pt.index.each(func(k key, at int32) {
			keys = append(keys, k)
			lists = append(lists, pt.lists[at])
			after = append(after, pt.after[at])
		})
	}
	return keys, lists, after
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
