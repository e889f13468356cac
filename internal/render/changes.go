package render

import "showcase/internal/content"

// Changes is an edit of the site in memory, for an incremental build to
// find the outputs it changes: which pages changed and how, and the site
// after the edit (assembled again, or the same). Affects compares what an
// output read when it was rendered (its Reads) with the edited site.
type Changes struct {
	Site   *content.Site
	Pages  map[*content.Page]bool // their fields changed (and perhaps their body)
	Bodies map[*content.Page]bool // only their body changed
	// Assembled: the site was assembled again after the edit. If not, its
	// lists, links and terms are those the outputs read (the edit left
	// them alone: see content.Page.AssemblesLike).
	Assembled bool
	// Planned: the outputs' Data were made again after the edit (they show
	// titles and summaries). If not, each output's Data is the one it was
	// rendered with.
	Planned bool

	fields, edited []*content.Page // the pages of Pages, of Pages and Bodies
	recent         [32]struct {
		read    valueRead
		changed bool
	}
	memo  map[valueKey]uint64 // sums of the edited site's values, by key
	terms map[valueKey]*content.Term
	rows  map[valueKey]*content.MatrixRow
}

// Affects says whether an output that recorded r when it was rendered must
// be rendered again after the changes: it read a page that changed, or a
// value that is different now. d is the output's Data after the changes.
func (c *Changes) Affects(r *Reads, d *Data) bool {
	if c.Planned && r.data.changed(d) {
		return true
	}
	if c.fields == nil {
		c.fields, c.edited = keys(c.Pages), append(keys(c.Pages), keys(c.Bodies)...)
	}
	if len(c.fields) > 0 && r.mayHold(c.fields) && holdsAny(r.pages, c.fields) || len(c.edited) > 0 && holdsAny(r.bodies, c.edited) {
		return true
	}
	if !c.Assembled {
		return false
	}
	for i := range r.links {
		if r.links[i].changed() {
			return true
		}
	}
	for i, v := range r.values {
		// outputs read the same values in the same order, mostly: the
		// answer for the value at i last time is likely the answer now
		slot := &c.recent[i%len(c.recent)]
		if slot.read != v {
			slot.read, slot.changed = v, c.sum(v.key) != v.sum
		}
		if slot.changed {
			return true
		}
	}
	return false
}

func keys(m map[*content.Page]bool) []*content.Page {
	out := []*content.Page{}
	for p := range m {
		out = append(out, p)
	}
	return out
}

// mayHold says whether the pages r reached may hold one of some.
func (r *Reads) mayHold(some []*content.Page) bool {
	for _, p := range some {
		if r.sieve.may(p) {
			return true
		}
	}
	return false
}

// holdsAny says whether ps holds one of the few pages of some.
func holdsAny(ps, some []*content.Page) bool {
	for _, p := range ps {
		for _, q := range some {
			if p == q {
				return true
			}
		}
	}
	return false
}

// sum is the checksum of the value of key k after the changes.
func (c *Changes) sum(k valueKey) uint64 {
	if s, ok := c.memo[k]; ok {
		return s
	}
	s := c.siteSum(k)
	if c.memo == nil {
		c.memo = map[valueKey]uint64{}
	}
	c.memo[k] = s
	return s
}

// siteSum is the checksum of a value of the site after the changes.
func (c *Changes) siteSum(k valueKey) uint64 {
	s := c.Site
	switch k.kind {
	case readHome:
		return sumPage(s.Home)
	case readSearchPage:
		return sumPage(s.Search)
	case readSitePages:
		return sumPages(s.Pages)
	case readProfiles:
		return sumPages(s.Profiles)
	case readSections:
		return sumSections(s.Sections)
	case readTaxonomies:
		return sumTaxonomies(s.Taxonomies)
	case readFacets:
		return sumFacets(s.Facets)
	case readMatrices:
		return sumMatrices(s.Matrix)
	case readByPath:
		return sumByPath(s.ByPath)
	case readRecent:
		return sumPages(s.Recent(k.name, k.n))
	case readSection:
		return sumSection(s.Section(k.name))
	case readTaxonomyOf, readTaxonomy:
		return sumTaxonomy(s.Taxonomy(k.name))
	case readEvidenceFor:
		if k.page.Profile == nil {
			return absent
		}
		return sumEvidence(s.Evidence(k.page))
	case readSectionPage:
		return sumSectionPage(s.Section(k.name))
	case readSectionPages:
		return sumSectionPages(s.Section(k.name))
	case readTerms:
		return sumTerms(s.Taxonomy(k.name))
	case readTerm:
		return sumTerm(c.term(k))
	case readTermPages:
		return sumTermPages(c.term(k))
	case readTermProfile:
		return sumTermProfile(c.term(k))
	case readFacet:
		return sumFacet(c.facet(k.name))
	case readFacetValues:
		return sumFacetValues(c.facet(k.name))
	case readValue:
		return sumValue(c.value(k))
	case readValueItems:
		return sumValueItems(c.value(k))
	case readMatrixSet:
		return sumMatrixSet(c.matrix(k.name))
	case readMatrixRows:
		return sumRows(c.matrix(k.name))
	case readRow:
		return sumRow(c.row(k))
	case readRowCells:
		return sumRowCells(c.row(k))
	}
	panic("render: a value read without a checksum")
}

// term finds the term of taxonomy k.name at path k.path.
func (c *Changes) term(k valueKey) *content.Term {
	if c.terms == nil {
		c.terms = map[valueKey]*content.Term{}
		for _, t := range c.Site.Taxonomies {
			for _, term := range t.Terms {
				c.terms[valueKey{name: t.Plural, path: term.Path}] = term
			}
		}
	}
	return c.terms[valueKey{name: k.name, path: k.path}]
}

func (c *Changes) facet(key string) *content.Facet {
	for _, f := range c.Site.Facets {
		if f.Key == key {
			return f
		}
	}
	return nil
}

// value finds the value of facet k.name at path k.path.
func (c *Changes) value(k valueKey) *content.FacetValue {
	if f := c.facet(k.name); f != nil {
		for _, v := range f.Values {
			if v.Path == k.path {
				return v
			}
		}
	}
	return nil
}

func (c *Changes) matrix(kind string) *content.Matrix {
	for _, m := range c.Site.Matrix {
		if m.Set.Kind == kind {
			return m
		}
	}
	return nil
}

// row finds the row of profile k.page in the matrix of set kind k.name.
func (c *Changes) row(k valueKey) *content.MatrixRow {
	if c.rows == nil {
		c.rows = map[valueKey]*content.MatrixRow{}
		for _, m := range c.Site.Matrix {
			for i := range m.Rows {
				c.rows[valueKey{name: m.Set.Kind, page: m.Rows[i].Profile}] = &m.Rows[i]
			}
		}
	}
	return c.rows[valueKey{name: k.name, page: k.page}]
}
