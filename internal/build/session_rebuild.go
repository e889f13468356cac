package build

import (
	"fmt"
	"sort"
	"time"

	"showcase/internal/content"
	"showcase/internal/diag"
	"showcase/internal/render"
)

// rebuild is the preview's incremental build (see Session); it returns
// errSlowPath when it cannot apply.
func (s *Session) rebuild(stamps map[string]stamp, opts Options) (*Result, error) {
	start := time.Now()
	var changed []string
	for name, st := range stamps {
		if old, ok := s.stamps[name]; !ok || old != st {
			changed = append(changed, name)
		}
	}
	for name := range s.stamps {
		if _, ok := stamps[name]; !ok {
			return nil, errSlowPath // a file was deleted
		}
	}
	sort.Strings(changed)
	edits, errs, err := s.readEdits(changed, opts)
	if err != nil {
		return nil, err
	}
	if err := errs.Err(); err != nil {
		return &Result{Warnings: errs.Warnings()}, err
	}
	return s.apply(edits, errs, opts, start)
}

// apply takes the edits into the pages in memory, assembles the site again
// if they move or relink a page, and renders the outputs they change.
// errs holds the warnings of reading the edits, and takes what follows.
func (s *Session) apply(edits []edit, errs *diag.List, opts Options, start time.Time) (*Result, error) {
	cfg := s.last.site.Config
	tr := newTracer()
	ch := &render.Changes{Pages: map[*content.Page]bool{}, Bodies: map[*content.Page]bool{}}
	relink := false
	for _, e := range edits {
		relink = relink || e.fields && !e.page.AssemblesLike(e.fresh, s.last.ix.Published)
	}
	for _, e := range edits {
		takeParse(e.page, e.fresh, e.res, cfg)
		if e.fields {
			ch.Pages[e.page] = true
		} else {
			ch.Bodies[e.page] = true
		}
	}
	// From here on the pages in memory are the new ones: a failure leaves
	// the output as it was and the next build starts afresh.
	site := s.last.site
	if relink {
		site = content.Reassemble(cfg, s.last.ix.Published, opts.Now, errs, ch.Pages)
		site.Files = s.last.ix.Files
		ch.Assembled = true
		tr.step("assemble")
	}
	if err := errs.Err(); err != nil {
		s.last = nil
		return &Result{Warnings: errs.Warnings()}, err
	}
	ch.Site = site
	jobs := s.last.jobs
	if len(ch.Pages) > 0 { // the outputs' Data show titles and summaries
		jobs = append(plan(site, opts), planAliases(site)...)
		ch.Planned = true
	}
	out := newInPlaceOutput(opts.Destination)
	dirty := s.dirty(jobs, ch, out)
	tr.step(fmt.Sprintf("plan %d", len(jobs)))
	fail := func(file string, err error) { errs.Add(file, err) }
	set := s.last.set
	set.Forget()
	variants := s.last.photos.planned()
	renderPages(set, jobs, dirty, out, opts.PreviewHead, fail)
	tr.step(fmt.Sprintf("render %d", len(dirty)))
	if s.last.photos.planned() != variants {
		s.last = nil // an output shows an image variant the output lacks
		return nil, errSlowPath
	}
	if len(ch.Pages) > 0 {
		writeFeeds(site, out, fail)
		writeSitemap(site, jobs, out, fail)
		tr.step("feeds")
	}
	s.last.site, s.last.jobs = site, jobs
	return s.commit(out, errs, opts, start, editedPages(ch.Pages, ch.Bodies))
}

// dirty lists the jobs to render again: those new since the last build and
// those whose reads the changes affect. The others keep their reads; the
// outputs the last build had and jobs lack are removed.
func (s *Session) dirty(jobs []job, ch *render.Changes, out *output) []int {
	dirty := []int{}
	if !ch.Planned { // the jobs of the last build
		for i, j := range jobs {
			if j.reads == nil || ch.Affects(j.reads, j.data) {
				dirty = append(dirty, i)
			}
		}
		return dirty
	}
	before := make(map[string]*render.Reads, len(s.last.jobs))
	for _, j := range s.last.jobs {
		before[j.path] = j.reads
	}
	for i := range jobs {
		j := &jobs[i]
		reads, ok := before[j.path]
		delete(before, j.path)
		if !ok || reads == nil || ch.Affects(reads, j.data) {
			dirty = append(dirty, i)
			continue
		}
		j.reads = reads
	}
	for path := range before {
		out.remove(outputFile(path)) // a term no page names any more, a shorter list
	}
	return dirty
}
