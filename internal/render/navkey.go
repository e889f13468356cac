package render

import (
	"strconv"
	"strings"
)

// NavKey says what the theme's header (header.html) shows differently from
// one output to another: which entries of the main navigation are current
// (the menu's, or else the home page's and the sections'). baseof.html
// keeps the header by it, {{ partialCached "header.html" . .NavKey }}, so
// that it is rendered once for each column instead of once for each page.
// It is "" for an output of a multilingual site that has translations (its
// language switcher links to them): that header is the output's own.
func (d *dot) NavKey() string {
	for _, l := range d.contentData.Languages {
		if l.Translated && !l.Current {
			return ""
		}
	}
	var key strings.Builder
	key.WriteString("nav")
	if len(d.contentData.Languages) > 0 {
		key.WriteString(" langs") // to the other languages' home pages
	}
	path := ""
	if p := d.Page(); p != nil { // as header.html reads it, recording the page
		path = p.Path
	}
	if d.contentData.Kind == "404" {
		path = "/404/"
	}
	mark := func(i int, on bool) {
		if on {
			key.WriteByte(' ')
			key.WriteString(strconv.Itoa(i))
		}
	}
	if site := d.contentData.Site; site != nil && site.Config != nil && len(site.Config.Menu) > 0 {
		for i, m := range site.Config.Menu {
			mark(i, active(m.URL, path))
		}
	} else {
		mark(-1, path == "")
		if site != nil {
			for i, sec := range site.Sections {
				mark(i, sec.Page != nil && active(sec.Page.Path, path))
			}
		}
	}
	return key.String()
}

// active says whether the menu entry menuURL is the current column of the
// page at pagePath (the template function active).
func active(menuURL, pagePath string) bool {
	m := strings.Trim(menuURL, "/")
	if m == "" {
		return pagePath == ""
	}
	return pagePath == m+"/" || strings.HasPrefix(pagePath, m+"/")
}

// CrumbKey is the breadcrumb (.Crumbs) as a partialCached variant:
// baseof.html keeps breadcrumb.html by it, {{ partialCached
// "breadcrumb.html" . .CrumbKey }}, so that the pages of a column, which
// share theirs (首页 > 工作动态 > 正文), render it once.
func (d *dot) CrumbKey() string {
	var key strings.Builder
	for _, c := range d.contentData.Crumbs {
		key.WriteString(c.Title)
		key.WriteByte(0)
		key.WriteString(c.Path)
		if c.Last {
			key.WriteString("\x00last")
		}
		key.WriteByte(0)
	}
	return key.String()
}
