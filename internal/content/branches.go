package content

import (
	"path"
	"sort"
	"strings"

	"showcase/internal/config"
	"showcase/internal/diag"
	"showcase/internal/lang"
)

// Evidence is what a profile page shows for one criterion: the news, cases
// and albums naming the branch and that criterion.
type Evidence struct {
	ID, Name string // criterion ID and wording; both "" for pages naming no criterion
	Set      string // 七个有力 …
	Pages    []*Page
}

// profileKey lists the names a page may use for a profile: its title, its
// folder or file name, and its slug.
func profileKeys(p *Page) []string {
	keys := []string{p.Title, strings.TrimSuffix(path.Base(p.Path), "/")}
	if p.Bundle != "" {
		keys = append(keys, path.Base(p.Bundle))
	} else {
		keys = append(keys, strings.TrimSuffix(path.Base(p.File), ".md"))
	}
	if p.Slug != "" {
		keys = append(keys, p.Slug)
	}
	return keys
}

// resolveBranches links every page to the profiles its branches name.
func (s *Site) resolveBranches(errs *diag.List) {
	byName := map[string]*Page{}
	for _, p := range s.Profiles {
		for _, k := range profileKeys(p) {
			if k != "" {
				byName[k] = p
			}
		}
	}
	s.naming = map[*Page][]*Page{}
	all := append(append([]*Page{}, s.Pages...), s.Profiles...)
	for _, p := range all {
		seen := map[*Page]bool{}
		for _, name := range p.Terms[config.BranchTaxonomy] {
			prof, ok := byName[name]
			if !ok {
				errs.Errorf(p.File, p.KeyLine(config.BranchTaxonomy), "%s", lang.Sprintf("支部“%[1]s”没有简介页：branches 里的名称应与 content/branches/ 中某个支部简介的标题或文件夹名一致",
					"branches: %[1]q is not a profile under content/branches/ (title or folder name)", name))
				continue
			}
			if !seen[prof] {
				seen[prof] = true
				p.BranchPages = append(p.BranchPages, prof)
				if p.Profile == nil {
					s.naming[prof] = append(s.naming[prof], p)
				}
			}
		}
	}
}

// checkCriteria reports criterion IDs that site.toml does not define.
func (s *Site) checkCriteria(errs *diag.List) {
	all := append(append([]*Page{}, s.Pages...), s.Profiles...)
	for _, p := range all {
		for _, id := range p.Criteria {
			if _, _, ok := s.Config.Criterion(id); !ok {
				errs.Errorf(p.File, p.KeyLine("criteria"), "%s", lang.Sprintf("对标条目编号 %[1]q 在 site.toml 的 [[criteria]] 中没有定义；请核对编号（如 qgyl-1），或先在 site.toml 中添加",
					"criteria: %[1]q is not defined in site.toml [[criteria]]", id))
			}
		}
	}
}

// Evidence returns the pages naming profile prof, grouped by criterion: the
// items of the profile's own criteria set first, in their order, then other
// criteria, then the pages that name no criterion.
func (s *Site) Evidence(prof *Page) []Evidence {
	naming := s.naming[prof]
	byID := map[string][]*Page{}
	var none []*Page
	for _, p := range naming {
		if len(p.Criteria) == 0 {
			none = append(none, p)
		}
		for _, id := range p.Criteria {
			byID[id] = append(byID[id], p)
		}
	}
	var out []Evidence
	done := map[string]bool{}
	add := func(set config.CriteriaSet, it config.Criterion) {
		if ps := byID[it.ID]; len(ps) > 0 && !done[it.ID] {
			out = append(out, Evidence{ID: it.ID, Name: it.Name, Set: set.Name, Pages: ps})
		}
		done[it.ID] = true
	}
	if own, ok := s.Config.CriteriaFor(prof.Profile.Kind); ok {
		for _, it := range own.Items {
			add(own, it)
		}
	}
	for _, set := range s.Config.Criteria {
		for _, it := range set.Items {
			add(set, it)
		}
	}
	if len(none) > 0 {
		out = append(out, Evidence{Pages: none})
	}
	return out
}

// kindOrder, levelOrder and statusOrder are the programme's canonical orders.
var (
	kindOrder   = []string{"示范高校", "标杆院系", "样板支部"}
	levelOrder  = []string{"全国", "省级", "校级"}
	statusOrder = []string{"申报", "立项", "培育创建", "中期评估", "总结验收", "通过验收", "推广"}
)

func rank(order []string, v string) int {
	for i, o := range order {
		if o == v {
			return i
		}
	}
	return len(order)
}

func sortProfiles(ps []*Page) {
	sort.SliceStable(ps, func(i, j int) bool {
		a, b := ps[i].Profile, ps[j].Profile
		if ra, rb := rank(kindOrder, a.Kind), rank(kindOrder, b.Kind); ra != rb {
			return ra < rb
		}
		if ra, rb := rank(levelOrder, a.Level), rank(levelOrder, b.Level); ra != rb {
			return ra < rb
		}
		if ps[i].Title != ps[j].Title {
			return ps[i].Title < ps[j].Title
		}
		return ps[i].File < ps[j].File
	})
}
