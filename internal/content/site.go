package content

import (
	"sort"
	"strings"
	"time"

	"showcase/internal/config"
	"showcase/internal/diag"
)

// Site is the assembled content: sections, taxonomies and the branch
// showcase, every list in its final order. Templates read it.
type Site struct {
	Config     *config.Config
	Home       *Page
	Sections   []*Section
	Pages      []*Page // regular pages (not profiles), newest first
	Profiles   []*Page // branch and department profiles, by kind then title
	Taxonomies []*Taxonomy
	Facets     []*Facet  // ways to browse the profiles: kind, level, status
	Matrix     []*Matrix // one per criteria set: profiles × items
	ByPath     map[string]*Page
	Files      map[string]string // content file → its output path, for published bundles and attachments
	Built      time.Time         // the build's "now"
	// Search is the site's own page at /search/ (content/search.md or
	// content/search/_index.md, often made for a search plug-in), or nil:
	// its title and text head the built-in search page.
	Search *Page

	naming map[*Page][]*Page // profile → regular pages naming it, newest first
}

// Section is a top-level folder of content/ and its list page.
type Section struct {
	Name  string // folder name
	Page  *Page  // from _index.md, or made for the folder
	Pages []*Page
}

// defaultSectionTitles names the showcase's columns when a section has no _index.md.
var defaultSectionTitles = map[string]string{
	"news": "工作动态", "cases": "经验交流", "photos": "图片新闻", "branches": "支部风采",
	"notices": "通知公告", "topics": "专题",
}

// Assemble builds the site from its published pages. Unknown branches or
// criteria named by a page are errors with the page's file and line.
func Assemble(cfg *config.Config, pages []*Page, now time.Time, errs *diag.List) *Site {
	return assemble(cfg, pages, now, errs, nil)
}

// Reassemble is Assemble for pages assembled before, of which those in
// edited have changed since: the same result, but related items are scored
// again only where an edit can change them (the other pages keep theirs).
func Reassemble(cfg *config.Config, pages []*Page, now time.Time, errs *diag.List, edited map[*Page]bool) *Site {
	for p := range edited {
		if p.Profile != nil {
			// a profile's new title or slug may change which profile other
			// pages name, and with it their scores: relate them all
			return assemble(cfg, pages, now, errs, nil)
		}
	}
	before := make(map[*Page][]*Page, len(pages))
	for _, p := range pages {
		before[p] = p.Related
	}
	return assemble(cfg, pages, now, errs, &earlier{related: before, edited: edited})
}

func assemble(cfg *config.Config, pages []*Page, now time.Time, errs *diag.List, prev *earlier) *Site {
	s := &Site{Config: cfg, Built: now, ByPath: map[string]*Page{}}
	for _, p := range pages {
		// the links of an earlier assembly of the same pages (Reassemble)
		p.Prev, p.Next, p.Related, p.Links, p.BranchPages = nil, nil, nil, nil, nil
	}
	sections := map[string]*Section{}
	section := func(name string) *Section {
		if sec, ok := sections[name]; ok {
			return sec
		}
		sec := &Section{Name: name}
		sections[name] = sec
		return sec
	}
	for _, p := range pages {
		switch {
		case p.Path == SearchPath && p.Kind != KindHome:
			s.Search = p
		case p.Kind == KindHome:
			s.Home = p
		case p.Kind == KindSection:
			section(p.Section).Page = p
		case p.Profile != nil:
			s.Profiles = append(s.Profiles, p)
			section(p.Section).Pages = append(section(p.Section).Pages, p)
		default:
			s.Pages = append(s.Pages, p)
			if p.Section != "" {
				section(p.Section).Pages = append(section(p.Section).Pages, p)
			}
		}
	}
	if s.Home == nil {
		s.Home = &Page{File: "content/_index.md", Kind: KindHome, Title: cfg.Title, Params: map[string]any{}}
	}
	for name, sec := range sections {
		if sec.Page == nil {
			title := defaultSectionTitles[name]
			if cfg.English() {
				title = capitalized(name) // an English language's section is named by its folder, as Hugo does: Posts
			}
			if title == "" {
				title = name
			}
			sec.Page = &Page{File: "content/" + name + "/_index.md", Kind: KindSection, Section: name, Title: title, Params: map[string]any{}}
			sec.Page.Path = sectionPath(sec.Page, cfg)
		}
		SortPages(sec.Pages)
		linkNeighbours(sec.Pages)
		s.Sections = append(s.Sections, sec)
	}
	// columns in the order of the main menu, then by folder name
	menuRank := func(name string) int {
		for i, m := range cfg.Menu {
			if strings.Trim(m.URL, "/") == name {
				return i
			}
		}
		return len(cfg.Menu)
	}
	sort.Slice(s.Sections, func(i, j int) bool {
		ri, rj := menuRank(s.Sections[i].Name), menuRank(s.Sections[j].Name)
		if ri != rj {
			return ri < rj
		}
		return s.Sections[i].Name < s.Sections[j].Name
	})
	sortByDate(s.Pages)
	sortProfiles(s.Profiles)
	s.resolveBranches(errs)
	s.checkCriteria(errs)
	s.buildTaxonomies(errs)
	s.relate(prev)
	s.buildFacets()
	s.buildMatrix()
	return s
}

// SortPages orders a list as Hugo does: by weight (set weights first), then
// newest first, then by title and file.
func SortPages(ps []*Page) {
	sort.SliceStable(ps, func(i, j int) bool {
		a, b := ps[i], ps[j]
		if (a.Weight == 0) != (b.Weight == 0) {
			return a.Weight != 0
		}
		if a.Weight != b.Weight {
			return a.Weight < b.Weight
		}
		if !a.Date.Equal(b.Date) {
			return a.Date.After(b.Date)
		}
		if a.Title != b.Title {
			return a.Title < b.Title
		}
		return a.File < b.File
	})
}

// linkNeighbours sets 上一篇 (the item before in list order, newer) and
// 下一篇 (after it, older).
func linkNeighbours(ps []*Page) {
	for i, p := range ps {
		if i > 0 {
			p.Prev = ps[i-1]
		}
		if i+1 < len(ps) {
			p.Next = ps[i+1]
		}
	}
}

// Section returns the named section, or nil.
func (s *Site) Section(name string) *Section {
	for _, sec := range s.Sections {
		if sec.Name == name {
			return sec
		}
	}
	return nil
}

// Taxonomy returns the taxonomy with the given plural, or nil.
func (s *Site) Taxonomy(plural string) *Taxonomy {
	for _, t := range s.Taxonomies {
		if t.Plural == plural {
			return t
		}
	}
	return nil
}

// Recent returns the n newest pages of a section ("" for all sections).
func (s *Site) Recent(section string, n int) []*Page {
	var out []*Page
	for _, p := range s.Pages {
		if section == "" || p.Section == section {
			out = append(out, p)
			if len(out) == n {
				break
			}
		}
	}
	return out
}

// sortByDate orders pages newest first, then by title and file.
func sortByDate(ps []*Page) {
	sort.SliceStable(ps, func(i, j int) bool {
		a, b := ps[i], ps[j]
		if !a.Date.Equal(b.Date) {
			return a.Date.After(b.Date)
		}
		if a.Title != b.Title {
			return a.Title < b.Title
		}
		return a.File < b.File
	})
}

// capitalized is s with its first letter in upper case.
func capitalized(s string) string {
	if s == "" || s[0] < 'a' || s[0] > 'z' {
		return s
	}
	return string(s[0]-'a'+'A') + s[1:]
}
