package markdown

import "testing"

func TestPlain(t *testing.T) {
	tests := []struct{ name, src, want string }{
		{"paragraphs", "第一段\n\n\n\n第二段", "第一段\n第二段\n"},
		{"emphasis", "这是**重点**和*斜体*，~~删~~。", "这是重点和斜体，删。\n"},
		{"heading and list", "## 标题\n\n- 一\n- 二\n\n1. 三\n", "标题\n一\n二\n三\n"},
		{"loose list", "- 一\n\n  续\n\n- 二\n", "一\n续\n二\n"},
		{"blockquote", "> 引用\n> 继续\n\n正文", "引用继续\n正文\n"},
		{"code", "看`fmt.Println`：\n\n```go\nfunc main() {\n\n\treturn\n}\n```\n", "看fmt.Println：\nfunc main() {\n\treturn\n}\n"},
		{"indented code", "    a\n    b\n", "a\nb\n"},
		{"table", "| 姓名 | 职务 |\n|---|---|\n| 张三 | **书记** |\n", "姓名\n职务\n张三\n书记\n"},
		{"link and image", "见[通知](a.md)![图](b.png)。", "见通知。\n"},
		{"autolink", "访问 https://example.com 查看", "访问 https://example.com 查看\n"},
		{"footnote", "正文[^1]。\n\n[^1]: 注释内容", "正文。\n注释内容\n"},
		{"task list", "- [x] 完成\n- [ ] 待办\n", "完成\n待办\n"},
		{"raw html", "<div>块</div>\n\n文<span>字</span>", "文字\n"},
		{"escapes and entities", `\*不是强调\* &amp; &copy;`, "*不是强调* & ©\n"},
		{"thematic break", "上\n\n---\n\n下", "上\n下\n"},
		{"empty", "", ""},
	}
	r := New(Options{})
	for _, tt := range tests {
		if got := r.Render([]byte(tt.src), Doc{}).Plain; got != tt.want {
			t.Errorf("%s: Plain of %q\n got %q\nwant %q", tt.name, tt.src, got, tt.want)
		}
	}
}

func TestSummary(t *testing.T) {
	tests := []struct{ name, src, want string }{
		{"block", "导语第一段。\n\n第二段\n\n<!--more-->\n\n正文", "导语第一段。\n第二段"},
		{"interrupts paragraph", "导语\n<!--more-->\n正文", "导语"},
		{"inline", "导语<!-- more -->正文", "导语"},
		{"first marker wins", "一\n\n<!--more-->\n\n二\n\n<!--more-->\n", "一"},
		{"none", "没有分隔", ""},
		{"in code span", "`<!--more-->` 不算", ""},
		{"in code block", "```\n<!--more-->\n```\n", ""},
		{"other comment", "前\n\n<!-- note -->\n\n后", ""},
	}
	for _, unsafe := range []bool{false, true} {
		r := New(Options{Unsafe: unsafe})
		for _, tt := range tests {
			if got := r.Render([]byte(tt.src), Doc{}).Summary; got != tt.want {
				t.Errorf("%s (unsafe=%v): Summary of %q = %q, want %q", tt.name, unsafe, tt.src, got, tt.want)
			}
		}
	}
}
