package build

import (
	"sort"

	"showcase/internal/content"
	"showcase/internal/render"
	"showcase/internal/search"
)

// searchFolder is where the search page and its index live, below the base.
const searchFolder = "search/"

// writeSearch indexes every published page (issue 4) and writes the index
// files under search/ and the search page at search/index.html. The page
// finds the index through .Page.Params.searchIndex (the manifest's URL
// path below the site root).
func writeSearch(s *content.Site, set *render.Set, out *output, opts Options, fail func(string, error)) {
	docs, sopts := SearchDocs(s)
	writeSearchIndex(s, set, search.Build(docs, sopts), out, opts, fail)
}

// writeSearchIndex writes a built index and the search page that names its
// manifest.
func writeSearchIndex(s *content.Site, set *render.Set, idx *search.Output, out *output, opts Options, fail func(string, error)) {
	names := make([]string, 0, len(idx.Files))
	for name := range idx.Files {
		names = append(names, name)
	}
	sort.Strings(names)
	for _, name := range names {
		if err := out.Write(searchFolder+name, "the search index", idx.Files[name]); err != nil {
			fail(searchFolder+name, err)
		}
	}
	page := &content.Page{Kind: "search", Title: "站内搜索", Path: searchFolder, File: "layouts/search.html",
		Params: map[string]any{"searchIndex": searchFolder + idx.Manifest}}
	d := &render.Data{Kind: "search", Site: s, Page: page, Title: page.Title, Preview: opts.Preview,
		Description: "在" + s.Config.Title + "中搜索新闻、案例、图集和支部。",
		Crumbs:      crumbs(crumb(page.Title, "")), Canonical: absURL(s, searchFolder)}
	if opts.PreviewHead != "" {
		d.Head = safeHead(opts.PreviewHead)
	}
	html, _, err := set.Execute("search", "", d)
	if err != nil {
		fail(page.File, err)
		return
	}
	if err := out.Write(outputFile(searchFolder), "the search page", html); err != nil {
		fail(page.File, err)
	}
}

// SearchDocs turns the published pages and profiles into search documents:
// title, headings, summary and plain text, with section, branches and
// categories as filters. Sections come in the order of the site's menu.
func SearchDocs(s *content.Site) ([]search.Doc, search.Options) {
	all := append(append([]*content.Page{}, s.Pages...), s.Profiles...)
	docs := make([]search.Doc, 0, len(all))
	for _, p := range all {
		d := search.Doc{URL: p.Path, Title: p.Title, Date: p.Date, Section: p.Section, Summary: p.Summary, Body: p.Plain,
			Facets: map[string][]string{}}
		for _, h := range p.TOC {
			d.Headings = append(d.Headings, h.Text)
		}
		for _, b := range p.BranchPages {
			d.Facets["branches"] = append(d.Facets["branches"], b.Title)
		}
		if p.Profile != nil {
			d.Facets["branches"] = append(d.Facets["branches"], p.Title)
		}
		d.Facets["categories"] = p.Terms["categories"]
		docs = append(docs, d)
	}
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
	opts.Sections = append(opts.Sections, search.Section{Name: "", Title: "其他"})
	opts.Facets = []search.Section{{Name: "branches", Title: "支部"}, {Name: "categories", Title: "分类"}}
	return docs, opts
}

// firstSegment is the section a menu URL points to: "/news/" → "news".
func firstSegment(u string) string {
	for len(u) > 0 && u[0] == '/' {
		u = u[1:]
	}
	for i := 0; i < len(u); i++ {
		if u[i] == '/' {
			return u[:i]
		}
	}
	return u
}
