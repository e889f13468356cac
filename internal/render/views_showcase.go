package render

import "showcase/internal/content"

// The views of the branch showcase (facets, the matrix, evidence) and of a
// list's pager; see views.go.

// facetView is a facet; reaching it records its key and title.
type facetView struct {
	*contentFacet
	rec *recorder
}

func (r *recorder) facet(f *content.Facet) *facetView {
	if f == nil {
		return nil
	}
	return view(r, f, func() *facetView {
		r.value(valueKey{kind: readFacet, name: f.Key}, sumFacet(f))
		return &facetView{f, r}
	})
}

// Values are the facet's values in the programme's order.
func (v *facetView) Values() []*valueView {
	v.rec.value(valueKey{kind: readFacetValues, name: v.Key}, sumFacetValues(v.contentFacet))
	out := make([]*valueView, len(v.contentFacet.Values))
	for i, fv := range v.contentFacet.Values {
		out[i] = v.rec.facetValue(fv, v.Key)
	}
	return out
}

// valueView is a value of the facet key; reaching it records its name and
// path.
type valueView struct {
	*contentValue
	facet string
	rec   *recorder
}

func (r *recorder) facetValue(fv *content.FacetValue, facet string) *valueView {
	if fv == nil {
		return nil
	}
	return view(r, fv, func() *valueView {
		r.value(valueKey{kind: readValue, name: facet, path: fv.Path}, sumValue(fv))
		return &valueView{fv, facet, r}
	})
}

// Profiles are the profiles with the value.
func (v *valueView) Profiles() []*pageView {
	v.rec.value(valueKey{kind: readValueItems, name: v.facet, path: v.Path}, sumValueItems(v.contentValue))
	return v.rec.list(v.contentValue.Profiles)
}

// matrixView is the matrix of one criteria set; reaching it records the set.
type matrixView struct {
	*contentMatrix
	rec *recorder
}

func (r *recorder) matrix(m *content.Matrix) *matrixView {
	return view(r, m, func() *matrixView {
		r.value(valueKey{kind: readMatrixSet, name: m.Set.Kind}, sumMatrixSet(m))
		return &matrixView{m, r}
	})
}

// Rows are the profiles of the set's kind with their cells.
func (v *matrixView) Rows() []*rowView {
	kind := v.contentMatrix.Set.Kind
	v.rec.value(valueKey{kind: readMatrixRows, name: kind}, sumRows(v.contentMatrix))
	out := make([]*rowView, len(v.contentMatrix.Rows))
	for i := range v.contentMatrix.Rows {
		out[i] = v.rec.row(&v.contentMatrix.Rows[i], kind)
	}
	return out
}

func (r *recorder) row(row *content.MatrixRow, kind string) *rowView {
	return view(r, row, func() *rowView {
		r.value(valueKey{kind: readRow, name: kind, page: row.Profile}, sumRow(row))
		return &rowView{row, kind, r}
	})
}

// rowView is one profile's row of a matrix; reaching it records its total.
type rowView struct {
	*contentRow
	kind string
	rec  *recorder
}

// Profile is the row's profile (which the row list records).
func (v *rowView) Profile() *pageView { return v.rec.page(v.contentRow.Profile) }

// Cells are the pages evidencing each item of the set.
func (v *rowView) Cells() [][]*pageView {
	v.rec.value(valueKey{kind: readRowCells, name: v.kind, page: v.contentRow.Profile}, sumRowCells(v.contentRow))
	out := make([][]*pageView, len(v.contentRow.Cells))
	for i, c := range v.contentRow.Cells {
		out[i] = v.rec.list(c)
	}
	return out
}

// evidenceView is one criterion's group of a profile's evidence; the list
// it came in was recorded whole.
type evidenceView struct {
	*contentEvidence
	rec *recorder
}

func (r *recorder) evidence(ev []content.Evidence) []*evidenceView {
	if ev == nil {
		return nil
	}
	out := make([]*evidenceView, len(ev))
	for i := range ev {
		out[i] = view(r, &ev[i], func() *evidenceView { return &evidenceView{&ev[i], r} })
	}
	return out
}

// Pages are the pages evidencing the criterion.
func (v *evidenceView) Pages() []*pageView { return v.rec.list(v.contentEvidence.Pages) }

// pagerView is the output's pager, recorded whole when reached (dataRead).
type pagerView struct {
	*contentPager
	rec *recorder
}

func (r *recorder) pager(pg *content.Pager) *pagerView {
	if pg == nil {
		return nil
	}
	return view(r, pg, func() *pagerView {
		r.reads.data.pager, r.reads.data.reached.pager = pg, true
		return &pagerView{pg, r}
	})
}

// Pages are the pager's items.
func (v *pagerView) Pages() []*pageView { return v.rec.list(v.contentPager.Pages) }
