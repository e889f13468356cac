package search

import (
	"encoding/json"
	"os"
	"slices"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// sharedCases is testdata/normalize.json, which the browser test runs
// through static/js/search-core.js too.
type sharedCases struct {
	Normalize []struct{ In, Want string }
	Query     []struct {
		Q             string
		Pieces, Terms []string
	}
	Keys []struct {
		Term, ShardKey string
		Units          int
		FNV            uint32
	}
}

func loadShared(t *testing.T) sharedCases {
	t.Helper()
	data, err := os.ReadFile("testdata/normalize.json")
	if err != nil {
		t.Fatal(err)
	}
	var c sharedCases
	if err := json.Unmarshal(data, &c); err != nil {
		t.Fatal(err)
	}
	return c
}

func TestSharedNormalize(t *testing.T) {
	for _, c := range loadShared(t).Normalize {
		if got := Normalize(c.In); got != c.Want {
			t.Errorf("Normalize(%q) = %q, want %q", c.In, got, c.Want)
		}
		if got := Normalize(Normalize(c.In)); got != c.Want {
			t.Errorf("Normalize twice (%q) = %q, want %q", c.In, got, c.Want)
		}
	}
}

// pieceStrings renders a query as the shared table writes it.
func pieceStrings(q Query, gram int) (pieces, terms []string) {
	pieces, terms = []string{}, []string{}
	for _, p := range q.Pieces {
		s := p.Text()
		if p.Prefix {
			s += "*"
		}
		pieces = append(pieces, s)
		for _, t := range p.Terms(gram) {
			s := t.Text
			if t.Prefix {
				s += "*"
			}
			terms = append(terms, s)
		}
	}
	return pieces, terms
}

func TestSharedQuery(t *testing.T) {
	for _, c := range loadShared(t).Query {
		pieces, terms := pieceStrings(ParseQuery(c.Q), 4)
		if strings.Join(pieces, "|") != strings.Join(c.Pieces, "|") || strings.Join(terms, "|") != strings.Join(c.Terms, "|") {
			t.Errorf("ParseQuery(%q): pieces %q terms %q, want %q and %q", c.Q, pieces, terms, c.Pieces, c.Terms)
		}
	}
}

func TestSharedKeys(t *testing.T) {
	for _, c := range loadShared(t).Keys {
		if got := shardKey(c.Term); got != c.ShardKey {
			t.Errorf("shardKey(%q) = %q, want %q", c.Term, got, c.ShardKey)
		}
		if got := countUnits(c.Term); got != c.Units {
			t.Errorf("countUnits(%q) = %d, want %d", c.Term, got, c.Units)
		}
		if got := fnv1a(c.ShardKey); got != c.FNV {
			t.Errorf("fnv1a(%q) = %d, want %d", c.ShardKey, got, c.FNV)
		}
	}
}

// TestFoldTable: every Traditional character folds to a character that
// folds no further, and Simplified text passes unchanged.
func TestFoldTable(t *testing.T) {
	m := foldMap()
	if len(m) < 3000 {
		t.Fatalf("fold table has %d pairs", len(m))
	}
	for k, v := range m {
		if fold(v) != v {
			t.Errorf("%c folds to %c, which folds again to %c", k, v, fold(v))
		}
	}
	for _, s := range []string{"党建工作样板支部", "学习贯彻党的二十大精神"} {
		if got := Normalize(s); got != s {
			t.Errorf("Normalize(%q) = %q", s, got)
		}
	}
	if got := parseFoldTable("# comment\nbad\n甲\t乙 丙\n乙\t丁\n丁\t甲\n"); got['甲'] == 0 {
		t.Errorf("parseFoldTable lost a pair of a cycle: %v", got)
	}
}

// FuzzNormalize: any input, valid UTF-8 or not, normalises without panic
// to valid text whose segments agree with it. (Normalising twice may differ
// on decomposed kana such as ｶﾞ, which NFKC composes only the second time.)
func FuzzNormalize(f *testing.F) {
	for _, s := range []string{"“十四五”规划", "AI+教育", "e\u0301", "a--b", "\xff\xfe", "ＰＰＴ", "黨建 2025年"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		n := Normalize(s)
		if !utf8.ValidString(n) {
			t.Fatalf("Normalize(%q) = %q is not UTF-8", s, n)
		}
		var lines []string
		for _, seg := range Segments(s) {
			lines = append(lines, joinUnits(seg))
		}
		if strings.Join(lines, "\n") != n {
			t.Fatalf("Segments(%q) disagree with Normalize %q", s, n)
		}
		ParseQuery(s)
	})
}

// normalizeCharsPlain is normalizeChars without its tables, as it was.
func normalizeCharsPlain(s string, emit func(r rune)) {
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		j := i + n
		for j < len(s) {
			m, mn := utf8.DecodeRuneInString(s[j:])
			if !unicode.IsMark(m) {
				break
			}
			j += mn
		}
		var out string
		switch {
		case j > i+n:
			out = norm.NFKC.String(s[i:j])
		case r < 0x80 || r >= 0x4e00 && r <= 0x9fff: // NFKC leaves these alone
			emit(fold(unicode.ToLower(r)))
			i = j
			continue
		default:
			out = norm.NFKC.String(string(r))
		}
		for _, c := range out {
			emit(fold(unicode.ToLower(c)))
		}
		i = j
	}
}

// TestNormalizeCharsTables: the tables of normalizeChars change nothing,
// for every character of the Basic Multilingual Plane (and some beyond)
// alone, followed by combining marks, and in bytes that are not UTF-8.
func TestNormalizeCharsTables(t *testing.T) {
	collect := func(f func(string, func(rune)), s string) []rune {
		var out []rune
		f(s, func(r rune) { out = append(out, r) })
		return out
	}
	var b strings.Builder
	check := func() {
		s := b.String()
		if got, want := collect(normalizeChars, s), collect(normalizeCharsPlain, s); !slices.Equal(got, want) {
			for i := 0; i < len(s); {
				_, n := utf8.DecodeRuneInString(s[i:])
				one := s[i : i+n]
				if got, want := collect(normalizeChars, one), collect(normalizeCharsPlain, one); !slices.Equal(got, want) {
					t.Fatalf("%+q: %q, want %q", one, string(got), string(want))
				}
				i += n
			}
			t.Fatalf("a chunk differs: %q, want %q", string(got), string(want))
		}
		b.Reset()
	}
	for r := rune(0); r <= unicode.MaxRune; r++ {
		if r < 0x10000 || r%61 == 0 {
			if got, want := nfkcRune(r), norm.NFKC.String(string(r)); got != want {
				t.Fatalf("nfkcRune(%U) = %+q, want %+q", r, got, want)
			}
		}
		if !utf8.ValidRune(r) || r >= 0x10000 && r%61 != 0 {
			continue
		}
		b.WriteRune(r)
		b.WriteByte(' ')
		if r%7 == 0 {
			b.WriteRune(r)
			b.WriteString("\u0301\u0323")
		}
		if r%4096 == 4095 {
			check()
		}
	}
	check()
	for _, s := range []string{"a\x80b", "中\xff\u0301文", "\xcc", "e\xcc\x81", "\xe4\xb8", "Ａ\u0308ｂ"} {
		b.WriteString(s)
		check()
	}
}
