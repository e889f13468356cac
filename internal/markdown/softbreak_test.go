package markdown

import "testing"

func TestSoftBreakHTML(t *testing.T) {
	tests := []struct{ src, want string }{
		{"中文\n继续", "中文继续"},
		{"中文，\n继续", "中文，继续"},
		{"结束。\n下一句", "结束。下一句"},
		{"“引号”\n中文", "“引号”中文"},
		{"他说：\n“好”", "他说：“好”"},
		{"（注）\nNote", "（注）Note"},
		{"中文\n**强调**", "中文<strong>强调</strong>"},
		{"**强调**\n中文", "<strong>强调</strong>中文"},
		{"中文\n[链接](a)", `中文<a href="a">链接</a>`},
		{"中文\n`code`", "中文\n<code>code</code>"},
		{"foo\nbar", "foo\nbar"},
		{"end.\nNext", "end.\nNext"},
		{"a,\nb", "a,\nb"},
		{"foo\n**bar**", "foo\n<strong>bar</strong>"},
		{"Hello\n中文", "Hello\n中文"},
		{"中文\nHello", "中文\nHello"},
		{"한국어\n문장", "한국어\n문장"},
		{"中文  \n硬换行", "中文<br>\n硬换行"},
	}
	for _, tt := range tests {
		if got := renderInline(t, tt.src); got != tt.want {
			t.Errorf("%q:\n got %q\nwant %q", tt.src, got, tt.want)
		}
	}
}

func TestSoftBreakPlain(t *testing.T) {
	tests := []struct{ src, want string }{
		{"中文\n继续", "中文继续\n"},
		{"中文，\n**继续**", "中文，继续\n"},
		{"foo\nbar", "foo bar\n"},
		{"foo\n`bar`", "foo bar\n"},
		{"Hello\n中文", "Hello 中文\n"},
		{"中文  \n硬换行", "中文\n硬换行\n"},
	}
	r := New(Options{})
	for _, tt := range tests {
		if got := r.Render([]byte(tt.src), Doc{}).Plain; got != tt.want {
			t.Errorf("%q: Plain = %q, want %q", tt.src, got, tt.want)
		}
	}
}

func TestJoinSoftBreak(t *testing.T) {
	tests := []struct {
		prev, next rune
		want       bool
	}{
		{'中', '文', true},
		{'。', 'A', true},
		{'A', '（', true},
		{'”', '中', true},
		{'中', '“', true},
		{'a', 'b', false},
		{'.', 'N', false},
		{'a', '中', false},
		{'”', '“', false},
		{0, '中', false},
		{'한', '국', false},
		{'a', '\u200B', true},
	}
	for _, tt := range tests {
		if got := joinSoftBreak(tt.prev, tt.next); got != tt.want {
			t.Errorf("joinSoftBreak(%q, %q) = %v, want %v", tt.prev, tt.next, got, tt.want)
		}
	}
}

// TestNoBreak checks that document numbers and dates stay on one line, in
// Markdown and in text a layout shows.
func TestNoBreak(t *testing.T) {
	res := New(Options{}).Render([]byte("根据示教工委函〔2022〕15号，于2025年3月5日和12月1日召开，a\\[2022]1号 & 3月。\n"), Doc{})
	want := `<p>根据示教工委函<span class="nobr">〔2022〕15号</span>，于<span class="nobr">2025年3月5日</span>和<span class="nobr">12月1日</span>召开，a[2022]1号 &amp; 3月。</p>` + "\n"
	if got := string(res.HTML); got != want {
		t.Errorf("HTML:\n got %s\nwant %s", got, want)
	}
	if got, want := NoBreak("<示大党〔2024〕31号>"), `&lt;示大党<span class="nobr">〔2024〕31号</span>&gt;`; got != want {
		t.Errorf("NoBreak = %s, want %s", got, want)
	}
}
