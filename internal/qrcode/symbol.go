package qrcode

import "math/bits"

// grid is a square of modules, row by row.
type grid struct {
	size       int
	dark, used []bool
}

func newGrid(size int) *grid {
	return &grid{size: size, dark: make([]bool, size*size), used: make([]bool, size*size)}
}

func (g *grid) set(x, y int, v bool) {
	g.dark[y*g.size+x] = v
	g.used[y*g.size+x] = true
}

// square sets the w×h modules at x, y, dark where dark says so.
func (g *grid) square(x, y, w, h int, dark func(i, j int) bool) {
	for j := range h {
		for i := range w {
			g.set(x+i, y+j, dark(i, j))
		}
	}
}

// draw lays out the codewords in a symbol of the version with each of the
// eight masks and keeps the one of the lowest penalty (the first of
// equals), as skip2 does; the result has its quiet zone.
func draw(version int, level Level, codewords []byte) symbol {
	size := 17 + 4*version
	n := 8*len(codewords) + remainderBits[version-1]
	if size <= 64 {
		return drawWords(wordLayoutOf(version, n), size, level, codewords)
	}
	base, path := baseGrid(version, n)

	var best []bool
	bestPenalty := 0
	dark, columns := make([]bool, size*size), make([]bool, size*size)
	for mask := range 8 {
		copy(dark, base.dark)
		f := formatBits[levelBits[level]<<3|mask]
		for i, p := range formatPlaces(size) {
			dark[p[1]*size+p[0]] = f>>(i%15)&1 == 1
		}
		for i, at := range path {
			bit := i < 8*len(codewords) && codewords[i/8]>>(7-i%8)&1 == 1
			x, y := at%size, at/size
			dark[at] = bit != masked(mask, x, y)
		}
		if p := penalty(dark, columns, size); best == nil || p < bestPenalty {
			best, bestPenalty = append([]bool(nil), dark...), p
		}
	}
	return symbol{size: size, dark: best}
}

// baseGrid is the function patterns of a version, with the places of the
// format bits (so that the data goes round them) and the dark module, and
// the path of n data modules through it.
func baseGrid(version, n int) (*grid, []int) {
	size := 17 + 4*version
	base := newGrid(size)
	functionPatterns(base, version)
	for _, p := range formatPlaces(size) {
		base.set(p[0], p[1], false)
	}
	base.set(8, size-8, true)
	return base, dataPath(base, n)
}

// symbol is a drawn symbol, without its quiet zone: its rows as words
// when it is at most 64 modules a side (drawWords), else its modules row
// by row.
type symbol struct {
	size  int
	words *[64]uint64 // module x of row y at bit x of words[y]
	dark  []bool      // module x of row y at dark[y*size+x]
}

// at says whether the module in column x, row y is dark.
func (s symbol) at(x, y int) bool {
	if s.words != nil {
		return s.words[y]>>x&1 == 1
	}
	return s.dark[y*s.size+x]
}

// runs calls dark for each run of dark modules, as Runs does.
func (s symbol) runs(dark func(x, y, n int)) {
	for y := range s.size {
		if s.words != nil {
			for w := s.words[y]; w != 0; {
				x := bits.TrailingZeros64(w)
				n := bits.TrailingZeros64(^(w >> x))
				dark(QuietZone+x, QuietZone+y, n)
				w &^= (1<<n - 1) << x
			}
			continue
		}
		row := s.dark[y*s.size : (y+1)*s.size]
		for x := 0; x < len(row); x++ {
			if row[x] {
				n := 1
				for x+n < len(row) && row[x+n] {
					n++
				}
				dark(QuietZone+x, QuietZone+y, n)
				x += n
			}
		}
	}
}

// withQuietZone is the bitmap of a symbol, with its quiet zone.
func withQuietZone(size int, dark func(x, y int) bool) [][]bool {
	n := size + 2*QuietZone
	out, modules := make([][]bool, n), make([]bool, n*n)
	for y := range out {
		out[y] = modules[y*n : (y+1)*n : (y+1)*n]
		if y >= QuietZone && y < QuietZone+size {
			for x := range size {
				out[y][QuietZone+x] = dark(x, y-QuietZone)
			}
		}
	}
	return out
}

// levelBits are the two level bits of the format information.
var levelBits = [4]int{Low: 0b01, Medium: 0b00, Quartile: 0b11, High: 0b10}

// functionPatterns draws the finder patterns with their separators, the
// alignment patterns, the timing patterns and the version information.
func functionPatterns(g *grid, version int) {
	size := g.size
	finder := func(i, j int) bool {
		return i == 0 || i == 6 || j == 0 || j == 6 || i >= 2 && i <= 4 && j >= 2 && j <= 4
	}
	light := func(int, int) bool { return false }
	g.square(0, 0, 7, 7, finder)
	g.square(0, 7, 8, 1, light)
	g.square(7, 0, 1, 8, light)
	g.square(size-7, 0, 7, 7, finder)
	g.square(size-8, 7, 8, 1, light)
	g.square(size-8, 0, 1, 8, light)
	g.square(0, size-7, 7, 7, finder)
	g.square(0, size-8, 8, 1, light)
	g.square(7, size-8, 1, 8, light)

	centers := alignmentCenters[version]
	alignment := func(i, j int) bool { return i == 0 || i == 4 || j == 0 || j == 4 || i == 2 && j == 2 }
	for _, x := range centers {
		for _, y := range centers {
			if !g.used[y*size+x] {
				g.square(x-2, y-2, 5, 5, alignment)
			}
		}
	}
	for i := 8; i < size-7; i++ {
		g.set(i, 6, i%2 == 0)
		g.set(6, i, i%2 == 0)
	}
	if version >= 7 {
		v := versionBits[version]
		for i := range 18 {
			bit := v>>i&1 == 1
			g.set(i/3, size-11+i%3, bit)
			g.set(size-11+i%3, i/3, bit)
		}
	}
}

// alignmentCenters are the rows and columns of the alignment patterns,
// by version.
var alignmentCenters = [41][]int{
	{},
	{},
	{6, 18},
	{6, 22},
	{6, 26},
	{6, 30},
	{6, 34},
	{6, 22, 38},
	{6, 24, 42},
	{6, 26, 46},
	{6, 28, 50},
	{6, 30, 54},
	{6, 32, 58},
	{6, 34, 62},
	{6, 26, 46, 66},
	{6, 26, 48, 70},
	{6, 26, 50, 74},
	{6, 30, 54, 78},
	{6, 30, 56, 82},
	{6, 30, 58, 86},
	{6, 34, 62, 90},
	{6, 28, 50, 72, 94},
	{6, 26, 50, 74, 98},
	{6, 30, 54, 78, 102},
	{6, 28, 54, 80, 106},
	{6, 32, 58, 84, 110},
	{6, 30, 58, 86, 114},
	{6, 34, 62, 90, 118},
	{6, 26, 50, 74, 98, 122},
	{6, 30, 54, 78, 102, 126},
	{6, 26, 52, 78, 104, 130},
	{6, 30, 56, 82, 108, 134},
	{6, 34, 60, 86, 112, 138},
	{6, 30, 58, 86, 114, 142},
	{6, 34, 62, 90, 118, 146},
	{6, 30, 54, 78, 102, 126, 150},
	{6, 24, 50, 76, 102, 128, 154},
	{6, 28, 54, 80, 106, 132, 158},
	{6, 32, 58, 84, 110, 136, 162},
	{6, 26, 54, 82, 110, 138, 166},
	{6, 30, 58, 86, 114, 142, 170},
}

// formatPlaces are the modules of the format bits, least significant
// first: the 15 round the top right and bottom left finders, then the 15
// round the top left.
func formatPlaces(size int) [30][2]int {
	var p [30][2]int
	for i := range 8 {
		p[i] = [2]int{size - 1 - i, 8}
	}
	for i := 8; i < 15; i++ {
		p[i] = [2]int{8, size - 15 + i}
	}
	for i := range 6 {
		p[15+i] = [2]int{8, i}
	}
	p[15+6], p[15+7], p[15+8] = [2]int{8, 7}, [2]int{8, 8}, [2]int{7, 8}
	for i := 9; i < 15; i++ {
		p[15+i] = [2]int{14 - i, 8}
	}
	return p
}

// dataPath is the order of the n modules the data fills: two columns at a
// time from the bottom right, up and down in turn, round the patterns.
func dataPath(g *grid, n int) []int {
	size := g.size
	path := make([]int, 0, n)
	x, y, xOffset, up := size-2, size-1, 1, true
	for len(path) < n {
		path = append(path, y*size+x+xOffset)
		if len(path) == n {
			break
		}
		for {
			if xOffset == 1 {
				xOffset = 0
			} else {
				xOffset = 1
				switch {
				case up && y > 0:
					y--
				case up:
					up = false
					x -= 2
				case y < size-1:
					y++
				default:
					up = true
					x -= 2
				}
			}
			if x == 5 {
				x--
			}
			if !g.used[y*size+x+xOffset] {
				break
			}
		}
	}
	return path
}

// masked reports whether a mask inverts the module in column x, row y.
func masked(mask, x, y int) bool {
	switch mask {
	case 0:
		return (y+x)%2 == 0
	case 1:
		return y%2 == 0
	case 2:
		return x%3 == 0
	case 3:
		return (y+x)%3 == 0
	case 4:
		return (y/2+x/3)%2 == 0
	case 5:
		return (y*x)%2+(y*x)%3 == 0
	case 6:
		return ((y*x)%2+(y*x)%3)%2 == 0
	}
	return ((y+x)%2+(y*x)%3)%2 == 0
}
