package render

import "fmt"

// unview is what a value handed to partialCached shows (a view counts as
// the content value it shows), and the recorder of the render it came from.
func unview(data any) (any, *recorder) {
	switch v := data.(type) {
	case *pageView:
		if v != nil {
			return v.contentPage, v.rec
		}
	case *siteView:
		if v != nil {
			return v.contentSite, v.rec
		}
	case *sectionView:
		if v != nil {
			return v.contentSection, v.rec
		}
	case *taxonomyView:
		if v != nil {
			return v.contentTaxonomy, v.rec
		}
	case *termView:
		if v != nil {
			return v.contentTerm, v.rec
		}
	case *facetView:
		if v != nil {
			return v.contentFacet, v.rec
		}
	case *valueView:
		if v != nil {
			return v.contentValue, v.rec
		}
	case *matrixView:
		if v != nil {
			return v.contentMatrix, v.rec
		}
	case *rowView:
		if v != nil {
			return v.contentRow, v.rec
		}
	case *evidenceView:
		if v != nil {
			return v.contentEvidence, v.rec
		}
	case *pagerView:
		if v != nil {
			return v.contentPager, v.rec
		}
	case *dot:
		if v != nil {
			return v.contentData, v.rec
		}
	}
	return data, nil
}

// review is data with its view made again for recorder r, so that what a
// partial reads through it is recorded there.
func review(data any, r *recorder) any {
	if _, from := unview(data); from == nil {
		return data // not a view, or a nil one
	}
	switch v := data.(type) {
	case *pageView:
		return r.page(v.contentPage)
	case *siteView:
		return r.site(v.contentSite)
	case *sectionView:
		return r.section(v.contentSection)
	case *taxonomyView:
		return r.taxonomy(v.contentTaxonomy)
	case *termView:
		return r.term(v.contentTerm, v.plural)
	case *facetView:
		return r.facet(v.contentFacet)
	case *valueView:
		return r.facetValue(v.contentValue, v.facet)
	case *matrixView:
		return r.matrix(v.contentMatrix)
	case *rowView:
		return r.row(v.contentRow, v.kind)
	case *evidenceView:
		return view(r, v.contentEvidence, func() *evidenceView { return &evidenceView{v.contentEvidence, r} })
	case *pagerView:
		return r.pager(v.contentPager)
	case *dot:
		return newDot(v.contentData, r)
	}
	panic(fmt.Sprintf("render: no view for %T", data))
}
