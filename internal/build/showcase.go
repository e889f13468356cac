package build

import (
	"showcase/internal/config"
	"showcase/internal/content"
	"showcase/internal/render"
)

// branchSection is the folder of the profiles, which is also the URL of the
// branches taxonomy: one page, the showcase index, serves both.
const branchSection = config.BranchTaxonomy

// planShowcase lists the showcase: the profile index at /branches/, one page
// per facet value (/branches/kind/yang-ban-zhi-bu/), the branches × criteria
// matrix, and every profile with its evidence grouped by criterion.
func planShowcase(s *content.Site, add func(string, string, string, *render.Data)) {
	sec := s.Section(branchSection)
	if sec == nil && len(s.Profiles) == 0 {
		return
	}
	if sec == nil {
		sec = &content.Section{Name: branchSection, Page: &content.Page{Kind: content.KindSection, Section: branchSection, Title: "支部风采", Path: branchSection + "/"}}
	}
	title := sec.Page.Title
	add(sec.Page.Path, "showcase", branchSection, &render.Data{Page: sec.Page, Section: sec, Title: title,
		Description: firstLine(sec.Page.Summary), Crumbs: crumbs(crumb(title, ""))})
	for _, f := range s.Facets {
		for _, v := range f.Values {
			vp := &content.Page{Kind: content.KindSection, Section: branchSection, Title: f.Title + "：" + v.Name, Path: v.Path, File: sec.Page.File}
			add(v.Path, "showcase", branchSection, &render.Data{Page: vp, Section: sec, Facet: f, Value: v, Title: title + " · " + v.Name,
				Crumbs: crumbs(crumb(title, sec.Page.Path), crumb(f.Title+"："+v.Name, ""))})
		}
	}
	mp := &content.Page{Kind: content.KindSection, Section: branchSection, Title: "对标矩阵", Path: content.MatrixPath(), File: sec.Page.File}
	add(mp.Path, "matrix", branchSection, &render.Data{Page: mp, Section: sec, Title: "对标矩阵",
		Crumbs: crumbs(crumb(title, sec.Page.Path), crumb("对标矩阵", ""))})
	for _, p := range s.Profiles {
		add(p.Path, "profile", branchSection, &render.Data{Page: p, Section: sec, Title: p.Title, Description: p.Summary,
			Evidence: s.Evidence(p), Feed: p.Path + "index.xml",
			Crumbs: crumbs(crumb(title, sec.Page.Path), crumb(p.Title, ""))})
	}
}
