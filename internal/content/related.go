package content

import "sort"

// relatedCount is how many related items a page shows.
const relatedCount = 5

// relate finds, for every regular page, the pages sharing most of its
// branches (worth 2) and tags (worth 1), newest first among equals. It uses
// the term lists as an inverted index, so the cost grows with the pages a
// page shares terms with, not with the square of the site.
func (s *Site) relate() {
	index := make(map[*Page]int, len(s.Pages))
	for i, p := range s.Pages {
		index[p] = i
	}
	byTag := map[string][]int{}
	for i, p := range s.Pages {
		for _, t := range p.Terms["tags"] {
			byTag[t] = append(byTag[t], i)
		}
	}
	byBranch := map[*Page][]int{}
	for prof, ps := range s.naming {
		for _, p := range ps {
			byBranch[prof] = append(byBranch[prof], index[p])
		}
	}
	score := make([]int32, len(s.Pages))
	var touched []int
	bump := func(list []int, w int32) {
		for _, j := range list {
			if score[j] == 0 {
				touched = append(touched, j)
			}
			score[j] += w
		}
	}
	for i, p := range s.Pages {
		touched = touched[:0]
		for _, prof := range p.BranchPages {
			bump(byBranch[prof], 2)
		}
		for _, t := range p.Terms["tags"] {
			bump(byTag[t], 1)
		}
		var best []int
		for _, j := range touched {
			if j != i {
				best = append(best, j)
			}
		}
		// s.Pages is newest first, so a smaller index is newer
		sort.Slice(best, func(a, b int) bool {
			if score[best[a]] != score[best[b]] {
				return score[best[a]] > score[best[b]]
			}
			return best[a] < best[b]
		})
		if len(best) > relatedCount {
			best = best[:relatedCount]
		}
		for _, j := range best {
			p.Related = append(p.Related, s.Pages[j])
		}
		for _, j := range touched {
			score[j] = 0
		}
	}
}
