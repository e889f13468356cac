package content

import (
	"math"
	"testing"
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
