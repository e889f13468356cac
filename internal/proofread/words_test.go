package proofread

import (
	"strings"
	"testing"
)

func siteWords() *Words {
	return &Words{
		Forbidden: []string{"禁用词"},
		Sensitive: []string{"敏感"},
		Variants: append(Standard(),
			WordVariant{Wrong: "两个捍卫", Right: "两个维护", Phrasing: true},
			WordVariant{Wrong: "党建", Right: "党建工作"}, // a right form holding its wrong one
			WordVariant{Wrong: "党的20大", Right: "党的二十大", Phrasing: true},
			WordVariant{Wrong: "7个有力", Right: "七个有力", Phrasing: true},
			WordVariant{Wrong: "CPC", Right: "中国共产党", Phrasing: true},
			WordVariant{Wrong: "象", Right: "像"},
		),
	}
}

func TestWords(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"variant", "要著力提高质量", "要着力提高质量"},
		{"exception", "取得显著成效，显著力量", ""},
		{"做为", "做为一名党员，要带头", "作为一名党员，要带头"},
		{"当做为", "把学习当做为民服务的前提", ""},
		{"phrasing", "坚决做到两个捍卫", "坚决做到两个维护"},
		{"right form holds the wrong one", "抓好党建工作", ""},
		{"right form made", "抓党建，促发展", "抓党建工作，促发展"},
		{"set phrase", "再接再励，一如继往", "再接再厉，一如既往"},
		{"in code", "`著力`和<https://a.cn/著力>", ""},
		{"across emphasis", "**著**力", ""},
		{"in link text", "[著力推进](a.md)", "[着力推进](a.md)"},
		{"forbidden is only reported", "出现禁用词。", ""},
		{"number", "学习党的20大精神，对照7个有力", "学习党的二十大精神，对照七个有力"},
		{"inside a longer number", "党的200大，17个有力", ""},
		{"one character", "好象一样", "好像一样"},
		{"inside a Latin word", "CPCA, XCPC, CPC?", "CPCA, XCPC, 中国共产党？"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			want := tt.want
			if want == "" {
				want = tt.in
			}
			if got := string(Fix([]byte(tt.in), siteWords())); got != want {
				t.Errorf("Fix(%q)\n got %q\nwant %q", tt.in, got, want)
			}
		})
	}
}

func TestWordFindings(t *testing.T) {
	src := "要著力推进，做到两个捍卫。\n\n这是禁用词，有点敏感。\n"
	got, _ := Markdown([]byte(src), siteWords())
	want := []Finding{
		{Line: 1, Column: 2, Kind: Variant, Text: "著力", Fix: "着力", Context: "要著力推进，做到两个捍卫。"},
		{Line: 1, Column: 9, Kind: Phrasing, Text: "两个捍卫", Fix: "两个维护", Context: "要著力推进，做到两个捍卫。"},
		{Line: 3, Column: 3, Kind: Forbidden, Text: "禁用词", Context: "这是禁用词，有点敏感。"},
		{Line: 3, Column: 9, Kind: Sensitive, Text: "敏感", Context: "这是禁用词，有点敏感。"},
	}
	if len(got) != len(want) {
		t.Fatalf("got %d findings, want %d:\n%+v", len(got), len(want), got)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("finding %d:\n got %+v\nwant %+v", i, got[i], want[i])
		}
		if got[i].Fixable() != (want[i].Fix != "") {
			t.Errorf("finding %d: Fixable() = %v", i, got[i].Fixable())
		}
	}
	// Text finds the same in a title.
	if got := Text("学校著力推进禁用词", siteWords()); len(got) != 2 || got[0].Kind != Variant || got[1].Kind != Forbidden {
		t.Errorf("Text: %+v", got)
	}
}

// TestStandardList: the built-in list is sound: every entry changes
// something, and no right form contains a wrong one, so that correcting
// never makes another correction due.
func TestStandardList(t *testing.T) {
	list := Standard()
	if len(list) < 10 {
		t.Fatalf("only %d entries", len(list))
	}
	seen := map[string]bool{}
	for _, v := range list {
		if v.Wrong == "" || v.Right == "" || v.Wrong == v.Right || seen[v.Wrong] {
			t.Errorf("bad entry %+v", v)
		}
		seen[v.Wrong] = true
		for _, w := range list {
			if strings.Contains(v.Right, w.Wrong) {
				t.Errorf("%q (right) contains %q (wrong)", v.Right, w.Wrong)
			}
		}
		for _, e := range v.Except {
			if !overlaps(e, v.Wrong) {
				t.Errorf("%s: exception %q cannot overlap %q", v.Right, e, v.Wrong)
			}
		}
		if got := string(Fix([]byte("文"+v.Wrong+"文"), &Words{Variants: list})); got != "文"+v.Right+"文" {
			t.Errorf("%s → %s: got %s", v.Wrong, v.Right, got)
		}
	}
}

// overlaps reports whether an end of one string is a start of the
// other, or one contains the other.
func overlaps(a, b string) bool {
	if strings.Contains(a, b) || strings.Contains(b, a) {
		return true
	}
	ra, rb := []rune(a), []rune(b)
	for n := 1; n < min(len(ra), len(rb)); n++ {
		if string(ra[len(ra)-n:]) == string(rb[:n]) || string(rb[len(rb)-n:]) == string(ra[:n]) {
			return true
		}
	}
	return false
}
