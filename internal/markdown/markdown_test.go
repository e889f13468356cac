package markdown

import (
	"strings"
	"sync"
	"testing"
)

func TestExtensions(t *testing.T) {
	tests := []struct {
		name, src string
		frags     []string
	}{
		{"table", "| 项目 | 数量 |\n|:---|---:|\n| 党员 | 12 |\n",
			[]string{"<table>", `<th style="text-align:left">项目</th>`, `<td style="text-align:right">12</td>`}},
		{"strikethrough", "~~旧~~新", []string{"<del>旧</del>新"}},
		{"linkify", "详见 https://www.example.edu.cn/news 。",
			[]string{`<a href="https://www.example.edu.cn/news">https://www.example.edu.cn/news</a>`}},
		{"task list", "- [x] 学习\n- [ ] 讨论\n",
			[]string{`<input checked="" disabled="" type="checkbox"> 学习`, `<input disabled="" type="checkbox"> 讨论`}},
		{"footnote", "据统计[^注]。\n\n[^注]: 数据来源：组织部。\n",
			[]string{`<sup id="fnref:1"><a href="#fn:1"`, `<div class="footnotes"`, "数据来源：组织部。"}},
		{"no typographer", `他说"好"--然后...`, []string{"他说&quot;好&quot;--然后..."}},
		{"chinese quotes kept", "“不忘初心”‘牢记使命’", []string{"“不忘初心”‘牢记使命’"}},
	}
	r := New(Options{})
	for _, tt := range tests {
		html := string(r.Render([]byte(tt.src), Doc{}).HTML)
		for _, f := range tt.frags {
			if !strings.Contains(html, f) {
				t.Errorf("%s: HTML lacks %q:\n%s", tt.name, f, html)
			}
		}
	}
}

func TestRawHTML(t *testing.T) {
	src := "<div class=\"note\">块</div>\n\n文<span>字</span>\n\n<!--more-->\n\n[x](javascript:alert(1))\n"
	safe := string(New(Options{}).Render([]byte(src), Doc{}).HTML)
	for _, bad := range []string{"<div", "<span>", "<!--more-->", "javascript:"} {
		if strings.Contains(safe, bad) {
			t.Errorf("safe HTML contains %q:\n%s", bad, safe)
		}
	}
	if !strings.Contains(safe, "<!-- raw HTML omitted -->") {
		t.Errorf("safe HTML lacks the omission comment:\n%s", safe)
	}
	unsafe := string(New(Options{Unsafe: true}).Render([]byte(src), Doc{}).HTML)
	for _, good := range []string{`<div class="note">块</div>`, "文<span>字</span>", "<!--more-->", "<p>x</p>"} {
		if !strings.Contains(unsafe, good) {
			t.Errorf("unsafe HTML lacks %q:\n%s", good, unsafe)
		}
	}
	if strings.Contains(unsafe, "javascript:") {
		t.Errorf("unsafe HTML keeps a Markdown link to javascript: (raw HTML only is let through):\n%s", unsafe)
	}
}

func TestConcurrentRender(t *testing.T) {
	r := New(Options{})
	want := r.Render([]byte(newsBody), Doc{Resolver: fakeResolver{}})
	var wg sync.WaitGroup
	for range 8 {
		wg.Go(func() {
			got := r.Render([]byte(newsBody), Doc{Resolver: fakeResolver{}})
			if string(got.HTML) != string(want.HTML) || got.Plain != want.Plain || len(got.TOC) != len(want.TOC) {
				t.Error("concurrent Render gave a different result")
			}
		})
	}
	wg.Wait()
}

func TestNewsBody(t *testing.T) {
	res := New(Options{}).Render([]byte(newsBody), Doc{LineOffset: 4})
	if len(res.Problems) != 0 {
		t.Errorf("Problems = %v", res.Problems)
	}
	if !strings.HasPrefix(res.Summary, "11月20日下午，") || strings.Contains(res.Summary, "主要做法") {
		t.Errorf("Summary = %q", res.Summary)
	}
	if strings.ContainsAny(res.Plain, "*#|") {
		t.Errorf("Plain contains markup:\n%s", res.Plain)
	}
	if strings.Contains(res.Plain, "支部\n书记") || strings.Contains(string(res.HTML), "支部\n书记") {
		t.Error("soft break inside Chinese text was kept")
	}
	var ids []string
	for _, h := range res.TOC {
		ids = append(ids, h.ID)
	}
	if got, want := strings.Join(ids, " "), "yi-zhu-yao-zuo-fa er-gong-zuo-cheng-xiao san-xia-yi-bu-da-suan"; got != want {
		t.Errorf("TOC ids = %q, want %q", got, want)
	}
}
