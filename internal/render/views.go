package render

import (
	"html/template"
	"time"

	"showcase/internal/content"
	"showcase/internal/markdown"
)

// Templates never see a content value itself but a view of it: the view
// embeds the value, so its fields read as before (.Title, .Date, .Params),
// and it shadows with methods every field and method that leads to a page
// (.Prev, .Pages, .Site.Recent …) or to what assembly or rendering
// Markdown set (.Links, .Content). Those methods record what they hand out
// in the recorder of the render (Reads), and wrap every page they return
// in a view again. TestViewsRecordEveryWay checks that no field or method
// leading to a page is left unshadowed.
//
// The embedded values go by aliases with lower-case names, so that a
// template cannot reach the value itself (.contentPage is not exported).
type (
	contentPage     = content.Page
	contentSite     = content.Site
	contentSection  = content.Section
	contentTaxonomy = content.Taxonomy
	contentTerm     = content.Term
	contentFacet    = content.Facet
	contentValue    = content.FacetValue
	contentMatrix   = content.Matrix
	contentRow      = content.MatrixRow
	contentEvidence = content.Evidence
	contentPager    = content.Pager
	contentData     = Data
)

// pageView is a page. Reaching it records the page; reading its body
// (Content, TOC, Plain, Body, BodyLine) records the body; reading what
// Assemble set (Prev, Next, Related, BranchPages, Links) records that.
type pageView struct {
	*contentPage
	rec       *recorder
	bodyRead  bool
	linksRead uint8 // a bit for each link kind recorded

	// copies of the page's fields that every page's layouts read, at the
	// top of the view (see newPageView)
	Title, Subtitle, Path, Section, Cover string
	Date                                  time.Time
	Draft                                 bool
	Summary                               string
	Criteria                              []string
	Byline                                *content.Byline // the page's, which reads as it does
}

// newPageView is the view of p in the render r records. text/template
// finds a field of an embedded struct (.Title of the page a view embeds)
// by a search that allocates, three times the cost of a field of the
// view itself: the fields layouts read on every page are copied to it.
func newPageView(p *content.Page, r *recorder) pageView {
	return pageView{contentPage: p, rec: r,
		Title: p.Title, Subtitle: p.Subtitle, Path: p.Path, Section: p.Section, Cover: p.Cover, Date: p.Date, Draft: p.Draft,
		Summary: p.Summary, Criteria: p.Criteria, Byline: &p.Byline}
}

// Prev is 上一篇, the newer page of the section.
func (v *pageView) Prev() *pageView {
	v.rec.link(readPrev, v)
	return v.rec.page(v.contentPage.Prev)
}

// Next is 下一篇, the older page of the section.
func (v *pageView) Next() *pageView {
	v.rec.link(readNext, v)
	return v.rec.page(v.contentPage.Next)
}

// Related are the pages sharing most of the page's branches and tags.
func (v *pageView) Related() []*pageView {
	v.rec.link(readRelated, v)
	return v.rec.list(v.contentPage.Related)
}

// BranchPages are the profiles the page names.
func (v *pageView) BranchPages() []*pageView {
	v.rec.link(readBranchPages, v)
	return v.rec.list(v.contentPage.BranchPages)
}

// Links are the page's terms with their URLs; a branch's is its title.
func (v *pageView) Links() []content.TermLink {
	v.rec.link(readLinks, v)
	return v.contentPage.Links
}

// Content is the body as HTML.
func (v *pageView) Content() template.HTML {
	v.rec.body(v)
	return v.contentPage.Content
}

// TOC is the body's headings.
func (v *pageView) TOC() []markdown.Heading {
	v.rec.body(v)
	return v.contentPage.TOC
}

// Plain is the body as plain text.
func (v *pageView) Plain() string {
	v.rec.body(v)
	return v.contentPage.Plain
}

// Body is the body's Markdown.
func (v *pageView) Body() []byte {
	v.rec.body(v)
	return v.contentPage.Body
}

// BodyLine is the file line of the body's first line.
func (v *pageView) BodyLine() int {
	v.rec.body(v)
	return v.contentPage.BodyLine
}

// sectionView is a section; it is named by its folder.
type sectionView struct {
	*contentSection
	rec *recorder
}

func (r *recorder) section(sec *content.Section) *sectionView {
	if sec == nil {
		return nil
	}
	return view(r, sec, func() *sectionView { return &sectionView{sec, r} })
}

// Page is the section's own page (its _index.md).
func (v *sectionView) Page() *pageView {
	v.rec.value(valueKey{kind: readSectionPage, name: v.Name}, sumSectionPage(v.contentSection))
	return v.rec.page(v.contentSection.Page)
}

// Pages are the section's pages in list order.
func (v *sectionView) Pages() []*pageView {
	v.rec.value(valueKey{kind: readSectionPages, name: v.Name}, sumSectionPages(v.contentSection))
	return v.rec.list(v.contentSection.Pages)
}

// taxonomyView is a taxonomy; reaching it records its title and path.
type taxonomyView struct {
	*contentTaxonomy
	rec *recorder
}

func (r *recorder) taxonomy(t *content.Taxonomy) *taxonomyView {
	if t == nil {
		return nil
	}
	return view(r, t, func() *taxonomyView {
		r.value(valueKey{kind: readTaxonomy, name: t.Plural}, sumTaxonomy(t))
		return &taxonomyView{t, r}
	})
}

// Terms are the taxonomy's terms, most used first.
func (v *taxonomyView) Terms() []*termView {
	v.rec.value(valueKey{kind: readTerms, name: v.Plural}, sumTerms(v.contentTaxonomy))
	out := make([]*termView, len(v.contentTaxonomy.Terms))
	for i, t := range v.contentTaxonomy.Terms {
		out[i] = v.rec.term(t, v.Plural)
	}
	return out
}

// termView is a term of the taxonomy plural; reaching it records its
// name, slug and path.
type termView struct {
	*contentTerm
	plural string
	rec    *recorder
}

func (r *recorder) term(t *content.Term, plural string) *termView {
	if t == nil {
		return nil
	}
	return view(r, t, func() *termView {
		r.value(valueKey{kind: readTerm, name: plural, path: t.Path}, sumTerm(t))
		return &termView{t, plural, r}
	})
}

func (v *termView) key(kind valueKind) valueKey {
	return valueKey{kind: kind, name: v.plural, path: v.Path}
}

// Pages are the pages listed under the term, newest first.
func (v *termView) Pages() []*pageView {
	v.rec.value(v.key(readTermPages), sumTermPages(v.contentTerm))
	return v.rec.list(v.contentTerm.Pages)
}

// Profile is the profile a term of the branches taxonomy stands for.
func (v *termView) Profile() *pageView {
	v.rec.value(v.key(readTermProfile), sumTermProfile(v.contentTerm))
	return v.rec.page(v.contentTerm.Profile)
}
