package proofread

import (
	"strings"
	"testing"
)

// TestFix: what the fixer makes of each text; "" in want means unchanged.
func TestFix(t *testing.T) {
	tests := []struct{ name, in, want string }{
		// commas, colons, semicolons
		{"comma", "会议召开,部署工作", "会议召开，部署工作"},
		{"comma and space", "会议召开, 部署工作", "会议召开，部署工作"},
		{"space before comma", "会议召开 ,部署工作", "会议召开，部署工作"},
		{"colon before time", "时间:10:30", "时间：10:30"},
		{"colon before URL", "网址:https://www.example.edu.cn/a:b,c", "网址：https://www.example.edu.cn/a:b,c"},
		{"semicolon", "一是学习;二是实践", "一是学习；二是实践"},
		{"after a quote", "“标杆”,“样板”", "“标杆”，“样板”"},
		{"digit before Chinese", "共30,其中党员20人", "共30，其中党员20人"},
		{"thousands", "共1,000人", ""},
		{"thousands after Chinese", "参会人数,1,000人", "参会人数，1,000人"},
		{"time", "10:30开始", ""},
		{"English", "Hello, world. 你好", ""},
		{"English after Chinese space", "他说 Hello, world", ""},
		{"lead article", "10月26日上午,学校召开会议,各基层党委(党总支)书记参加会议。",
			"10月26日上午，学校召开会议，各基层党委（党总支）书记参加会议。"},
		// ! and ?
		{"exclamation", "太好了!大家鼓掌", "太好了！大家鼓掌"},
		{"question at end", "真的吗?", "真的吗？"},
		{"question particle", "真的吗?是的。", "真的吗？是的。"},
		{"question word", "怎么办?我们来想", "怎么办？我们来想"},
		{"lone ? perhaps mojibake", "推进“示范?校”建设", ""},
		{"mojibake ?!", "推进“示范?!薄皹", ""},
		{"question and exclamation", "真的吗?!", "真的吗？！"},
		{"image after !", "如下![合影](a.jpg)", ""},
		// full stop
		{"full stop", "会议结束.大家离场", "会议结束。大家离场"},
		{"full stop at end", "会议结束.", "会议结束。"},
		{"full stop before quote", "他说：“好.”", "他说：“好。”"},
		{"file name", "见附件报告.docx和照片.jpg", ""},
		{"decimal", "增长3.14个百分点", ""},
		{"ellipsis", "等等...", ""},
		{"numeral heading", "一.主要做法", ""},
		{"Han domain", "访问www.示例.中国", ""},
		// brackets
		{"brackets around Chinese", "党委(党总支)书记", "党委（党总支）书记"},
		{"brackets around English between Chinese", "中国共产党(CPC)成立", "中国共产党（CPC）成立"},
		{"mixed", "党委（党总支)书记", "党委（党总支）书记"},
		{"mixed the other way", "党委(党总支）书记", "党委（党总支）书记"},
		{"English brackets", "see (a) and (b)", ""},
		{"English around Chinese", "Hello (你好) world", ""},
		{"list number", "(1)Go语言", ""},
		{"spaced brackets", "党委 (CPC) 书记", "党委（CPC）书记"},
		{"link text and destination", "见[通知(全文)](a(1).md)。", "见[通知（全文）](a(1).md)。"},
		{"picture that did not parse", "![合影](主题 党日 合影.jpg)", ""},
		{"escaped", "党委\\(党总支\\)书记，中文\\,中文", ""},
		// spaces
		{"space after comma", "会议， 部署", "会议，部署"},
		{"space before full stop", "会议结束 。", "会议结束。"},
		{"space after bracket", "（ 党委 ）", "（党委）"},
		{"space before opening bracket", "党委 （党总支）", "党委（党总支）"},
		{"space between Han", "通讯员 刘一鸣", ""},
		{"ideographic space", "涵养党性　以经典育人", ""},
		{"Latin before bracket", "Python （编程语言）", ""},
		{"hard break", "第一行，  \n第二行", ""},
		// Markdown that is not prose
		{"code span", "用`a,b`和`中,文`表示", ""},
		{"code span between Chinese", "运行`go`,再看", ""},
		{"fenced code", "```\n中文,中文\n```\n", ""},
		{"indented code", "    中文,中文\n", ""},
		{"HTML block", "<div>\n中文,中文\n</div>\n", ""},
		{"inline HTML", "中文<span title=\"中,文\">字</span>", ""},
		{"autolink", "见<https://a.cn/中,文>", ""},
		{"email", "邮箱dangwei@example.edu.cn,电话", "邮箱dangwei@example.edu.cn,电话"},
		{"emphasis", "**真,**她", "**真，**她"},
		{"emphasis around", "是**重点**,要落实", "是**重点**，要落实"},
		{"heading", "## 一、主要做法,经验 {#a}", "## 一、主要做法，经验 {#a}"},
		{"table", "| 项目 | 说明 |\n|---|---|\n| 学习,实践 | 好 |\n", "| 项目 | 说明 |\n|---|---|\n| 学习，实践 | 好 |\n"},
		{"soft break", "会议召开,\n部署工作", "会议召开，\n部署工作"},
		{"CRLF", "会议召开,\r\n部署工作:\r\n", "会议召开，\r\n部署工作：\r\n"},
		{"footnote", "正文[^1],继续\n\n[^1]: 注释,说明\n", "正文[^1],继续\n\n[^1]: 注释，说明\n"},
		// one correction makes another due
		{"chain", "见(附件),再议", "见（附件），再议"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			want := tt.want
			if want == "" {
				want = tt.in
			}
			if got := string(Fix([]byte(tt.in), nil)); got != want {
				t.Errorf("Fix(%q)\n got %q\nwant %q", tt.in, got, want)
			}
			if again := string(Fix([]byte(want), nil)); again != want {
				t.Errorf("Fix is not idempotent on %q: %q", want, again)
			}
		})
	}
}

// TestFindings: each finding's place, text and correction.
func TestFindings(t *testing.T) {
	src := "标题\n\n第一段,第二句 。\n\n（党委)书记， 刘一鸣\r\n"
	got, _ := Markdown([]byte(src), nil)
	want := []Finding{
		{Line: 3, Column: 4, Kind: Punctuation, Text: ",", Fix: "，", Context: "第一段,第二句 。"},
		{Line: 3, Column: 8, Kind: Spacing, Text: " 。", Fix: "。", Context: "第一段,第二句 。"},
		{Line: 5, Column: 4, Kind: Punctuation, Text: ")", Fix: "）", Context: "（党委)书记， 刘一鸣"},
		{Line: 5, Column: 7, Kind: Spacing, Text: "， ", Fix: "，", Context: "（党委)书记， 刘一鸣"},
	}
	if len(got) != len(want) {
		t.Fatalf("got %d findings, want %d:\n%+v", len(got), len(want), got)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("finding %d:\n got %+v\nwant %+v", i, got[i], want[i])
		}
	}
}

// TestText: a title is proofread as plain text, not Markdown.
func TestText(t *testing.T) {
	got := Text("# 学校召开推进会,部署工作", nil)
	if len(got) != 1 || got[0].Column != 10 || got[0].Fix != "，" {
		t.Errorf("Text: %+v", got)
	}
	if got := Text("1. 概况", nil); len(got) != 0 {
		t.Errorf("Text: %+v", got)
	}
}

func TestContextIsShort(t *testing.T) {
	src := strings.Repeat("长", 40) + "," + strings.Repeat("文", 40)
	got, _ := Markdown([]byte(src), nil)
	if len(got) != 1 || got[0].Context != strings.Repeat("长", 10)+","+strings.Repeat("文", 10) {
		t.Errorf("got %+v", got)
	}
}
