package render

import (
	"html/template"

	"showcase/internal/config"
	"showcase/internal/content"
)

// The views of the site and of the output's own Data (the dot of every
// layout); see views.go.

// siteView is the site. Its configuration, files and build time read as
// they are; each list records itself when reached.
type siteView struct {
	*contentSite
	rec    *recorder
	Config *config.Config // at the top of the view, as pageView's copies
}

func (v *siteView) site(kind valueKind, sum uint64) { v.rec.value(valueKey{kind: kind}, sum) }

// Home is the home page.
func (v *siteView) Home() *pageView {
	v.site(readHome, sumPage(v.contentSite.Home))
	return v.rec.page(v.contentSite.Home)
}

// Search is the site's own search page, or nil.
func (v *siteView) Search() *pageView {
	v.site(readSearchPage, sumPage(v.contentSite.Search))
	return v.rec.page(v.contentSite.Search)
}

// Sections are the sections in menu order.
func (v *siteView) Sections() []*sectionView {
	v.site(readSections, sumSections(v.contentSite.Sections))
	out := make([]*sectionView, len(v.contentSite.Sections))
	for i, sec := range v.contentSite.Sections {
		out[i] = v.rec.section(sec)
	}
	return out
}

// Pages are the regular pages, newest first.
func (v *siteView) Pages() []*pageView {
	v.site(readSitePages, sumPages(v.contentSite.Pages))
	return v.rec.list(v.contentSite.Pages)
}

// Profiles are the branch and department profiles.
func (v *siteView) Profiles() []*pageView {
	v.site(readProfiles, sumPages(v.contentSite.Profiles))
	return v.rec.list(v.contentSite.Profiles)
}

// Taxonomies are the taxonomies of site.toml.
func (v *siteView) Taxonomies() []*taxonomyView {
	v.site(readTaxonomies, sumTaxonomies(v.contentSite.Taxonomies))
	out := make([]*taxonomyView, len(v.contentSite.Taxonomies))
	for i, t := range v.contentSite.Taxonomies {
		out[i] = v.rec.taxonomy(t)
	}
	return out
}

// Facets are the ways to browse the profiles.
func (v *siteView) Facets() []*facetView {
	v.site(readFacets, sumFacets(v.contentSite.Facets))
	out := make([]*facetView, len(v.contentSite.Facets))
	for i, f := range v.contentSite.Facets {
		out[i] = v.rec.facet(f)
	}
	return out
}

// Matrix is the branches × criteria tables, one per criteria set.
func (v *siteView) Matrix() []*matrixView {
	v.site(readMatrices, sumMatrices(v.contentSite.Matrix))
	out := make([]*matrixView, len(v.contentSite.Matrix))
	for i, m := range v.contentSite.Matrix {
		out[i] = v.rec.matrix(m)
	}
	return out
}

// ByPath maps URL paths to pages.
func (v *siteView) ByPath() map[string]*pageView {
	v.site(readByPath, sumByPath(v.contentSite.ByPath))
	out := make(map[string]*pageView, len(v.contentSite.ByPath))
	for k, p := range v.contentSite.ByPath {
		out[k] = v.rec.page(p)
	}
	return out
}

// Section is the named section, or nil.
func (v *siteView) Section(name string) *sectionView {
	sec := v.contentSite.Section(name)
	v.rec.value(valueKey{kind: readSection, name: name}, sumSection(sec))
	return v.rec.section(sec)
}

// Taxonomy is the taxonomy with the given plural, or nil.
func (v *siteView) Taxonomy(plural string) *taxonomyView {
	t := v.contentSite.Taxonomy(plural)
	v.rec.value(valueKey{kind: readTaxonomyOf, name: plural}, sumTaxonomy(t))
	return v.rec.taxonomy(t)
}

// Recent is the n newest pages of a section ("" for all).
func (v *siteView) Recent(section string, n int) []*pageView {
	ps := v.contentSite.Recent(section, n)
	v.rec.value(valueKey{kind: readRecent, name: section, n: n}, sumPages(ps))
	return v.rec.list(ps)
}

// Evidence is the pages naming a profile, grouped by criterion.
func (v *siteView) Evidence(prof *pageView) []*evidenceView {
	if prof == nil || prof.Profile == nil {
		return nil
	}
	ev := v.contentSite.Evidence(prof.contentPage)
	v.rec.value(valueKey{kind: readEvidenceFor, page: prof.contentPage}, sumEvidence(ev))
	return v.rec.evidence(ev)
}

// dot is an output's Data as its layout sees it. Making it records the
// Data's own fields (readData); the values it leads to record themselves.
type dot struct {
	*contentData
	rec *recorder

	// copies of the Data's fields that every page's layouts read, at the
	// top of the view, as pageView's
	Kind, Title, Description, Canonical, Feed string
	Crumbs                                    []Crumb
	Languages                                 []LangLink
	Head                                      template.HTML
	Preview                                   bool
}

func newDot(d *Data, r *recorder) *dot {
	r.reads.data = readData(d)
	return &dot{contentData: d, rec: r,
		Kind: d.Kind, Title: d.Title, Description: d.Description, Canonical: d.Canonical, Feed: d.Feed,
		Crumbs: d.Crumbs, Languages: d.Languages, Head: d.Head, Preview: d.Preview}
}

// Site is the site.
func (d *dot) Site() *siteView { return d.rec.site(d.contentData.Site) }

func (r *recorder) site(s *content.Site) *siteView {
	if s == nil {
		return nil
	}
	return view(r, s, func() *siteView { return &siteView{s, r, s.Config} })
}

// Page is the page rendered, or the list's own page.
func (d *dot) Page() *pageView {
	d.rec.viaDot = true
	v := d.rec.page(d.contentData.Page)
	d.rec.viaDot = false
	return v
}

// Pager is the list's pager.
func (d *dot) Pager() *pagerView { return d.rec.pager(d.contentData.Pager) }

// Section is the section of the page or list.
func (d *dot) Section() *sectionView { return d.rec.section(d.contentData.Section) }

// Taxonomy is the taxonomy of a taxonomy or term page.
func (d *dot) Taxonomy() *taxonomyView { return d.rec.taxonomy(d.contentData.Taxonomy) }

// Term is the term of a term page.
func (d *dot) Term() *termView {
	plural := ""
	if d.contentData.Taxonomy != nil {
		plural = d.contentData.Taxonomy.Plural
	}
	return d.rec.term(d.contentData.Term, plural)
}

// Facet is the facet of a facet value's page.
func (d *dot) Facet() *facetView { return d.rec.facet(d.contentData.Facet) }

// Value is the facet value of its page.
func (d *dot) Value() *valueView {
	key := ""
	if d.contentData.Facet != nil {
		key = d.contentData.Facet.Key
	}
	return d.rec.facetValue(d.contentData.Value, key)
}

// Evidence is a profile's evidence, grouped by criterion.
func (d *dot) Evidence() []*evidenceView {
	d.rec.reads.data.evidence, d.rec.reads.data.reached.evidence = d.contentData.Evidence, true
	return d.rec.evidence(d.contentData.Evidence)
}
