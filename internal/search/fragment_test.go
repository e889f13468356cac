package search

import (
	"encoding/json"
	"reflect"
	"testing"
)

// TestPackedFragment: a pack leaves out the section and facets, keeps
// headings that are lines of the text as line numbers and a summary that
// begins it as a length, and unpack gives them back as they were.
func TestPackedFragment(t *testing.T) {
	for _, f := range []fragment{
		{URL: "a/", Title: "标题", Section: "news", Text: "第一段𠀀。\n一、概况\n正文\n二、成效", Headings: "一、概况\n二、成效",
			Summary: "第一段𠀀。", Facets: map[string][]string{"branches": {"支部"}}},
		{URL: "b/", Title: "标题", Text: "正文\n一、概况", Headings: "一、概况\n不在正文", Summary: "摘要"},
		{URL: "c/", Title: "标题", Text: "正文", Headings: "正文\n\n正文"},
	} {
		var got fragment
		if err := json.Unmarshal(f.packed(), &got); err != nil {
			t.Fatal(err)
		}
		if got.Section != "" || got.Facets != nil {
			t.Errorf("%s: packed with section %q and facets %v", f.URL, got.Section, got.Facets)
		}
		lines := headingLines(f.Text, f.Headings) != nil
		if (got.Headings == "") != lines || (got.Summary == "") != (f.Summary == "" || f.Summary == f.Text[:min(len(f.Summary), len(f.Text))]) {
			t.Errorf("%s: packed headings %q, summary %q", f.URL, got.Headings, got.Summary)
		}
		got.unpack()
		want := f
		want.Section, want.Facets = "", nil
		if !reflect.DeepEqual(got, want) {
			t.Errorf("%s: unpacked\n%+v\nwant\n%+v", f.URL, got, want)
		}
	}
	if got := headingLines("一\n二\n一", "一\n二"); !reflect.DeepEqual(got, []int{0, 1}) {
		t.Errorf("heading lines %v, want [0 1]", got)
	}
}

// TestDamagedDictionary: a build on an index whose dictionary is damaged
// starts afresh, without a panic, and reads back every page.
func TestDamagedDictionary(t *testing.T) {
	docs := siteDocs(60)
	out := rebuild(nil, docs)
	m := manifestOf(t, out)
	if m.Segments[0].Dict == "" {
		t.Fatal("no dictionary")
	}
	out.Files[m.Segments[0].Dict] = gz([]byte{0xff, 0xff, 1})
	docs[0].Body += "改动。"
	next := rebuild(out, docs)
	if nm := manifestOf(t, next); len(nm.Segments) != 1 || len(nm.Recent) != 0 {
		t.Errorf("%d segments, %d recent pages: want one base, made afresh", len(nm.Segments), len(nm.Recent))
	}
	pages, err := openOutput(t, next, nil).Pages()
	if err != nil || len(pages) != len(docs) {
		t.Errorf("%d pages, %v; want %d", len(pages), err, len(docs))
	}
}
