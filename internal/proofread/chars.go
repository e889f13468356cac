package proofread

import (
	"strings"
	"unicode"
)

// This file sorts characters into the classes the rules speak of.

func isHan(r rune) bool { return unicode.Is(unicode.Han, r) }

// isCJKPunct reports full-width and Chinese punctuation: the CJK symbols
// block (not the ideographic space), the full-width forms' punctuation,
// and the quotes, ellipsis, dash and middle dot Chinese text uses.
func isCJKPunct(r rune) bool {
	switch {
	case r > 0x3000 && r <= 0x303f && r != 0x3007,
		r >= 0xff01 && r <= 0xff0f, r >= 0xff1a && r <= 0xff20,
		r >= 0xff3b && r <= 0xff40, r >= 0xff5b && r <= 0xff65:
		return true
	}
	return strings.ContainsRune("“”‘’…—―·", r)
}

// isChinese reports a character after which punctuation is Chinese.
func isChinese(r rune) bool { return isHan(r) || isCJKPunct(r) }

func isASCIIAlnum(r rune) bool {
	return r >= '0' && r <= '9' || r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z'
}

func isSpace(r rune) bool { return r == ' ' || r == '\t' }

func isOpeningBracket(r rune) bool { return strings.ContainsRune("（《「『【〔〈〖", r) }
func isClosingBracket(r rune) bool { return strings.ContainsRune("）》」』】〕〉〗", r) }

// isStop reports the full-width marks that end a clause: ，。、；：？！
func isStop(r rune) bool { return strings.ContainsRune("，。、；：？！", r) }

// isNumeral reports Chinese numerals: "一." heads a list, it ends no
// sentence.
func isNumeral(r rune) bool {
	return strings.ContainsRune("〇零一二三四五六七八九十百千万两", r)
}

// tightAfter reports marks after which an ASCII space is a slip.
func tightAfter(r rune) bool { return isStop(r) || isOpeningBracket(r) || isClosingBracket(r) }

// tightBefore reports marks before which an ASCII space is a slip.
func tightBefore(r rune) bool { return isStop(r) || isClosingBracket(r) }

// isQuestionParticle reports the characters that end a question or an
// exclamation: a "?" after them is a question mark.
func isQuestionParticle(r rune) bool { return strings.ContainsRune("吗呢吧啊呀嘛么哦", r) }

// isQuestionWord reports characters that make a clause a question.
func isQuestionWord(r rune) bool { return strings.ContainsRune("吗呢么谁哪何啥怎否", r) }

// protect marks the characters of bare URLs (scheme://…, www.…) and
// e-mail addresses as kept. A URL runs up to a space, a marker or
// full-width punctuation (it may hold Chinese: www.示例.中国). It also
// keeps what stands in brackets right after "]": "[](日! 0)" is text only
// because it does not parse as a link, and a fix ("日！0") could make it
// one.
func protect(b []char) {
	keepFailedDestinations(b)
	urlChar := func(i int) bool {
		if i >= len(b) || b[i].marker() {
			return false
		}
		r := b[i].orig
		return r > ' ' && r != '<' && r != '>' && r != 0x7f && !isCJKPunct(r) && r != 0x3000
	}
	keepFrom := func(from, to int) int {
		for to < len(b) && urlChar(to) {
			to++
		}
		for k := from; k < to; k++ {
			b[k].keep = true
		}
		return to
	}
	for i := 0; i < len(b); i++ {
		switch {
		case b[i].orig == ':' && origIs(b, i+1, '/') && origIs(b, i+2, '/'):
			from := i
			for from > 0 && !b[from-1].marker() && (isASCIIAlnum(b[from-1].orig) || strings.ContainsRune("+-.", b[from-1].orig)) {
				from--
			}
			i = keepFrom(from, i) - 1
		case (b[i].orig == 'w' || b[i].orig == 'W') && wwwAt(b, i) && (i == 0 || !isASCIIAlnum(b[i-1].orig)):
			i = keepFrom(i, i) - 1
		case b[i].orig == '@' && i > 0 && isASCIIAlnum(b[i-1].orig) && i+1 < len(b) && isASCIIAlnum(b[i+1].orig):
			from := i
			for from > 0 && !b[from-1].marker() && (isASCIIAlnum(b[from-1].orig) || strings.ContainsRune("._%+-", b[from-1].orig)) {
				from--
			}
			i = keepFrom(from, i) - 1
		}
	}
}

// keepFailedDestinations keeps each "(" right after "]" and what follows
// it on its line, up to the matching ")".
func keepFailedDestinations(b []char) {
	for i := 0; i < len(b); i++ {
		if !b[i].afterLink {
			continue
		}
		depth := 0
		for k := i; k < len(b) && !(b[k].marker() && b[k].orig == lineBreak); k++ {
			b[k].keep = true
			if b[k].orig == '(' {
				depth++
			} else if b[k].orig == ')' {
				if depth--; depth == 0 {
					break
				}
			}
			i = k
		}
	}
}

func origIs(b []char, i int, r rune) bool { return i < len(b) && !b[i].marker() && b[i].orig == r }

func wwwAt(b []char, i int) bool {
	for k, want := range "www." {
		if i+k >= len(b) || unicode.ToLower(b[i+k].orig) != want || b[i+k].marker() {
			return false
		}
	}
	return true
}
