package build

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"testing/fstest"

	"showcase"
	"showcase/internal/content"
	"showcase/internal/diag"
	"showcase/internal/markdown"
	"showcase/internal/render"
)

// demoSession is a session after a full build of the repository's demo site.
func demoSession(t *testing.T) *Session {
	t.Helper()
	root, _ := filepath.Abs("../..")
	sess := NewSession(Options{Source: root, Destination: filepath.Join(t.TempDir(), "public"), Theme: showcase.Theme(), Now: fixedNow})
	t.Cleanup(sess.Close)
	if _, err := sess.Build(); err != nil {
		t.Fatal(err)
	}
	// The tests change the pages in memory as a rebuild would, so they wait,
	// as a rebuild does, for the search snapshot the build took behind it.
	sess.index.snapshotted()
	return sess
}

// TestNothingChangedAffectsNothing: what every output of the demo site read
// while it rendered is found again, unchanged, in the same site, in the
// site's plan made again, and in another assembly of the same pages; so an
// edit renders again only what it changes.
func TestNothingChangedAffectsNothing(t *testing.T) {
	last := demoSession(t).last
	opts := Options{Now: fixedNow}
	same := &render.Changes{Site: last.site, Assembled: true, Planned: true}
	for _, j := range last.jobs {
		if j.reads == nil || same.Affects(j.reads, j.data) {
			t.Errorf("%s: affected by no change", j.path)
		}
	}
	var errs diag.List
	site := content.Reassemble(last.site.Config, last.ix.Published, opts.Now, &errs, nil)
	site.Files = last.ix.Files
	again := &render.Changes{Site: site, Assembled: true, Planned: true}
	jobs := append(plan(site, opts), planAliases(site)...)
	if len(jobs) != len(last.jobs) {
		t.Fatalf("%d jobs, then %d", len(last.jobs), len(jobs))
	}
	for i, j := range jobs {
		if again.Affects(last.jobs[i].reads, j.data) {
			t.Errorf("%s: affected by assembling the same pages again", j.path)
		}
	}
}

// TestTakeParse: a new parse of an unchanged file, taken into a page of a
// full build, leaves the page as the build made it: takeParse keeps every
// field the steps after parsing set.
func TestTakeParse(t *testing.T) {
	sess := demoSession(t)
	last := sess.last
	cfg := last.site.Config
	for _, p := range last.ix.Published {
		data, err := os.ReadFile(filepath.Join(sess.opts.Source, filepath.FromSlash(p.File)))
		if err != nil {
			t.Fatal(err)
		}
		fresh, problems := content.ParsePage(p.File, data, cfg)
		if len(problems) > 0 {
			t.Fatal(problems[0])
		}
		images := false
		res := sess.md.Render(fresh.Body, markdown.Doc{Resolver: newMarkdownResolver(last.ix, last.photos, p, &images), LineOffset: fresh.BodyLine - 1})
		taken := *p
		takeParse(&taken, fresh, res, cfg)
		was, now := reflect.ValueOf(*p), reflect.ValueOf(taken)
		for i := range was.NumField() {
			if f := was.Type().Field(i); f.IsExported() && !reflect.DeepEqual(was.Field(i).Interface(), now.Field(i).Interface()) {
				t.Errorf("%s: %s is not what the full build made", p.File, f.Name)
			}
		}
	}
}

// TestBodyEditChangesOnlyBody: the fields of a page that an edit of its
// body alone changes are those a layout reads as its body: a layout that
// shows any of them is affected by a change of the body.
func TestBodyEditChangesOnlyBody(t *testing.T) {
	const file = "content/news/a.md"
	text := "+++\ntitle = \"甲\"\ndate = 2025-01-01\nsummary = \"摘要\"\n+++\n# 一\n\n正文甲。\n"
	src := makeSite(t, map[string]string{"site.toml": "title = \"t\"\n", file: text})
	r := newSessionRun(t, src)
	r.step("first build", false, nil)
	last := r.sess.last
	page := last.ix.Pages[file]
	layouts := fstest.MapFS{"layouts/baseof.html": {Data: []byte(`{{ block "main" . }}{{ end }}`)}}
	pageType := reflect.TypeFor[content.Page]()
	for i := range pageType.NumField() {
		if f := pageType.Field(i); f.IsExported() {
			layouts["layouts/f-"+f.Name+".html"] = &fstest.MapFile{Data: []byte("{{ .Page." + f.Name + " }}")}
		}
	}
	set, err := render.Load(layouts, &render.Env{Config: last.site.Config})
	if err != nil {
		t.Fatal(err)
	}
	reads := map[string]*render.Reads{}
	for i := range pageType.NumField() {
		if f := pageType.Field(i); f.IsExported() {
			if _, reads[f.Name], err = set.Execute("f-"+f.Name, "", &render.Data{Site: last.site, Page: page}); err != nil {
				t.Fatal(err)
			}
		}
	}
	before := *page
	r.step("body edit", true, r.write(file, strings.Replace(text, "正文甲。", "正文甲，改过了。\n\n## 二\n", 1)))
	ch := &render.Changes{Site: last.site, Bodies: map[*content.Page]bool{page: true}}
	was, now := reflect.ValueOf(before), reflect.ValueOf(*page)
	changed := 0
	for i := range pageType.NumField() {
		f := pageType.Field(i)
		if !f.IsExported() || reflect.DeepEqual(was.Field(i).Interface(), now.Field(i).Interface()) {
			continue
		}
		changed++
		if !ch.Affects(reads[f.Name], &render.Data{Site: last.site, Page: page}) {
			t.Errorf("a body edit changes %s, and a layout showing it is not affected by a change of the body", f.Name)
		}
	}
	if changed == 0 {
		t.Error("the body edit changed no field")
	}
}
