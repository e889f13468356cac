package check

import (
	"strings"

	"showcase/internal/content"
	"showcase/internal/dates"
	"showcase/internal/lang"
)

var cst = dates.CST

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
				lang.Sprintf("与 %[1]s 同一天（%[2]s）标题相同，是否重复发布？", "%[1]s has the same title on %[2]s: the same report twice?", other, day))
			continue
		}
		first[key] = p.File
	}
}

// dates reports pages dated in the future (they wait until that day),
// dates that look mistyped, and dates an import guessed that nobody has
// confirmed yet.
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
			c.add("dates", Error, p.File, line, lang.Sprintf("日期 %s 超过一年以后，是否写错？", "date %s is more than a year ahead: a typing mistake?", day))
		case p.Date.After(now):
			c.add("dates", Warning, p.File, line, lang.Sprintf("日期 %s 在未来，届时才会发布", "date %s is in the future: the page is not published before then", day))
		case p.Date.Year() < 1990:
			c.add("dates", Warning, p.File, line, lang.Sprintf("日期 %s 似乎写错了", "date %s looks mistyped", day))
		}
		if unconfirmed(p) {
			c.add("dates", Error, p.File, line, lang.Sprintf("日期 %s 尚未核对：这是导入时推断的日期，核对无误后删去这一行注释中的“%s”",
				"date %s is a guess of the import, not yet confirmed: check it, then delete %q from the line's comment", day, dates.Unconfirmed))
		}
		if !p.ExpiryDate.IsZero() && !p.ExpiryDate.After(p.Date) {
			c.add("dates", Warning, p.File, keyLine(p, "expiryDate"), lang.Sprintf("过期日期 expiryDate 不晚于发布日期，页面不会显示：请检查两个日期", "expiryDate is not after date: the page is never shown"))
		}
	}
}

// unconfirmed reports a page whose date line still carries the import's
// mark of a guessed date (dates.Unconfirmed) in its comment.
func unconfirmed(p *content.Page) bool {
	n := p.KeyLine("date")
	lines := strings.Split(string(p.FrontMatter()), "\n")
	if n < 2 || n-2 >= len(lines) {
		return false
	}
	return strings.Contains(comment(lines[n-2]), dates.Unconfirmed)
}

// comment is the part of a TOML or YAML line after a "#" that is not
// inside quotation marks.
func comment(line string) string {
	var quote rune
	escaped := false
	for i, r := range line {
		switch {
		case escaped:
			escaped = false
		case quote == '"' && r == '\\':
			escaped = true
		case quote != 0:
			if r == quote {
				quote = 0
			}
		case r == '"' || r == '\'':
			quote = r
		case r == '#':
			return line[i+1:]
		}
	}
	return ""
}
