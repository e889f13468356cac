// Package mojibake finds garbled Chinese text: text whose bytes went
// through the wrong encoding on the way from a correspondent (UTF-8 read as
// GBK, GBK read as UTF-8, Word's "?" for what it could not save) and cannot
// be turned back reliably.
//
// It never guesses the right words. Find reports each garbled spot with
// its line, column and the words around it, so that a person can compare
// it with the original and retype it; the import reports these spots and
// marks the page as a draft, and "showcase check" reports them until they
// are gone.
//
// # What counts
//
// A spot starts at a sign only mojibake produces:
//
//	鈥滃弻鍒涒€ 锛屾 銆傛  UTF-8 read as GBK: the characters' GBK bytes,
//	                      taken together, are UTF-8 again (see below)
//	锟斤拷                 GBK's replacement character read back
//	烫烫烫 屯屯屯           uninitialized memory
//	â€ Ã© Ã¨              UTF-8 read as Windows-1252
//	U+FFFD                the replacement character
//
// or at a "?" beside Chinese text (Sure is false then: it may be a
// half-width question mark). The spot grows over the signs that follow
// within three characters: more "?" or "!", Latin letters stuck to Han
// characters, and pinyin readings whose "(" was eaten ("示范?!薄皹?biāo)").
//
// UTF-8 read as GBK is told by pairs, never by one character: 鈥, 銆 and
// 锛 are real (rare) characters too, and appear alone in good prose. A
// run of such text is written back into GBK bytes, and those bytes are
// read as UTF-8: where they spell Chinese punctuation (“ ” ‘ ’ — … 、 。 ，
// ！ ？ ： ； （ ） 《 》), or two or more common characters in a row (GB2312's
// first level), or U+FFFD, the characters they came from are garbled.
// Good Chinese text almost never does: its GBK bytes seldom form UTF-8,
// and then spell a rare character or a lone one (see gbk.go).
package mojibake

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Garble is a spot of mojibake: text whose bytes went through the wrong
// encoding and cannot be turned back reliably, such as the seed's
// "示范?!薄皹?biāo)桿院系" for 示范校”“标杆院系. It is never guessed at: a
// person compares it with the original and types the right words.
type Garble struct {
	Line, Column int    // 1-based; the column counts characters
	Text         string // the garbled run
	Context      string // the run with up to 10 characters either side
	// Sure is false for a lone "?" beside Chinese text, which may be a
	// half-width question mark; true when the run shows more signs.
	Sure bool
}

// signatures are runs that only mojibake produces: GBK's replacement
// character read back (锟斤拷), uninitialized memory (烫烫烫, 屯屯屯) and
// UTF-8 read as Windows-1252 (“ → â€œ). UTF-8 read as GBK is found by
// gbkSpots.
var signatures = []string{"锟斤拷", "烫烫烫", "屯屯屯", "â€", "Ã©", "Ã¨", "\uFFFD"}

// Find returns the garbled spots of text, line by line.
func Find(text string) []Garble {
	var out []Garble
	for n, line := range strings.Split(text, "\n") {
		if ascii(line) {
			continue // every sign but "?" is beyond ASCII, and "?" counts beside Chinese
		}
		out = append(out, garbledInLine([]rune(line), n+1)...)
	}
	return out
}

func garbledInLine(rs []rune, line int) []Garble {
	var out []Garble
	spots := gbkSpots(rs)
	for i := 0; i < len(rs); i++ {
		size, sure := anchorAt(rs, i)
		for len(spots) > 0 && spots[0].from < i {
			spots = spots[1:]
		}
		if len(spots) > 0 && spots[0].from == i {
			size, sure = spots[0].to-i, true
		}
		if size == 0 {
			continue
		}
		end := extendGarble(rs, i+size)
		for len(spots) > 0 && spots[0].from < end { // a spot that overlaps this one joins it
			end = max(end, spots[0].to)
			spots = spots[1:]
		}
		if end > i+1 {
			sure = true
		}
		from, to := max(0, i-10), min(len(rs), end+10)
		out = append(out, Garble{
			Line: line, Column: i + 1, Text: string(rs[i:end]),
			Context: string(rs[from:to]), Sure: sure,
		})
		i = end - 1
	}
	return out
}

// anchorAt reports whether a garbled run starts at rs[i], and how many
// characters its first sign takes.
func anchorAt(rs []rune, i int) (size int, sure bool) {
	switch rs[i] {
	case '锟', '烫', '屯', 'â', 'Ã', '\uFFFD': // the signatures' first characters
		rest := string(rs[i:min(len(rs), i+3)])
		for _, sig := range signatures {
			if strings.HasPrefix(rest, sig) {
				return utf8.RuneCountInString(sig), true
			}
		}
	case '?':
		if i > 0 && cjk(rs[i-1]) || i+1 < len(rs) && cjk(rs[i+1]) {
			return 1, false
		}
	}
	return 0, false
}

// ascii reports a line of ASCII alone.
func ascii(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// extendGarble grows a run ending at end over the signs that follow within
// three characters: more "?" or "!", stray Latin letters stuck to Han
// characters, and pinyin readings that lost their opening parenthesis.
func extendGarble(rs []rune, end int) int {
	for {
		if n := readingAt(rs, end); n > 0 {
			end += n
			continue
		}
		grown := false
		for k := end; k < len(rs) && k < end+3; k++ {
			if suspect(rs, k) {
				end, grown = k+1, true
				break
			}
		}
		if !grown {
			return end
		}
	}
}

// suspect reports runes that belong to a garbled run once one has started.
func suspect(rs []rune, k int) bool {
	switch r := rs[k]; {
	case r == '?', r == '!', r == '\uFFFD':
		return true
	case r < unicode.MaxASCII && unicode.IsLetter(r):
		return k > 0 && unicode.Is(unicode.Han, rs[k-1]) || k+1 < len(rs) && unicode.Is(unicode.Han, rs[k+1])
	}
	return false
}

// readingAt measures a pinyin reading at rs[k]: "biāo)" (its "(" eaten by
// the garbling) or a whole "(jī)".
func readingAt(rs []rune, k int) int {
	j := k
	if j < len(rs) && (rs[j] == '(' || rs[j] == '（') {
		j++
	}
	start := j
	letters := 0
	for j < len(rs) && j-start < 8 && pinyinRune(rs[j]) {
		if !strings.ContainsRune("12345'’-", rs[j]) {
			letters++
		}
		j++
	}
	if letters == 0 || j >= len(rs) || (rs[j] != ')' && rs[j] != '）') {
		return 0
	}
	return j + 1 - k
}

// toneVowels are the letters of pinyin beyond ASCII.
const toneVowels = "āáǎàēéěèêīíǐìōóǒòūúǔùüǖǘǚǜńňǹḿ"

// pinyinRune reports runes that may appear inside a pinyin reading: letters
// (with tone marks), tone numbers, apostrophes and hyphens.
func pinyinRune(r rune) bool {
	switch {
	case r >= 'a' && r <= 'z', r >= 'A' && r <= 'Z', r >= '1' && r <= '5':
		return true
	case r == '\'', r == '’', r == '-':
		return true
	}
	return strings.ContainsRune(toneVowels, unicode.ToLower(r))
}

// cjk reports Han characters and CJK punctuation.
func cjk(r rune) bool {
	return unicode.Is(unicode.Han, r) || r >= 0x3000 && r <= 0x303f || r >= 0xff00 && r <= 0xffef ||
		r == '“' || r == '”' || r == '‘' || r == '’' || r == '…' || r == '—'
}
