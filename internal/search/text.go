package search

import (
	"sync"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/simplifiedchinese"
)

// A fragment file holds the fragment's JSON either in UTF-8 or, when every
// character of it is one that GB18030 writes the same in every edition and
// browser (ASCII, the CJK ideographs U+4E00…U+9FA5 and common Chinese
// punctuation), in GB18030 after a byte 1: two bytes a Han character
// instead of three, which gzip turns into a sixth less. The browser decodes
// it with TextDecoder("gb18030").

const gbMark = 1

// gbEncoders are reused: every fragment and dictionary run is packed, and
// the rare shard term putTerm cannot write from hanGB.
var gbEncoders = sync.Pool{New: func() any { return simplifiedchinese.GB18030.NewEncoder() }}

// packText returns the bytes a fragment file holds for its JSON.
func packText(j []byte) []byte {
	for _, r := range string(j) {
		if !gbSafe(r) {
			return j
		}
	}
	e := gbEncoders.Get().(*encoding.Encoder)
	gb, err := e.Bytes(j)
	gbEncoders.Put(e)
	if err != nil {
		return j
	}
	return append([]byte{gbMark}, gb...)
}

// unpackText returns a fragment's JSON from what its file holds.
func unpackText(b []byte) ([]byte, error) {
	if len(b) == 0 || b[0] != gbMark {
		return b, nil
	}
	return simplifiedchinese.GB18030.NewDecoder().Bytes(b[1:])
}

// putTerm writes a term of a shard: its byte length times two, plus one
// when the bytes are GB18030 (all its characters safe), then the bytes;
// GB18030 saves a third of a Han term's bytes, 5 % of the shards.
func putTerm(b []byte, t string) []byte {
	han := hanGB()
	n := 0 // GB18030 bytes, when t is ASCII and CJK ideographs (most terms)
	for _, r := range t {
		switch {
		case r < 0x80 && r != 0:
			n++
		case r >= hanFirst && r <= hanLast && han != nil:
			n += 2
		default:
			return putTermPacked(b, t)
		}
	}
	b = putUvarint(b, uint64(n)*2+1)
	for _, r := range t {
		if r < 0x80 {
			b = append(b, byte(r))
		} else {
			b = append(b, han[2*(r-hanFirst):2*(r-hanFirst)+2]...)
		}
	}
	return b
}

// putTermPacked is putTerm by packText.
func putTermPacked(b []byte, t string) []byte {
	if p := packText([]byte(t)); len(p) > 0 && p[0] == gbMark {
		b = putUvarint(b, uint64(len(p)-1)*2+1)
		return append(b, p[1:]...)
	}
	b = putUvarint(b, uint64(len(t))*2)
	return append(b, t...)
}

// the CJK ideographs GB18030 writes in two bytes each (gbSafe)
const hanFirst, hanLast = 0x4e00, 0x9fa5

// hanGB holds the GB18030 bytes of hanFirst…hanLast, two a character, for
// putTerm, which writes hundreds of thousands of terms; nil should the
// encoder not write them so.
var hanGB = sync.OnceValue(func() []byte {
	all := make([]rune, 0, hanLast-hanFirst+1)
	for r := rune(hanFirst); r <= hanLast; r++ {
		all = append(all, r)
	}
	gb, err := simplifiedchinese.GB18030.NewEncoder().Bytes([]byte(string(all)))
	if err != nil || len(gb) != 2*len(all) {
		return nil
	}
	return gb
})

// term reads what putTerm wrote.
func (r *reader) term() string {
	n := r.uvarint()
	b := r.bytes(n / 2)
	if n%2 == 0 || r.err != nil {
		return string(b)
	}
	s, err := simplifiedchinese.GB18030.NewDecoder().Bytes(b)
	if err != nil {
		r.err = errCorrupt
	}
	return string(s)
}

// gbSafe: characters GB18030 encodes alike in its 2000, 2005 and 2022
// editions and in the WHATWG Encoding Standard, in one or two bytes.
func gbSafe(r rune) bool {
	switch {
	case r < 0x80:
		return r != 0
	case r >= 0x4e00 && r <= 0x9fa5:
		return true
	case r >= 0x3001 && r <= 0x3011: // 、。〃〄々〆〇〈〉《》「」『』【】
		return true
	case r >= 0xff01 && r <= 0xff5d: // full-width ASCII
		return true
	}
	switch r {
	case 0x2014, 0x2018, 0x2019, 0x201c, 0x201d, 0x2026, 0x3000, 0x00b7, 0x00d7, 0x2103, 0x2116:
		return true
	}
	return false
}
