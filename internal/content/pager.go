package content

import (
	"slices"
	"strconv"
	"time"
)

// Pager is one page of a paginated list: /news/, then /news/page/2024-08-09/
// (dated pages, see PaginateStable) or /news/page/2/ (numbered, Paginate).
type Pager struct {
	Number, Total int     // 1-based position from the list's first page, number of pages
	Items         int     // items in the whole list (共 N 条)
	Pages         []*Page // the items on this page
	Base          string  // the list's URL path, "news/"
	Slug          string  // the page's name below Base+"page/": "2", "2024-08-09"; "" on the first
	Dated         bool    // pages named by date (PaginateStable), not numbered
	Months        []Month // on a dated list's first page, when it spans months: the page of each month's newest item
	HasMonths     bool    // the list's first page has Months
	list          []*Pager
}

// Month points to the page holding a month's newest item.
type Month struct {
	Year, Month int
	Path        string // that page's URL path
}

// Name is the month's English name, "August".
func (m Month) Name() string { return time.Month(m.Month).String() }

// Paginate splits a list into numbered pagers of size items, as Hugo does:
// page 2 holds the items 11-20 of the list as it is now, so one more item
// at the top moves every later page. An empty list still has one (empty)
// pager, so the list page exists.
func Paginate(pages []*Page, size int, base string) []*Pager {
	if size <= 0 {
		size = 10
	}
	total := len(pages) / size // not (len+size-1)/size, which overflows for a huge size
	if len(pages)%size != 0 {
		total++
	}
	var runs [][]*Page
	for i := range total {
		lo := i * size
		runs = append(runs, pages[lo:lo+min(size, len(pages)-lo)])
	}
	out := link(runs, len(pages), base)
	for i, pg := range out[1:] {
		pg.Slug = strconv.Itoa(i + 2)
	}
	return out
}

// link makes the pagers of runs, the first one the list's own URL.
func link(runs [][]*Page, items int, base string) []*Pager {
	if len(runs) == 0 {
		runs = [][]*Page{nil}
	}
	out := make([]*Pager, len(runs))
	for i, run := range runs {
		out[i] = &Pager{Number: i + 1, Total: len(runs), Items: items, Pages: run, Base: base}
	}
	for _, pg := range out {
		pg.list = out
	}
	return out
}

// Same reports whether q shows what p shows: the same items, place, name,
// months and the names of the whole list's pagers (Path reaches any).
func (p *Pager) Same(q *Pager) bool {
	if p == nil || q == nil {
		return p == q
	}
	return p.Number == q.Number && p.Total == q.Total && p.Items == q.Items && p.Base == q.Base &&
		p.Slug == q.Slug && p.Dated == q.Dated && p.HasMonths == q.HasMonths && slices.Equal(p.Pages, q.Pages) && slices.Equal(p.Months, q.Months) &&
		slices.EqualFunc(p.list, q.list, func(a, b *Pager) bool { return a.Slug == b.Slug })
}

// Path is the URL path of pager number n of the same list.
func (p *Pager) Path(n int) string {
	if n <= 1 || len(p.list) == 0 {
		return p.Base
	}
	return p.list[min(n, len(p.list))-1].Self()
}

// Self is this pager's own URL path.
func (p *Pager) Self() string {
	if p.Slug == "" {
		return p.Base
	}
	return p.Base + "page/" + p.Slug + "/"
}

// Newer is the pager before this one (nil on the first), Older the one
// after it (nil on the last).
func (p *Pager) Newer() *Pager {
	if p.Number <= 1 {
		return nil
	}
	return p.list[p.Number-2]
}

// Older is the pager after this one, nil on the last.
func (p *Pager) Older() *Pager {
	if p.Number >= len(p.list) {
		return nil
	}
	return p.list[p.Number]
}

// Span is the earliest and the latest date among the pager's items (zero
// when none has a date).
func (p *Pager) Span() (from, to time.Time) {
	for _, it := range p.Pages {
		if it.Date.IsZero() {
			continue
		}
		if from.IsZero() || it.Date.Before(from) {
			from = it.Date
		}
		if it.Date.After(to) {
			to = it.Date
		}
	}
	return from, to
}

// From is the earliest date among the pager's items.
func (p *Pager) From() time.Time { from, _ := p.Span(); return from }

// To is the latest date among the pager's items.
func (p *Pager) To() time.Time { _, to := p.Span(); return to }

// HasPrev and HasNext say whether 上一页 and 下一页 exist.
func (p *Pager) HasPrev() bool { return p.Number > 1 }

// HasNext reports whether there is a following pager.
func (p *Pager) HasNext() bool { return p.Number < p.Total }

// Window is the page numbers to show around the current one; 0 marks a gap (…).
func (p *Pager) Window() []int {
	const around = 2
	var out []int
	for n := 1; n <= p.Total; n++ {
		if n == 1 || n == p.Total || (n >= p.Number-around && n <= p.Number+around) {
			out = append(out, n)
		} else if len(out) > 0 && out[len(out)-1] != 0 {
			out = append(out, 0)
		}
	}
	return out
}
