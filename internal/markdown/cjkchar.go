package markdown

import (
	"unicode"

	"github.com/yuin/goldmark/util"
)

// This file classifies characters for the two CJK rules of the package:
// emphasis flanking (cjkemphasis.go) and soft line breaks (softbreak.go).

// isCJK reports whether r is a CJK character in the sense of the
// "CommonMark CJK-friendly amendments": East Asian Width F, W or H, or
// Hangul. Han, kana, Hangul, and full-width punctuation such as ，。！？；：）
// are CJK; the ambiguous-width quotes “”‘’ are not.
func isCJK(r rune) bool {
	if r < 0x1100 {
		return false
	}
	switch util.EastAsianWidth(r) {
	case "F", "W", "H":
		return true
	}
	return unicode.Is(unicode.Hangul, r)
}

// isIdeographicVariationSelector reports whether r is an IVS
// (U+E0100–U+E01EF). An IVS always follows a Han character, so a delimiter
// preceded by one is preceded by CJK text.
func isIdeographicVariationSelector(r rune) bool {
	return r >= 0xE0100 && r <= 0xE01EF
}

// isPunct reports whether r is a CommonMark Unicode punctuation character
// (general category P or S).
func isPunct(r rune) bool {
	return util.IsPunctRune(r)
}

// isNonCJKPunct reports whether r is punctuation that is not CJK. The
// CJK-friendly flanking rules treat CJK punctuation like a letter.
func isNonCJKPunct(r rune) bool {
	return isPunct(r) && !isCJK(r)
}

// isSpace reports whether r is Unicode whitespace (U+3000 included).
func isSpace(r rune) bool {
	return util.IsSpaceRune(r)
}

// isAmbiguousCJKPunct reports whether r is punctuation of ambiguous East
// Asian width that Chinese text uses as if it were full-width: curly
// quotes, ellipsis, em dash, middle dot.
func isAmbiguousCJKPunct(r rune) bool {
	switch r {
	case '“', '”', '‘', '’', '…', '—', '―', '·', '‧':
		return true
	}
	return false
}

// joinSoftBreak reports whether a soft line break between the characters
// prev and next disappears from the output instead of becoming a space
// (HTML: a newline). It follows the CSS Text 3 segment break rules: the
// break vanishes between two wide characters, next to full-width
// punctuation, and between a wide character and Chinese-style quotes; it
// stays between Latin words, between Latin and Han, and in Korean, which
// separates words with spaces. A zero rune (no neighbour) keeps the break.
func joinSoftBreak(prev, next rune) bool {
	if prev == '\u200B' || next == '\u200B' {
		return true
	}
	if unicode.Is(unicode.Hangul, prev) || unicode.Is(unicode.Hangul, next) {
		return false
	}
	prevWide, nextWide := isCJK(prev), isCJK(next)
	switch {
	case prevWide && nextWide:
		return true
	case prevWide && isPunct(prev), nextWide && isPunct(next):
		return true
	case prevWide && isAmbiguousCJKPunct(next), nextWide && isAmbiguousCJKPunct(prev):
		return true
	}
	return false
}
