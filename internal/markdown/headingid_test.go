package markdown

import (
	"reflect"
	"slices"
	"strings"
	"testing"
)

func TestHeadingIDs(t *testing.T) {
	src := strings.Join([]string{
		"# 学院党委召开专题会议",
		"## 一、主要做法",
		"### （一）加强组织建设",
		"## 一、主要做法",
		"## 一、主要做法",
		"## Hello World",
		"## **粗体**与[链接](https://example.com/x)",
		"## 2024 年工作总结",
		"## 工作总结 {#summary}",
		"## Summary",
		"## ！？",
		"#### 四级标题",
	}, "\n\n")
	want := []Heading{
		{Level: 1, ID: "xue-yuan-dang-wei-zhao-kai-zhuan-ti-hui-yi", Text: "学院党委召开专题会议"},
		{Level: 2, ID: "yi-zhu-yao-zuo-fa", Text: "一、主要做法"},
		{Level: 3, ID: "yi-jia-qiang-zu-zhi-jian-she", Text: "（一）加强组织建设"},
		{Level: 2, ID: "yi-zhu-yao-zuo-fa-1", Text: "一、主要做法"},
		{Level: 2, ID: "yi-zhu-yao-zuo-fa-2", Text: "一、主要做法"},
		{Level: 2, ID: "hello-world", Text: "Hello World"},
		{Level: 2, ID: "cu-ti-yu-lian-jie", Text: "粗体与链接"},
		{Level: 2, ID: "2024-nian-gong-zuo-zong-jie", Text: "2024 年工作总结"},
		{Level: 2, ID: "summary", Text: "工作总结"},
		{Level: 2, ID: "summary-1", Text: "Summary"},
		{Level: 2, ID: "heading", Text: "！？"},
		{Level: 4, ID: "si-ji-biao-ti", Text: "四级标题"},
	}
	res := New(Options{}).Render([]byte(src), Doc{})
	if !reflect.DeepEqual(res.TOC, want) {
		t.Errorf("TOC:\n got %v\nwant %v", res.TOC, want)
	}
	html := string(res.HTML)
	// each heading keeps its Unicode id of before as an alias anchor
	for _, frag := range []string{
		`<h2 id="yi-zhu-yao-zuo-fa"><span id="一主要做法"></span>一、主要做法</h2>`,
		`<h2 id="yi-zhu-yao-zuo-fa-1"><span id="一主要做法-1"></span>`,
		`<h2 id="summary">工作总结</h2>`,
		`<h2 id="summary-1">Summary</h2>`,
		`<h2 id="hello-world">Hello World</h2>`,
	} {
		if !strings.Contains(html, frag) {
			t.Errorf("HTML lacks %s:\n%s", frag, html)
		}
	}
	for _, id := range []string{"yi-zhu-yao-zuo-fa-2", "一主要做法-2", "2024-年工作总结", "四级标题"} {
		if !slices.Contains(res.Anchors, id) {
			t.Errorf("anchors lack %q: %v", id, res.Anchors)
		}
	}
}

// TestHeadingIDsNoCollision checks that an alias anchor never takes an id
// another heading has: aliases are only the non-ASCII ids of before.
func TestHeadingIDsNoCollision(t *testing.T) {
	res := New(Options{}).Render([]byte("## 标题\n\n## biao ti\n"), Doc{})
	if got := string(res.HTML); got != "<h2 id=\"biao-ti\"><span id=\"标题\"></span>标题</h2>\n<h2 id=\"biao-ti-1\">biao ti</h2>\n" {
		t.Errorf("HTML:\n%s", got)
	}
}

// TestHeadingIDsReserveExplicit checks that an explicit id later in the
// document wins over a generated one earlier.
func TestHeadingIDsReserveExplicit(t *testing.T) {
	res := New(Options{}).Render([]byte("## 概述\n\n## 其他 {#概述}\n"), Doc{})
	got := []string{res.TOC[0].ID, res.TOC[1].ID}
	if want := []string{"gai-shu", "概述"}; !reflect.DeepEqual(got, want) {
		t.Errorf("ids = %v, want %v", got, want)
	}
	// the first heading's id of before was 概述-1, and stays so as its alias
	if !strings.Contains(string(res.HTML), `<h2 id="gai-shu"><span id="概述-1"></span>概述</h2>`) {
		t.Errorf("HTML:\n%s", res.HTML)
	}
}

// TestHeadingIDsDeterministic renders concurrently and checks every result
// is the same: ids are per document, not per Renderer.
func TestHeadingIDsDeterministic(t *testing.T) {
	r := New(Options{})
	src := []byte("## 标题\n\n## 标题\n")
	done := make(chan string)
	for range 8 {
		go func() {
			res := r.Render(src, Doc{})
			done <- res.TOC[0].ID + " " + res.TOC[1].ID
		}()
	}
	for range 8 {
		if got := <-done; got != "biao-ti biao-ti-1" {
			t.Errorf("ids = %q, want %q", got, "biao-ti biao-ti-1")
		}
	}
}

func TestSlug(t *testing.T) {
	tests := []struct{ in, want string }{
		{"一、主要做法", "yi-zhu-yao-zuo-fa"},
		{"  Hello, World!  ", "hello-world"},
		{"C++ 与 Go", "c-yu-go"},
		{"5G实验室", "5g-shi-yan-shi"},
		{"查材料、看现场、听意见", "cha-cai-liao-kan-xian-chang-ting-yi-jian"},
		{"snake_case-name", "snake_case-name"},
		{"Ünïcödé", "unicode"},
		{"“引号”：测试", "yin-hao-ce-shi"},
		{"２０２４年", "2024-nian"},
		{"Привет", ""},
	}
	for _, tt := range tests {
		if got := IDText(tt.in); got != tt.want {
			t.Errorf("IDText(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}
