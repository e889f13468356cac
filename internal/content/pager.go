package content

import "strconv"

// Pager is one page of a paginated list: /news/, /news/page/2/, …
type Pager struct {
	Number, Total int     // 1-based page number, number of pages
	Items         int     // items in the whole list (共 N 条)
	Pages         []*Page // the items on this page
	Base          string  // the list's URL path, "news/"
}

// Paginate splits a list into pagers of size items. An empty list still has
// one (empty) pager, so the list page exists.
func Paginate(pages []*Page, size int, base string) []*Pager {
	if size <= 0 {
		size = 10
	}
	total := len(pages) / size // not (len+size-1)/size, which overflows for a huge size
	if len(pages)%size != 0 {
		total++
	}
	if total == 0 {
		total = 1
	}
	out := make([]*Pager, total)
	for i := range out {
		lo := i * size
		hi := lo + min(size, len(pages)-lo)
		out[i] = &Pager{Number: i + 1, Total: total, Items: len(pages), Pages: pages[lo:hi], Base: base}
	}
	return out
}

// Path is the URL path of pager number n of the same list.
func (p *Pager) Path(n int) string {
	if n <= 1 {
		return p.Base
	}
	return p.Base + "page/" + strconv.Itoa(n) + "/"
}

// Self is this pager's own URL path.
func (p *Pager) Self() string { return p.Path(p.Number) }

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
