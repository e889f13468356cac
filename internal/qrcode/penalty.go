package qrcode

// penalty scores a masked symbol (without its quiet zone) by skip2's rules,
// which differ a little from the standard's (a run of six scores 4, each
// module more 1; a finder-like pattern resets the scan); following them
// exactly keeps the mask skip2 picks, so the codes stay as they were.
// columns is scratch space of the symbol's size.
func penalty(dark, columns []bool, size int) int {
	for y := range size {
		for x := range size {
			columns[x*size+y] = dark[y*size+x]
		}
	}
	p := 0
	for i := range size {
		row, column := dark[i*size:(i+1)*size], columns[i*size:(i+1)*size]
		p += penaltyRuns(row) + penaltyRuns(column) + penaltyFinders(row) + penaltyFinders(column)
	}
	return p + penaltyBlocks(dark, size) + penaltyBalance(dark, size)
}

// penaltyRuns scores the runs of one colour in a row or column.
func penaltyRuns(line []bool) int {
	p := 0
	last, count := line[0], 1
	for _, v := range line[1:] {
		if v != last {
			last, count = v, 1
			continue
		}
		count++
		if count == 6 {
			p += 4
		} else if count > 6 {
			p++
		}
	}
	return p
}

// penaltyBlocks scores each 2×2 square of one colour.
func penaltyBlocks(dark []bool, size int) int {
	p := 0
	for y := 1; y < size; y++ {
		above, row := dark[(y-1)*size:y*size], dark[y*size:(y+1)*size]
		for x := 1; x < size; x++ {
			c := row[x]
			if c == row[x-1] && c == above[x] && c == above[x-1] {
				p++
			}
		}
	}
	return 3 * p
}

// penaltyFinders scores the 1:1:3:1:1 patterns with four light modules
// on one side in a row or column.
func penaltyFinders(line []bool) int {
	p := 0
	var buf int16
	for i, v := range line {
		buf <<= 1
		if v {
			buf |= 1
		}
		switch buf & 0x7ff {
		case 0x05d, 0x5d0:
			p += 40
			buf = 0xff
		default:
			if i == len(line)-1 && buf&0x7f == 0x5d {
				p += 40
				buf = 0xff
			}
		}
	}
	return p
}

// penaltyBalance scores how far the share of dark modules is from half.
func penaltyBalance(dark []bool, size int) int {
	n := 0
	for _, d := range dark {
		if d {
			n++
		}
	}
	total := size * size
	dev := total/2 - n
	if dev < 0 {
		dev = -dev
	}
	return 10 * (dev / (total / 20))
}
