package markdown

import (
	"reflect"
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
		{Level: 1, ID: "学院党委召开专题会议", Text: "学院党委召开专题会议"},
		{Level: 2, ID: "一主要做法", Text: "一、主要做法"},
		{Level: 3, ID: "一加强组织建设", Text: "（一）加强组织建设"},
		{Level: 2, ID: "一主要做法-1", Text: "一、主要做法"},
		{Level: 2, ID: "一主要做法-2", Text: "一、主要做法"},
		{Level: 2, ID: "hello-world", Text: "Hello World"},
		{Level: 2, ID: "粗体与链接", Text: "粗体与链接"},
		{Level: 2, ID: "2024-年工作总结", Text: "2024 年工作总结"},
		{Level: 2, ID: "summary", Text: "工作总结"},
		{Level: 2, ID: "summary-1", Text: "Summary"},
		{Level: 2, ID: "heading", Text: "！？"},
		{Level: 4, ID: "四级标题", Text: "四级标题"},
	}
	res := New(Options{}).Render([]byte(src), Doc{})
	if !reflect.DeepEqual(res.TOC, want) {
		t.Errorf("TOC:\n got %v\nwant %v", res.TOC, want)
	}
	html := string(res.HTML)
	for _, frag := range []string{
		`<h2 id="一主要做法">一、主要做法</h2>`,
		`<h2 id="一主要做法-1">`,
		`<h2 id="summary">工作总结</h2>`,
		`<h2 id="summary-1">Summary</h2>`,
	} {
		if !strings.Contains(html, frag) {
			t.Errorf("HTML lacks %s:\n%s", frag, html)
		}
	}
}

// TestHeadingIDsReserveExplicit checks that an explicit id later in the
// document wins over a generated one earlier.
func TestHeadingIDsReserveExplicit(t *testing.T) {
	res := New(Options{}).Render([]byte("## 概述\n\n## 其他 {#概述}\n"), Doc{})
	got := []string{res.TOC[0].ID, res.TOC[1].ID}
	if want := []string{"概述-1", "概述"}; !reflect.DeepEqual(got, want) {
		t.Errorf("ids = %v, want %v", got, want)
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
		if got := <-done; got != "标题 标题-1" {
			t.Errorf("ids = %q, want %q", got, "标题 标题-1")
		}
	}
}

func TestSlug(t *testing.T) {
	tests := []struct{ in, want string }{
		{"一、主要做法", "一主要做法"},
		{"  Hello, World!  ", "hello-world"},
		{"C++ 与 Go", "c-与-go"},
		{"snake_case-name", "snake_case-name"},
		{"Ünïcödé", "ünïcödé"},
		{"“引号”：测试", "引号测试"},
	}
	for _, tt := range tests {
		if got := IDText(tt.in); got != tt.want {
			t.Errorf("IDText(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}
