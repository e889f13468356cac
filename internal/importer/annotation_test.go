package importer

import (
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

func TestStripAnnotations(t *testing.T) {
	tests := []struct{ in, want string }{
		// the seed: only some characters carry a reading
		{"學(xué)校在新圖書館九樓會(huì)議室召開專題會(huì)議", "學校在新圖書館九樓會議室召開專題會議"},
		// parentheses that are not readings survive
		{"學(xué)習(xí)會(huì)議,各基層黨委(黨總支)書記(CPC)", "學習會議,各基層黨委(黨總支)書記(CPC)"},
		// a wrong reading is no annotation
		{"學(xué)習(xí)會(huì)議學(shū)", "學習會議學(shū)"},
		// tone numbers, no tones, full-width parentheses, a word annotated whole
		{"學(xue2)習(xi)會（huì）學校(xué xiào)", "學習會學校"},
		{"雙創(shuāngchuàng)工作學(xué)習(xí)", "雙創工作學習"},
		// too few to be an artifact
		{"安(an)全", "安(an)全"},
		{"", ""},
	}
	for _, tt := range tests {
		got, _ := StripAnnotations(tt.in)
		if got != tt.want {
			t.Errorf("StripAnnotations(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestFindAnnotationsBase(t *testing.T) {
	anns := FindAnnotations("黨建“雙創(chuàng)”學校(xué xiào)")
	if len(anns) != 2 || anns[0].Base != "創" || anns[1].Base != "學校" || anns[1].Reading != "xué xiào" {
		t.Errorf("got %+v", anns)
	}
}

// FuzzStripAnnotations: never a panic, and the output is the input with
// the removed annotations — parenthesized pinyin right after Han
// characters — cut out, nothing else.
func FuzzStripAnnotations(f *testing.F) {
	for _, s := range []string{
		"學(xué)校在新圖書館九樓會(huì)議室召開專題會(huì)議", "黨委(黨總支)(CPC)", "學(xue2)習(xi)會（huì）", "(", "（)", "會(",
		"示范?!薄皹?biāo)桿院系", "學(xué)\xff(xué)學(xué)",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		out, anns := StripAnnotations(s)
		var rebuilt strings.Builder
		last := 0
		for _, a := range anns {
			if a.Start < last || a.End > len(s) || a.Start >= a.End {
				t.Fatalf("annotation %+v out of order or bounds", a)
			}
			span := s[a.Start:a.End]
			open, _ := utf8.DecodeRuneInString(span)
			end, _ := utf8.DecodeLastRuneInString(span)
			if open != '(' && open != '（' || end != ')' && end != '）' {
				t.Fatalf("removed %q, which is not parenthesized", span)
			}
			before, _ := utf8.DecodeLastRuneInString(s[:a.Start])
			if !unicode.Is(unicode.Han, before) || !strings.HasSuffix(s[:a.Start], a.Base) {
				t.Fatalf("removed %q, not after the Han characters %q", span, a.Base)
			}
			rebuilt.WriteString(s[last:a.Start])
			last = a.End
		}
		rebuilt.WriteString(s[last:])
		if rebuilt.String() != out {
			t.Fatalf("text lost outside the removed annotations:\n in %q\nout %q", s, out)
		}
		if len(anns) > 0 && len(anns) < MinAnnotations {
			t.Fatalf("removed %d annotations, fewer than %d", len(anns), MinAnnotations)
		}
	})
}
