package qrcode

import (
	"math/bits"
	"sync"
)

// wordLayout is what every symbol of a version of at most 64 modules a
// side with n data modules shares, as words (module x of row y at bit x of
// word y): its function patterns, the places of its data, and the order
// the data fills them. It is made once (wordLayoutOf): a site's QR codes
// are of a few versions.
type wordLayout struct {
	fixed, isData [64]uint64
	path          [][2]uint8 // x, y
}

var wordLayouts sync.Map // version<<16 | n → *wordLayout

func wordLayoutOf(version, n int) *wordLayout {
	if l, ok := wordLayouts.Load(version<<16 | n); ok {
		return l.(*wordLayout)
	}
	base, path := baseGrid(version, n)
	size := base.size
	l := &wordLayout{path: make([][2]uint8, len(path))}
	for y := range size {
		for x := range size {
			l.fixed[y] |= uint64(b2u(base.dark[y*size+x])) << x
		}
	}
	for i, at := range path {
		x, y := at%size, at/size
		l.isData[y] |= 1 << x
		l.path[i] = [2]uint8{uint8(x), uint8(y)}
	}
	wordLayouts.Store(version<<16|n, l)
	return l
}

// drawWords is draw for symbols of at most 64 modules a side (versions
// 1–11, every page URL): rows and columns are words, module i at bit i,
// masked and scored 64 modules at a time.
func drawWords(l *wordLayout, size int, level Level, codewords []byte) symbol {
	fixed, isData := &l.fixed, &l.isData
	var data [64]uint64 // the data bits
	for i, at := range l.path[:min(len(l.path), 8*len(codewords))] {
		data[at[1]] |= uint64(codewords[i/8]>>(7-i%8)&1) << at[0]
	}
	places := formatPlaces(size)
	best := new([64]uint64)
	bestPenalty := -1
	for mask := range 8 {
		masks := maskWords(mask, size)
		var rows, columns [64]uint64
		for y := range size {
			rows[y] = fixed[y] | (data[y]^masks[y])&isData[y]
		}
		f := formatBits[levelBits[level]<<3|mask]
		for i, p := range places {
			rows[p[1]] |= uint64(f>>(i%15)&1) << p[0]
		}
		columns = rows
		transpose(&columns)
		if p := penaltyWords(&rows, &columns, size); bestPenalty < 0 || p < bestPenalty {
			*best, bestPenalty = rows, p
		}
	}
	return symbol{size: size, words: best}
}

func b2u(b bool) uint8 {
	if b {
		return 1
	}
	return 0
}

// maskWords are the rows of a mask: bit x of row y is whether it inverts
// the module in column x, row y. They are made once per mask and size.
func maskWords(mask, size int) *[64]uint64 {
	if m, ok := maskCache.Load(mask<<8 | size); ok {
		return m.(*[64]uint64)
	}
	m := new([64]uint64)
	for y := range size {
		for x := range size {
			m[y] |= uint64(b2u(masked(mask, x, y))) << x
		}
	}
	maskCache.Store(mask<<8|size, m)
	return m
}

var maskCache sync.Map // mask<<8 | size → *[64]uint64

// penaltyWords is penalty of the rows and columns of a symbol.
func penaltyWords(rows, columns *[64]uint64, size int) int {
	valid := uint64(1)<<size - 1
	p, n := 0, 0
	for i := range size {
		p += runsWord(rows[i], valid) + runsWord(columns[i], valid)
		p += findersWord(rows[i], size) + findersWord(columns[i], size)
		if i > 0 {
			p += blocksWord(rows[i-1], rows[i], valid)
		}
		n += bits.OnesCount64(rows[i])
	}
	total := size * size
	dev := total/2 - n
	if dev < 0 {
		dev = -dev
	}
	return p + 10*(dev/(total/20))
}

// runsWord is penaltyRuns: a run of L ≥ 6 modules scores L-2, that is 1
// for each module that ends six of one colour and 3 more for the first.
func runsWord(l, valid uint64) int {
	same := valid &^ (l ^ l<<1) &^ 1 // module i is module i-1's colour
	six := same & (same << 1) & (same << 2) & (same << 3) & (same << 4)
	return bits.OnesCount64(six) + 3*bits.OnesCount64(six&^(six<<1))
}

// blocksWord is penaltyBlocks for two neighbouring rows.
func blocksWord(above, below, valid uint64) int {
	same := valid &^ (above ^ below) &^ (above ^ above<<1) &^ (below ^ below<<1) &^ 1
	return 3 * bits.OnesCount64(same)
}

// findersWord is penaltyFinders of the line of size modules in l, module
// i at bit i. The scan keeps the last 11 modules, the newest at bit 0, and
// scores 40 where they are 0x05d (four light, then dark, light, three
// dark, light, dark) or its mirror 0x5d0; a pattern found resets the
// scan's memory to eight dark modules (those ending at the pattern's last,
// all before them light). Where the scan would find the next pattern is
// where the line, so rewritten, first matches (finders) after the last
// one. At the end, seven modules 0x5d (the pattern without its light
// border) score 40 as well, unless the last module ended a pattern.
func findersWord(l uint64, size int) int {
	valid := uint64(1)<<size - 1
	p, next := 0, 0 // the module after the last pattern found
	for {
		found := finders(l) & valid &^ (uint64(1)<<next - 1)
		if found == 0 {
			break
		}
		at := bits.TrailingZeros64(found)
		p += 40
		// at ≥ 6, where the first pattern can end; a scan that remembers
		// module -1 dark finds nothing more than one that remembers it
		// light before the module 10
		l = l&^(uint64(1)<<(at+1)-1) | 0xff<<max(at-7, 0)>>max(7-at, 0)
		next = at + 1
	}
	if next < size && l>>(size-7)&0x7f == reverse7(0x5d) {
		p += 40
	}
	return p
}

// finders has bit i set where the 11 modules ending at module i of the
// line l (module i at bit i, light before the line) are 0x05d or 0x5d0
// (see findersWord).
func finders(l uint64) uint64 {
	s1, s2, s3, s4, s5 := l<<1, l<<2, l<<3, l<<4, l<<5
	s6, s7, s8, s9, s10 := l<<6, l<<7, l<<8, l<<9, l<<10
	left := l &^ s1 & s2 & s3 & s4 &^ s5 & s6 &^ s7 &^ s8 &^ s9 &^ s10  // 0x05d
	right := ^l &^ s1 &^ s2 &^ s3 & s4 &^ s5 & s6 & s7 & s8 &^ s9 & s10 // 0x5d0
	return left | right
}

// transpose turns the rows of a 64×64 bit square (bit x of word y) into
// its columns (bit y of word x), swapping ever smaller blocks: 32×32, then
// 16×16 … (Hacker's Delight, 7-3).
func transpose(a *[64]uint64) {
	m := uint64(0x00000000ffffffff)
	for j := 32; j != 0; j, m = j>>1, m^m<<(j>>1) {
		for k := 0; k < 64; k = (k + j + 1) &^ j {
			t := (a[k]>>j ^ a[k+j]) & m
			a[k] ^= t << j
			a[k+j] ^= t
		}
	}
}

// reverse7 is the 7 bits of v in reverse order: the scan's newest module
// is its lowest bit, the line's last module its highest.
func reverse7(v uint64) uint64 { return uint64(bits.Reverse8(uint8(v)) >> 1) }
