// Package render executes the site's html/template layouts.
//
// Layouts live in layouts/ (the site's own files over the theme embedded in
// the binary, file by file). Every page is rendered by baseof.html with the
// "main" block of its kind's layout; the layout is looked up as
// "<section>/<kind>.html", then "<kind>.html", so a site can give one column
// its own look (layouts/photos/single.html). Partials live in
// layouts/_partials/ and are called with {{ partial "name.html" . }}. A
// layout that defines no "main" block is executed on its own (alias.html).
//
// The kinds are home, list (a section), single (a page), taxonomy, term,
// profile (a branch's page), showcase (the profile index and its facet pages),
// matrix and 404. What a template sees is described by Data; the functions
// it may call by Funcs.
//
// # What a layout read
//
// A layout sees the site through views: a page, a section, a term, the
// site itself are shown to it as values of the content package wrapped in
// a view of the render that reads as the value does (.Title, .Date,
// .Params, .Pages, .Site.Recent "news" 3) and records, while the layout
// runs, what it reached: the pages (their fields), the pages whose body it
// showed (.Content, .TOC, .Plain), the links assembly set (.Prev, .Next,
// .Related, .BranchPages, .Links), the lists and other values it reached
// through the site (a section's pages, a term's, the facets, the matrix),
// and its own Data. Execute returns that record (Reads) with the HTML. An
// incremental build (the preview) keeps it and, after an edit, asks
// Changes which outputs read something the edit changed: so no one has to
// say by hand which layout shows what, and a site's own layouts that show
// other pages are rendered again when those pages change.
//
// Reaching a list records every page in it (a layout that shows the first
// three of a section's pages depends on all of them; .Site.Recent
// "news" 3 depends on the three). A partialCached result keeps what its
// partial read, and every output that shows it records that too.
//
// Errors name the layout file and line; a panic inside a template is caught
// and reported as an error of that template.
package render

import (
	"bytes"
	"errors"
	"html/template"
	"io/fs"
	"path"
	"reflect"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"

	"showcase/internal/diag"
	"showcase/internal/lang"
)

// Set is the parsed layouts of a site.
type Set struct {
	fsys     fs.FS
	base     *template.Template // baseof.html and the partials
	partials *template.Template // a clone of base that partial calls execute
	env      *Env
	byName   map[string]*entry // "single.html", "photos/single.html" → parsed layout
	cached   sync.Map          // partialCached results (cached) by cacheKey
	statics  sync.Map          // path below static/ → whether the site or theme has it
	words    *vocabulary       // i18n: the site's words (i18n/) over the theme's
	// ownPartials: the site has partials of its own, which a theme's
	// partialCached "header.html" . key would keep by the key alone; one
	// written for the site may show something of its page, so then every
	// partialCached keeps by its data, as without a key
	ownPartials bool
}

type entry struct {
	tmpl       *template.Template
	standalone bool
	file       string
	err        error
	// extra is the most an output of the layout has added to its page's
	// body: the next one's buffer starts as large, where growing it from
	// nothing copied each page's bytes several times over
	extra atomic.Int64
}

// Load parses baseof.html and every partial from layouts/ in fsys. Every
// broken file is reported at once.
func Load(fsys fs.FS, env *Env) (*Set, error) {
	s := &Set{fsys: fsys, env: env, byName: map[string]*entry{}}
	s.base = template.New("baseof.html").Funcs(env.funcs(s))
	var errs diag.List
	brokenOverrides(env.Site, &errs)
	var err error
	if s.words, err = siteWords(fsys, env.Config); err != nil {
		errs.Add("i18n", err)
	}
	if env.Site != nil {
		own, _ := fs.Glob(env.Site, "layouts/_partials/*.html")
		s.ownPartials = len(own) > 0
	}
	files := []string{"layouts/baseof.html"}
	partials, _ := fs.Glob(fsys, "layouts/_partials/*.html")
	sort.Strings(partials)
	files = append(files, partials...)
	for _, f := range files {
		data, err := fs.ReadFile(fsys, f)
		if err != nil {
			errs.Errorf(f, 0, "%s", lang.Sprintf("无法读取这个模板文件", "cannot read layout: %v", err))
			continue
		}
		name := strings.TrimPrefix(f, "layouts/")
		t := s.base
		if name != "baseof.html" {
			t = s.base.New(name)
		} else if p := emptyLayout(f, data); p != nil {
			errs.Add(f, p)
			continue
		}
		if _, err := t.Parse(string(data)); err != nil {
			errs.Add(f, templateProblem(err))
		}
	}
	if err := errs.Err(); err != nil {
		return nil, err
	}
	// html/template cannot clone a set once it has run, so every layout is
	// parsed now, before anything executes.
	layouts, _ := fs.Glob(fsys, "layouts/*.html")
	nested, _ := fs.Glob(fsys, "layouts/*/*.html")
	for _, f := range append(layouts, nested...) {
		name := strings.TrimPrefix(f, "layouts/")
		if name == "baseof.html" || strings.HasPrefix(name, "_") || strings.HasPrefix(name, "shortcodes/") { // shortcodes/: Hugo's older folder, see Shortcodes
			continue
		}
		e := s.parse(name)
		if e.err != nil {
			errs.Add(e.file, e.err)
		}
		s.byName[name] = e
	}
	if err := errs.Err(); err != nil {
		return nil, err
	}
	if s.partials, err = s.base.Clone(); err != nil {
		return nil, err
	}
	return s, nil
}

func (s *Set) lookup(kind, section string) string {
	if section != "" {
		if _, ok := s.byName[section+"/"+kind+".html"]; ok {
			return section + "/" + kind + ".html"
		}
	}
	if _, ok := s.byName[kind+".html"]; ok {
		return kind + ".html"
	}
	return ""
}

func (s *Set) get(kind, section string) *entry {
	name := s.lookup(kind, section)
	if name == "" {
		file := "layouts/" + kind + ".html"
		return &entry{file: file, err: diag.Errorf(file, 0, "%s", lang.Sprintf("缺少模板 %[2]s：这类页面无法生成", "missing layout for %[1]s pages", kind, kind+".html"))}
	}
	return s.byName[name]
}

func (s *Set) parse(name string) *entry {
	e := &entry{file: "layouts/" + name}
	data, err := fs.ReadFile(s.fsys, e.file)
	if err != nil {
		e.err = diag.Errorf(e.file, 0, "%s", lang.Sprintf("无法读取这个模板文件", "cannot read layout: %v", err))
		return e
	}
	if p := emptyLayout(e.file, data); p != nil {
		e.err = p
		return e
	}
	clone, err := s.base.Clone()
	if err != nil {
		e.err = diag.Errorf(e.file, 0, "%v", err)
		return e
	}
	t, err := clone.New(name).Parse(string(data))
	if err != nil {
		e.err = templateProblem(err)
		return e
	}
	e.standalone = !definesMain(string(data))
	if e.standalone {
		e.tmpl = t
	} else {
		e.tmpl = clone
	}
	return e
}

var defineMain = regexp.MustCompile(`\{\{-?\s*(define|block)\s+"main"`)

func definesMain(src string) bool { return defineMain.MatchString(src) }

// maxExtra bounds the room an output's buffer starts with besides its
// page's body (see entry.extra).
const maxExtra = 1 << 20

// Execute renders the layout of kind for section with data. The Reads say
// what the layout read of the site (see Changes).
func (s *Set) Execute(kind, section string, data *Data) (out []byte, reads *Reads, err error) {
	return s.ExecuteInto(nil, kind, section, data)
}

// ExecuteInto is Execute writing into buf's room (buf[:0]): a caller that
// is done with one page's bytes before the next renders them all in one
// buffer instead of a new one each. The output is buf when it fit.
func (s *Set) ExecuteInto(buf []byte, kind, section string, data *Data) (out []byte, reads *Reads, err error) {
	e := s.get(kind, section)
	if e.err != nil {
		return nil, nil, e.err
	}
	defer func() {
		if r := recover(); r != nil {
			out, reads, err = nil, nil, diag.Errorf(e.file, 0, "%s", lang.Sprintf("模板执行出错", "template panicked: %v", r))
		}
	}()
	body := 0
	if data.Page != nil {
		body = len(data.Page.Content)
	}
	if want := body + int(min(e.extra.Load(), maxExtra)); cap(buf) < want {
		buf = make([]byte, 0, want)
	}
	w := bytes.NewBuffer(buf[:0])
	rec := newRecorder()
	if err := e.tmpl.Execute(w, newDot(data, rec)); err != nil {
		return nil, nil, templateProblem(err)
	}
	for extra := int64(w.Len() - body); ; {
		seen := e.extra.Load()
		if extra <= seen || e.extra.CompareAndSwap(seen, extra) {
			break
		}
	}
	return w.Bytes(), rec.done(), nil
}

// Partial executes a partial by name; templates call it through the partial function.
func (s *Set) partial(name string, data any) (template.HTML, error) {
	if !strings.HasPrefix(name, "_partials/") {
		name = "_partials/" + name
	}
	t := s.partials.Lookup(name)
	if t == nil || name == "baseof.html" {
		return "", lang.Errorf("layouts/_partials/ 中找不到局部模板 %[1]q", "partial %[1]q not found in layouts/_partials/", name)
	}
	buf := partialBuffers.Get().(*bytes.Buffer)
	defer partialBuffers.Put(buf)
	buf.Reset()
	if err := t.Execute(buf, data); err != nil {
		return "", err
	}
	return template.HTML(buf.String()), nil
}

// partialBuffers hold a partial's output until it is copied into a string:
// one buffer grown once, where a new one grew for every call.
var partialBuffers = sync.Pool{New: func() any { return new(bytes.Buffer) }}

// cacheKey names one partialCached result: the partial and its data, which
// must be comparable (a page, a string…); a view counts as what it shows.
type cacheKey struct {
	name string
	data any
}

// cached is a partialCached result and what the partial read.
type cached struct {
	html  template.HTML
	reads *Reads
}

// partialCached runs a partial once per build for each distinct data value,
// as Hugo's partialCached does: a list item of a page renders once, however
// many lists show it. The partial must depend on nothing but its data. It
// runs with a recorder of its own, and every output that shows the result
// records what the partial read.
//
// Given variants (partialCached "footer.html" . "site"), as Hugo's, the
// result is kept by the partial's name and the variants alone, whatever
// the data: the partial must depend on its data only through them (the
// header by which menu entries are current, see dot.NavKey). What it read
// of the data's own page is not kept with it: each output that shows it
// records its own page itself (unless the partial reached it some other
// way too, as the header of a section's list reaches the section's page).
func (s *Set) partialCached(name string, data any, variants ...any) (template.HTML, error) {
	shown, rec := unview(data)
	key := cacheKey{name, shown}
	if s.ownPartials {
		variants = nil
	}
	if len(variants) > 0 {
		k, err := variantKey(variants)
		if err != nil {
			return "", err
		}
		key.data = k
	}
	v, ok := s.cached.Load(key)
	if !ok {
		own := newRecorder()
		if d, ok := shown.(*Data); ok && len(variants) > 0 {
			own.ownPage = d.Page
		}
		h, err := s.partial(name, review(data, own))
		if err != nil {
			return "", err
		}
		reads := own.done()
		if own.ownPage != nil && !own.ownPageElsewhere {
			reads.forget(own.ownPage)
		}
		v, _ = s.cached.LoadOrStore(key, cached{h, reads})
	}
	c := v.(cached)
	if rec != nil {
		rec.merge(c.reads)
	}
	return c.html, nil
}

// variants is a partialCached key of more than one variant.
type variants [4]any

// variantKey is what partialCached keeps a result by for its variants: a
// view counts as what it shows, each must be comparable.
func variantKey(vs []any) (any, error) {
	var k variants
	if len(vs) > len(k) {
		return nil, lang.Errorf("partialCached 最多接受 %[2]d 个变体参数", "partialCached takes at most %[2]d variants, got %[1]d", len(vs), len(k))
	}
	for i, v := range vs {
		v, _ = unview(v)
		if v != nil && !reflect.ValueOf(v).Comparable() {
			return nil, lang.Errorf("partialCached 的变体参数不能是列表或字典（%[1]T）", "partialCached: a variant cannot be a list or map (%[1]T)", v)
		}
		k[i] = v
	}
	return k, nil
}

// Forget drops the partialCached results, for a Set used again after the
// pages they showed have changed (an incremental build).
func (s *Set) Forget() { s.cached.Clear() }

var templateError = regexp.MustCompile(`^template: ([^:]+):(\d+):(?:\d+:)?\s*(.*)$`)

// templateProblem turns html/template's "template: name:line: msg" into a
// file:line problem under layouts/.
func templateProblem(err error) error {
	var p *diag.Problem
	if errors.As(err, &p) {
		return p
	}
	msg := err.Error()
	if m := templateError.FindStringSubmatch(strings.SplitN(msg, "\n", 2)[0]); m != nil {
		line, _ := strconv.Atoi(m[2])
		name := m[1]
		if !strings.HasPrefix(name, "_partials/") && path.Ext(name) == "" {
			name += ".html"
		}
		return diag.Errorf("layouts/"+name, line, "%s (模板错误)", m[3])
	}
	return diag.Errorf("layouts", 0, "%s", msg)
}

// static reports whether p ("css/site.css") is a file of static/, the
// site's or the theme's.
func (s *Set) static(p string) bool {
	if i := strings.IndexAny(p, "?#"); i >= 0 {
		p = p[:i]
	}
	if p == "" || strings.HasSuffix(p, "/") {
		return false
	}
	if v, ok := s.statics.Load(p); ok {
		return v.(bool)
	}
	info, err := fs.Stat(s.fsys, "static/"+p)
	has := err == nil && !info.IsDir()
	s.statics.Store(p, has)
	return has
}
