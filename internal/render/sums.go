package render

import (
	"hash/maphash"
	"sort"
	"strconv"

	"showcase/internal/content"
)

// The checksums of the values templates reach. A view computes one when a
// template reaches the value; Changes computes it again for the value of
// the same key in the edited site, and a different sum means the output
// may show something else. Lists count by which pages (or sections,
// terms…) they hold, in order; what a template reads of each page is a
// read of its own.

func sumPage(p *content.Page) uint64 { return newSum().page(p).done() }

func sumPages(ps []*content.Page) uint64 { return newSum().pages(ps).done() }

func sumByPath(m map[string]*content.Page) uint64 {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	s := newSum().num(len(keys))
	for _, k := range keys {
		s.str(k).page(m[k])
	}
	return s.done()
}

func sumSections(ss []*content.Section) uint64 {
	s := newSum().num(len(ss))
	for _, sec := range ss {
		s.str(sec.Name)
	}
	return s.done()
}

func sumSection(sec *content.Section) uint64 {
	if sec == nil {
		return absent
	}
	return newSum().str(sec.Name).done()
}

func sumSectionPage(sec *content.Section) uint64 {
	if sec == nil {
		return absent
	}
	return sumPage(sec.Page)
}

func sumSectionPages(sec *content.Section) uint64 {
	if sec == nil {
		return absent
	}
	return sumPages(sec.Pages)
}

func sumTaxonomies(ts []*content.Taxonomy) uint64 {
	s := newSum().num(len(ts))
	for _, t := range ts {
		s.str(t.Plural)
	}
	return s.done()
}

func sumTaxonomy(t *content.Taxonomy) uint64 {
	if t == nil {
		return absent
	}
	return newSum().str(t.Singular, t.Plural, t.Title, t.Path).done()
}

func sumTerms(t *content.Taxonomy) uint64 {
	if t == nil {
		return absent
	}
	s := newSum().num(len(t.Terms))
	for _, term := range t.Terms {
		s.str(term.Path)
	}
	return s.done()
}

func sumTerm(t *content.Term) uint64 {
	if t == nil {
		return absent
	}
	return newSum().str(t.Name, t.Slug, t.Path).done()
}

func sumTermPages(t *content.Term) uint64 {
	if t == nil {
		return absent
	}
	return sumPages(t.Pages)
}

func sumTermProfile(t *content.Term) uint64 {
	if t == nil {
		return absent
	}
	return sumPage(t.Profile)
}

func sumFacets(fs []*content.Facet) uint64 {
	s := newSum().num(len(fs))
	for _, f := range fs {
		s.str(f.Key)
	}
	return s.done()
}

func sumFacet(f *content.Facet) uint64 {
	if f == nil {
		return absent
	}
	return newSum().str(f.Key, f.Title).done()
}

func sumFacetValues(f *content.Facet) uint64 {
	if f == nil {
		return absent
	}
	s := newSum().num(len(f.Values))
	for _, v := range f.Values {
		s.str(v.Path)
	}
	return s.done()
}

func sumValue(v *content.FacetValue) uint64 {
	if v == nil {
		return absent
	}
	return newSum().str(v.Name, v.Path).done()
}

func sumValueItems(v *content.FacetValue) uint64 {
	if v == nil {
		return absent
	}
	return sumPages(v.Profiles)
}

func sumMatrices(ms []*content.Matrix) uint64 {
	s := newSum().num(len(ms))
	for _, m := range ms {
		s.str(m.Set.Kind)
	}
	return s.done()
}

func sumMatrixSet(m *content.Matrix) uint64 {
	if m == nil {
		return absent
	}
	s := newSum().str(m.Set.Kind, m.Set.Name).num(len(m.Set.Items))
	for _, it := range m.Set.Items {
		s.str(it.ID, it.Name)
	}
	return s.done()
}

func sumRows(m *content.Matrix) uint64 {
	if m == nil {
		return absent
	}
	s := newSum().num(len(m.Rows))
	for _, row := range m.Rows {
		s.page(row.Profile)
	}
	return s.done()
}

func sumRow(row *content.MatrixRow) uint64 {
	if row == nil {
		return absent
	}
	return newSum().num(row.Total).done()
}

func sumRowCells(row *content.MatrixRow) uint64 {
	if row == nil {
		return absent
	}
	s := newSum().num(len(row.Cells))
	for _, c := range row.Cells {
		s.pages(c)
	}
	return s.done()
}

func sumEvidence(ev []content.Evidence) uint64 {
	s := newSum().num(len(ev))
	for _, e := range ev {
		s.str(e.ID, e.Name, e.Set).pages(e.Pages)
	}
	return s.done()
}

// sum is a checksum of values, the same within one process.
type sum struct{ h maphash.Hash }

var seed = maphash.MakeSeed()

func newSum() *sum {
	s := &sum{}
	s.h.SetSeed(seed)
	return s
}

func (s *sum) str(v ...string) *sum {
	for _, x := range v {
		s.h.WriteString(x)
		s.h.WriteByte(0)
	}
	return s
}

func (s *sum) num(n int) *sum {
	s.h.WriteString(strconv.Itoa(n))
	s.h.WriteByte(0)
	return s
}

// page writes which page p is: its file and URL path. A page made by an
// assembly (a section without _index.md) is made anew by the next one,
// the same page by these.
func (s *sum) page(p *content.Page) *sum {
	if p == nil {
		s.h.WriteByte(1)
		return s
	}
	return s.str(p.File, p.Path)
}

func (s *sum) pages(ps []*content.Page) *sum {
	s.num(len(ps))
	for _, p := range ps {
		s.page(p)
	}
	return s
}

func (s *sum) done() uint64 { return s.h.Sum64() }

// absent is the checksum of a value that is not there.
const absent = 0
