package mojibake

import (
	"sync"
	"unicode/utf8"

	"golang.org/x/text/encoding/simplifiedchinese"
)

// span is a run of characters rs[from:to].
type span struct{ from, to int }

// gbkSpots finds UTF-8 read as GBK in a line: the runs of characters whose
// GBK bytes, read as UTF-8, spell what Chinese text is made of (see
// evidence). A run of characters GBK has (and U+FFFD, which a decoder puts
// for the bytes it could not read) is written back into GBK bytes, piece
// by piece between the U+FFFDs, and each piece is read as UTF-8 from every
// byte on, so that a character split across two garbled ones (“ = E2 80 9C
// → 鈥 + 9C…) is found whichever way the bytes fell. A spot takes in the
// rare characters (not GB2312's first level, nor punctuation) on either
// side of its evidence, within the run: the garbled text around it.
func gbkSpots(rs []rune) []span {
	var out []span
	var buf []byte
	var owner []int // the character each byte of buf came from
	for i := 0; i < len(rs); {
		if !garbleRune(rs[i]) {
			i++
			continue
		}
		j := i
		for j < len(rs) && garbleRune(rs[j]) {
			j++
		}
		for p := i; p < j; {
			if rs[p] == '\uFFFD' {
				p++
				continue
			}
			buf, owner = buf[:0], owner[:0]
			q := p
			for ; q < j && rs[q] != '\uFFFD'; q++ {
				if rs[q] == '€' { // 0x80 alone in Windows' GBK
					buf, owner = append(buf, 0x80), append(owner, q)
					continue
				}
				c := gbkCode(rs[q])
				buf, owner = append(buf, byte(c>>8), byte(c)), append(owner, q, q)
			}
			for _, s := range evidence(rs, buf, owner, q < j) {
				for s.from > i && rare(rs[s.from-1]) {
					s.from--
				}
				for s.to < j && rare(rs[s.to]) {
					s.to++
				}
				if n := len(out); n > 0 && s.from <= out[n-1].to {
					out[n-1].to = max(out[n-1].to, s.to)
					continue
				}
				out = append(out, s)
			}
			p = q
		}
		i = j
	}
	return out
}

// evidence reads buf as UTF-8 from every byte on and returns the spans of
// characters (by owner) whose bytes spell U+FFFD, three or more common
// characters in a row, or Chinese punctuation out of characters none of
// which is common ("物紝" is good text whose bytes CE EF BC 8C hold "，";
// "鈥檚" is ’s garbled). cut says the bytes were cut short by a U+FFFD:
// a character begun at their end counts as a common one.
func evidence(rs []rune, buf []byte, owner []int, cut bool) []span {
	var out []span
	add := func(from, to int) { // bytes buf[from:to]
		s := span{owner[from], owner[to-1] + 1}
		if n := len(out); n > 0 && s.from <= out[n-1].to {
			out[n-1].to = max(out[n-1].to, s.to)
			return
		}
		out = append(out, s)
	}
	for k := 0; k < len(buf); {
		r, size := utf8.DecodeRune(buf[k:])
		switch {
		case size == 3 && r == utf8.RuneError, // U+FFFD itself: 锟斤拷
			size > 1 && punctuation(r) && !anyCommon(rs[owner[k]:owner[k+size-1]+1]):
			add(k, k+size)
			k += size
			continue
		case size < 2 || !common(r):
			k++
			continue
		}
		// a run of common characters: three or more in a row
		end, n := k, 0
		for end < len(buf) {
			r, size := utf8.DecodeRune(buf[end:])
			if size < 2 || !common(r) && !punctuation(r) {
				if cut && size == 1 && !utf8.FullRune(buf[end:]) && utf8.RuneStart(buf[end]) && buf[end] >= 0xE0 {
					end, n = len(buf), n+1
				}
				break
			}
			end += size
			n++
		}
		if n >= 3 {
			add(k, end)
			k = end
			continue
		}
		k++
	}
	return out
}

// anyCommon reports whether any of the characters is common.
func anyCommon(rs []rune) bool {
	for _, r := range rs {
		if common(r) {
			return true
		}
	}
	return false
}

// punctuation reports the Chinese punctuation whose UTF-8 bytes, read as
// GBK, make the best-known mojibake: “ ” ‘ ’ — … → 鈥, 、 。 《 》 → 銆,
// ， ！ ？ ： ； （ ） → 锛.
func punctuation(r rune) bool {
	switch r {
	case '“', '”', '‘', '’', '—', '…', '、', '。', '《', '》', '，', '！', '？', '：', '；', '（', '）':
		return true
	}
	return false
}

// rare reports the characters a spot takes in beside its evidence: all but
// the common ones and Chinese punctuation.
func rare(r rune) bool { return !common(r) && !punctuation(r) }

// common reports the characters of GB2312's first level (the 3,755 most
// used), which a Chinese text is mostly made of.
func common(r rune) bool {
	c := gbkCode(r)
	return c>>8 >= 0xB0 && c>>8 <= 0xD7 && c&0xFF >= 0xA1
}

// garbleRune reports the characters a run of UTF-8 read as GBK is made
// of: those GBK writes in two bytes, € (0x80 alone in Windows' GBK) and
// U+FFFD.
func garbleRune(r rune) bool { return gbkCode(r) != 0 || r == '€' || r == '\uFFFD' }

var (
	gbkOnce  sync.Once
	gbkTable []uint16 // U+0080…U+FFFF → the GBK code (two bytes), or 0
)

// gbkCode is a character's two GBK bytes, or 0 for ASCII, a character GBK
// does not have or writes in one byte, and one outside the Basic
// Multilingual Plane.
func gbkCode(r rune) uint16 {
	if r < 0x80 || r > 0xFFFF {
		return 0
	}
	gbkOnce.Do(makeGBKTable)
	return gbkTable[r]
}

// makeGBKTable writes every character of the Basic Multilingual Plane in
// GBK once.
func makeGBKTable() {
	gbkTable = make([]uint16, 0x10000)
	enc := simplifiedchinese.GBK.NewEncoder()
	var src [4]byte
	dst := make([]byte, 8)
	for r := rune(0x80); r <= 0xFFFF; r++ {
		if r >= 0xD800 && r <= 0xDFFF {
			continue
		}
		n := utf8.EncodeRune(src[:], r)
		enc.Reset()
		m, _, err := enc.Transform(dst, src[:n], true)
		if err == nil && m == 2 {
			gbkTable[r] = uint16(dst[0])<<8 | uint16(dst[1])
		}
	}
}
