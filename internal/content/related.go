package content

import (
	"runtime"
	"slices"
	"sort"
	"sync"
)

// relatedCount is how many related items a page shows.
const relatedCount = 5

// relate finds, for every regular page, the pages sharing most of its
// branches (worth 2) and tags (worth 1), newest first among equals. It uses
// the term lists as an inverted index, so the cost grows with the pages a
// page shares terms with, not with the square of the site; pages are
// scored on all cores. After an edit (prev not nil) a page whose related
// items included no edited page keeps them, with the edited pages scored
// against them (relateAgain).
func (s *Site) relate(prev *earlier) {
	index := make(map[*Page]int32, len(s.Pages))
	for i, p := range s.Pages {
		index[p] = int32(i)
	}
	byTag := map[string][]int32{}
	for i, p := range s.Pages {
		for _, t := range p.Terms["tags"] {
			byTag[t] = append(byTag[t], int32(i))
		}
	}
	byBranch := map[*Page][]int32{}
	for prof, ps := range s.naming {
		for _, p := range ps {
			byBranch[prof] = append(byBranch[prof], index[p])
		}
	}
	workers := runtime.GOMAXPROCS(0)
	var wg sync.WaitGroup
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func(w int) {
			defer wg.Done()
			score := make([]int32, len(s.Pages))
			var touched []int32
			for i := w; i < len(s.Pages); i += workers {
				p := s.Pages[i]
				if prev != nil && !prev.changes(p) {
					p.Related = prev.relateAgain(p, index)
					continue
				}
				touched = touched[:0]
				bump := func(list []int32, weight int32) {
					for _, j := range list {
						if score[j] == 0 {
							touched = append(touched, j)
						}
						score[j] += weight
					}
				}
				for _, prof := range p.BranchPages {
					bump(byBranch[prof], 2)
				}
				for _, t := range p.Terms["tags"] {
					bump(byTag[t], 1)
				}
				best := topRelated(touched, score, int32(i))
				p.Related = make([]*Page, len(best))
				for k, j := range best {
					p.Related[k] = s.Pages[j]
				}
				for _, j := range touched {
					score[j] = 0
				}
			}
		}(w)
	}
	wg.Wait()
}

// topRelated selects the relatedCount best candidates: higher score first,
// then the smaller index (s.Pages is newest first). self is left out.
func topRelated(cands []int32, score []int32, self int32) []int32 {
	better := func(a, b int32) bool {
		if score[a] != score[b] {
			return score[a] > score[b]
		}
		return a < b
	}
	best := make([]int32, 0, relatedCount)
	for _, j := range cands {
		if j == self {
			continue
		}
		if len(best) == relatedCount && !better(j, best[relatedCount-1]) {
			continue
		}
		if len(best) < relatedCount {
			best = append(best, j)
		} else {
			best[relatedCount-1] = j
		}
		for k := len(best) - 1; k > 0 && better(best[k], best[k-1]); k-- {
			best[k], best[k-1] = best[k-1], best[k]
		}
	}
	return best
}

// earlier is what an earlier assembly of the same pages found, for
// Reassemble: each page's related items, and the pages edited since.
type earlier struct {
	related map[*Page][]*Page
	edited  map[*Page]bool
}

// changes says whether p's related items must be scored afresh: p was
// edited, or an edited page was among them (its score may have dropped and
// let another page in).
func (e *earlier) changes(p *Page) bool {
	if e.edited[p] {
		return true
	}
	for _, r := range e.related[p] {
		if e.edited[r] {
			return true
		}
	}
	return false
}

// relateAgain finds the related items of a page that was not edited and
// whose related items include no edited page. Its scores against the other
// unedited pages are what they were, and so is their order in s.Pages, so
// the earlier items are still the best of those; only the edited pages can
// join them.
func (e *earlier) relateAgain(p *Page, index map[*Page]int32) []*Page {
	type cand struct {
		page  *Page
		score int32
	}
	var cands []cand
	for _, r := range e.related[p] {
		cands = append(cands, cand{r, relatedScore(p, r)})
	}
	for r := range e.edited {
		if _, regular := index[r]; regular && r != p {
			if sc := relatedScore(p, r); sc > 0 {
				cands = append(cands, cand{r, sc})
			}
		}
	}
	sort.Slice(cands, func(i, j int) bool {
		if cands[i].score != cands[j].score {
			return cands[i].score > cands[j].score
		}
		return index[cands[i].page] < index[cands[j].page]
	})
	out := make([]*Page, 0, relatedCount)
	for _, c := range cands {
		if len(out) < relatedCount {
			out = append(out, c.page)
		}
	}
	return out
}

// relatedScore is what relate counts for page r as an item of page p: 2 for
// each branch both name, 1 for each of p's tags r has (as often as r has it).
func relatedScore(p, r *Page) int32 {
	var n int32
	for _, prof := range p.BranchPages {
		if slices.Contains(r.BranchPages, prof) {
			n += 2
		}
	}
	for _, t := range p.Terms["tags"] {
		for _, u := range r.Terms["tags"] {
			if t == u {
				n++
			}
		}
	}
	return n
}
