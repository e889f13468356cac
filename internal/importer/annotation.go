package importer

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/mozillazg/go-pinyin"
)

// MinAnnotations is how many validated pinyin annotations a text must hold
// before any is removed: one "(an)" after 安 in an ordinary text is left
// alone, a flattened ruby page has dozens.
const MinAnnotations = 3

// Annotation is a pinyin reading written in parentheses after the Han
// characters it reads: the "(xué)" of "學(xué)校", left behind when HTML
// ruby markup (<ruby>學<rt>xué</rt></ruby>) is flattened to text.
type Annotation struct {
	Start, End int    // byte offsets of "(xué)" in the text, parentheses included
	Base       string // the characters read, "學"
	Reading    string // as written, "xué"
}

// FindAnnotations returns the validated annotations of s in order. A
// parenthesis counts only when it holds nothing but pinyin syllables (with
// tone marks, tone numbers or none) and those syllables are readings of the
// Han characters right before it, one syllable a character: "學(xué)" and
// "學校(xué xiào)" do, "黨委(党总支)", "(CPC)" and "學(shū)" do not.
func FindAnnotations(s string) []Annotation {
	var out []Annotation
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		if r != '(' && r != '（' {
			i += size
			continue
		}
		if a, ok := annotationAt(s, i, size); ok {
			out = append(out, a)
			i = a.End
			continue
		}
		i += size
	}
	return out
}

// StripAnnotations removes the validated annotations of s when it holds at
// least MinAnnotations of them, and returns the text and what was removed.
func StripAnnotations(s string) (string, []Annotation) {
	anns := FindAnnotations(s)
	if len(anns) < MinAnnotations {
		return s, nil
	}
	return RemoveAnnotations(s, anns), anns
}

// RemoveAnnotations cuts the given annotations (found in s, in order) out of s.
func RemoveAnnotations(s string, anns []Annotation) string {
	var b strings.Builder
	last := 0
	for _, a := range anns {
		if a.Start < last || a.End > len(s) || a.Start > a.End {
			continue // not from this text: ignore rather than lose text
		}
		b.WriteString(s[last:a.Start])
		last = a.End
	}
	b.WriteString(s[last:])
	return b.String()
}

// annotationAt reads a candidate annotation whose opening parenthesis of
// size bytes is at s[open].
func annotationAt(s string, open, size int) (Annotation, bool) {
	closeAt := -1
	for j := open + size; j < len(s) && j-open < 64; {
		r, n := utf8.DecodeRuneInString(s[j:])
		if r == ')' || r == '）' {
			closeAt = j
			break
		}
		if !pinyinRune(r) {
			return Annotation{}, false
		}
		j += n
	}
	if closeAt < 0 {
		return Annotation{}, false
	}
	inner := s[open+size : closeAt]
	_, closeSize := utf8.DecodeRuneInString(s[closeAt:])
	syllables := splitSyllables(inner)
	if len(syllables) == 0 {
		return Annotation{}, false
	}
	hans := hanRunesBefore(s, open, 8)
	base, ok := matchReadings(hans, syllables)
	if !ok {
		return Annotation{}, false
	}
	return Annotation{Start: open, End: closeAt + closeSize, Base: base, Reading: inner}, true
}

// pinyinRune reports runes that may appear inside a pinyin annotation.
func pinyinRune(r rune) bool {
	switch {
	case r >= 'a' && r <= 'z', r >= 'A' && r <= 'Z', r >= '1' && r <= '5':
		return true
	case r == ' ', r == '\'', r == '’', r == '-':
		return true
	}
	_, ok := toneless[unicode.ToLower(r)]
	return ok
}

// toneless maps vowels with tone marks (and ü) to plain letters; ü is "v".
var toneless = map[rune]string{
	'ā': "a", 'á': "a", 'ǎ': "a", 'à': "a",
	'ē': "e", 'é': "e", 'ě': "e", 'è': "e", 'ê': "e",
	'ī': "i", 'í': "i", 'ǐ': "i", 'ì': "i",
	'ō': "o", 'ó': "o", 'ǒ': "o", 'ò': "o",
	'ū': "u", 'ú': "u", 'ǔ': "u", 'ù': "u",
	'ü': "v", 'ǖ': "v", 'ǘ': "v", 'ǚ': "v", 'ǜ': "v",
	'ń': "n", 'ň': "n", 'ǹ': "n", 'ḿ': "m",
}

// plainPinyin lower-cases a syllable and drops tone marks and tone numbers.
func plainPinyin(s string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(s) {
		switch {
		case r >= 'a' && r <= 'z':
			b.WriteRune(r)
		case r >= '1' && r <= '5', r == '\'', r == '’', r == '-', r == ' ':
		default:
			b.WriteString(toneless[r])
		}
	}
	return strings.ReplaceAll(b.String(), "u:", "v")
}

// splitSyllables returns the plain pinyin of an annotation, one string per
// written word (a word may still hold several syllables: "xuexiao").
func splitSyllables(inner string) []string {
	var out []string
	for _, w := range strings.FieldsFunc(inner, func(r rune) bool { return r == ' ' || r == '\'' || r == '’' || r == '-' }) {
		if p := plainPinyin(w); p != "" {
			out = append(out, p)
		}
	}
	return out
}

// hanRunesBefore returns up to max Han characters that end right at s[end].
func hanRunesBefore(s string, end, max int) []rune {
	var rs []rune
	for end > 0 && len(rs) < max {
		r, size := utf8.DecodeLastRuneInString(s[:end])
		if !unicode.Is(unicode.Han, r) {
			break
		}
		rs = append(rs, r)
		end -= size
	}
	for i, j := 0, len(rs)-1; i < j; i, j = i+1, j-1 {
		rs[i], rs[j] = rs[j], rs[i]
	}
	return rs
}

var heteronyms = func() pinyin.Args {
	a := pinyin.NewArgs()
	a.Style = pinyin.Tone
	a.Heteronym = true
	return a
}()

// readings returns the plain pinyin readings of a Han character.
func readings(r rune) []string {
	var out []string
	for _, p := range pinyin.SinglePinyin(r, heteronyms) {
		if p = plainPinyin(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}

// matchReadings finds the fewest trailing characters of hans whose readings,
// one syllable each, spell the annotation's words, and returns them.
func matchReadings(hans []rune, words []string) (string, bool) {
	joined := strings.Join(words, "")
	for k := 1; k <= len(hans); k++ {
		chars := hans[len(hans)-k:]
		if k < len(words) {
			continue // more written words than characters
		}
		if spells(chars, joined) {
			return string(chars), true
		}
	}
	return "", false
}

// spells reports whether text is a concatenation of one reading of each
// character of chars, in order.
func spells(chars []rune, text string) bool {
	if len(chars) == 0 {
		return text == ""
	}
	for _, rd := range readings(chars[0]) {
		if strings.HasPrefix(text, rd) && spells(chars[1:], text[len(rd):]) {
			return true
		}
	}
	return false
}
