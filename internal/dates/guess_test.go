package dates

import (
	"strings"
	"testing"
	"time"
)

func TestGuess(t *testing.T) {
	ref := time.Date(2026, 1, 5, 9, 0, 0, 0, CST) // the file's date, or today
	tests := []struct {
		name, text, want, words, yearWords string
		fromRef                            bool
	}{
		{"full date first", "2025年10月20日，学院召开会议。", "2025-10-20", "2025年10月20日", "", false},
		{"year from the text", "10月20日，学院召开2025年度总结会。", "2025-10-20", "10月20日", "2025年", false},
		{"nearest year of the text", "10月20日，学院回顾2012年以来、2024年和2025年的工作。", "2025-10-20", "10月20日", "2025年", false},
		{"a year long past is not the report's", "10月20日，回顾党的十八大（2012年）以来的成就。", "2025-10-20", "10月20日", "", true},
		{"year of the reference", "1月3日，学院召开会议。", "2026-01-03", "1月3日", "", true},
		{"after the reference: the year before", "12月28日，学院召开会议。", "2025-12-28", "12月28日", "", true},
		{"a notice's date at its end", "各支部：请于本周内报送材料。\n\n党委组织部\n2025年12月30日", "2025-12-30", "2025年12月30日", "", false},
	}
	for _, tt := range tests {
		g, ok := Guess(tt.text, ref)
		if !ok || g.Date.Format("2006-01-02") != tt.want || g.Words != tt.words || g.YearWords != tt.yearWords || g.FromReference != tt.fromRef {
			t.Errorf("%s: Guess = %+v %v, want %s from %q, year from %q (reference %v)", tt.name, g, ok, tt.want, tt.words, tt.yearWords, tt.fromRef)
		}
	}
	if g, ok := Guess("学院召开会议，部署工作。", ref); ok {
		t.Errorf("a text without a date gave %+v", g)
	}
	if g, ok := Guess("2月30日召开会议。", ref); ok {
		t.Errorf("a day that does not exist gave %+v", g)
	}
}

func TestIsDateLine(t *testing.T) {
	for s, want := range map[string]bool{
		"2025年10月26日":           true,
		"发布时间：2025-10-26 09:30": true,
		"10月26日 星期日":            true,
		"1761449400":            true,
		"学校召开推进会":               false,
		"2025年度党建工作总结":          false,
		"学院10月26日召开会议":          false,
	} {
		if got := IsDateLine(s); got != want {
			t.Errorf("IsDateLine(%q) = %v, want %v", s, got, want)
		}
	}
}

// FuzzGuess: any text gives either no date or a date that exists, read
// from words of the text.
func FuzzGuess(f *testing.F) {
	for _, s := range []string{"10月20日，学院召开2025年度总结会。", "2025年2月29日", "12月28日", "发布时间：2025.10.26 09:05", "0月0日2099年"} {
		f.Add(s)
	}
	ref := time.Date(2026, 1, 5, 9, 0, 0, 0, CST)
	f.Fuzz(func(t *testing.T, text string) {
		IsDateLine(text)
		g, ok := Guess(text, ref)
		if !ok {
			return
		}
		if g.Date.Year() < 1900 || !strings.Contains(text, g.Words) || g.YearWords != "" && !strings.Contains(text, g.YearWords) {
			t.Fatalf("Guess(%q) = %+v", text, g)
		}
	})
}
