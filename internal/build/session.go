package build

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"time"

	"showcase/internal/config"
	"showcase/internal/content"
	"showcase/internal/diag"
	"showcase/internal/markdown"
)

// Session builds one site again and again, for the preview server. It keeps
// the last good build and, when only published pages were edited, changes
// those pages in memory and renders again just the outputs the edit
// changes. Nothing says by hand which layout shows what: every output
// records, while it renders, what it read of the site (render.Reads: the
// pages it reached, the bodies it showed, the lists, neighbours and terms
// it reached), and after an edit the outputs that read an edited page, or
// a value the edit changed, are rendered again (render.Changes). A site's
// own layouts take the same path.
//
//   - An edit of a body alone changes the outputs that show that body.
//   - An edit of front matter, or of a body whose generated summary
//     changes, changes the outputs that show the page at all; when it
//     moves or relinks the page among others (content.Page.AssemblesLike
//     says whether), the site is assembled again, and every list,
//     neighbour, related item or term that changed with it counts too.
//     Feeds and the sitemap, which show no body, are written again.
//
// The search index is left to the indexer, behind the reload. Anything
// else takes a full build: a new, deleted or renamed file; a layout,
// static, data or configuration file; an edit that changes the site's
// shape (a page's URL, kind, aliases, cover or album photos, or whether it
// is published); a body that shows images, before or after the edit; a
// rebuild whose outputs would show image variants the output lacks.
// Either way the output is byte-identical to a full build of the same
// files.
type Session struct {
	opts   Options
	last   *built
	stamps map[string]stamp
	md     *markdown.Renderer
	index  *indexer // writes the search index behind the fast rebuilds
}

type stamp struct {
	size int64
	mod  time.Time
}

// NewSession prepares builds of opts.Source into opts.Destination.
func NewSession(opts Options) *Session {
	if opts.Destination == "" {
		opts.Destination = filepath.Join(opts.Source, "public")
	}
	return &Session{opts: opts, index: newIndexer(opts.Destination)}
}

// Wait returns when the search index of the last fast rebuild is written,
// with its error if it failed.
func (s *Session) Wait() error {
	err := s.index.wait()
	if err != nil {
		s.last = nil // the next build starts afresh
	}
	return err
}

// Close ends the session: the search index being built behind is
// abandoned at its next step, and Close returns when nothing more is
// written into the destination (which the caller may then remove).
func (s *Session) Close() { s.index.close() }

// searchBehind leaves the search index of the last build to the indexer.
// The edited pages are in place: the preview can reload them now. The
// search index, which an edit also changes, is written behind; a full build
// (and Wait) waits for it, a fast rebuild replaces it with its own. edited
// are the pages the rebuild changed in place: the search documents of the
// others are those of the last snapshot.
func (s *Session) searchBehind(opts Options, edited map[*content.Page]bool) {
	s.index.start(s.last.site, s.last.set, opts, edited)
}

// errSlowPath says the fast rebuild does not apply.
var errSlowPath = errors.New("full build needed")

// BuildChanged is Build for a caller that knows which source files changed
// (slash paths relative to the site folder, as the preview's watcher gives
// them): the fast path then stats only those instead of every file. A nil
// list means "unknown", as for Build.
func (s *Session) BuildChanged(changed []string) (*Result, error) {
	return s.build(changed)
}

// Build brings the destination up to date with the source. Result.Fast tells
// which way it went.
func (s *Session) Build() (*Result, error) { return s.build(nil) }

func (s *Session) build(changed []string) (*Result, error) {
	s.index.snapshotted() // the pages in memory are about to change
	if s.index.failed() {
		s.last = nil // a full build writes the search index again
	}
	opts := s.opts
	if opts.Now.IsZero() {
		opts.Now = time.Now()
	}
	var stamps map[string]stamp
	var err error
	known := false
	if s.last != nil && len(changed) > 0 {
		stamps, known = s.restamp(changed)
	}
	if !known {
		if stamps, err = scanSite(opts.Source); err != nil {
			return nil, err
		}
	}
	if s.last != nil {
		res, err := s.rebuild(stamps, opts)
		if !errors.Is(err, errSlowPath) {
			if err == nil {
				s.stamps = stamps
			}
			return res, err
		}
	}
	if known { // the fast path did not apply: a full build sees every file
		if stamps, err = scanSite(opts.Source); err != nil {
			return nil, err
		}
	}
	// a full build swaps the destination and writes its own index: the one
	// behind the last rebuild is moot, and may not be written meanwhile
	s.index.abandon()
	res, b, err := fullBuild(opts)
	if err != nil || b == nil { // a multilingual site: every build is a full one
		return res, err
	}
	s.index.written(b.searchFiles)
	s.index.seed(b.site) // the search documents the next edits start from
	s.last, s.stamps = b, stamps
	s.md = markdown.New(markdown.Options{Unsafe: b.site.Config.Unsafe})
	return res, nil
}

// commit ends a rebuild in place. On errors the output stays as it was and,
// since the pages in memory are already the edited ones, the next build
// starts afresh. Otherwise the changed files are written, and the search
// index is left to be written behind.
func (s *Session) commit(out *output, errs *diag.List, opts Options, start time.Time, edited map[*content.Page]bool) (*Result, error) {
	if err := errs.Err(); err != nil {
		s.last = nil
		return &Result{Warnings: errs.Warnings()}, err
	}
	if err := out.Commit(); err != nil {
		s.last = nil
		return nil, err
	}
	s.searchBehind(opts, edited)
	site := s.last.site
	return &Result{
		Pages: len(site.Pages) + len(site.Profiles), Written: int(out.written.Load()),
		Linked: int(out.linked.Load()), Changed: out.Changed(), Fast: true, Took: time.Since(start),
		Warnings: errs.Warnings(),
	}, nil
}

// restamp is the last build's stamps with the changed files stat'ed again.
// It says false when a change is more than an edit of a known file (a new,
// deleted or renamed file, a folder): then only a full scan can tell.
func (s *Session) restamp(changed []string) (map[string]stamp, bool) {
	stamps := make(map[string]stamp, len(s.stamps))
	for k, v := range s.stamps {
		stamps[k] = v
	}
	for _, name := range changed {
		if _, ok := s.stamps[name]; !ok {
			return nil, false
		}
		info, err := os.Stat(filepath.Join(s.opts.Source, filepath.FromSlash(name)))
		if err != nil || info.IsDir() {
			return nil, false
		}
		stamps[name] = stamp{info.Size(), info.ModTime()}
	}
	return stamps, true
}

// scanSite stamps every file a build reads: site.toml (or Hugo's names,
// config.Files), content/, layouts/, static/, data/, i18n/ and Hugo's
// configuration folders (config.Folders).
func scanSite(source string) (map[string]stamp, error) {
	stamps := map[string]stamp{}
	for _, name := range config.Files {
		if info, err := os.Stat(filepath.Join(source, name)); err == nil {
			stamps[name] = stamp{info.Size(), info.ModTime()}
		}
	}
	fsys := os.DirFS(source)
	for _, dir := range append([]string{"content", "layouts", "static", "data", "i18n"}, config.Folders...) {
		err := fs.WalkDir(fsys, dir, func(p string, d fs.DirEntry, err error) error {
			if err != nil {
				if p == dir && errors.Is(err, fs.ErrNotExist) {
					return fs.SkipAll
				}
				return err
			}
			if d.IsDir() || content.Ignored(d.Name()) {
				return nil
			}
			info, err := d.Info()
			if err != nil {
				return err
			}
			stamps[p] = stamp{info.Size(), info.ModTime()}
			return nil
		})
		if err != nil {
			return nil, err
		}
	}
	return stamps, nil
}
