package build

import (
	"io/fs"

	"showcase/internal/config"
	"showcase/internal/content"
	"showcase/internal/diag"
	"showcase/internal/lang"
	"showcase/internal/markdown/outline"
	"showcase/internal/sitefs"
)

// checkLanguages is Check for a multilingual site: each language's dry
// run, problems under the site's file names. Checked.Languages holds each
// language's site, its pages and files named by the site's files (the
// rules of check speak of them), Checked.Site the default language's;
// Docs holds every language's pages under their files.
func checkLanguages(site *sitefs.FS, opts Options) (*Checked, error) {
	var errs diag.List
	cfg, err := LoadConfig(site, &errs)
	if err == nil && opts.BaseURL != "" {
		cfg, err = cfg.WithBaseURL(opts.BaseURL)
	}
	if err != nil {
		return nil, err
	}
	cfg = withPages(site, cfg, &errs)
	checked := &Checked{Docs: map[string]outline.Doc{}}
	out := newDryOutput()
	opts.roots = newRootVariants()
	for _, l := range cfg.Languages {
		lg := &language{lang: l, cfg: cfg.ForLanguage(l), view: newLangFS(site, cfg, l)}
		d := &dryRun{docs: map[string]outline.Doc{}}
		lo := opts
		lo.dry = d
		s, _, ph := loadSite(lg.view, lg.cfg, lo, &lg.errs)
		if s != nil {
			out.prefix = l.Prefix
			if _, _, _, err := writeSite(s, themeOf(lg.view, opts.Theme, lg.cfg, &lg.errs), lg.view, out, ph, lo, &lg.errs); err != nil {
				addAll(&lg.errs, err)
			}
		}
		lg.report(&errs)
		for f, doc := range d.docs {
			checked.Docs[lg.view.RealName(f)] = doc
		}
		if d.site == nil {
			continue
		}
		lg.rename(d)
		checked.Languages = append(checked.Languages, d.site)
		if l.Code == cfg.DefaultContentLanguage {
			checked.Site = d.site
		}
	}
	checked.Errors, checked.Warnings = errs.Errors(), errs.Warnings()
	return checked, nil
}

// rename names the pages and files of a language's dry run by the site's
// files ("content/en/news/a.md"), for check's rules. The build is done
// with them.
func (lg *language) rename(d *dryRun) {
	renamed := map[*content.Page]bool{}
	rename := func(p *content.Page) {
		if p != nil && !renamed[p] {
			renamed[p] = true
			p.File = lg.view.RealName(p.File)
			if p.Bundle != "" {
				p.Bundle = lg.view.RealName(p.Bundle)
			}
		}
	}
	for _, p := range d.all {
		rename(p)
	}
	rename(d.site.Home)
	for _, sec := range d.site.Sections {
		rename(sec.Page)
	}
	files := make(map[string]string, len(d.site.Files))
	for file, out := range d.site.Files {
		files[lg.view.RealName(file)] = out
	}
	d.site.Files = files
}

// withPages leaves out, with a warning, the languages that have no page
// yet (a translation not begun): Hugo builds them empty, the switcher
// would lead to nothing. The default language is always built.
func withPages(site *sitefs.FS, cfg *config.Config, errs *diag.List) *config.Config {
	var kept []config.Language
	for _, l := range cfg.Languages {
		if l.Code == cfg.DefaultContentLanguage || hasPages(newLangFS(site, cfg, l)) {
			kept = append(kept, l)
			continue
		}
		dir := l.ContentDir
		if dir == "" {
			dir = "content"
		}
		errs.Warnf(cfg.File, 0, "%s", lang.Sprintf("语言 %[1]s 在 %[2]s 中还没有页面，暂不生成，语言切换中也不列出",
			"language %[1]s has no pages in %[2]s yet: it is not built, nor listed by the language switcher", l.Code, dir))
	}
	if len(kept) == len(cfg.Languages) {
		return cfg
	}
	out := *cfg
	out.Languages = kept
	return &out
}

// hasPages reports a language's view with a Markdown file in content/.
func hasPages(view *langFS) bool {
	found := false
	fs.WalkDir(view, "content", func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() && isMarkdown(d.Name()) && !content.Ignored(d.Name()) {
			found = true
			return fs.SkipAll
		}
		return nil
	})
	return found
}
