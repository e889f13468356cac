package search

import (
	"runtime"
	"sync"
)

// inverted are the terms of a segment with their postings and, for the
// longest n-grams not dense, the unit after each occurrence (0 at a
// segment's end): the parts of the passes, in order (writeTerms reads
// them on all cores).
type inverted struct {
	parts []*termPart
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
	var passes [][]*termPart
	sc := newScratch(gram)
	for lo := 1; lo <= gram; {
		hi := lo
		if lo == 1 {
			hi = min(2, gram)
		}
		var d *decider
		if lo >= 3 && cands > 0 {
			d = newDecider(passes[len(passes)-1], cands, len(pages))
		}
		passes = append(passes, invertPass(pages, norms, lo, hi, d, passSize(pages, passes), sc))
		lo = hi + 1
	}
	var inv inverted
	for _, parts := range passes {
		inv.parts = append(inv.parts, parts...)
	}
	return inv
}

// termPart holds the terms of one partition of a pass.
type termPart struct {
	index *termIndex        // term → its place in terms, while the pass adds them
	terms chunked[termData] // read in this order, without the index, after the pass

	// most terms are in one page: their first postings come from slabs,
	// not an allocation each
	posts slab[uint32]
	pos   slab[byte]
	nexts slab[uint32]
	mores slab[termPositions]
	ats   []int32  // add's
	_     [64]byte // no cache line shared with another worker's part
}

// termData are a term's postings in docid order, each its docid and
// impact byte in one number (packPosting), and, for the longest n-grams only,
// their positions: the terms of the other lengths, most of them, take 32
// bytes (56 with docids and impacts in lists of their own, 96 with
// positions).
type termData struct {
	key   key
	posts []uint32
	more  *termPositions
}

// impBits are the bits of an impact byte in a posting: a posting is
// docid<<impBits | impact (a segment has far fewer than 2^29 pages).
const impBits = 3

func packPosting(doc uint32, imp uint8) uint32 { return doc<<impBits | uint32(imp) }

func postingDoc(p uint32) uint32 { return p >> impBits }

func postingImp(p uint32) uint8 { return uint8(p & (1<<impBits - 1)) }

// termPositions are the positions of a term's pages in turn and, while it
// is not dense, the unit after each occurrence.
type termPositions struct {
	pos   []byte
	after []uint32
}

// add appends the postings ps of page terms pt to their terms' lists, in a
// segment of docs pages. It finds every term first, then appends: the
// look-ups, each a cache miss or so, do not wait for each other.
func (p *termPart) add(ps []posting, pt *pageTerms, docs int) {
	p.ats = p.ats[:0]
	for i := range ps {
		at, slot := p.index.find(ps[i].term, &p.terms)
		if at < 0 {
			t := termData{key: ps[i].term, posts: p.posts.one(packPosting(ps[i].doc, ps[i].imp))}
			if ps[i].posTo > ps[i].posFrom || ps[i].afterTo > ps[i].afterFrom {
				t.more = &p.mores.one(termPositions{pos: p.pos.copy(pt.pos[ps[i].posFrom:ps[i].posTo]),
					after: p.nexts.copy(pt.after[ps[i].afterFrom:ps[i].afterTo])})[0]
			}
			p.terms.add(t)
			p.index.insert(ps[i].term, int32(p.terms.n-1), slot, &p.terms)
		}
		p.ats = append(p.ats, at)
	}
	for i, at := range p.ats {
		if at < 0 {
			continue
		}
		ps := &ps[i]
		t := p.terms.at(at)
		t.posts = append(t.posts, packPosting(ps.doc, ps.imp))
		if ps.posTo == ps.posFrom && ps.afterTo == ps.afterFrom {
			continue
		}
		if t.more == nil {
			t.more = &p.mores.one(termPositions{})[0]
		}
		m := t.more
		m.pos = append(m.pos, pt.pos[ps.posFrom:ps.posTo]...)
		if ps.afterTo == ps.afterFrom {
			continue
		}
		if isDense(len(t.posts), docs) {
			m.after = nil // a dense term has no next column
		} else {
			m.after = append(m.after, pt.after[ps.afterFrom:ps.afterTo]...)
		}
	}
}

// scratch are the buffers of the passes, kept from one to the next: the
// workers' tokenizers and a batch's postings.
type scratch struct {
	toks    []*tokenizer
	results []pageTerms
	tables  []*termIndex // the partitions' tables of the last pass
}

// batch is the pages whose postings are made before they are added.
const batch = 256

func newScratch(gram int) *scratch {
	workers := runtime.GOMAXPROCS(0)
	sc := &scratch{toks: make([]*tokenizer, workers), results: make([]pageTerms, batch), tables: make([]*termIndex, workers)}
	for i := range sc.toks {
		sc.toks[i] = newTokenizer(gram, workers)
	}
	return sc
}

// table returns an empty table for partition p with room for about size
// terms: the last pass's when it has that room (the first pass's tables
// are the largest; new ones were a tenth of what the index allocated).
func (sc *scratch) table(p, size int) *termIndex {
	if t := sc.tables[p]; t != nil && len(t.slots) >= 2*size {
		t.reset()
		return t
	}
	sc.tables[p] = newTermIndex(size)
	return sc.tables[p]
}

// invertPass inverts the n-grams of lo to hi units into tables that start
// with room for about size terms; d, when set (lo = hi), tells which are
// terms. It returns them by partition.
func invertPass(pages []pageUnits, norms []float64, lo, hi int, d *decider, size int, sc *scratch) []*termPart {
	workers := len(sc.toks)
	parts := make([]*termPart, workers)
	for i := range parts {
		parts[i] = &termPart{index: sc.table(i, max(1<<12, size/workers))}
	}
	toks, results := sc.toks, sc.results
	pruners := make([]*pruner, workers)
	if d != nil {
		for i := range pruners {
			pruners[i] = d.pruner()
		}
	}
	for start := 0; start < len(pages); start += batch {
		end := min(start+batch, len(pages))
		for _, t := range toks {
			t.newBatch()
		}
		parallel(workers, end-start, func(w, i int) {
			toks[w].postings(&pages[start+i], uint32(start+i), norms[start+i], lo, hi, pruners[w], &results[i])
		})
		// each worker owns the terms of one partition, appended in docid order
		parallel(workers, workers, func(_, p int) {
			pt := parts[p]
			for i := 0; i < end-start; i++ {
				pt.add(results[i].parts[p], &results[i], len(pages))
			}
		})
	}
	for _, pt := range parts {
		pt.index, pt.ats = nil, nil // the terms are read in order from now on
	}
	return parts
}

// passSize guesses the terms of the next pass after passes, so that its
// tables start near their size instead of doubling from small (a table
// that doubled eight times took a tenth of the index's time on a blog of
// 2,000 pages): the first, of units and pairs, about a tenth of the
// pages' units and half their words, as a word makes more distinct pairs
// than a character (the blog of 1,472 posts, 23 % of its units words:
// 343,000 terms of 1.63 million units, guessed 349,000; 10,000 pages of
// the corpus, 1 % words: 672,000 of 7.93 million, guessed 838,000; with a
// tenth of the units alone, the blog's tables grew once, which took 0.2
// CPU-s of its build); the next, of one length, about half the terms of
// the two lengths before it; then one length about as many as the one
// before.
func passSize(pages []pageUnits, passes [][]*termPart) int {
	n := 0
	if len(passes) == 0 {
		words := 0
		for i := range pages {
			for _, f := range pages[i][:4] { // title and body fields
				n += len(f)
				for _, u := range f {
					if u >= wordBase {
						words++
					}
				}
			}
		}
		return n/10 + words/2
	}
	for _, pt := range passes[len(passes)-1] {
		n += pt.terms.n
	}
	if len(passes) == 1 {
		return n / 2
	}
	return n
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
