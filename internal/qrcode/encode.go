// Package qrcode draws QR codes. Encode gives the modules of a text's
// symbol exactly as github.com/skip2/go-qrcode draws them (the same
// segments, version, mask and quiet zone; TestEncodeIsSkip2s compares them)
// for a tenth of its time: a site build draws one for each page's footer,
// and skip2's drawing was a tenth of a build.
package qrcode

import (
	"errors"
	"sync/atomic"
)

// Level is the error correction level: how much of the symbol may be lost.
type Level int

// The levels, recovering about 7, 15, 25 and 30 % of the symbol.
const (
	Low Level = iota
	Medium
	Quartile
	High
)

// QuietZone is the white border, in modules, around the symbol.
const QuietZone = 4

// Encode is the symbol of text at level, with its quiet zone: true is a
// dark module, bitmap[y][x].
func Encode(text string, level Level) ([][]bool, error) {
	sym, err := encode(text, level)
	if err != nil {
		return nil, err
	}
	return withQuietZone(sym.size, sym.at), nil
}

// Runs calls dark for each run of dark modules of the symbol of text at
// level, row by row from the top, each from the left: n modules from column
// x of row y, counted with the quiet zone, as in Encode's bitmap. It
// returns the side of that bitmap. A symbol drawn from its runs (an SVG
// path) needs no bitmap.
func Runs(text string, level Level, dark func(x, y, n int)) (int, error) {
	sym, err := encode(text, level)
	if err != nil {
		return 0, err
	}
	sym.runs(dark)
	return sym.size + 2*QuietZone, nil
}

// encode is the symbol of text at level, without its quiet zone.
func encode(text string, level Level) (symbol, error) {
	if level < Low || level > High {
		return symbol{}, errors.New("invalid level")
	}
	var bits []bool
	var err error
	version := 0
	for _, e := range encoders { // skip2 tries the char count widths of versions 1–9, 10–26, 27–40 in turn
		bits, err = e.encode([]byte(text))
		if err != nil {
			continue
		}
		if version = e.chooseVersion(level, len(bits)); version > 0 {
			break
		}
	}
	if err != nil {
		return symbol{}, err
	}
	if version == 0 {
		return symbol{}, errors.New("content too long to encode")
	}
	spec := blocks[version-1][level]
	codewords := interleave(spec, pad(bits, spec))
	return draw(version, level, codewords), nil
}

// dataBits is how many data bits a version holds at a level.
func dataBits(spec blockSpec) int {
	return 8 * (spec.n1*spec.d1 + spec.n2*spec.d2)
}

// pad ends the data: a terminator of up to four zero bits, zeros to the
// byte, then the pad codewords 0xEC 0x11 alternately. It returns bytes.
func pad(bits []bool, spec blockSpec) []byte {
	n := dataBits(spec)
	bits = append(bits, make([]bool, min(4, n-len(bits)))...)
	if len(bits) < n {
		bits = append(bits, make([]bool, (8-len(bits)%8)%8)...)
	}
	out := make([]byte, 0, n/8)
	for i := 0; i+8 <= len(bits); i += 8 {
		var b byte
		for _, v := range bits[i : i+8] {
			b <<= 1
			if v {
				b |= 1
			}
		}
		out = append(out, b)
	}
	for i := 0; len(out) < n/8; i++ {
		out = append(out, [2]byte{0xec, 0x11}[i%2])
	}
	return out
}

// interleave cuts the data codewords into blocks, adds each block's error
// correction codewords, and interleaves them: the first codeword of each
// block, then the second…, then the error correction codewords alike.
func interleave(spec blockSpec, data []byte) []byte {
	type block struct{ data, ec []byte }
	var bs []block
	for _, g := range [2][3]int{{spec.n1, spec.c1, spec.d1}, {spec.n2, spec.c2, spec.d2}} {
		for range g[0] {
			d := data[:g[2]]
			data = data[g[2]:]
			bs = append(bs, block{d, reedSolomon(d, g[1]-g[2])})
		}
	}
	var out []byte
	for i := 0; ; i++ {
		more := false
		for _, b := range bs {
			if i < len(b.data) {
				out = append(out, b.data[i])
				more = true
			}
		}
		if !more {
			break
		}
	}
	for i := 0; ; i++ {
		more := false
		for _, b := range bs {
			if i < len(b.ec) {
				out = append(out, b.ec[i])
				more = true
			}
		}
		if !more {
			break
		}
	}
	return out
}

// gfExp and gfLog are powers and logarithms in GF(256) modulo x⁸+x⁴+x³+x²+1.
var gfExp, gfLog = func() (exp [512]byte, log [256]byte) {
	x := 1
	for i := range 255 {
		exp[i] = byte(x)
		log[x] = byte(i)
		x <<= 1
		if x&0x100 != 0 {
			x ^= 0x11d
		}
	}
	for i := 255; i < 512; i++ {
		exp[i] = exp[i-255]
	}
	return
}()

func gfMul(a, b byte) byte {
	if a == 0 || b == 0 {
		return 0
	}
	return gfExp[int(gfLog[a])+int(gfLog[b])]
}

// reedSolomon is the n error correction codewords of data: the remainder
// of data·xⁿ divided by (x-α⁰)(x-α¹)…(x-αⁿ⁻¹).
func reedSolomon(data []byte, n int) []byte {
	gen := generator(n)
	rem := make([]byte, n)
	for _, d := range data {
		f := d ^ rem[0]
		copy(rem, rem[1:])
		rem[n-1] = 0
		for j := range n {
			rem[j] ^= gfMul(gen[j+1], f)
		}
	}
	return rem
}

// generator is (x-α⁰)(x-α¹)…(x-αⁿ⁻¹), highest power first; a symbol's
// blocks have one of a few n (7 to 30), each multiplied out once.
func generator(n int) []byte {
	if n < len(generators) {
		if g := generators[n].Load(); g != nil {
			return *g
		}
	}
	gen := []byte{1}
	for i := range n {
		next := make([]byte, len(gen)+1)
		for j, c := range gen {
			next[j] ^= c
			next[j+1] ^= gfMul(c, gfExp[i])
		}
		gen = next
	}
	if n < len(generators) {
		generators[n].Store(&gen)
	}
	return gen
}

var generators [64]atomic.Pointer[[]byte]
