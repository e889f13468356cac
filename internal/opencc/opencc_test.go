package opencc

import (
	"strings"
	"testing"
	"unicode/utf8"
)

func TestConvert(t *testing.T) {
	tests := []struct{ in, want string }{
		{"學校在新圖書館九樓會議室召開專題會議", "学校在新图书馆九楼会议室召开专题会议"},
		{"黨建“雙創”項目", "党建“双创”项目"},
		{"一目瞭然", "一目了然"}, // a phrase wins over its characters
		{"乾坤", "乾坤"},     // a phrase that keeps its Traditional form
		{"乾淨", "干净"},     // the character table
		{"already 简体 text", "already 简体 text"},
		{"", ""},
		{"(CPC) 2025", "(CPC) 2025"},
	}
	c := Default()
	for _, tt := range tests {
		got, _ := c.Convert(tt.in)
		if got != tt.want {
			t.Errorf("Convert(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestConvertCounts(t *testing.T) {
	_, n := Default().Convert("學校會議 学校")
	if n != 3 {
		t.Errorf("count = %d, want 3 (學, 會, 議)", n)
	}
}

func TestNewSkipsMalformedLines(t *testing.T) {
	c := New("# comment\n\nbad line\n甲乙\t丙丁 戊己\n甲\t乙\n")
	if got, _ := c.Convert("甲乙甲"); got != "丙丁乙" {
		t.Errorf("got %q", got)
	}
	var nilc *Converter
	if got, n := nilc.Convert("學"); got != "學" || n != 0 {
		t.Errorf("nil converter changed text")
	}
}

func FuzzConvert(f *testing.F) {
	f.Add("學(xué)校在新圖書館")
	f.Add("乾坤一擲\xff")
	f.Fuzz(func(t *testing.T, s string) {
		out, _ := Default().Convert(s)
		if utf8.ValidString(s) && !utf8.ValidString(out) {
			t.Fatalf("invalid UTF-8 out of valid input")
		}
		if strings.Count(s, "\n") != strings.Count(out, "\n") {
			t.Fatalf("line count changed")
		}
	})
}

func TestCharactersTable(t *testing.T) {
	if !strings.Contains(CharactersTable(), "\n學\t学\n") {
		t.Errorf("CharactersTable lacks the line 學\\t学")
	}
}
