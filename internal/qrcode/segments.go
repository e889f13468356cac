package qrcode

import "errors"

// mode is a segment's encoding; a higher mode encodes more characters.
type mode int

const (
	modeNone mode = iota
	modeNumeric
	modeAlphanumeric
	modeByte
)

// indicator is the four bits that start a segment of the mode.
var indicator = [...]uint32{modeNumeric: 0b0001, modeAlphanumeric: 0b0010, modeByte: 0b0100}

// encoder writes the data in segments with the character count widths of a
// range of versions.
type encoder struct {
	minVersion, maxVersion int
	countBits              [4]int // by mode
}

var encoders = [...]encoder{
	{1, 9, [4]int{modeNumeric: 10, modeAlphanumeric: 9, modeByte: 8}},
	{10, 26, [4]int{modeNumeric: 12, modeAlphanumeric: 11, modeByte: 16}},
	{27, 40, [4]int{modeNumeric: 14, modeAlphanumeric: 13, modeByte: 16}},
}

type segment struct {
	mode mode
	data []byte
}

// classify is the mode a character needs.
func classify(c byte) mode {
	switch {
	case c >= '0' && c <= '9':
		return modeNumeric
	case c == ' ' || c == '$' || c == '%' || c == '*' || c == '+' || c == '-' || c == '.' || c == '/' || c == ':' || c >= 'A' && c <= 'Z':
		return modeAlphanumeric
	}
	return modeByte
}

var errTooLong = errors.New("length too long to be represented")

// length is the bits of a segment of n characters in the mode.
func (e *encoder) length(m mode, n int) (int, error) {
	if n > 1<<e.countBits[m]-1 {
		return 0, errTooLong
	}
	l := 4 + e.countBits[m]
	switch m {
	case modeNumeric:
		l += 10 * (n / 3)
		if n%3 != 0 {
			l += 1 + 3*(n%3)
		}
	case modeAlphanumeric:
		l += 11*(n/2) + 6*(n%2)
	case modeByte:
		l += 8 * n
	}
	return l, nil
}

// encode writes data as skip2 does: runs of one mode, each joined with the
// following runs of lower modes while that is shorter; or one segment of
// the highest mode where that is no longer.
func (e *encoder) encode(data []byte) ([]bool, error) {
	if len(data) == 0 {
		return nil, errors.New("no data to encode")
	}
	var runs []segment
	highest, start := modeNone, 0
	for i, c := range data {
		m := classify(c)
		if i > 0 && m != classify(data[i-1]) {
			runs = append(runs, segment{classify(data[start]), data[start:i]})
			start = i
		}
		highest = max(highest, m)
	}
	runs = append(runs, segment{classify(data[start]), data[start:]})

	var segs []segment
	for i := 0; i < len(runs); {
		m, n := runs[i].mode, len(runs[i].data)
		j := i + 1
		for ; j < len(runs) && runs[j].mode <= m; j++ {
			joined, err := e.length(m, n+len(runs[j].data))
			if err != nil {
				return nil, err
			}
			apart1, err := e.length(m, n)
			if err != nil {
				return nil, err
			}
			apart2, err := e.length(runs[j].mode, len(runs[j].data))
			if err != nil {
				return nil, err
			}
			if joined >= apart1+apart2 {
				break
			}
			n += len(runs[j].data)
		}
		// the runs are consecutive slices of data
		first := runs[i].data
		segs = append(segs, segment{m, first[:n:n]})
		i = j
	}
	total := 0
	for _, s := range segs {
		l, err := e.length(s.mode, len(s.data))
		if err != nil {
			return nil, err
		}
		total += l
	}
	single, err := e.length(highest, len(data))
	if err != nil {
		return nil, err
	}
	if single <= total {
		segs = []segment{{highest, data}}
	}
	w := bitWriter{make([]bool, 0, min(single, total)+16)} // room for pad's end too
	for _, s := range segs {
		w.put(indicator[s.mode], 4)
		w.put(uint32(len(s.data)), e.countBits[s.mode])
		switch s.mode {
		case modeNumeric:
			for i := 0; i < len(s.data); i += 3 {
				var v uint32
				bits := 1
				for _, c := range s.data[i:min(i+3, len(s.data))] {
					v = v*10 + uint32(c-'0')
					bits += 3
				}
				w.put(v, bits)
			}
		case modeAlphanumeric:
			for i := 0; i < len(s.data); i += 2 {
				var v uint32
				for _, c := range s.data[i:min(i+2, len(s.data))] {
					v = v*45 + alphanumeric(c)
				}
				bits := 6
				if len(s.data)-i > 1 {
					bits = 11
				}
				w.put(v, bits)
			}
		case modeByte:
			for _, c := range s.data {
				w.put(uint32(c), 8)
			}
		}
	}
	return w.bits, nil
}

// alphanumeric is the value of a character in alphanumeric mode.
func alphanumeric(c byte) uint32 {
	switch {
	case c >= '0' && c <= '9':
		return uint32(c - '0')
	case c >= 'A' && c <= 'Z':
		return uint32(c-'A') + 10
	}
	for i, s := range []byte(" $%*+-./:") {
		if c == s {
			return 36 + uint32(i)
		}
	}
	return 0
}

// chooseVersion is the smallest version of the encoder's range whose data
// bits at level hold n bits, or 0.
func (e *encoder) chooseVersion(level Level, n int) int {
	for v := e.minVersion; v <= e.maxVersion; v++ {
		if dataBits(blocks[v-1][level]) >= n {
			return v
		}
	}
	return 0
}

// bitWriter collects bits, most significant first.
type bitWriter struct{ bits []bool }

func (w *bitWriter) put(v uint32, n int) {
	for i := n - 1; i >= 0; i-- {
		w.bits = append(w.bits, v>>i&1 == 1)
	}
}
