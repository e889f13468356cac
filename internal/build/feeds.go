package build

import (
	"bytes"
	"encoding/xml"
	"html"
	"time"

	"showcase/internal/content"
	"showcase/internal/lang"
)

// feedItems is how many items a feed carries.
const feedItems = 20

// writeFeeds writes RSS 2.0 for the site, each section and each branch
// (none when disableKinds has "rss").
func writeFeeds(s *content.Site, out *output, fail func(string, error)) {
	if s.Config.Disabled("rss") {
		return
	}
	write := func(urlPath, title, desc string, pages []*content.Page) {
		data, err := rss(s, urlPath, title, desc, pages)
		if err == nil {
			err = out.Write(urlPath+"index.xml", "the feed of /"+urlPath, data)
		}
		if err != nil {
			fail(urlPath+"index.xml", err)
		}
	}
	write("", s.Config.Title, s.Config.Param("description"), s.Pages)
	for _, sec := range s.Sections {
		if sec.Name == branchSection {
			continue
		}
		write(sec.Page.Path, sec.Page.Title+" - "+s.Config.Title, firstLine(sec.Page.Summary), sec.Pages)
	}
	if t := s.Taxonomy(branchSection); t != nil {
		for _, term := range t.Terms {
			write(term.Path, term.Name+" - "+s.Config.Title, term.Profile.Summary, term.Pages)
		}
	}
}

type rssDoc struct {
	XMLName xml.Name   `xml:"rss"`
	Version string     `xml:"version,attr"`
	Atom    string     `xml:"xmlns:atom,attr"`
	Channel rssChannel `xml:"channel"`
}

type rssChannel struct {
	Title       string    `xml:"title"`
	Link        string    `xml:"link"`
	Description rssHTML   `xml:"description"`
	Language    string    `xml:"language"`
	Self        rssSelf   `xml:"atom:link"`
	LastBuild   string    `xml:"lastBuildDate,omitempty"`
	Items       []rssItem `xml:"item"`
}

type rssSelf struct {
	Href string `xml:"href,attr"`
	Rel  string `xml:"rel,attr"`
	Type string `xml:"type,attr"`
}

type rssItem struct {
	Title       string  `xml:"title"`
	Link        string  `xml:"link"`
	GUID        string  `xml:"guid"`
	PubDate     string  `xml:"pubDate,omitempty"`
	Author      string  `xml:"author,omitempty"`
	Description rssHTML `xml:"description"`
}

// rssHTML is a description: feed readers show it as HTML, so a summary
// (plain text) is escaped once as HTML and written in CDATA, which XML
// leaves as it is. Escaping it for XML alone would let a reader decode
// <script> in a summary into a tag; the escaping also keeps "]]>" out of
// the CDATA. Titles stay plain text, escaped once for XML.
type rssHTML struct {
	HTML string `xml:",cdata"`
}

// textHTML is plain text as a description.
func textHTML(text string) rssHTML { return rssHTML{html.EscapeString(text)} }

func rss(s *content.Site, urlPath, title, desc string, pages []*content.Page) ([]byte, error) {
	ch := rssChannel{
		Title: title, Link: absURL(s, urlPath), Description: textHTML(desc), Language: s.Config.LanguageCode,
		Self: rssSelf{Href: absURL(s, urlPath+"index.xml"), Rel: "self", Type: "application/rss+xml"},
	}
	if len(pages) > feedItems {
		pages = pages[:feedItems]
	}
	var newest time.Time
	for _, p := range pages {
		it := rssItem{Title: p.Title, Link: absURL(s, p.Path), GUID: absURL(s, p.Path), Description: textHTML(p.Summary)}
		if !p.Date.IsZero() {
			it.PubDate = p.Date.Format(time.RFC1123Z)
			if p.Date.After(newest) {
				newest = p.Date
			}
		}
		ch.Items = append(ch.Items, it)
	}
	if !newest.IsZero() {
		ch.LastBuild = newest.Format(time.RFC1123Z) // from content, so builds stay reproducible
	}
	var buf bytes.Buffer
	buf.WriteString(xml.Header)
	enc := xml.NewEncoder(&buf)
	enc.Indent("", "  ")
	if err := enc.Encode(rssDoc{Version: "2.0", Atom: "http://www.w3.org/2005/Atom", Channel: ch}); err != nil {
		return nil, lang.Errorf("无法生成订阅源（RSS）", "feed: %v", err)
	}
	buf.WriteByte('\n')
	return buf.Bytes(), nil
}
