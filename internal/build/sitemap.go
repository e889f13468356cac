package build

import (
	"bytes"
	"encoding/xml"
	"strconv"
	"time"

	"showcase/internal/content"
	"showcase/internal/dates"
)

// sitemapSplit is the most URLs one sitemap file lists; a larger site's
// sitemap.xml is an index of files that each change with few pages.
const sitemapSplit = 1000

const sitemapNS = "http://www.sitemaps.org/schemas/sitemap/0.9"

type urlset struct {
	XMLName xml.Name     `xml:"urlset"`
	NS      string       `xml:"xmlns,attr"`
	URLs    []sitemapURL `xml:"url"`
}

type sitemapURL struct {
	Loc     string `xml:"loc"`
	Lastmod string `xml:"lastmod,omitempty"`
}

type sitemapIndex struct {
	XMLName  xml.Name     `xml:"sitemapindex"`
	NS       string       `xml:"xmlns,attr"`
	Sitemaps []sitemapURL `xml:"sitemap"`
}

// sitemapPart is one sitemap file: its name below the language's output
// and its URLs.
type sitemapPart struct {
	name    string
	urls    []sitemapURL
	lastmod string // the latest of its URLs'
}

// sitemapParts lists every HTML page but the 404 page, redirects and the
// later pages of lists (reached from the first), with absolute URLs and the
// lastmod of pages, of the home page and of lists (their newest item), as
// Baidu and the other search engines read them. Up to sitemapSplit URLs
// make one file, sitemap.xml; a larger site has sitemap-pages.xml for the
// pages without a date (home, lists, top pages) and sitemap-YEAR.xml for
// the dated pages of each year, so an article added or removed changes
// the file of its year and the index, not one file of every URL.
func sitemapParts(s *content.Site, jobs []job) []sitemapPart {
	var all []sitemapURL
	var years []int // the year of each URL, 0 for none
	for _, j := range jobs {
		if j.kind == "404" || j.kind == "alias" || j.data.Pager != nil && j.data.Pager.Number > 1 {
			continue
		}
		u := sitemapURL{Loc: absURL(s, j.path)}
		var t time.Time
		year := 0
		switch {
		case j.kind == "single" || j.kind == "profile":
			t = modified(j.data.Page)
			if d := j.data.Page.Date; !d.IsZero() {
				year = d.In(dates.CST).Year()
			}
		case j.kind == "home":
			t = newest(s.Pages)
		case j.data.Pager != nil:
			t = newest(j.data.Pager.Pages) // a list changes with its newest item
		}
		if !t.IsZero() {
			u.Lastmod = t.In(dates.CST).Format("2006-01-02")
		}
		all = append(all, u)
		years = append(years, year)
	}
	dir := sitemapDir(s)
	if len(all) <= sitemapSplit {
		return []sitemapPart{newPart(dir+"sitemap.xml", all)}
	}
	byYear := map[int][]sitemapURL{}
	var order []int
	for i, u := range all {
		if _, ok := byYear[years[i]]; !ok {
			order = append(order, years[i])
		}
		byYear[years[i]] = append(byYear[years[i]], u)
	}
	var parts []sitemapPart
	for _, y := range order {
		name := dir + "sitemap-pages.xml"
		if y != 0 {
			name = dir + "sitemap-" + strconv.Itoa(y) + ".xml"
		}
		parts = append(parts, newPart(name, byYear[y]))
	}
	return parts
}

// sitemapDir is the folder of a language's sitemap files in its output:
// the root's sitemap.xml is the index of the languages', so a language
// at the root keeps its own in a folder named by its code.
func sitemapDir(s *content.Site) string {
	if l := s.Config.Language(); l != nil && l.Prefix == "" {
		return l.Code + "/"
	}
	return ""
}

func newPart(name string, urls []sitemapURL) sitemapPart {
	p := sitemapPart{name: name, urls: urls}
	for _, u := range urls {
		p.lastmod = max(p.lastmod, u.Lastmod)
	}
	return p
}

// indexEntries are the index's lines for parts.
func indexEntries(s *content.Site, parts []sitemapPart) []sitemapURL {
	var out []sitemapURL
	for _, p := range parts {
		out = append(out, sitemapURL{Loc: absURL(s, p.name), Lastmod: p.lastmod})
	}
	return out
}

// writeSitemap writes the site's sitemap: one file, or the parts and
// sitemap.xml (the language's) as their index.
func writeSitemap(s *content.Site, jobs []job, out *output, fail func(string, error)) {
	if s.Config.Disabled("sitemap") {
		return
	}
	parts := sitemapParts(s, jobs)
	for _, p := range parts {
		fail(p.name, writeXML(out, p.name, urlset{NS: sitemapNS, URLs: p.urls}))
	}
	if len(parts) > 1 {
		name := sitemapDir(s) + "sitemap.xml"
		fail(name, writeXML(out, name, sitemapIndex{NS: sitemapNS, Sitemaps: indexEntries(s, parts)}))
	}
}

// writeXML writes doc, indented, with the XML header.
func writeXML(out *output, name string, doc any) error {
	var buf bytes.Buffer
	buf.WriteString(xml.Header)
	enc := xml.NewEncoder(&buf)
	enc.Indent("", "  ")
	if err := enc.Encode(doc); err != nil {
		return err
	}
	buf.WriteByte('\n')
	return out.Write(name, name, buf.Bytes())
}

// modified is when a page last changed: its lastmod, else its date.
func modified(p *content.Page) time.Time {
	if p == nil {
		return time.Time{}
	}
	if !p.Lastmod.IsZero() {
		return p.Lastmod
	}
	return p.Date
}

// newest is the latest change among pages.
func newest(pages []*content.Page) time.Time {
	var t time.Time
	for _, p := range pages {
		if m := modified(p); m.After(t) {
			t = m
		}
	}
	return t
}

func robots(s *content.Site) []byte {
	return []byte("User-agent: *\nAllow: /\n\nSitemap: " + absURL(s, "sitemap.xml") + "\n")
}
