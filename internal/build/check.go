package build

import (
	"errors"
	"io/fs"
	"sync"
	"time"

	"showcase/internal/config"
	"showcase/internal/content"
	"showcase/internal/diag"
	"showcase/internal/markdown"
	"showcase/internal/markdown/outline"
	"showcase/internal/render"
	"showcase/internal/sitefs"
)

// Checked is what a dry run found, for "showcase check".
type Checked struct {
	// Site is every page assembled, drafts, future, expired and pages held
	// for review too, so that check's rules can speak of them all; nil
	// when the content could not be loaded at all.
	Site *content.Site
	// Languages holds, for a multilingual site, each language's site as
	// Site is (Site, the default language's, among them), in the order of
	// the configuration; nil for a site of one language. Sites lists the
	// sites check's rules read either way.
	Languages []*content.Site
	// Docs holds, by page file ("content/news/a.md"), what the Markdown
	// pass saw of each page: links and pictures with their lines, targets
	// and fragments, and the anchors the page defines.
	Docs map[string]outline.Doc
	// Errors and Warnings are the build's problems: everything a build of
	// the same site would report, and those of the pages it would not
	// publish, filed under their own files.
	Errors, Warnings []*diag.Problem
}

// Check is a dry run of Build for "showcase check": the one pipeline a
// build runs, doing everything but write. It reads and parses every page,
// renders the Markdown of each once (links resolved, pictures planned),
// assembles the site, renders every layout into nothing, plans every
// output path (two sources of one file are an error) and decodes every
// photo it has not made before (the variants go into the image cache, as
// a build's do, so the build after it has less to do; nothing is pruned).
// Only the search index is not built: it cannot fail on content.
//
// A site whose Checked has no errors builds. The pages a build would not
// publish (drafts, pages held for review, future and expired pages) are
// checked besides, as if every page were published, each in its own pass
// after the build's, so they add to the problems and never change the
// build's: a published page linking to a draft is still an error.
//
// opts are those of Build; Destination is not used. Check returns an
// error only when the site cannot be read at all (no site.toml, a
// site.toml that does not parse).
func Check(opts Options) (*Checked, error) {
	if opts.Now.IsZero() {
		opts.Now = time.Now()
	}
	site := sitefs.New(opts.Source)
	defer site.Remember()() // each folder of the site looked at once
	if multilingual(site) {
		return checkLanguages(site, opts)
	}
	d := &dryRun{docs: map[string]outline.Doc{}}
	opts.dry = d
	var errs diag.List
	s, _, ph, err := load(site, opts, &errs)
	if err != nil {
		return nil, err
	}
	out := newDryOutput()
	fail := func(file string, err error) { errs.Add(file, err) }
	if _, _, _, err := writeSite(s, themeOf(site, opts.Theme, s.Config, &errs), site, out, ph, opts, &errs); err != nil {
		addAll(&errs, err) // layouts that do not parse: no page rendered
		d.renderHidden(nil, opts, &errs)
		ph.finish(out, fail)
	}
	return &Checked{Site: d.site, Docs: d.docs, Errors: errs.Errors(), Warnings: errs.Warnings()}, nil
}

// Sites are the sites check's rules read: every language's of a
// multilingual site, else Site alone (none when it is nil).
func (c *Checked) Sites() []*content.Site {
	if c.Languages != nil {
		return c.Languages
	}
	if c.Site == nil {
		return nil
	}
	return []*content.Site{c.Site}
}

// addAll records each problem of a failure, or err itself.
func addAll(errs *diag.List, err error) {
	var f *diag.Failure
	if !errors.As(err, &f) {
		errs.Add("", err)
		return
	}
	for _, p := range f.Problems {
		errs.Add(p.File, p)
	}
}

// dryRun is what a dry run keeps beside the build's own work. Its methods
// do nothing on a nil dryRun (a build).
type dryRun struct {
	mu     sync.Mutex
	cfg    *config.Config
	docs   map[string]outline.Doc
	all    []*content.Page // every page read
	hidden map[string]bool // files of the pages the build does not publish
	ix     *content.Index  // every page, as if all were published
	site   *content.Site   // every page assembled
}

// saw keeps what the Markdown pass saw of a page.
func (d *dryRun) saw(p *content.Page, res markdown.Result) {
	if d == nil {
		return
	}
	d.mu.Lock()
	d.docs[p.File] = res.Outline()
	d.mu.Unlock()
}

// loadHidden places the pages the build does not publish and renders their
// Markdown, after the build's own pass and apart from it: links resolve as
// if every page were published, and a clash or an error is filed under
// the hidden page's file.
func (d *dryRun) loadHidden(site, theme fs.FS, cfg *config.Config, tree *content.Tree, published, hidden []*content.Page, ph *photos, errs *diag.List, strict bool) {
	if d == nil {
		return
	}
	d.cfg, d.all = cfg, tree.Pages
	d.hidden = make(map[string]bool, len(hidden))
	for _, p := range hidden {
		d.hidden[p.File] = true
	}
	var clashes diag.List
	// the published pages first: they keep their paths, a hidden page that
	// asks for one of them is the one that gets a suffix
	content.Place(append(append([]*content.Page{}, published...), hidden...), &clashes, strict)
	d.keep(&clashes, errs)
	d.ix = content.NewIndex(cfg.BasePath, tree.Pages, nil, tree.Files)
	ph.all = d.ix
	checkCovers(site, d.ix, hidden, errs, strict)
	renderMarkdown(cfg, d.ix, ph, theme, hidden, errs, d, strict)
}

// keep copies into errs the problems of hidden pages among from.
func (d *dryRun) keep(from, errs *diag.List) {
	for _, p := range from.Errors() {
		if d.hidden[p.File] {
			errs.Add(p.File, p)
		}
	}
	for _, p := range from.Warnings() {
		if d.hidden[p.File] {
			errs.Warnf(p.File, p.Line, "%s", p.Msg)
		}
	}
}

// renderHidden assembles every page, published or not, into the site
// check's rules read, and renders the pages the build does not publish
// with set (none when set is nil), into nothing: their layouts' errors are
// filed under their own files, unless the build's pages reported the same.
// It runs after the build has rendered its pages, since assembling them
// again changes their lists.
func (d *dryRun) renderHidden(set *render.Set, opts Options, errs *diag.List) {
	if d == nil || d.ix == nil {
		return
	}
	var assembly diag.List
	d.site = content.Assemble(d.cfg, d.all, opts.Now, &assembly)
	d.site.Files = d.ix.Files
	d.keep(&assembly, errs)
	if set == nil {
		return
	}
	reported := map[string]bool{}
	for _, p := range errs.Errors() {
		reported[p.Error()] = true
	}
	fail := func(file string, err error) {
		var p *diag.Problem
		if errors.As(err, &p) && reported[p.Error()] {
			return
		}
		errs.Add(file, errors.New(err.Error())) // under the page, not the layout
	}
	var jobs []job
	var pages []*content.Page
	for _, j := range plan(d.site, opts) {
		if j.data.Page != nil && d.hidden[j.data.Page.File] {
			jobs = append(jobs, j)
		}
	}
	for _, p := range d.all {
		if d.hidden[p.File] {
			pages = append(pages, p)
		}
	}
	out := newDryOutput()
	jobs = append(jobs, aliasJobs(d.site, pages)...)
	renderPages(set, jobs, nil, out, "", fail)
}
