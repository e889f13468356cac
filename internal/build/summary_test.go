package build

import (
	"strings"
	"testing"
	"unicode/utf8"
)

// summarizeWhole is summarize as it was: the whole text split into words.
func summarizeWhole(plain string, n int) string {
	text := strings.Join(strings.Fields(strings.ReplaceAll(plain, "\n", " ")), " ")
	if utf8.RuneCountInString(text) <= n {
		return text
	}
	r := []rune(text)[:n]
	for i := len(r) - 1; i > n/2; i-- {
		switch r[i] {
		case '。', '！', '？', '；', '.', '!', '?':
			return string(r[:i+1])
		}
	}
	return strings.TrimSpace(string(r)) + "…"
}

func FuzzSummarize(f *testing.F) {
	for _, s := range []string{
		"", " ", "\n\n", "一句话。", "  前后有空格  ", "第一句。第二句！\n第三句？ 还有 很多\t字 ",
		strings.Repeat("党建 工作\u00a0动态。", 40), "bad \xff\xfe bytes\u0085here", strings.Repeat("a ", 200),
	} {
		for _, n := range []int{0, 1, 5, 20, 120} {
			f.Add(s, n)
		}
	}
	f.Fuzz(func(t *testing.T, plain string, n int) {
		n = max(0, n%300)
		if got, want := summarize(plain, n), summarizeWhole(plain, n); got != want {
			t.Fatalf("summarize(%q, %d) = %q, want %q", plain, n, got, want)
		}
	})
}
