package render

import "slices"

// dataRead is what an output's layout may read of its Data without a
// view: its scalar fields and crumbs, and which page and objects it shows
// (not Head, which the build sets at the last moment, the same for every
// build of a site). The page counts by which page it is and its title:
// the pages made for lists and terms are made anew by each build.
type dataRead struct {
	scalars dataScalars
	crumbs  []Crumb
}

type dataScalars struct {
	kind, title, description, canonical, feed, target string
	preview                                           bool
	pageFile, pagePath, pageTitle                     string
	section, taxonomy, term, facet, value             string
}

func readData(d *Data) dataRead {
	s := dataScalars{kind: d.Kind, title: d.Title, description: d.Description, canonical: d.Canonical,
		feed: d.Feed, target: d.Target, preview: d.Preview}
	if d.Page != nil {
		s.pageFile, s.pagePath, s.pageTitle = d.Page.File, d.Page.Path, d.Page.Title
	}
	if d.Section != nil {
		s.section = d.Section.Name
	}
	if d.Taxonomy != nil {
		s.taxonomy = d.Taxonomy.Plural
	}
	if d.Term != nil {
		s.term = d.Term.Path
	}
	if d.Facet != nil {
		s.facet = d.Facet.Key
	}
	if d.Value != nil {
		s.value = d.Value.Path
	}
	return dataRead{s, d.Crumbs}
}

func (r *dataRead) same(o *dataRead) bool {
	return r.scalars == o.scalars && slices.Equal(r.crumbs, o.crumbs)
}
