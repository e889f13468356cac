package build

import (
	"fmt"
	"slices"
	"strings"

	"golang.org/x/net/html"

	"showcase/internal/content"
	"showcase/internal/search"
)

// SearchDocs turns what a reader sees of the published pages, profiles,
// and the home and section pages that have text of their own, into search
// documents: title, subtitle and plain text, headings and summary, the
// captions and alt texts of its pictures, its byline and record as shown;
// with section, branches and categories as filters. Sections come in the
// order of the site's menu.
func SearchDocs(s *content.Site) ([]search.Doc, search.Options) {
	snap := takeDocs(s, nil, nil)
	return snap.docs, snap.sopts
}

// searchPages are the pages that have a search document, in the order of
// the documents: the published pages, the profiles, and the home and
// section pages that have text of their own.
func searchPages(s *content.Site) []*content.Page {
	all := append(append([]*content.Page{}, s.Pages...), s.Profiles...)
	for _, p := range append([]*content.Page{s.Home}, sectionPages(s)...) {
		if p != nil && strings.TrimSpace(p.Plain) != "" {
			all = append(all, p)
		}
	}
	return all
}

// pageDoc is the search document of p. Of other pages it reads only the
// titles of the profiles it names (branchFacet).
func pageDoc(p *content.Page) search.Doc {
	d := search.Doc{URL: p.Path, Title: p.Title, Date: p.Date, Section: p.Section, Summary: p.Summary, Body: p.Plain,
		Captions: strings.Join(captions(p), "\n"), Credits: strings.Join(credits(p), "\n"), Facets: map[string][]string{}}
	if p.Subtitle != "" {
		d.Body = p.Subtitle + "\n" + d.Body
	}
	for _, h := range p.TOC {
		d.Headings = append(d.Headings, h.Text)
	}
	if b := branchFacet(p); len(b) > 0 {
		d.Facets["branches"] = b
	}
	d.Facets["categories"] = p.Terms["categories"]
	return d
}

// branchFacet is p's "branches" facet: the titles of the profiles it
// names, and its own title when it is a profile.
func branchFacet(p *content.Page) []string {
	var out []string
	for _, b := range p.BranchPages {
		out = append(out, b.Title)
	}
	if p.Profile != nil {
		out = append(out, p.Title)
	}
	return out
}

// searchOptions are the sections, in the order of the site's menu, and
// the facets of the search page.
func searchOptions(s *content.Site) search.Options {
	var opts search.Options
	seen := map[string]bool{}
	addSection := func(name string) {
		if sec := s.Section(name); sec != nil && !seen[name] {
			seen[name] = true
			opts.Sections = append(opts.Sections, search.Section{Name: name, Title: sec.Page.Title})
		}
	}
	for _, m := range s.Config.Menu {
		addSection(firstSegment(m.URL))
	}
	for _, sec := range s.Sections {
		addSection(sec.Name)
	}
	other := "其他"
	if s.Config.English() {
		other = "Other"
	}
	opts.Sections = append(opts.Sections, search.Section{Name: "", Title: other})
	opts.Facets = []search.Section{{Name: "branches", Title: "支部"}, {Name: "categories", Title: "分类"}}
	return opts
}

func sectionPages(s *content.Site) []*content.Page {
	var out []*content.Page
	for _, sec := range s.Sections {
		out = append(out, sec.Page)
	}
	return out
}

// captions are what a page shows of its pictures: the cover's alt text,
// the album's captions, and the captions and alt texts of the figures in
// its text.
func captions(p *content.Page) []string {
	var out []string
	add := func(s string) {
		if s = strings.TrimSpace(s); s != "" && !slices.Contains(out, s) {
			out = append(out, s)
		}
	}
	add(p.CoverAlt)
	for _, ph := range p.Photos {
		add(ph.Caption)
	}
	if !hasTag(string(p.Content), "img") && !hasTag(string(p.Content), "figcaption") {
		return out // most pages: no tokenizer, no buffer
	}
	z := html.NewTokenizer(strings.NewReader(string(p.Content)))
	caption := -1 // depth inside <figcaption>, or -1
	var text strings.Builder
	for {
		switch z.Next() {
		case html.ErrorToken:
			return out
		case html.StartTagToken, html.SelfClosingTagToken:
			name, hasAttr := z.TagName()
			switch {
			case string(name) == "img":
				for hasAttr {
					var k, v []byte
					k, v, hasAttr = z.TagAttr()
					if string(k) == "alt" {
						add(string(v))
					}
				}
			case string(name) == "figcaption":
				caption, text = 0, strings.Builder{}
			case caption >= 0:
				caption++
			}
		case html.EndTagToken:
			if name, _ := z.TagName(); string(name) == "figcaption" {
				add(text.String())
				caption = -1
			} else if caption > 0 {
				caption--
			}
		case html.TextToken:
			if caption >= 0 {
				text.Write(z.Text())
			}
		}
	}
}

// hasTag reports whether s may hold the start tag name, in any case:
// "<name" followed by a space, "/", ">" or the end.
func hasTag(s, name string) bool {
	for {
		i := strings.IndexByte(s, '<')
		if i < 0 {
			return false
		}
		s = s[i+1:]
		if len(s) >= len(name) && strings.EqualFold(s[:len(name)], name) {
			if rest := s[len(name):]; rest == "" || strings.ContainsRune(" \t\n\r\f/>", rune(rest[0])) {
				return true
			}
		}
	}
}

// credits are a page's byline and record as the theme shows them, a line
// each with its label.
func credits(p *content.Page) []string {
	var out []string
	add := func(label, v string) {
		if v = strings.TrimSpace(v); v != "" {
			out = append(out, label+"："+v)
		}
	}
	b := p.Byline
	add("通讯员", b.Author)
	add("摄影", b.Photographer)
	add("审核", strings.Join(b.Reviewers, " "))
	add("编辑", b.Editor)
	add("来源", b.Source)
	for _, ph := range p.Photos {
		if ph.Photographer != b.Photographer && !slices.Contains(out, "摄影："+ph.Photographer) {
			add("摄影", ph.Photographer)
		}
	}
	if r := p.Profile; r != nil {
		add("创建类型", r.Kind)
		add("级别", r.Level)
		add("建设阶段", r.Status)
		if r.Year > 0 {
			add("立项年度", fmt.Sprintf("%d年", r.Year))
		}
		add("批次", r.Batch)
		add("立项文号", r.DocNo)
		add("所属院系", r.College)
		add("书记", r.Secretary)
		add("党建品牌", r.Brand)
		if r.Members > 0 {
			add("党员人数", fmt.Sprintf("%d 名", r.Members))
		}
		for _, h := range r.Honours {
			add("所获荣誉", h)
		}
	}
	return out
}
