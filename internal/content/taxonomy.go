package content

import (
	"sort"
	"strconv"
	"strings"

	"showcase/internal/config"
	"showcase/internal/diag"
	"showcase/internal/lang"
	"showcase/internal/slug"
)

// Taxonomy is a way of classifying pages (tags, categories, branches) with
// its terms.
type Taxonomy struct {
	Singular, Plural string
	Title            string // 标签, 分类, 支部
	Path             string // "tags/"
	Terms            []*Term
}

// Term is one value of a taxonomy and the pages listed under it, newest first.
// A term of the branches taxonomy is a profile: Profile is set and Path is
// the profile's own URL.
type Term struct {
	Name    string
	Slug    string
	Path    string // "tags/zhu-ti-jiao-yu/"
	Pages   []*Page
	Profile *Page
}

var taxonomyTitles = map[string]string{"tags": "标签", "categories": "分类", config.BranchTaxonomy: "支部"}

// buildTaxonomies gathers the terms of every taxonomy. Terms written
// alike but for case, spaces, hyphens and quotes (Istio, istio, “istio”;
// Service Mesh, service-mesh) are one term, as in Hugo, under the spelling
// of the newest page. Terms get ASCII URL slugs: site.toml's [slugs], else
// pinyin; two different terms with one slug (党史, 党事) are told apart by
// a number and reported, so a mapping can fix them.
func (s *Site) buildTaxonomies(errs *diag.List) {
	for _, tc := range s.Config.Taxonomies {
		t := &Taxonomy{Singular: tc.Singular, Plural: tc.Plural, Path: segment(tc.Plural) + "/"}
		t.Title = taxonomyTitles[tc.Plural]
		if s.Config.English() {
			t.Title = capitalized(tc.Plural) // Tags, as Hugo titles a list
		}
		if t.Title == "" {
			t.Title = tc.Plural
		}
		if tc.Plural == config.BranchTaxonomy {
			for _, prof := range s.Profiles {
				t.Terms = append(t.Terms, &Term{Name: prof.Title, Slug: lastSegment(prof.Path), Path: prof.Path, Pages: s.naming[prof], Profile: prof})
			}
			s.Taxonomies = append(s.Taxonomies, t)
			continue
		}
		byName := map[string]*Term{}
		// profiles are listed under their tags and categories too
		listed := append(append([]*Page{}, s.Pages...), s.Profiles...)
		sortByDate(listed)
		for _, p := range listed {
			for _, name := range p.Terms[tc.Plural] {
				term, ok := byName[termKey(name)]
				if !ok {
					term = &Term{Name: name}
					byName[termKey(name)] = term
					t.Terms = append(t.Terms, term)
				}
				if n := len(term.Pages); n == 0 || term.Pages[n-1] != p {
					term.Pages = append(term.Pages, p)
				}
			}
		}
		sort.Slice(t.Terms, func(i, j int) bool { return t.Terms[i].Name < t.Terms[j].Name })
		used := map[string]string{}
		for _, term := range t.Terms {
			term.Slug = TermSlug(s.Config, term.Name)
			base := term.Slug
			for n := 2; used[term.Slug] != ""; n++ {
				term.Slug = base + "-" + strconv.Itoa(n)
			}
			if term.Slug != base {
				errs.Warnf(configFile(s.Config), 0, "%s", lang.Sprintf("%[1]s 中的“%[2]s”和“%[3]s”网址相同（%[4]s），“%[3]s”改用 %[5]s；可在 site.toml 的 [slugs] 中为它们各写一个网址别名",
					"%[1]s: terms %[2]q and %[3]q share the URL slug %[4]q; %[3]q gets %[5]q (set [slugs] to choose)", tc.Plural, used[base], term.Name, base, term.Slug))
			}
			used[term.Slug] = term.Name
			term.Path = t.Path + term.Slug + "/"
		}
		// most used first, as campus tag clouds show them
		sort.SliceStable(t.Terms, func(i, j int) bool { return len(t.Terms[i].Pages) > len(t.Terms[j].Pages) })
		s.Taxonomies = append(s.Taxonomies, t)
	}
	// each page's term links, in the order its front matter names them
	for _, t := range s.Taxonomies {
		byName := map[string]*Term{}
		for _, term := range t.Terms {
			byName[term.Name] = term
			if term.Profile == nil {
				byName[termKey(term.Name)] = term
			}
			if term.Profile != nil {
				for _, k := range profileKeys(term.Profile) {
					byName[k] = term
				}
			}
		}
		for _, p := range append(append([]*Page{}, s.Pages...), s.Profiles...) {
			for _, name := range p.Terms[t.Plural] {
				term, ok := byName[name]
				if !ok && t.Plural != config.BranchTaxonomy {
					term, ok = byName[termKey(name)]
				}
				if ok && term.Profile != p {
					p.Links = append(p.Links, TermLink{Taxonomy: t.Plural, Name: term.Name, Path: term.Path})
				}
			}
		}
	}
}

// TermSlug is the ASCII URL segment of a term or facet value.
func TermSlug(cfg *config.Config, name string) string {
	if s, ok := cfg.Slugs[name]; ok {
		return s
	}
	if s := slug.Make(name); s != "" {
		return s
	}
	return "term"
}

func lastSegment(p string) string {
	p = strings.TrimSuffix(p, "/")
	return p[strings.LastIndex(p, "/")+1:]
}

// termKey is what tells terms apart: a term without Chinese by its ASCII
// slug (Istio = istio = “istio”, Service Mesh = service-mesh), any other
// as written but for case and surrounding quotes.
func termKey(name string) string {
	for _, r := range name {
		if r >= 0x2E80 { // CJK and beyond: as written
			return strings.ToLower(strings.Trim(name, " \"'“”‘’「」"))
		}
	}
	if s := slug.Make(name); s != "" {
		return s
	}
	return name
}

// configFile is the name of the site's configuration file, for messages.
func configFile(cfg *config.Config) string {
	if cfg.File != "" {
		return cfg.File
	}
	return "site.toml"
}
