package content

import (
	"runtime"
	"sync"
)

// relatedCount is how many related items a page shows.
const relatedCount = 5

// relate finds, for every regular page, the pages sharing most of its
// branches (worth 2) and tags (worth 1), newest first among equals. It uses
// the term lists as an inverted index, so the cost grows with the pages a
// page shares terms with, not with the square of the site; pages are
// scored on all cores.
func (s *Site) relate() {
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
