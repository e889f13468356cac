package render

import (
	"bytes"
	"errors"
	"html/template"
	"io/fs"
	"sort"
	"strings"

	"showcase/internal/diag"
	"showcase/internal/lang"
)

// Shortcodes are the templates of Hugo shortcodes: layouts/_shortcodes/
// NAME.html, the site's own over the theme's (which has Hugo's built-in
// ones), and the site's layouts/shortcodes/NAME.html (Hugo's older folder),
// which wins over both. NAME may have folders: {{< docs/note >}} is
// layouts/_shortcodes/docs/note.html.
//
// A shortcode template sees a *Shortcode as its dot and may call the layout
// functions (see Funcs), the partials of layouts/_partials/ (and Hugo's
// older layouts/partials/), and the Hugo functions shortcodes commonly use
// (see shortcodeFuncs). Each template is parsed alone: one that does not
// parse is an error only where a page calls it.
type Shortcodes struct {
	set    *Set
	byName map[string]*entry // "figure" → its template or why it has none
}

// ShortcodeOptions is what shortcode templates need from the build besides
// the Env.
type ShortcodeOptions struct {
	// Markdownify renders Markdown outside any page: the markdownify
	// function. Nil renders nothing.
	Markdownify func(src string) (template.HTML, error)
	// Warn receives the messages of warnf.
	Warn func(msg string)
}

// LoadShortcodes parses the shortcode templates and the partials they may
// call. It does not fail: a template with an error keeps it for Execute.
func LoadShortcodes(fsys fs.FS, env *Env, opts ShortcodeOptions) *Shortcodes {
	s := &Set{fsys: fsys, env: env, byName: map[string]*entry{}}
	s.words, _ = siteWords(fsys, env.Config) // a broken i18n file: render.Load reports it, the theme's words meanwhile
	s.base = template.New("").Funcs(env.funcs(s)).Funcs(shortcodeFuncs(opts)).Funcs(template.FuncMap{"readDir": readDir(fsys)})
	// partials that do not parse are skipped: render.Load reports those of
	// _partials/, and Hugo's partials/ may be written for Hugo's own layouts
	for _, f := range globHTML(fsys, "layouts/_partials") {
		parseInto(s.base, fsys, f, strings.TrimPrefix(f, "layouts/"))
	}
	for _, f := range globHTML(fsys, "layouts/partials") {
		name := "_partials/" + strings.TrimPrefix(f, "layouts/partials/")
		if s.base.Lookup(name) == nil {
			parseInto(s.base, fsys, f, name)
		}
	}
	sc := &Shortcodes{set: s, byName: map[string]*entry{}}
	files := map[string]string{} // name → file; the older folder last, so it wins
	for _, dir := range []string{"layouts/_shortcodes", "layouts/shortcodes"} {
		for _, f := range globHTML(fsys, dir) {
			files[strings.TrimSuffix(strings.TrimPrefix(f, dir+"/"), ".html")] = f
		}
	}
	for name, f := range files {
		sc.byName[name] = sc.parse(f)
	}
	var err error
	if s.partials, err = s.base.Clone(); err != nil {
		s.partials = template.Must(template.New("").Parse("")) // partial calls fail: "not found"
	}
	return sc
}

// globHTML lists the .html files below dir, folders included, sorted.
func globHTML(fsys fs.FS, dir string) []string {
	var out []string
	fs.WalkDir(fsys, dir, func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() && strings.HasSuffix(p, ".html") {
			out = append(out, p)
		}
		return nil
	})
	sort.Strings(out)
	return out
}

// parseInto adds file f to t as the template name; one that does not parse
// is left out.
func parseInto(t *template.Template, fsys fs.FS, f, name string) {
	data, err := fs.ReadFile(fsys, f)
	if err != nil {
		return
	}
	if _, err := template.Must(t.Clone()).New(name).Parse(string(data)); err != nil {
		return // tried on a copy: a failed parse may leave t half-defined
	}
	t.New(name).Parse(string(data))
}

// parse reads one shortcode template into a copy of the partials.
func (sc *Shortcodes) parse(f string) *entry {
	e := &entry{file: f}
	data, err := fs.ReadFile(sc.set.fsys, f)
	if err != nil {
		e.err = diag.Errorf(f, 0, "%s", lang.Sprintf("无法读取短代码模板", "cannot read: %v", err))
		return e
	}
	clone, err := sc.set.base.Clone()
	if err != nil {
		e.err = diag.Errorf(f, 0, "%v", err)
		return e
	}
	t, err := clone.New(strings.TrimPrefix(f, "layouts/")).Parse(string(data))
	if err != nil {
		e.err = templateProblem(err)
		return e
	}
	e.tmpl = t
	return e
}

// Has reports whether a shortcode of that name has a template (which may
// not parse).
func (sc *Shortcodes) Has(name string) bool { return sc.byName[name] != nil }

// File is the template file of a shortcode, "layouts/_shortcodes/figure.html".
func (sc *Shortcodes) File(name string) string {
	if e := sc.byName[name]; e != nil {
		return e.file
	}
	return ""
}

// Execute runs the shortcode's template. Errors name the template file and
// line (a message of errorf stands alone); a panic is caught.
func (sc *Shortcodes) Execute(name string, dot *Shortcode) (out string, err error) {
	e := sc.byName[name]
	if e == nil {
		return "", lang.Errorf("没有这个短代码的模板", "no template for shortcode %q", name)
	}
	if e.err != nil {
		return "", e.err
	}
	defer func() {
		if r := recover(); r != nil {
			out, err = "", diag.Errorf(e.file, 0, "%s", lang.Sprintf("模板执行出错", "template panicked: %v", r))
		}
	}()
	var buf bytes.Buffer
	if err := e.tmpl.Execute(&buf, dot); err != nil {
		var raised *raisedError
		if errors.As(err, &raised) {
			return "", raised
		}
		return "", templateProblem(err)
	}
	return buf.String(), nil
}

// raisedError is an error a template raised itself, with errorf.
type raisedError struct{ msg string }

func (e *raisedError) Error() string { return e.msg }
