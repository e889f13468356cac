package markdown

import (
	"reflect"
	"slices"
	"testing"
)

const anchorsSrc = `## 一、主要做法

## 一、主要做法 {#做法}

据统计[^注]，另见[^注]。

<div id="块">
一段
</div>

文字<a id='行内'></a>。<!-- <a id="注释"> -->

    <span id="代码">

[^注]: 组织部。
`

// TestAnchors checks that Result.Anchors lists exactly the ids of the
// HTML: headings (with their alias anchors), both footnote references and the footnote, and the ids
// of raw HTML only when it is let through.
func TestAnchors(t *testing.T) {
	for _, tt := range []struct {
		unsafe bool
		want   []string
	}{
		{false, []string{"yi-zhu-yao-zuo-fa", "一主要做法", "做法", "fnref:1", "fnref1:1", "fn:1"}},
		{true, []string{"yi-zhu-yao-zuo-fa", "一主要做法", "做法", "fnref:1", "fnref1:1", "块", "行内", "fn:1"}},
	} {
		res := New(Options{Unsafe: tt.unsafe}).Render([]byte(anchorsSrc), Doc{})
		if !reflect.DeepEqual(res.Anchors, tt.want) {
			t.Errorf("unsafe %v: Anchors = %q, want %q", tt.unsafe, res.Anchors, tt.want)
		}
		if got := htmlIDsSorted(res.HTML); !reflect.DeepEqual(got, sorted(tt.want)) {
			t.Errorf("unsafe %v: the HTML's ids are %q, Anchors %q", tt.unsafe, got, res.Anchors)
		}
	}
}

// htmlIDsSorted returns the id attributes of an HTML document, sorted.
func htmlIDsSorted(doc string) []string {
	return sorted(htmlIDs([]byte(doc)))
}

func sorted(s []string) []string {
	s = slices.Clone(s)
	slices.Sort(s)
	return s
}

func TestHTMLIDs(t *testing.T) {
	got := htmlIDs([]byte(`<p id="a">x</p><!-- <b id="c"> --><img id=b />text id="d" <i ID="E&amp;F">`))
	if want := []string{"a", "b", "E&F"}; !reflect.DeepEqual(got, want) {
		t.Errorf("htmlIDs = %q, want %q", got, want)
	}
}
