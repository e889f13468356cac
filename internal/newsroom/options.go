package newsroom

import (
	"net/http"
	"sort"

	"showcase/internal/config"
)

// choice is a picker's item: a value and what it shows.
type choice struct {
	ID    string `json:"id"`
	Label string `json:"label"`
}

// siteOptions feeds the form's pickers from the site's own data.
type siteOptions struct {
	People   []string `json:"people"`   // every name of past bylines, most used first
	Branches []string `json:"branches"` // the titles of the branch profiles
	Tags     []string `json:"tags"`     // every tag used, most used first
	Criteria []choice `json:"criteria"` // site.toml's criteria items
	Stages   []string `json:"stages"`   // [review] stages
	Kinds    []choice `json:"kinds"`    // what "new page" makes
	Sections []string `json:"sections"`
	Targets  []string `json:"targets"` // the names of [[deploy.targets]]
	// RawHTML: the site lets Markdown carry raw HTML (and so scripts), so
	// the editor sandboxes its preview frame (see Safety in the package doc)
	RawHTML bool `json:"rawHTML"`
}

func (n *Newsroom) serveOptions(w http.ResponseWriter, r *http.Request) {
	pages, cfg, err := n.index.pages()
	if err != nil {
		fail(w, http.StatusInternalServerError, err.Error())
		return
	}
	reply(w, http.StatusOK, optionsOf(pages, cfg))
}

func optionsOf(pages []pageInfo, cfg *config.Config) siteOptions {
	people, tags := map[string]int{}, map[string]int{}
	sections := map[string]bool{}
	out := siteOptions{Stages: cfg.Review.Stages, Kinds: kinds, RawHTML: cfg.Unsafe}
	for _, p := range pages {
		for _, name := range p.People {
			people[name]++
		}
		for _, t := range p.Tags {
			tags[t]++
		}
		if p.Section == config.BranchTaxonomy && p.Error == "" && p.File != "content/branches/_index.md" {
			out.Branches = append(out.Branches, p.Title)
		}
		sections[p.Section] = true
	}
	out.People, out.Tags = byUse(people), byUse(tags)
	for _, t := range cfg.Deploy.Targets {
		out.Targets = append(out.Targets, t.Name)
	}
	sort.Strings(out.Branches)
	for _, set := range cfg.Criteria {
		for _, it := range set.Items {
			out.Criteria = append(out.Criteria, choice{ID: it.ID, Label: set.Name + "：" + it.Name})
		}
	}
	for s := range sections {
		if s != "" {
			out.Sections = append(out.Sections, s)
		}
	}
	sort.Strings(out.Sections)
	return out
}

// byUse sorts the keys most counted first, then by name.
func byUse(m map[string]int) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Slice(out, func(i, j int) bool {
		if m[out[i]] != m[out[j]] {
			return m[out[i]] > m[out[j]]
		}
		return out[i] < out[j]
	})
	return out
}

// kinds are the page types "new page" offers, as showcase new makes them.
var kinds = []choice{
	{"news", "工作动态（新闻）"},
	{"case", "经验交流（案例）"},
	{"album", "图片新闻（相册）"},
	{"branch", "支部风采（支部或院系简介）"},
}
