package check

import (
	"fmt"
	"strings"
	"time"

	"showcase/internal/content"
)

var cst = time.FixedZone("CST", 8*3600)

// duplicateTitles reports pages of one day with the same title (the same
// report imported twice, or sent by two correspondents). Published pages
// come first, so that a draft copy is the one reported.
func (c *checker) duplicateTitles() {
	first := map[string]string{} // title and day → the first file
	pages := make([]*content.Page, 0, len(c.pages))
	for _, p := range c.pages {
		if !c.unpublished(p) {
			pages = append(pages, p)
		}
	}
	for _, p := range c.pages {
		if c.unpublished(p) {
			pages = append(pages, p)
		}
	}
	for _, p := range pages {
		if p.Profile != nil || p.Date.IsZero() || strings.TrimSpace(p.Title) == "" {
			continue
		}
		day := p.Date.In(cst).Format("2006-01-02")
		key := strings.Join(strings.Fields(p.Title), " ") + "\x00" + day
		if other, ok := first[key]; ok {
			c.add("duplicates", Error, p.File, keyLine(p, "title"),
				fmt.Sprintf("%s has the same title on %s: the same report twice? (与 %s 同一天标题相同，是否重复发布？)", other, day, other))
			continue
		}
		first[key] = p.File
	}
}

// dates reports pages dated in the future (they wait until that day) and
// dates that look mistyped.
func (c *checker) dates() {
	now := c.opts.Now
	for _, p := range c.pages {
		if p.Date.IsZero() {
			continue
		}
		line := keyLine(p, "date")
		day := p.Date.In(cst).Format("2006-01-02 15:04")
		switch {
		case p.Date.After(now.AddDate(1, 0, 0)):
			c.add("dates", Error, p.File, line, fmt.Sprintf("date %s is more than a year ahead: a typing mistake? (日期 %s 超过一年以后，是否写错？)", day, day))
		case p.Date.After(now):
			c.add("dates", Warning, p.File, line, fmt.Sprintf("date %s is in the future: the page is not published before then (日期 %s 在未来，届时才会发布)", day, day))
		case p.Date.Year() < 1990:
			c.add("dates", Warning, p.File, line, fmt.Sprintf("date %s looks mistyped (日期 %s 似乎写错了)", day, day))
		}
		if !p.ExpiryDate.IsZero() && !p.ExpiryDate.After(p.Date) {
			c.add("dates", Warning, p.File, keyLine(p, "expiryDate"), "expiryDate is not after date: the page is never shown (过期日期早于发布日期，页面不会显示)")
		}
	}
}
