package qrcode

import "math/bits"

// penaltyWords is penalty for symbols of at most 64 modules a side
// (versions 1–11, every page URL): rows and columns as words, module i at
// bit i, scored 64 modules at a time.
func penaltyWords(dark []bool, size int) int {
	var rows, columns [64]uint64
	n := 0
	for y := range size {
		for x, d := range dark[y*size : (y+1)*size] {
			if d {
				rows[y] |= 1 << x
				columns[x] |= 1 << y
				n++
			}
		}
	}
	valid := uint64(1)<<size - 1
	p := 0
	for i := range size {
		p += runsWord(rows[i], valid) + runsWord(columns[i], valid)
		p += findersWord(rows[i], size) + findersWord(columns[i], size)
		if i > 0 {
			p += blocksWord(rows[i-1], rows[i], valid)
		}
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

// findersWord is penaltyFinders. The patterns are the scan's last 11
// modules, the newest at bit 0: 0x05d (four light, then dark, light, three
// dark, light, dark) and its mirror 0x5d0. Where the line has neither,
// nor 0x5d at its end, the scan finds nothing; else it is scanned as skip2
// does, a pattern found resetting the scan.
func findersWord(l uint64, size int) int {
	left, right := ^uint64(0), ^uint64(0)
	for j := range 11 {
		s := l << j // bit i: module i-j, light before the line
		if 0x05d>>j&1 == 1 {
			left &= s
		} else {
			left &^= s
		}
		if 0x5d0>>j&1 == 1 {
			right &= s
		} else {
			right &^= s
		}
	}
	valid := uint64(1)<<size - 1
	if (left|right)&valid == 0 && l>>(size-7)&0x7f != reverse7(0x5d) {
		return 0
	}
	line := make([]bool, size)
	for i := range line {
		line[i] = l>>i&1 == 1
	}
	return penaltyFinders(line)
}

// reverse7 is the 7 bits of v in reverse order: the scan's newest module
// is its lowest bit, the line's last module its highest.
func reverse7(v uint64) uint64 { return uint64(bits.Reverse8(uint8(v)) >> 1) }
