package render

import (
	"slices"

	"showcase/internal/content"
)

// dataRead is what an output's layout read of its own Data: its scalar
// fields and crumbs, which page and objects it shows, and, when reached,
// its pager and evidence as they were (not Head, which the build sets at
// the last moment, the same for every build of a site). The page counts
// by which page it is and its title: the pages made for lists and terms
// are made anew by each build.
type dataRead struct {
	scalars  dataScalars
	crumbs   []Crumb
	pager    *content.Pager // when reached
	evidence []content.Evidence
	reached  struct{ pager, evidence bool }
}

type dataScalars struct {
	kind, title, description, canonical, feed, target string
	preview                                           bool
	pageFile, pagePath, pageTitle                     string
	section, taxonomy, term, facet, value             string
}

func scalarsOf(d *Data) dataScalars {
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
	return s
}

func readData(d *Data) dataRead { return dataRead{scalars: scalarsOf(d), crumbs: d.Crumbs} }

// changed says whether d, an output's Data made again, differs from what
// its layout read of the one it was rendered with.
func (r *dataRead) changed(d *Data) bool {
	if r.scalars != scalarsOf(d) || !slices.Equal(r.crumbs, d.Crumbs) {
		return true
	}
	if r.reached.pager && !r.pager.Same(d.Pager) {
		return true
	}
	return r.reached.evidence && !sameEvidence(r.evidence, d.Evidence)
}

func sameEvidence(a, b []content.Evidence) bool {
	return slices.EqualFunc(a, b, func(x, y content.Evidence) bool {
		return x.ID == y.ID && x.Name == y.Name && x.Set == y.Set && slices.Equal(x.Pages, y.Pages)
	})
}
