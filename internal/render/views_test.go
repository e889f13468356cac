package render

import (
	"reflect"
	"testing"

	"showcase/internal/content"
)

// viewed pairs each content type a template may reach with its view.
var viewed = []struct{ value, view reflect.Type }{
	{reflect.TypeFor[content.Page](), reflect.TypeFor[*pageView]()},
	{reflect.TypeFor[content.Site](), reflect.TypeFor[*siteView]()},
	{reflect.TypeFor[content.Section](), reflect.TypeFor[*sectionView]()},
	{reflect.TypeFor[content.Taxonomy](), reflect.TypeFor[*taxonomyView]()},
	{reflect.TypeFor[content.Term](), reflect.TypeFor[*termView]()},
	{reflect.TypeFor[content.Facet](), reflect.TypeFor[*facetView]()},
	{reflect.TypeFor[content.FacetValue](), reflect.TypeFor[*valueView]()},
	{reflect.TypeFor[content.Matrix](), reflect.TypeFor[*matrixView]()},
	{reflect.TypeFor[content.MatrixRow](), reflect.TypeFor[*rowView]()},
	{reflect.TypeFor[content.Evidence](), reflect.TypeFor[*evidenceView]()},
	{reflect.TypeFor[content.Pager](), reflect.TypeFor[*pagerView]()},
	{reflect.TypeFor[Data](), reflect.TypeFor[*dot]()},
}

// reaches says whether a value of type t leads to a viewed value.
func reaches(t reflect.Type, seen map[reflect.Type]bool) bool {
	for _, v := range viewed {
		if t == v.value {
			return true
		}
	}
	if seen[t] {
		return false
	}
	seen[t] = true
	switch t.Kind() {
	case reflect.Pointer, reflect.Slice, reflect.Array:
		return reaches(t.Elem(), seen)
	case reflect.Map:
		return reaches(t.Key(), seen) || reaches(t.Elem(), seen)
	case reflect.Struct:
		for i := range t.NumField() {
			if t.Field(i).IsExported() && reaches(t.Field(i).Type, seen) {
				return true
			}
		}
	}
	return false
}

// TestViewsRecordEveryWay: every exported field and method of a content
// type that leads to a page (or to another content type templates see) is
// shadowed by a method of its view, which records the read; so are the
// fields of a page that rendering its Markdown sets.
func TestViewsRecordEveryWay(t *testing.T) {
	for _, v := range viewed {
		shadowed := func(name string) bool { _, ok := v.view.MethodByName(name); return ok }
		for i := range v.value.NumField() {
			f := v.value.Field(i)
			if f.IsExported() && reaches(f.Type, map[reflect.Type]bool{}) && !shadowed(f.Name) {
				t.Errorf("%s.%s leads to a page: %s needs a method %s that records it", v.value, f.Name, v.view, f.Name)
			}
		}
		ptr := reflect.PointerTo(v.value)
		for i := range ptr.NumMethod() {
			m := ptr.Method(i)
			for j := range m.Type.NumOut() {
				if reaches(m.Type.Out(j), map[reflect.Type]bool{}) && !shadowed(m.Name) {
					t.Errorf("%s.%s leads to a page: %s needs a method %s that records it", ptr, m.Name, v.view, m.Name)
				}
			}
		}
	}
	for _, body := range []string{"Content", "TOC", "Plain", "Body", "BodyLine"} {
		if _, ok := reflect.TypeFor[*pageView]().MethodByName(body); !ok {
			t.Errorf("a page's %s is its body: pageView needs a method that records it", body)
		}
	}
}

// TestDataReadCoversData: a change of any field of Data a view does not
// record (its scalars) changes its dataRead, but Head, which the build
// sets at the last moment and is the same for every build of a session.
func TestDataReadCoversData(t *testing.T) {
	dotType := reflect.TypeFor[*dot]()
	base := Data{Page: &content.Page{}, Crumbs: []Crumb{{Title: "首页"}}}
	for i := range reflect.TypeFor[Data]().NumField() {
		f := reflect.TypeFor[Data]().Field(i)
		if _, shadowed := dotType.MethodByName(f.Name); shadowed && f.Name != "Page" || f.Name == "Head" {
			continue
		}
		d := base
		d.Crumbs = []Crumb{{Title: "首页"}}
		fv := reflect.ValueOf(&d).Elem().Field(i)
		switch fv.Kind() {
		case reflect.String:
			fv.SetString("x")
		case reflect.Bool:
			fv.SetBool(true)
		case reflect.Slice: // the crumbs
			d.Crumbs[0].Last = true
		case reflect.Pointer: // the page
			d.Page = &content.Page{Title: "x"}
		default:
			t.Fatalf("Data.%s: no change for its kind %s", f.Name, fv.Kind())
		}
		if r := readData(&base); !r.changed(&d) {
			t.Errorf("dataRead misses Data.%s", f.Name)
		}
	}
}
