package search

import (
	"fmt"
	"os"
	"slices"
	"strings"
	"testing"
	"time"
)

func day(s string) time.Time {
	t, err := time.ParseInLocation("2006-01-02", s, cst)
	if err != nil {
		panic(err)
	}
	return t
}

// hardDocs are pages written to trap a search that is not exact.
var hardDocs = []Doc{
	{URL: "a/", Title: "学院召开党建工作会议", Date: day("2025-03-01"), Section: "news", Body: "本网讯（通讯员 时伟）学院召开会议。\n加强党建工作。"},
	{URL: "b/", Title: "时代伟人", Date: day("2025-03-02"), Section: "news", Body: "伟大时代，党的建设。"},
	{URL: "c/", Title: "“十四五”规划解读", Date: day("2025-03-03"), Section: "news", Body: "解读“十四五”规划纲要。"},
	{URL: "d/", Title: "全会", Date: day("2025-03-04"), Section: "news", Body: "十四届五中全会；第十四个五年。"},
	{URL: "e/", Title: "要点", Date: day("2025-03-05"), Section: "cases", Body: "2025年工作要点。2025 年计划。"},
	{URL: "f/", Title: "学年", Date: day("2025-03-06"), Section: "cases", Body: "2025-2026学年；12025年。"},
	{URL: "g/", Title: "编程", Date: day("2025-03-07"), Section: "cases", Body: "Go语言编程。Golang语言。"},
	{URL: "h/", Title: "繁體", Date: day("2024-03-08"), Section: "cases", Body: "加強黨建，時偉書記講話。"},
	{URL: "i/", Title: "ＡＩ教育", Date: day("2024-03-09"), Section: "photos", Body: "全角ＰＰＴＸ课件。"},
	{URL: "j/", Title: "课件", Date: day("2024-03-10"), Section: "photos", Body: "使用PPT课件。"},
	{URL: "k/", Title: "人文学院中文系教师党支部", Date: day("2023-01-01"), Section: "branches", Body: "人文学院中文系教师党支部开展活动。"},
	{URL: "l/", Title: "碎片", Date: day("2023-01-02"), Section: "branches", Body: "人文学院召开会议。中文系教工大会。教师党支部书记讲话。"},
	{URL: "m/", Title: "双创", Date: day("2022-01-01"), Section: "news", Body: "党建引领双创。"},
	{URL: "n/", Title: "双创", Date: day("2023-01-01"), Section: "news", Body: "党建引领双创。"},
	{URL: "o/", Title: "空", Section: "", Body: ""},
}

func buildHard(t *testing.T, gram int) *Index {
	t.Helper()
	docs := slices.Clone(hardDocs)
	for i := range docs {
		docs[i].Facets = map[string][]string{"branches": {"甲支部"}}
	}
	out := Build(docs, Options{Sections: []Section{{"news", "工作动态"}, {"cases", "经验交流"}}, Gram: gram,
		Facets: []Section{{"branches", "支部"}}})
	return openOutput(t, out, nil)
}

// openOutput opens a built index from memory; fetched, when not nil,
// records the names of the files read.
func openOutput(t *testing.T, out *Output, fetched *[]string) *Index {
	t.Helper()
	ix, err := Open(func(name string) ([]byte, error) {
		if fetched != nil {
			*fetched = append(*fetched, name)
		}
		if data, ok := out.Files[name]; ok {
			return data, nil
		}
		return nil, fmt.Errorf("%s: %w", name, os.ErrNotExist)
	}, out.Manifest)
	if err != nil {
		t.Fatal(err)
	}
	return ix
}

func urls(res *Results) string {
	var out []string
	for _, h := range res.Hits {
		out = append(out, h.URL)
	}
	return strings.Join(out, " ")
}

func TestHardQueries(t *testing.T) {
	tests := []struct {
		q, want string // URLs in rank order
		partial bool
	}{
		{q: "时伟", want: "a/ h/"}, // same weight: the newer first
		{q: "時偉", want: "a/ h/"},
		{q: "党建", want: "a/ h/ n/ m/"}, // the title first, then the same weight: the newer first
		{q: "黨建", want: "a/ h/ n/ m/"},
		{q: "十四五", want: "c/"},
		{q: "“十四五”规划", want: "c/"},
		{q: "十四五规划", want: "c/"},
		{q: "2025年", want: "e/"},
		{q: "Go语言", want: "g/"},
		{q: "ai", want: "i/"},
		{q: "ＡＩ教育", want: "i/"},
		{q: "ppt", want: "j/ i/"},
		{q: "pptx", want: "i/"},
		{q: "ppt ", want: "j/"},
		{q: "人文学院中文系教师党支部", want: "k/"},
		{q: "支部书记", want: "l/"},
		{q: "时伟书记讲话", want: "h/"},
		{q: "党建 双创", want: "n/ m/"},
		{q: "双创", want: "n/ m/"},
		{q: "党建引领创新", want: "n/ m/", partial: true},
		{q: "没有的词", want: ""},
		{q: "，。", want: ""},
	}
	for _, gram := range []int{4, 3} {
		ix := buildHard(t, gram)
		for _, tt := range tests {
			res, err := ix.Search(tt.q)
			if err != nil {
				t.Fatalf("gram %d, %q: %v", gram, tt.q, err)
			}
			if got := urls(res); got != tt.want || res.Partial != tt.partial {
				t.Errorf("gram %d, %q = [%s] partial %v, want [%s] partial %v", gram, tt.q, got, res.Partial, tt.want, tt.partial)
			}
		}
	}
}

// TestSingleCharacter: one character finds every page holding it, titles first.
func TestSingleCharacter(t *testing.T) {
	ix := buildHard(t, 4)
	res, err := ix.Search("党")
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]bool{}
	for _, d := range hardDocs {
		if strings.Contains(Normalize(d.Title+"\n"+d.Body), "党") {
			want[d.URL] = true
		}
	}
	if len(res.Hits) != len(want) {
		t.Fatalf("党: %d results (%s), want %d", len(res.Hits), urls(res), len(want))
	}
	if res.Hits[0].URL != "a/" && res.Hits[0].URL != "k/" {
		t.Errorf("党: first result %s has no 党 in its title", res.Hits[0].URL)
	}
}

// TestBuildDeterministic: the same docs give the same files.
func TestBuildDeterministic(t *testing.T) {
	a := Build(slices.Clone(hardDocs), Options{})
	b := Build(slices.Clone(hardDocs), Options{})
	if len(a.Files) != len(b.Files) || a.Manifest != b.Manifest {
		t.Fatalf("two builds differ: %d and %d files", len(a.Files), len(b.Files))
	}
	for name, data := range a.Files {
		if string(b.Files[name]) != string(data) {
			t.Errorf("%s differs", name)
		}
	}
	if !strings.HasPrefix(a.Manifest, "m-") {
		t.Errorf("manifest %s", a.Manifest)
	}
}

// TestBuildStops: Build gives up when Stop says so, at its first question
// or a later one, and builds as usual when Stop says no.
func TestBuildStops(t *testing.T) {
	for _, after := range []int{1, 2} {
		asked := 0
		if out := Build(slices.Clone(hardDocs), Options{Stop: func() bool { asked++; return asked == after }}); out != nil {
			t.Errorf("stop at question %d: Build returned %d files", after, len(out.Files))
		}
	}
	out := Build(slices.Clone(hardDocs), Options{Stop: func() bool { return false }})
	if out == nil || out.Manifest != Build(slices.Clone(hardDocs), Options{}).Manifest {
		t.Error("a Stop that says no changed the index")
	}
}

// TestEmptyIndex: no pages at all still gives a working index.
func TestEmptyIndex(t *testing.T) {
	ix := openOutput(t, Build(nil, Options{}), nil)
	if res, err := ix.Search("党建"); err != nil || len(res.Hits) != 0 {
		t.Errorf("empty index: %v, %v", res, err)
	}
}

// FuzzBuildAndSearch: any page is found by its own title, and searching
// any text never fails.
func FuzzBuildAndSearch(f *testing.F) {
	f.Add("时伟同志讲党课", "“十四五”规划。2025年", "党建")
	f.Add("ＡＩ教育", "Go语言 c++ covid-19", "ai")
	f.Add("a", "\xff\xfe", "一二三四五六七八九十")
	f.Fuzz(func(t *testing.T, title, body, q string) {
		docs := []Doc{{URL: "a/", Title: title, Body: body}, {URL: "b/", Title: "其他页面", Body: body + "。" + q}}
		ix := openOutput(t, Build(docs, Options{}), nil)
		if _, err := ix.Search(q); err != nil {
			t.Fatalf("Search(%q): %v", q, err)
		}
		if len(ParseQuery(title+" ").Pieces) == 0 {
			return
		}
		res, err := ix.Search(title + " ")
		if err != nil {
			t.Fatal(err)
		}
		found := false
		for _, h := range res.Hits {
			found = found || h.URL == "a/"
		}
		if !found || res.Partial {
			t.Fatalf("page not found by its title %q: %+v", title, res)
		}
	})
}

// FuzzCorruptIndex: a damaged index file gives errors, never a panic.
func FuzzCorruptIndex(f *testing.F) {
	out := Build(slices.Clone(hardDocs), Options{})
	var names []string
	for name := range out.Files {
		if name != out.Manifest {
			names = append(names, name)
		}
	}
	slices.Sort(names)
	f.Add(0, []byte{1, 2, 3})
	f.Add(1, []byte{0xff, 0xff, 0xff, 0xff, 0x0f})
	f.Fuzz(func(t *testing.T, which int, data []byte) {
		if which < 0 {
			which = -which
		}
		broken := names[which%len(names)]
		ix, err := Open(func(name string) ([]byte, error) {
			if name == broken {
				return gz(data), nil
			}
			return out.Files[name], nil
		}, out.Manifest)
		if err != nil {
			return
		}
		for _, q := range []string{"时伟", "人文学院中文系教师党支部", "ppt", "党", "党建引领创新"} {
			ix.Search(q)
		}
	})
}

// TestLongPiecePositions: pages holding every four-unit piece of a long
// query, but apart, are told from pages holding the query, by positions.
func TestLongPiecePositions(t *testing.T) {
	var docs []Doc
	for i := 0; i < 20; i++ {
		body := "人文学院中文系教师党支部开展活动。"
		if i%2 == 1 {
			body = "人文学院召开会议。中文系教工大会。教师党支部书记讲话。"
		}
		docs = append(docs, Doc{URL: fmt.Sprintf("%02d/", i), Title: "第" + fmt.Sprint(i) + "篇", Body: body})
	}
	out := Build(docs, Options{})
	ix, err := Open(func(name string) ([]byte, error) { return out.Files[name], nil }, out.Manifest)
	if err != nil {
		t.Fatal(err)
	}
	res, err := ix.Search("人文学院中文系教师党支部")
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Hits) != 10 {
		t.Fatalf("%d results, want 10: %s", len(res.Hits), urls(res))
	}
	for _, h := range res.Hits {
		var n int
		fmt.Sscanf(h.URL, "%d/", &n)
		if n%2 != 0 {
			t.Errorf("%s does not hold the query", h.URL)
		}
	}
}
