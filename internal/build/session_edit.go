package build

import (
	"bytes"
	"io/fs"
	"reflect"
	"slices"
	"strings"

	"showcase/internal/config"
	"showcase/internal/content"
	"showcase/internal/diag"
	"showcase/internal/markdown"
	"showcase/internal/sitefs"
)

// edit is an edited page: the page of the last build, its new parse and
// its new Markdown.
type edit struct {
	page, fresh *content.Page
	res         markdown.Result
	// fields: its front matter or its generated summary changed, so
	// whatever shows the page may change; else only its body did
	fields bool
}

// readEdits parses the changed files and renders their Markdown. Each must
// be a published page of the last build whose body shows no images and,
// when more than its body changed, whose shape stays (sameShape); else it
// returns errSlowPath. Problems of the files are in the list, errors and
// warnings, as a full build reports them for these pages (the slips in
// the front matter, pictures left as text, links leading nowhere).
func (s *Session) readEdits(changed []string, opts Options) ([]edit, *diag.List, error) {
	var edits []edit
	var errs diag.List
	cfg := s.last.site.Config
	if s.last.broken {
		return nil, nil, errSlowPath
	}
	for _, name := range changed {
		page := s.last.ix.Pages[name]
		if page == nil || !strings.HasSuffix(name, ".md") {
			return nil, nil, errSlowPath
		}
		data, err := fs.ReadFile(sitefs.New(opts.Source), name) // never through a link leaving the site
		if err != nil {
			return nil, nil, errSlowPath
		}
		fresh, problems := content.ParsePage(name, data, cfg)
		for _, p := range problems {
			errs.Add(name, p)
		}
		if len(problems) > 0 {
			continue
		}
		parseWarnings(fresh, &errs)
		if hasCalls(fresh.Body) || hasCalls(page.Body) {
			return nil, nil, errSlowPath // shortcodes run in a full build
		}
		images := false
		rs := s.last.ix.Resolver(page)
		doc := markdown.Doc{Resolver: markdownResolver{rs, s.last.photos, page, &images}, LineOffset: fresh.BodyLine - 1}
		res := s.md.Render(fresh.Body, doc)
		for _, pr := range res.Problems {
			errs.Errorf(name, pr.Line, "%s", pr.Msg)
		}
		for _, w := range res.Warnings {
			errs.Warnf(name, w.Line, "%s", w.Msg)
		}
		reportNotes(page, rs.Notes, res.Links, &errs, opts.Strict)
		if images || s.last.photos.imaged[page] {
			return nil, nil, errSlowPath // their variants are files only a full build adds and removes
		}
		fields := !bytes.Equal(fresh.FrontMatter(), page.FrontMatter()) ||
			fresh.Summary == "" && pageSummary(res, cfg.SummaryLength) != page.Summary
		if fields && !sameShape(page, fresh, cfg, opts) {
			return nil, nil, errSlowPath
		}
		edits = append(edits, edit{page, fresh, res, fields})
	}
	return edits, &errs, nil
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

// takeParse gives p, a page of the last build, everything of fresh (a new
// parse of its file) and of res (its Markdown), in place, so that every
// list and link holding p shows the new page. p keeps what later steps of
// the build gave it: its URL path (content.Place), its bundle's files
// (content.Load), and the links of the assembly, which content.Reassemble
// makes again when the edit changes them. TestTakeParse checks that a
// parse of an unchanged file leaves a page as the full build made it.
func takeParse(p, fresh *content.Page, res markdown.Result, cfg *config.Config) {
	kept := *p
	*p = *fresh
	p.Path, p.Resources = kept.Path, kept.Resources
	p.Prev, p.Next, p.Related, p.Links, p.BranchPages = kept.Prev, kept.Next, kept.Related, kept.Links, kept.BranchPages
	setRendered(p, res)
	if p.Summary == "" {
		p.Summary = pageSummary(res, cfg.SummaryLength)
	}
}
