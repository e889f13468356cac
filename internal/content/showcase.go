package content

import (
	"sort"

	"showcase/internal/config"
)

// Facet is one way to browse the profiles without JavaScript: by kind (类型),
// level (级别) or status (建设阶段). Each value has its own generated page.
type Facet struct {
	Key, Title string // "kind", "类型"
	Values     []*FacetValue
}

// FacetValue is one value of a facet and the profiles that carry it.
type FacetValue struct {
	Name     string
	Path     string // "branches/kind/yang-ban-zhi-bu/"
	Profiles []*Page
}

// Matrix is the branches × criteria table of one criteria set: each row a
// profile of the set's kind, each cell the pages that evidence an item.
type Matrix struct {
	Set  config.CriteriaSet
	Rows []MatrixRow
}

// MatrixRow is one profile's line of a Matrix.
type MatrixRow struct {
	Profile *Page
	Cells   [][]*Page // one per item of the set, in order
	Total   int
}

func (s *Site) buildFacets() {
	sec := segment(config.BranchTaxonomy)
	specs := []struct {
		key, title string
		order      []string
		value      func(*Profile) string
	}{
		{"kind", "类型", kindOrder, func(p *Profile) string { return p.Kind }},
		{"level", "级别", levelOrder, func(p *Profile) string { return p.Level }},
		{"status", "建设阶段", statusOrder, func(p *Profile) string { return p.Status }},
	}
	for _, spec := range specs {
		f := &Facet{Key: spec.key, Title: spec.title}
		byName := map[string]*FacetValue{}
		for _, prof := range s.Profiles {
			v := spec.value(prof.Profile)
			if v == "" {
				continue
			}
			fv, ok := byName[v]
			if !ok {
				fv = &FacetValue{Name: v, Path: sec + "/" + spec.key + "/" + TermSlug(s.Config, v) + "/"}
				byName[v] = fv
				f.Values = append(f.Values, fv)
			}
			fv.Profiles = append(fv.Profiles, prof)
		}
		sort.SliceStable(f.Values, func(i, j int) bool {
			ri, rj := rank(spec.order, f.Values[i].Name), rank(spec.order, f.Values[j].Name)
			if ri != rj {
				return ri < rj
			}
			return f.Values[i].Name < f.Values[j].Name
		})
		if len(f.Values) > 0 {
			s.Facets = append(s.Facets, f)
		}
	}
}

func (s *Site) buildMatrix() {
	for _, set := range s.Config.Criteria {
		m := &Matrix{Set: set}
		for _, prof := range s.Profiles {
			if prof.Profile.Kind != set.Kind {
				continue
			}
			row := MatrixRow{Profile: prof, Cells: make([][]*Page, len(set.Items))}
			for _, p := range s.naming[prof] {
				for i, it := range set.Items {
					for _, id := range p.Criteria {
						if id == it.ID {
							row.Cells[i] = append(row.Cells[i], p)
							row.Total++
						}
					}
				}
			}
			m.Rows = append(m.Rows, row)
		}
		if len(m.Rows) > 0 {
			s.Matrix = append(s.Matrix, m)
		}
	}
}

// MatrixPath is the URL path of the branches × criteria page.
func MatrixPath() string { return segment(config.BranchTaxonomy) + "/matrix/" }
