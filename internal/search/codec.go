package search

import (
	"unicode/utf16"
	"unicode/utf8"
)

// A fragment in a pack is its JSON coded with its base's table of
// characters (dict.go), commonest first, so that deflate, which codes
// bytes, sees the skew of Chinese text: GB18030 spreads a Han character
// over two bytes in the order of its pinyin, so each byte is near
// uniform; here the 128 commonest characters are one byte each and the
// next 8,192 two bytes of which the first says how common. Byte by byte:
//
//	0x20 … 0x7e   that ASCII character (JSON has no other raw control)
//	0x80 … 0xff   character b − 0x80 of the table
//	0x00 … 0x1f   with the next byte t: character 128 + 256·b + t
//	0x7f          with the next two: a UTF-16 code unit (big endian),
//	              for any other character (a pair for one past U+FFFF)
//
// At 10,000 pages this takes 11 % off the packs for a table of 1,920
// characters (1.9 KB of the dictionary's gzip); the browser decodes it in
// a few lines (search-index.js).

const (
	codeOne    = 128  // characters of one byte
	codeEscape = 0x7f // a UTF-16 code unit follows
)

// codec codes fragments with a table of characters.
type codec struct {
	table []rune
	rank  map[rune]uint16
}

func newCodec(table []rune) *codec {
	c := &codec{table: table[:min(len(table), codeOne+32*256)], rank: make(map[rune]uint16, len(table))}
	for i, r := range c.table {
		c.rank[r] = uint16(i)
	}
	return c
}

// encode appends the coding of a text to b.
func (c *codec) encode(b, text []byte) []byte {
	for _, r := range string(text) {
		if r >= 0x20 && r < codeEscape {
			b = append(b, byte(r))
			continue
		}
		if k, ok := c.rank[r]; ok {
			if k < codeOne {
				b = append(b, byte(0x80+k))
			} else {
				k -= codeOne
				b = append(b, byte(k>>8), byte(k))
			}
			continue
		}
		if r > 0xffff {
			r1, r2 := utf16.EncodeRune(r)
			b = append(b, codeEscape, byte(r1>>8), byte(r1), codeEscape, byte(r2>>8), byte(r2))
			continue
		}
		b = append(b, codeEscape, byte(r>>8), byte(r))
	}
	return b
}

// decode returns the text of a coding.
func (c *codec) decode(b []byte) ([]byte, error) {
	out := make([]byte, 0, 2*len(b))
	var high rune // the first of a surrogate pair
	for i := 0; i < len(b); i++ {
		x := b[i]
		var r rune
		switch {
		case x >= 0x80:
			if int(x-0x80) >= len(c.table) {
				return nil, errCorrupt
			}
			r = c.table[x-0x80]
		case x < 0x20:
			if i+1 >= len(b) {
				return nil, errCorrupt
			}
			k := codeOne + int(x)<<8 + int(b[i+1])
			i++
			if k >= len(c.table) {
				return nil, errCorrupt
			}
			r = c.table[k]
		case x == codeEscape:
			if i+2 >= len(b) {
				return nil, errCorrupt
			}
			u := rune(b[i+1])<<8 | rune(b[i+2])
			i += 2
			if high != 0 {
				if r = utf16.DecodeRune(high, u); r == utf8.RuneError {
					return nil, errCorrupt
				}
				high = 0
			} else if utf16.IsSurrogate(u) {
				high = u
				continue
			} else {
				r = u
			}
		default:
			r = rune(x)
		}
		if high != 0 {
			return nil, errCorrupt // half a surrogate pair
		}
		out = utf8.AppendRune(out, r)
	}
	if high != 0 {
		return nil, errCorrupt
	}
	return out, nil
}
