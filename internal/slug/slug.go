// Package slug turns titles, file names and taxonomy terms into ASCII URL
// segments.
//
// Chinese never becomes a percent-encoded path: Han characters are spelled in
// toneless pinyin, one syllable per character, joined by hyphens
// (主题教育 → zhu-ti-jiao-yu); Latin letters are lower-cased and digits kept,
// so 5G实验室 → 5g-shi-yan-shi; everything else separates words. The first
// listed reading of a character is used, so a site that cares about a
// polyphone (银行 → yin-hang) maps the term by hand in site.toml's [slugs].
package slug

import (
	"strings"
	"sync"
	"unicode"

	"github.com/mozillazg/go-pinyin"
	"golang.org/x/text/unicode/norm"
)

var args = pinyin.NewArgs() // Style: Normal (no tones), first reading only

// Syllable is a Han character's first reading in toneless pinyin, or ""
// when it has none. go-pinyin takes the tones off with regular
// expressions, some 1 µs and a dozen allocations a character: each
// character is looked up once, then kept.
func Syllable(r rune) string {
	if py, ok := syllables.Load(r); ok {
		return py.(string)
	}
	py := ""
	if all := pinyin.SinglePinyin(r, args); len(all) > 0 {
		py = all[0]
	}
	syllables.Store(r, py)
	return py
}

var syllables sync.Map // rune → Syllable

// Make returns the ASCII slug of s, or "" if s has nothing to spell.
func Make(s string) string {
	s = norm.NFKC.String(s) // full-width letters and digits become ASCII
	var b strings.Builder
	dash := false // a separator is pending
	word := func(w string) {
		if dash && b.Len() > 0 {
			b.WriteByte('-')
		}
		dash = false
		b.WriteString(w)
	}
	prevHan := false
	for _, r := range s {
		switch {
		case r < unicode.MaxASCII && (unicode.IsLetter(r) || unicode.IsDigit(r)):
			if prevHan {
				dash = true
			}
			word(string(unicode.ToLower(r)))
			prevHan = false
		case r == '_' || r == '-':
			dash = true
			prevHan = false
		case unicode.Is(unicode.Han, r):
			py := Syllable(r)
			prevHan = true
			if py == "" {
				dash = true
				continue
			}
			dash = true
			word(py)
		default:
			dash = true
			prevHan = false
		}
	}
	return b.String()
}

// Valid reports whether s is already a clean slug: lower-case ASCII letters,
// digits, '-' and '_', not starting with a separator.
func Valid(s string) bool {
	if s == "" || s[0] == '-' || s[0] == '_' {
		return false
	}
	for _, r := range s {
		if !(r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r == '-' || r == '_') {
			return false
		}
	}
	return true
}
