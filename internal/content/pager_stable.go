package content

import (
	"hash/fnv"
	"math"
	"slices"
	"strconv"
)

// PaginateStable splits a list into pagers whose boundaries depend only on
// the items near them, so that a page added, removed or edited changes the
// one or two list pages around it and never shifts the whole list (after
// one new article a deploy sends a few list pages, not every one).
//
// The first pager is the list's own URL and shows its size newest items.
// The others are named by the date of their newest item
// (news/page/2024-08-09/; a second page starting on that date gets a
// short hash after the date, a list without dates hashes only) and hold
// about size items: a page ends before an item whose hash is the smallest
// within (size-1)/2 items either side, the "winnowing" rule of
// content-defined chunking. No two such items lie closer than that, so a
// page holds at least (size+1)/2 items but at the list's ends; a page of
// over twice size items (rare) is cut in even parts. A new article thus
// changes the first page, moves the second page's start by one (renaming
// it) and changes the link of the third; the rest stay as they were.
func PaginateStable(pages []*Page, size int, base string) []*Pager {
	if size <= 0 {
		size = 10
	}
	first := min(size, len(pages))
	runs := [][]*Page{pages[:first]}
	for _, r := range stableRuns(pages, size) {
		if r[1] > first { // the runs past the first page, the one it cuts short
			runs = append(runs, pages[max(r[0], first):r[1]])
		}
	}
	if len(runs) > 2 && len(runs[1]) <= (size-1)/2 { // cut too short: joins the next
		runs = append([][]*Page{runs[0], pages[first : first+len(runs[1])+len(runs[2])]}, runs[3:]...)
	}
	out := link(runs, len(pages), base)
	used := map[string]bool{}
	for _, pg := range out[1:] {
		pg.Dated = true
		pg.Slug = pageName(pg.Pages[0], used)
	}
	out[0].Dated = true
	if m := months(out); len(out) > 1 && len(m) > 1 {
		out[0].Months = m
		for _, pg := range out {
			pg.HasMonths = true
		}
	}
	return out
}

// stableRuns cuts pages into runs, [start, end) each, at the items whose
// hash is a strict minimum of the 2w+1 around them.
func stableRuns(pages []*Page, size int) [][2]int {
	n := len(pages)
	if n <= size {
		return [][2]int{{0, n}}
	}
	w := (size - 1) / 2
	h := make([]uint64, n)
	for i, p := range pages {
		h[i] = pageHash(p)
	}
	left := windowMin(h, w)
	slices.Reverse(h)
	right := windowMin(h, w)
	slices.Reverse(h)
	slices.Reverse(right)
	starts := []int{0}
	for i := 1; i < n; i++ {
		if h[i] < left[i] && h[i] < right[i] {
			starts = append(starts, i)
		}
	}
	if k := len(starts) - 1; k > 0 && n-starts[k] <= w {
		starts = starts[:k] // the oldest run, cut short by the list's end: joins the one before
	}
	var runs [][2]int
	for k, s := range starts {
		e := n
		if k+1 < len(starts) {
			e = starts[k+1]
		}
		parts := 1
		if e-s > 2*size {
			parts = (e - s + size - 1) / size
		}
		for j := range parts {
			runs = append(runs, [2]int{s + (e-s)*j/parts, s + (e-s)*(j+1)/parts})
		}
	}
	return runs
}

// windowMin is, for each i, the least of h[i-w:i] (MaxUint64 when empty),
// kept in a deque of candidates in increasing order.
func windowMin(h []uint64, w int) []uint64 {
	out := make([]uint64, len(h))
	var dq []int
	for i := range h {
		for len(dq) > 0 && dq[0] < i-w {
			dq = dq[1:]
		}
		out[i] = math.MaxUint64
		if len(dq) > 0 {
			out[i] = h[dq[0]]
		}
		for len(dq) > 0 && h[dq[len(dq)-1]] >= h[i] {
			dq = dq[:len(dq)-1]
		}
		dq = append(dq, i)
	}
	return out
}

// pageHash is a well-mixed hash of a page's URL path (its file when it has
// none), the same in every build.
func pageHash(p *Page) uint64 {
	f := fnv.New64a()
	key := p.Path
	if key == "" {
		key = p.File
	}
	f.Write([]byte(key))
	z := f.Sum64() + 0x9e3779b97f4a7c15 // splitmix64's finaliser
	z = (z ^ z>>30) * 0xbf58476d1ce4e5b9
	z = (z ^ z>>27) * 0x94d049bb133111eb
	return z ^ z>>31
}

// pageName names a pager by its newest item: the date it carries, or a
// hash when it has none or another pager took that date.
func pageName(newest *Page, used map[string]bool) string {
	hash := strconv.FormatUint(pageHash(newest)>>32, 16)
	name := hash
	if !newest.Date.IsZero() {
		name = newest.Date.In(cst).Format("2006-01-02")
		if used[name] {
			name += "-" + hash
		}
	}
	for k, base := 2, name; used[name]; k++ {
		name = base + "-" + strconv.Itoa(k)
	}
	used[name] = true
	return name
}

// months lists, newest first, each month with dated items and the pager
// holding its newest item.
func months(pagers []*Pager) []Month {
	var out []Month
	seen := map[int]bool{}
	for _, pg := range pagers {
		for _, it := range pg.Pages {
			if it.Date.IsZero() {
				continue
			}
			t := it.Date.In(cst)
			if key := t.Year()*12 + int(t.Month()); !seen[key] {
				seen[key] = true
				out = append(out, Month{Year: t.Year(), Month: int(t.Month()), Path: pg.Self()})
			}
		}
	}
	slices.SortStableFunc(out, func(a, b Month) int { return (b.Year*12 + b.Month) - (a.Year*12 + a.Month) })
	return out
}
