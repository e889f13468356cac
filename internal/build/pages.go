package build

import (
	"runtime"
	"sync"
	"sync/atomic"

	"showcase/internal/content"
	"showcase/internal/render"
)

// job is one HTML file to render.
type job struct {
	path    string // URL path, "news/page/2/"
	kind    string // layout kind
	section string // for section-specific layouts
	data    *render.Data
	reads   *render.Reads // what rendering it read of the site
}

// plan lists every HTML page of the site in a fixed order.
func plan(s *content.Site, opts Options) []job {
	var jobs []job
	add := func(urlPath, kind, section string, d *render.Data) {
		d.Kind = kind
		d.Site = s
		d.Preview = opts.Preview
		d.Canonical = absURL(s, urlPath)
		if s.Config.Disabled("rss") {
			d.Feed = ""
		}
		if d.Description == "" {
			d.Description = s.Config.Param("description")
		}
		jobs = append(jobs, job{path: urlPath, kind: kind, section: section, data: d})
	}
	home := s.Home
	add("", "home", "", &render.Data{Page: home, Title: s.Config.Title, Feed: "index.xml", Crumbs: crumbs()})

	for _, sec := range s.Sections {
		if sec.Name == branchSection {
			continue // the showcase pages below
		}
		crumbsSec := crumbs(crumb(sec.Page.Title, ""))
		for _, pg := range paginate(s, sec.Pages, sec.Page.Path) {
			add(pg.Self(), "list", sec.Name, &render.Data{Page: sec.Page, Section: sec, Pager: pg, Title: sec.Page.Title,
				Description: firstLine(sec.Page.Summary), Feed: sec.Page.Path + "index.xml", Crumbs: crumbsSec})
		}
		for _, p := range sec.Pages {
			add(p.Path, "single", sec.Name, &render.Data{Page: p, Section: sec, Title: p.Title, Description: p.Summary,
				Crumbs: crumbs(crumb(sec.Page.Title, sec.Page.Path), crumb("正文", ""))})
		}
	}
	// pages at the top of content/ (about/, contact/)
	for _, p := range s.Pages {
		if p.Section == "" {
			add(p.Path, "single", "", &render.Data{Page: p, Title: p.Title, Description: p.Summary, Crumbs: crumbs(crumb(p.Title, ""))})
		}
	}
	planShowcase(s, add)
	owned := ownedPaths(s) // a taxonomy named like a section: the section wins
	for _, t := range s.Taxonomies {
		if t.Plural == branchSection {
			continue
		}
		tp := &content.Page{Kind: content.KindTaxonomy, Title: t.Title, Path: t.Path}
		if _, taken := owned[t.Path]; !taken && !s.Config.Disabled("taxonomy") {
			add(t.Path, "taxonomy", "", &render.Data{Page: tp, Taxonomy: t, Title: t.Title, Crumbs: crumbs(crumb(t.Title, ""))})
		}
		for _, term := range t.Terms {
			if s.Config.Disabled("term") {
				break
			}
			if _, taken := owned[term.Path]; taken {
				continue
			}
			termPage := &content.Page{Kind: content.KindTerm, Title: term.Name, Path: term.Path}
			for _, pg := range paginate(s, term.Pages, term.Path) {
				add(pg.Self(), "term", "", &render.Data{Page: termPage, Taxonomy: t, Term: term, Pager: pg,
					Title: t.Title + "：" + term.Name, Crumbs: crumbs(crumb(t.Title, t.Path), crumb(term.Name, ""))})
			}
		}
	}
	if s.Config.Disabled("404") {
		return jobs
	}
	nf := &content.Page{Kind: "404", Title: "页面未找到"}
	add("404.html", "404", "", &render.Data{Page: nf, Title: "页面未找到", Crumbs: crumbs(crumb("页面未找到", ""))})
	return jobs
}

// paginate splits a list into its pagers: dated ones that stay put as
// pages come and go, or Hugo's numbered ones when the site asks.
func paginate(s *content.Site, list []*content.Page, base string) []*content.Pager {
	if s.Config.NumberedPages {
		return content.Paginate(list, s.Config.PagerSize, base)
	}
	return content.PaginateStable(list, s.Config.PagerSize, base)
}

// renderPages executes the jobs on all cores, writes each file and keeps
// what each read of the site in the job. With only not nil, it renders
// just the jobs at those indices.
func renderPages(set *render.Set, jobs []job, only []int, out *output, head string, fail func(file string, err error)) {
	n := len(jobs)
	if only != nil {
		n = len(only)
	}
	// each worker takes the next job by a counter, never waiting for
	// another: a channel handed the jobs over one by one, each a goroutine
	// parked and woken
	var next atomic.Int64
	var wg sync.WaitGroup
	for w := 0; w < runtime.GOMAXPROCS(0); w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			var buf []byte // the pages' bytes, when out is done with them once written
			for {
				k := int(next.Add(1) - 1)
				if k >= n {
					return
				}
				i := k
				if only != nil {
					i = only[k]
				}
				j := &jobs[i]
				if head != "" {
					j.data.Head = safeHead(head)
				}
				html, reads, err := set.ExecuteInto(buf, j.kind, j.section, j.data)
				if err != nil {
					fail(j.data.Page.File, err)
					continue
				}
				j.reads = reads
				if err := out.Write(outputFile(j.path), pageSource(*j), html); err != nil {
					fail(pageSource(*j), err)
				}
				if !out.keeps() {
					buf = html
				}
			}
		}()
	}
	wg.Wait()
}

func pageSource(j job) string {
	if j.kind == "alias" {
		return j.data.Page.File + " (alias)"
	}
	if j.data.Page != nil && j.data.Page.File != "" {
		return j.data.Page.File
	}
	return "the " + j.kind + " page /" + j.path
}

func crumb(title, path string) render.Crumb { return render.Crumb{Title: title, Path: path} }

// crumbs starts every breadcrumb at 首页 and marks the last step.
func crumbs(rest ...render.Crumb) []render.Crumb {
	out := append([]render.Crumb{{Title: "首页", Path: ""}}, rest...)
	out[len(out)-1].Last = true
	return out
}

func absURL(s *content.Site, urlPath string) string { return s.Config.BaseURL + urlPath }

func firstLine(s string) string {
	for i, r := range s {
		if r == '\n' {
			return s[:i]
		}
	}
	return s
}
