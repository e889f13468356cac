package search

import (
	"bytes"
	"compress/flate"
	"encoding/binary"
	"hash/crc32"
	"sort"
	"sync"
)

// A base segment's fragments are compressed with a dictionary, z/NAME.bin
// (gzip, named by its content): the runs of eight characters that recur
// most in a sample of its pages, the commonest last, where deflate reaches
// them for the fewest bits. Its deltas use the same. A page's part of a
// pack is then raw deflate data that starts with the dictionary in its
// window, followed by the CRC-32 and length of the dictionary and the
// fragment together: put a gzip header and a stored block of the
// dictionary before it, and it is a gzip stream of the dictionary and the
// fragment (dictGzip), which the browser inflates as any other. At 10,000
// pages this takes nearly a third off the fragments (24 KB of runs: 10.3
// → 9.8 MB than with 16 KB), for a dictionary a query fetches once (8.5 KB
// gzip; the search page's minified scripts, minjs_test.go, pay for it).

const (
	dictSize   = 24 << 10 // the most a dictionary holds, in bytes
	dictSample = 1000     // pages it is picked from
	dictRun    = 8        // characters a run
)

// makeDict picks the dictionary of a base from its pages' fragments; nil
// when nothing recurs.
func makeDict(items []*item) []byte {
	step := max(1, len(items)/dictSample)
	counts := map[string]int{}
	for i := 0; i < len(items); i += step {
		rs := []rune(string(items[i].json))
		for j := 0; j+dictRun <= len(rs); j += 2 {
			counts[string(rs[j:j+dictRun])]++
		}
	}
	type run struct {
		s string
		n int
	}
	var runs []run
	for s, n := range counts {
		if n >= 3 {
			runs = append(runs, run{s, n})
		}
	}
	sort.Slice(runs, func(i, j int) bool { return runs[i].n > runs[j].n || runs[i].n == runs[j].n && runs[i].s < runs[j].s })
	var parts [][]byte
	size := 0
	for _, r := range runs {
		b := packText([]byte(r.s))
		if b[0] == gbMark {
			b = b[1:]
		}
		if size+len(b) > dictSize {
			break
		}
		parts = append(parts, b)
		size += len(b)
	}
	var dict []byte
	for i := len(parts) - 1; i >= 0; i-- {
		dict = append(dict, parts[i]...)
	}
	return dict
}

// dictZipper compresses fragments with a dictionary, on any goroutine.
type dictZipper struct {
	dict []byte
	crc  uint32
	pool sync.Pool
}

func newDictZipper(dict []byte) *dictZipper {
	z := &dictZipper{dict: dict, crc: crc32.ChecksumIEEE(dict)}
	z.pool.New = func() any { w, _ := flate.NewWriterDict(nil, flate.DefaultCompression, dict); return w }
	return z
}

// zip returns a page's part of a pack (format above).
func (z *dictZipper) zip(data []byte) []byte {
	var buf bytes.Buffer
	w := z.pool.Get().(*flate.Writer)
	w.Reset(&buf)
	w.Write(data)
	w.Close()
	z.pool.Put(w)
	out := binary.LittleEndian.AppendUint32(buf.Bytes(), crc32.Update(z.crc, crc32.IEEETable, data))
	return binary.LittleEndian.AppendUint32(out, uint32(len(z.dict)+len(data)))
}

// dictGzip makes a part of a pack a gzip stream of the dictionary and the
// fragment, as the browser does (search-index.js).
func dictGzip(part, dict []byte) []byte {
	n := len(dict)
	g := []byte{0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 0xff, 0, byte(n), byte(n >> 8), ^byte(n), ^byte(n >> 8)}
	return append(append(g, dict...), part...)
}

// unzipPart returns the fragment (as its file would hold it) of a part of
// a pack compressed with dict (nil: a plain gzip stream).
func unzipPart(part, dict []byte) ([]byte, error) {
	if dict == nil {
		return gunzip(part, sizeLimit)
	}
	out, err := gunzip(dictGzip(part, dict), sizeLimit)
	if err != nil || len(out) < len(dict) {
		return nil, errCorrupt
	}
	return out[len(dict):], nil
}
