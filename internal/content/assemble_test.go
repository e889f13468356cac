package content

import (
	"fmt"
	"reflect"
	"strings"
	"testing"
	"time"

	"showcase/internal/config"
	"showcase/internal/diag"
)

// assembled writes down everything Assemble makes of pages: lists, terms,
// facets, the matrix, evidence, and each page's links.
func assembled(s *Site, pages []*Page) string {
	var b strings.Builder
	files := func(ps []*Page) {
		for _, p := range ps {
			if p == nil {
				b.WriteString("- ")
			} else {
				b.WriteString(p.File + " ")
			}
		}
		b.WriteString("\n")
	}
	files(s.Pages)
	files(s.Profiles)
	for _, sec := range s.Sections {
		b.WriteString(sec.Name + ": ")
		files(sec.Pages)
	}
	for _, t := range s.Taxonomies {
		for _, term := range t.Terms {
			fmt.Fprintf(&b, "%s %s %s %s: ", t.Plural, term.Name, term.Slug, term.Path)
			files(append([]*Page{term.Profile}, term.Pages...))
		}
	}
	for _, f := range s.Facets {
		for _, v := range f.Values {
			fmt.Fprintf(&b, "%s %s %s: ", f.Key, v.Name, v.Path)
			files(v.Profiles)
		}
	}
	for _, m := range s.Matrix {
		for _, row := range m.Rows {
			fmt.Fprintf(&b, "%s %s %d: ", m.Set.Kind, row.Profile.File, row.Total)
			for _, c := range row.Cells {
				files(c)
			}
		}
	}
	for _, prof := range s.Profiles {
		for _, ev := range s.Evidence(prof) {
			fmt.Fprintf(&b, "%s %s %s: ", prof.File, ev.ID, ev.Set)
			files(ev.Pages)
		}
	}
	for _, p := range pages {
		b.WriteString(p.File + ": ")
		files(append(append([]*Page{p.Prev, p.Next}, p.Related...), p.BranchPages...))
		fmt.Fprintln(&b, p.Links)
	}
	return b.String()
}

// changeField sets field i of page q to another value of its type.
func changeField(q *Page, i int) bool {
	f := reflect.ValueOf(q).Elem().Field(i)
	switch v := f.Addr().Interface().(type) {
	case *string:
		*v = "改" + *v
	case *time.Time:
		*v = v.AddDate(0, 0, 1)
	case *int:
		*v++
	case *bool:
		*v = !*v
	case *[]string:
		*v = append(append([]string{}, *v...), "qgyl-2")
	case *map[string][]string:
		m := map[string][]string{}
		for k, list := range *v {
			m[k] = list
		}
		m["tags"] = append(append([]string{}, m["tags"]...), "新标签")
		*v = m
	case *map[string]any:
		*v = map[string]any{"extra": 1}
	case *Byline:
		v.Author += "改"
	case **Profile:
		*v = &Profile{Kind: "标杆院系"}
	case *[]Photo:
		*v = append(append([]Photo{}, *v...), Photo{Src: "x.jpg"})
	case *[]byte:
		*v = append(append([]byte{}, *v...), '.')
	default:
		return false // what the build sets after parsing: no parse changes it
	}
	return true
}

// TestAssemblesLike changes each field of each page in turn: where
// AssemblesLike says that Assemble, given the changed page, orders and
// links every page as before, Assemble does. The fields fixed by the
// page's file and URL (File, Kind, Section, Bundle, Path) stay, as they do
// in a newer parse of the same file at the same URL.
func TestAssemblesLike(t *testing.T) {
	cfg := config.Default()
	parse := func(file, text string) *Page { return mustParse(t, cfg, file, text) }
	pages := []*Page{
		parse("content/branches/b0.md", "+++\ntitle = \"甲支部\"\nkind = \"样板支部\"\nlevel = \"校级\"\n+++\n"),
		parse("content/branches/b1.md", "+++\ntitle = \"乙支部\"\nkind = \"样板支部\"\n+++\n"),
	}
	for i := range 6 {
		pages = append(pages, parse(fmt.Sprintf("content/news/n%d.md", i), fmt.Sprintf(
			"+++\ntitle = \"新闻%d\"\ndate = 2025-01-%02d\ntags = [\"党建\", \"t%d\"]\nbranches = [%q]\ncriteria = [\"qgyl-%d\"]\n+++\n",
			i, i/2+1, i%3, []string{"甲支部", "b1"}[i%2], i%4+1)))
	}
	var errs diag.List
	Place(pages, &errs, false)
	now := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	want := assembled(Assemble(cfg, pages, now, &errs), pages)
	fixed := map[string]bool{"File": true, "Kind": true, "Section": true, "Bundle": true, "Path": true}
	alike := 0
	for _, p := range pages {
		for i := range reflect.TypeFor[Page]().NumField() {
			f := reflect.TypeFor[Page]().Field(i)
			q := *p
			if !f.IsExported() || fixed[f.Name] || !changeField(&q, i) || !p.AssemblesLike(&q, pages) {
				continue
			}
			alike++
			kept := *p
			*p = q
			got := assembled(Assemble(cfg, pages, now, &diag.List{}), pages)
			*p = kept
			if got != want {
				t.Errorf("%s: another %s assembles otherwise, but AssemblesLike says it does not", p.File, f.Name)
			}
		}
	}
	Assemble(cfg, pages, now, &errs)
	if alike == 0 {
		t.Error("AssemblesLike said no to every change: the test tests nothing")
	}
}
