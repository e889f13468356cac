package render

import (
	"fmt"
	"html/template"
	"reflect"
	"slices"
	"testing"
	"time"

	"showcase/internal/config"
	"showcase/internal/content"
	"showcase/internal/diag"
)

// everything is a layout that reaches every value a template can.
const everything = `{{ with .Site }}{{ .Home.Title }}{{ with .Search }}{{ .Title }}{{ end }}
{{ range .Sections }}{{ .Name }}{{ .Page.Title }}{{ range .Pages }}{{ .Title }}{{ end }}{{ end }}
{{ range .Pages }}{{ .Title }}{{ end }}{{ range .Profiles }}{{ .Title }}{{ end }}
{{ range .Taxonomies }}{{ .Title }}{{ range .Terms }}{{ .Name }}{{ len .Pages }}{{ with .Profile }}{{ .Title }}{{ end }}{{ end }}{{ end }}
{{ range .Facets }}{{ .Title }}{{ range .Values }}{{ .Name }}{{ len .Profiles }}{{ end }}{{ end }}
{{ range .Matrix }}{{ .Set.Name }}{{ range .Rows }}{{ .Profile.Title }}{{ .Total }}{{ range .Cells }}{{ len . }}{{ end }}{{ end }}{{ end }}
{{ range $k, $v := .ByPath }}{{ $k }}{{ end }}{{ range .Recent "news" 2 }}{{ .Title }}{{ end }}
{{ with .Section "news" }}{{ .Name }}{{ end }}{{ with .Taxonomy "tags" }}{{ .Title }}{{ end }}
{{ range .Evidence (index .Profiles 0) }}{{ .Name }}{{ range .Pages }}{{ .Title }}{{ end }}{{ end }}{{ end }}
{{ with .Page }}{{ .Title }}{{ .Content }}{{ with .Prev }}{{ .Title }}{{ end }}{{ with .Next }}{{ .Title }}{{ end }}
{{ range .Related }}{{ .Title }}{{ end }}{{ range .BranchPages }}{{ .Title }}{{ end }}{{ range .Links }}{{ .Name }}{{ end }}{{ end }}
{{ with .Pager }}{{ range .Pages }}{{ partialCached "item.html" . }}{{ end }}{{ end }}{{ range .Evidence }}{{ .Name }}{{ end }}
{{ with .Taxonomy }}{{ .Title }}{{ end }}{{ with .Term }}{{ .Name }}{{ end }}{{ with .Facet }}{{ .Title }}{{ end }}
{{ with .Value }}{{ .Name }}{{ end }}{{ with .Section }}{{ .Name }}{{ end }}`

// sample is a small assembled site: two profiles, news naming them with
// tags and criteria.
type sample struct {
	cfg   *config.Config
	pages []*content.Page
	site  *content.Site
}

var sampleNow = time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)

func newSample(t *testing.T) *sample {
	t.Helper()
	cfg := config.Default()
	parse := func(file, text string) *content.Page {
		p, problems := content.ParsePage(file, []byte(text), cfg)
		if len(problems) > 0 {
			t.Fatal(problems[0])
		}
		p.Content = template.HTML("<p>" + p.Title + "</p>")
		return p
	}
	s := &sample{cfg: cfg}
	s.pages = append(s.pages,
		parse("content/branches/b0.md", "+++\ntitle = \"甲支部\"\nkind = \"样板支部\"\nlevel = \"校级\"\n+++\n"),
		parse("content/branches/b1.md", "+++\ntitle = \"乙支部\"\nkind = \"样板支部\"\nstatus = \"立项\"\n+++\n"))
	for i := range 8 {
		s.pages = append(s.pages, parse(fmt.Sprintf("content/news/n%d.md", i), fmt.Sprintf(
			"+++\ntitle = \"新闻%d\"\ndate = 2025-01-%02d\ntags = [\"党建\", \"t%d\"]\nbranches = [%q]\ncriteria = [\"qgyl-%d\"]\n+++\n",
			i, i+1, i%3, []string{"甲支部", "b1"}[i%2], i%4+1)))
	}
	var errs diag.List
	content.Place(s.pages, &errs, false)
	s.site = content.Assemble(cfg, s.pages, sampleNow, &errs)
	if err := errs.Err(); err != nil {
		t.Fatal(err)
	}
	return s
}

// page is the page of file.
func (s *sample) page(file string) *content.Page {
	for _, p := range s.pages {
		if p.File == file {
			return p
		}
	}
	panic(file)
}

// data is what the everything layout is rendered with: a bit of every kind.
func (s *sample) data() *Data {
	news := s.site.Section("news")
	tags := s.site.Taxonomy("tags")
	return &Data{Kind: "single", Site: s.site, Page: news.Pages[2], Title: "t", Section: news,
		Pager: content.Paginate(news.Pages, 3, "news/")[1], Evidence: s.site.Evidence(s.site.Profiles[0]),
		Taxonomy: tags, Term: tags.Terms[0], Facet: s.site.Facets[0], Value: s.site.Facets[0].Values[0]}
}

func (s *sample) reassemble(edited map[*content.Page]bool) {
	var errs diag.List
	s.site = content.Reassemble(s.cfg, s.pages, sampleNow, &errs, edited)
}

func renderEverything(t *testing.T, s *sample) *Reads {
	t.Helper()
	set := testSet(t, map[string]string{
		"layouts/baseof.html":         `{{ block "main" . }}{{ end }}`,
		"layouts/_partials/item.html": `{{ .Title }}{{ range .BranchPages }}{{ .Title }}{{ end }}`,
		"layouts/everything.html":     everything,
	})
	_, reads, err := set.Execute("everything", "", s.data())
	if err != nil {
		t.Fatal(err)
	}
	return reads
}

// TestReadsFoundAgain: a layout that reaches every value records each kind
// of read, and finds every one of them again, unchanged, in another
// assembly of the same pages; an edit that moves a page is found.
func TestReadsFoundAgain(t *testing.T) {
	s := newSample(t)
	reads := renderEverything(t, s)
	seen := map[valueKind]bool{}
	for _, v := range reads.values {
		seen[v.key.kind] = true
	}
	for _, l := range reads.links {
		seen[l.kind] = true
	}
	for k := readPrev; k <= readRowCells; k++ {
		if !seen[k] {
			t.Errorf("no read of kind %d", k)
		}
	}
	if !reads.data.reached.pager || !reads.data.reached.evidence {
		t.Error("the pager or the evidence was not recorded")
	}
	s.reassemble(nil)
	if (&Changes{Site: s.site, Assembled: true, Planned: true}).Affects(reads, s.data()) {
		for _, v := range reads.values {
			if c := (&Changes{Site: s.site, Assembled: true, Planned: true}); c.sum(v.key) != v.sum {
				t.Errorf("read %+v is not found again", v.key)
			}
		}
	}
	moved := s.page("content/news/n1.md")
	moved.Date = moved.Date.AddDate(1, 0, 0)
	s.reassemble(map[*content.Page]bool{moved: true})
	if !(&Changes{Site: s.site, Assembled: true, Planned: true}).Affects(reads, s.data()) {
		t.Error("a page moved to the front of its section, and nothing read changed")
	}
}

// TestAssemblyChangesAreRead: when an edit of some pages, assembled again,
// changes fields of other pages (their neighbours, related items, the
// branches they name, the names of their terms), a layout that shows such
// a field of such a page is affected by the edit.
func TestAssemblyChangesAreRead(t *testing.T) {
	edits := []struct {
		name string
		edit func(s *sample) []*content.Page
	}{
		{"a date", func(s *sample) []*content.Page {
			p := s.page("content/news/n1.md")
			p.Date = p.Date.AddDate(0, 0, 5)
			return []*content.Page{p}
		}},
		{"tags", func(s *sample) []*content.Page {
			p := s.page("content/news/n4.md")
			p.Terms["tags"] = []string{"t2"}
			return []*content.Page{p}
		}},
		{"profiles trade titles", func(s *sample) []*content.Page {
			a, b := s.page("content/branches/b0.md"), s.page("content/branches/b1.md")
			a.Title, b.Title = b.Title, a.Title
			return []*content.Page{a, b}
		}},
	}
	pageType := reflect.TypeFor[content.Page]()
	layouts := map[string]string{"layouts/baseof.html": `{{ block "main" . }}{{ end }}`}
	for i := range pageType.NumField() {
		if f := pageType.Field(i); f.IsExported() {
			layouts["layouts/f-"+f.Name+".html"] = "{{ .Page." + f.Name + " }}"
		}
	}
	set := testSet(t, layouts)
	for _, e := range edits {
		s := newSample(t)
		reads := map[*content.Page]map[string]*Reads{}
		before := map[*content.Page]content.Page{}
		for _, p := range s.pages {
			before[p] = *p
			reads[p] = map[string]*Reads{}
			for i := range pageType.NumField() {
				if f := pageType.Field(i); f.IsExported() {
					_, r, err := set.Execute("f-"+f.Name, "", &Data{Site: s.site, Page: p})
					if err != nil {
						t.Fatal(err)
					}
					reads[p][f.Name] = r
				}
			}
		}
		edited := map[*content.Page]bool{}
		for _, p := range e.edit(s) {
			edited[p] = true
		}
		s.reassemble(edited)
		changes := &Changes{Site: s.site, Pages: edited, Assembled: true, Planned: true}
		changed := 0
		for _, p := range s.pages {
			if edited[p] {
				continue
			}
			was, now := reflect.ValueOf(before[p]), reflect.ValueOf(*p)
			for i := range pageType.NumField() {
				f := pageType.Field(i)
				if !f.IsExported() || sameField(was.Field(i), now.Field(i)) {
					continue
				}
				changed++
				if !changes.Affects(reads[p][f.Name], &Data{Site: s.site, Page: p}) {
					t.Errorf("%s: %s of %s changed, and a layout showing it is not affected", e.name, f.Name, p.File)
				}
			}
		}
		if changed == 0 {
			t.Errorf("%s: no other page changed: the edit tests nothing", e.name)
		}
	}
}

// sameField compares two values of a page's field; pages by identity.
func sameField(a, b reflect.Value) bool {
	switch v := a.Interface().(type) {
	case *content.Page:
		return v == b.Interface().(*content.Page)
	case []*content.Page:
		w := b.Interface().([]*content.Page)
		if len(v) != len(w) {
			return false
		}
		for i := range v {
			if v[i] != w[i] {
				return false
			}
		}
		return true
	}
	return reflect.DeepEqual(a.Interface(), b.Interface())
}

// TestCachedPartialRecordsForEveryOutput: what a cached partial read is
// recorded by each output that shows it, the first or a later one, and
// the output's own pager when the partial is given the output's Data.
func TestCachedPartialRecordsForEveryOutput(t *testing.T) {
	s := newSample(t)
	set := testSet(t, map[string]string{
		"layouts/baseof.html":          `{{ block "main" . }}{{ end }}`,
		"layouts/_partials/item.html":  `{{ .Title }}{{ with .Next }}{{ .Title }}{{ end }}`,
		"layouts/_partials/pager.html": `{{ range .Pager.Pages }}{{ .Title }}{{ end }}`,
		"layouts/list.html":            `{{ partialCached "item.html" .Page }}{{ partialCached "pager.html" . }}`,
	})
	d := s.data()
	for range 2 { // the second output finds the partial's result cached
		_, reads, err := set.Execute("list", "", d)
		if err != nil {
			t.Fatal(err)
		}
		if len(reads.links) == 0 || reads.links[0].of != d.Page || !reads.data.reached.pager {
			t.Errorf("the cached partials' reads are not the output's: links %v, pager %v", reads.links, reads.data.reached.pager)
		}
	}
}

// TestCachedPartialByVariants: a partial kept by variants (the theme's
// header by .NavKey) renders once for the outputs that share them, each
// of which records what it read of the site but not the first output's
// page; another variant renders again. Pages of one column share the
// header's key, a page of another column has its own.
func TestCachedPartialByVariants(t *testing.T) {
	s := newSample(t)
	set := testSet(t, map[string]string{
		"layouts/baseof.html":           `{{ block "main" . }}{{ end }}`,
		"layouts/_partials/header.html": `{{ .Page.Title }}:{{ range .Site.Sections }}{{ .Name }}{{ end }}`,
		"layouts/single.html":           `{{ define "main" }}{{ partialCached "header.html" . .NavKey }}{{ end }}`,
	})
	news := s.site.Section("news")
	render := func(p *content.Page) (string, *Reads) {
		t.Helper()
		d := s.data()
		d.Page = p
		out, reads, err := set.Execute("single", "news", d)
		if err != nil {
			t.Fatal(err)
		}
		return string(out), reads
	}
	first, _ := render(news.Pages[0])
	second, reads := render(news.Pages[1])
	if second != first {
		t.Errorf("the second page of the column rendered the header again: %q, want the first's %q", second, first)
	}
	for _, p := range reads.pages {
		if p == news.Pages[0] {
			t.Errorf("the second page records the first page, whose header it shows")
		}
	}
	if !slices.ContainsFunc(reads.values, func(v valueRead) bool { return v.key.kind == readSections }) {
		t.Errorf("the second page does not record the sections the header showed: %v", reads.values)
	}
	if other, _ := render(s.page("content/branches/b0.md")); other == first {
		t.Errorf("a page of another column shows the first column's header %q", other)
	}
	// the header of the column's own list reaches the column's page as
	// one of the sections' too: the pages that show it record that page
	set = testSet(t, map[string]string{
		"layouts/baseof.html":           `{{ block "main" . }}{{ end }}`,
		"layouts/_partials/header.html": `{{ .Page.Path }}:{{ range .Site.Sections }}{{ .Page.Title }}{{ end }}`,
		"layouts/single.html":           `{{ define "main" }}{{ partialCached "header.html" . .NavKey }}{{ end }}`,
	})
	render(news.Page)
	if _, reads = render(news.Pages[1]); !slices.Contains(reads.pages, news.Page) {
		t.Errorf("a page whose header shows the column's title does not record the column's page")
	}
	if _, err := set.partialCached("header.html", nil, []string{"a list"}); err == nil {
		t.Errorf("a list as a variant is no error")
	}
}
