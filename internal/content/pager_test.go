package content

import (
	"fmt"
	"math"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
	"time"
)

// TestPaginateHugeSize: a page size near the largest int makes one pager,
// not an overflow (config refuses such sizes; the pager must not panic).
func TestPaginateHugeSize(t *testing.T) {
	for n := 1; n <= 30; n++ {
		for _, size := range []int{math.MaxInt, math.MaxInt - 1, math.MaxInt/2 + 1, 1 << 62} {
			got := Paginate(make([]*Page, n), size, "news/")
			if len(got) != 1 || len(got[0].Pages) != n || got[0].Total != 1 {
				t.Errorf("%d pages by %d: %d pagers", n, size, len(got))
			}
		}
	}
	for _, c := range []struct{ n, size, pagers, last int }{{25, 10, 3, 5}, {20, 10, 2, 10}, {0, 10, 1, 0}, {1, 1, 1, 1}} {
		got := Paginate(make([]*Page, c.n), c.size, "news/")
		if len(got) != c.pagers || len(got[len(got)-1].Pages) != c.last || got[0].Total != c.pagers {
			t.Errorf("%d pages by %d: %d pagers, last has %d", c.n, c.size, len(got), len(got[len(got)-1].Pages))
		}
	}
}

// pagerState is what a dated pager's HTML shows: its items and the URLs of
// its neighbours.
func pagerState(out []*Pager) map[string]string {
	m := map[string]string{}
	for _, pg := range out {
		s := ""
		for _, p := range pg.Pages {
			s += p.Path + " "
		}
		if n := pg.Newer(); n != nil {
			s += "newer " + n.Self()
		}
		if o := pg.Older(); o != nil {
			s += " older " + o.Self()
		}
		m[pg.Self()] = s
	}
	return m
}

func changedPagers(a, b map[string]string) int {
	n := 0
	for k, v := range b {
		if a[k] != v {
			n++
		}
	}
	for k := range a {
		if _, ok := b[k]; !ok {
			n++
		}
	}
	return n
}

// TestPaginateStableChurn: one page added at the top, one removed anywhere
// or one added amid the list changes a few pagers of a long list, never
// the rest: what a deploy sends after an ordinary edit.
func TestPaginateStableChurn(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	day := time.Date(2026, 10, 31, 9, 0, 0, 0, cst)
	mk := func(i int) *Page {
		return &Page{Path: fmt.Sprintf("news/item-%d/", i), Date: day.Add(-time.Duration(i) * 7 * time.Hour)}
	}
	for _, size := range []int{1, 2, 3, 10, 25} {
		worst := map[string]int{}
		for trial := range 60 {
			n := 50 + rng.IntN(1500)
			var ps []*Page
			for i := range n {
				ps = append(ps, mk(i+1))
			}
			before := pagerState(PaginateStable(ps, size, "news/"))
			cases := map[string][]*Page{
				"add newest": append([]*Page{mk(-trial - 1)}, ps...),
				"delete":     slices.Delete(slices.Clone(ps), trial%n, trial%n+1),
				"insert":     slices.Insert(slices.Clone(ps), n/2, &Page{Path: fmt.Sprintf("news/old-%d/", trial), Date: ps[n/2].Date}),
			}
			for name, list := range cases {
				worst[name] = max(worst[name], changedPagers(before, pagerState(PaginateStable(list, size, "news/"))))
			}
		}
		for name, w := range worst {
			if w > 6 {
				t.Errorf("size %d, %s: %d pagers changed at worst", size, name, w)
			}
		}
		t.Logf("size %d: worst %v", size, worst)
	}
}

// TestPaginateStableShape: every item on exactly one pager, in order;
// pagers but the first and the last hold between (size+1)/2 and 2*size
// items; names are unique and dated.
func TestPaginateStableShape(t *testing.T) {
	day := time.Date(2026, 10, 31, 9, 0, 0, 0, cst)
	var ps []*Page
	for i := range 5000 {
		ps = append(ps, &Page{Path: fmt.Sprintf("news/p%d/", i), Date: day.Add(-time.Duration(i/40) * 24 * time.Hour)}) // 40 items a day
	}
	for _, size := range []int{1, 4, 10, 30} {
		out := PaginateStable(ps, size, "news/")
		var all []*Page
		names := map[string]bool{}
		for i, pg := range out {
			all = append(all, pg.Pages...)
			if names[pg.Self()] {
				t.Fatalf("size %d: two pagers at %s", size, pg.Self())
			}
			names[pg.Self()] = true
			if i == 0 && (pg.Self() != "news/" || len(pg.Pages) < size) {
				t.Errorf("size %d: first pager %s holds %d", size, pg.Self(), len(pg.Pages))
			}
			if i > 0 && i < len(out)-1 && (len(pg.Pages) < (size+1)/2 || len(pg.Pages) > 2*size) {
				t.Errorf("size %d: pager %s holds %d", size, pg.Self(), len(pg.Pages))
			}
			if i > 0 && !strings.HasPrefix(pg.Self(), "news/page/"+pg.Pages[0].Date.In(cst).Format("2006-01-02")) {
				t.Errorf("size %d: pager %s starts with an item of %s", size, pg.Self(), pg.Pages[0].Date)
			}
		}
		if !slices.Equal(all, ps) {
			t.Errorf("size %d: pagers do not hold the list in order", size)
		}
		if m := out[0].Months; len(m) != 5 || m[0].Path != "news/" || m[0].Month != 10 || m[4].Month != 6 {
			t.Errorf("size %d: months %v", size, m)
		}
	}
	if out := PaginateStable(nil, 10, "news/"); len(out) != 1 || out[0].Self() != "news/" || out[0].Months != nil {
		t.Errorf("empty list: %d pagers", len(out))
	}
}
