package build

import (
	"fmt"
	"reflect"
	"slices"
	"time"

	"showcase/internal/config"
	"showcase/internal/content"
	"showcase/internal/diag"
	"showcase/internal/render"
)

// rebuildListed is the preview's middle path, for edits that change what
// other pages show of the edited ones (a title, a date, tags, branches,
// criteria, a byline, a summary; a profile's record) but not the shape of
// the site: each edited page is a published regular page or profile that
// stays published at the same URL, with the same aliases, cover and album
// photos. The site is assembled again from the pages in memory (unless the
// edits keep its order and links: see content.Page.KeepsLinks), and only
// the pages whose content changed are rendered: the edited pages; every
// page that shows one of them (neighbours, list and term pages, related
// items, the profiles a page names); every page whose neighbours, related
// items or list slice changed; and the few pages that show the whole site
// (home, taxonomies, the showcase, its facets and matrix). Feeds and the
// sitemap are written again; the search index is written behind, as on the
// fast path. It returns errSlowPath when an edit changes the site's shape.
func (s *Session) rebuildListed(edits []edit, opts Options, start time.Time) (*Result, error) {
	cfg := s.last.site.Config
	for _, e := range edits {
		if !sameShape(e.page, e.fresh, cfg, opts) {
			return nil, errSlowPath
		}
	}
	tr := newTracer()
	before := make(map[string]dependencies, len(s.last.jobs))
	for _, j := range s.last.jobs {
		before[j.path] = dependsOn(j.data)
	}
	// an edit of a title, a summary or a byline leaves the site's order and
	// links as they were: then the site need not be assembled again
	relink := false
	for _, e := range edits {
		relink = relink || !e.page.KeepsLinks(e.fresh, s.last.ix.Published)
	}
	edited := map[*content.Page]bool{}
	for _, e := range edits {
		if relink {
			e.page.TakeFrontMatter(e.fresh)
		} else {
			e.page.TakeFields(e.fresh)
		}
		setRendered(e.page, e.res)
		if e.page.Summary == "" {
			e.page.Summary = pageSummary(e.res, cfg.SummaryLength)
		}
		edited[e.page] = true
	}
	// From here on the pages in memory are the new ones: a failure leaves
	// the output as it was and the next build starts afresh.
	var errs diag.List
	site := s.last.site
	if relink {
		site = content.AssembleAgain(cfg, s.last.ix.Published, opts.Now, &errs, edited)
		site.Files = s.last.ix.Files
	}
	tr.step("assemble")
	if err := errs.Err(); err != nil {
		s.last = nil
		return &Result{Warnings: errs.Warnings()}, err
	}
	jobs := plan(site, opts)
	out := newInPlaceOutput(opts.Destination)
	var dirty []job
	now := map[string]bool{}
	for _, j := range jobs {
		now[j.path] = true
		was, ok := before[j.path]
		if !ok || dependsOn(j.data).differs(was, edited) {
			dirty = append(dirty, j)
		}
	}
	for path := range before {
		if !now[path] {
			out.remove(outputFile(path)) // a term no page names any more, a shorter list
		}
	}
	tr.step("plan")
	fail := func(file string, err error) { errs.Add(file, err) }
	set := s.last.set
	set.Forget()
	renderPages(set, dirty, out, opts.PreviewHead, fail)
	tr.step(fmt.Sprintf("render %d", len(dirty)))
	var pages []*content.Page
	for _, e := range edits {
		pages = append(pages, e.page)
	}
	writePageAliases(site, set, pages, out, fail)
	writeFeeds(site, out, fail)
	writeSitemap(site, jobs, out, fail)
	tr.step("feeds")
	s.last.site, s.last.jobs = site, jobs
	return s.commit(out, &errs, opts, start)
}

// sameShape says whether fresh, a new parse of the published page p, leaves
// the site's shape alone: a regular page or a profile as before, still
// published, at the same URL, with the same aliases, cover and photos
// (which the photo pipeline plans).
func sameShape(p, fresh *content.Page, cfg *config.Config, opts Options) bool {
	return p.Kind == content.KindPage && fresh.Kind == p.Kind && (p.Profile == nil) == (fresh.Profile == nil) &&
		content.URLPath(fresh) == p.Path && publishes(fresh, cfg, opts) &&
		slices.Equal(fresh.Aliases, p.Aliases) && fresh.Cover == p.Cover && reflect.DeepEqual(fresh.Photos, p.Photos)
}

// dependencies are what a rendered page shows of the site beyond its own
// data: a single page with its neighbours and related items, the slice of
// a list (section or term) with the list's place and length, a profile with
// its evidence grouped by criterion.
type dependencies struct {
	pages []*content.Page
	pager [3]int // number, total, items
	whole bool   // the page shows the whole site (home, taxonomy, showcase)
}

// dependsOn reads the dependencies of a page from its render data. Pages of
// the kinds that list and count the whole site depend on everything.
func dependsOn(d *render.Data) dependencies {
	var dep dependencies
	switch d.Kind {
	case "single":
		p := d.Page
		dep.pages = append(dep.pages, p, p.Prev, p.Next)
		dep.pages = append(dep.pages, p.Related...)
		dep.pages = append(dep.pages, nil)              // the profiles it names,
		dep.pages = append(dep.pages, p.BranchPages...) // whose titles its term links show
	case "list", "term":
		// (not the list's own page: each assembly makes a term's anew, and
		// a section's without _index.md; it is not edited on this path)
		pg := d.Pager
		dep.pager = [3]int{pg.Number, pg.Total, pg.Items}
		dep.pages = append(dep.pages, pg.Pages...)
	case "profile":
		dep.pages = append(dep.pages, d.Page)
		for _, ev := range d.Evidence {
			dep.pages = append(dep.pages, nil) // a group ends
			dep.pages = append(dep.pages, ev.Pages...)
		}
	default:
		dep.whole = true
	}
	return dep
}

// differs says whether a page must be rendered again: it shows the whole
// site, or shows other pages or another list slice than before, or shows
// an edited page.
func (d dependencies) differs(before dependencies, edited map[*content.Page]bool) bool {
	if d.whole || before.whole || d.pager != before.pager || !slices.Equal(d.pages, before.pages) {
		return true
	}
	for _, p := range d.pages {
		if edited[p] {
			return true
		}
	}
	return false
}
