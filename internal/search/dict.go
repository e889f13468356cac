package search

import (
	"bytes"
	"compress/flate"
	"encoding/binary"
	"io"
	"slices"
	"sort"
	"sync"
	"unicode/utf16"
	"unicode/utf8"

	kflate "github.com/klauspost/compress/flate"
)

// A base segment's fragments are coded and compressed with its
// dictionary, z/NAME.bin (gzip, named by its content; its deltas use the
// same): a table of the characters commonest in a sample of its pages
// (at most 1 MB of their packed fragments), which codec.go codes them
// with, then runs of eight characters that recur there, coded, for
// deflate to copy from. The file is the table's length in bytes (uint16,
// little endian), the table (putTable) and the runs.
//
// The runs are counted at even offsets (by a hash, in an open-addressed
// table: 0.06 s for a blog of 1,472 posts, where a map of strings took
// 1.3 s), weighed by the bytes they save, and laid out the weightiest
// first, as chains (chainRuns): a run that continues a chain by two
// characters adds those two, one already in the text adds nothing, so the
// runs are text deflate copies long matches from; the chains are written
// the weightiest last, where deflate
// reaches them for the fewest bits.
//
// A page's part of a pack is its coded fragment as raw deflate data that
// starts with the runs in its window: put a stored block of the runs
// before it, and it is a raw deflate stream of both, which the browser
// inflates with DecompressionStream("deflate-raw") (or inflate.js). A gzip
// stream's CRC-32 and length would add 8 bytes a page (79 KB at 10,000).
//
// At 10,000 pages, where the packs of GB18030 fragments with 24 KB of
// separate runs took 9.78 MB (dictionary 8.5 KB gzip), the table takes
// 11 % off them and the chains (20 KB) 15 % more: 7.2 MB, with the packs'
// leaner fragments (files.go), for a dictionary of 12.2 KB (the table 1.9
// KB of it) that the first query pays for; with 16 KB of chains the packs
// took 7.40 MB for 10.6 KB.

var dictSize = 20 << 10 // the most the runs take, in bytes, coded (a test changes it)

const (
	dictTable       = codeOne + 7*256 // the most characters the table holds
	dictSampleBytes = 1 << 20         // the most bytes of packed fragments it is picked from
	dictSample      = 1000            // and the most pages
	dictRun         = 8               // characters a run
)

// makeDict picks the dictionary of a base from its pages' fragments; nil
// when there are none.
func makeDict(items []*item) []byte {
	total := 0
	for _, it := range items {
		total += len(it.json)
	}
	step := max(1, len(items)/dictSample, total/dictSampleBytes)
	var pages [][]rune
	var buf bytes.Buffer
	for i := 0; i < len(items); i += step {
		j := items[i].f.packedTo(&buf)
		rs := make([]rune, 0, utf8.RuneCount(j))
		for len(j) > 0 {
			r, n := utf8.DecodeRune(j)
			rs, j = append(rs, r), j[n:]
		}
		pages = append(pages, rs)
	}
	if len(pages) == 0 {
		return nil
	}
	c := newCodec(tableOf(pages))
	var runs []runCount
	for _, r := range countRuns(pages) {
		if r.n >= 3 {
			s := string(pages[r.page][r.at : r.at+dictRun])
			// what deflate saves copying it: about its coded length less
			// two bytes, each time (1.7 % smaller packs than by count)
			runs = append(runs, runCount{s, r.n * int32(len(c.encode(nil, []byte(s)))-2)})
		}
	}
	sort.Slice(runs, func(i, j int) bool { return runs[i].n > runs[j].n || runs[i].n == runs[j].n && runs[i].s < runs[j].s })
	parts := chainRuns(runs, c)
	table := putTable(nil, c.table)
	dict := binary.LittleEndian.AppendUint16(nil, uint16(len(table)))
	dict = append(dict, table...)
	for i := len(parts) - 1; i >= 0; i-- {
		dict = append(dict, parts[i]...)
	}
	return dict
}

// chainRuns lays out runs, the weightiest first, in at most dictSize bytes
// coded: a run already in the text laid out takes nothing, one that
// continues a chain by two characters (its first six are the chain's last
// six, or the other way round) takes those two, another starts a chain.
// It returns the chains, coded, in the order they were started.
func chainRuns(runs []runCount, c *codec) [][]byte {
	var chains [][]rune
	seen := map[string]bool{} // every run of dictRun characters in the chains
	heads := map[string]int{} // a chain by its first dictRun−2 characters
	tails := map[string]int{} // by its last
	size := 0
	const keep = dictRun - 2
	for _, r := range runs {
		if seen[r.s] {
			continue
		}
		rs := []rune(r.s)
		cost := len(c.encode(nil, []byte(r.s)))
		i, tail := tails[string(rs[:keep])]
		j, head := heads[string(rs[2:])]
		if tail || head {
			cost = len(c.encode(nil, []byte(string(rs[keep:]))))
			if !tail {
				cost = len(c.encode(nil, []byte(string(rs[:2]))))
			}
		}
		if size+cost > dictSize {
			break
		}
		size += cost
		var ch []rune
		switch {
		case tail:
			delete(tails, string(rs[:keep]))
			ch = append(chains[i], rs[keep:]...)
			chains[i] = ch
			tails[string(rs[2:])] = i
			ch = ch[max(0, len(ch)-dictRun-1):]
		case head:
			delete(heads, string(rs[2:]))
			chains[j] = append(append([]rune{}, rs[:2]...), chains[j]...)
			heads[string(rs[:keep])] = j
			ch = chains[j][:min(len(chains[j]), dictRun+1)]
		default:
			i = len(chains)
			chains = append(chains, rs)
			heads[string(rs[:keep])] = i
			tails[string(rs[2:])] = i
			ch = rs
		}
		for k := 0; k+dictRun <= len(ch); k++ { // the runs it adds
			seen[string(ch[k:k+dictRun])] = true
		}
	}
	parts := make([][]byte, len(chains))
	for i, ch := range chains {
		parts[i] = c.encode(nil, []byte(string(ch)))
	}
	return parts
}

// runSlot counts a run of dictRun characters by a hash of them and keeps
// where it was first seen.
type runSlot struct {
	hash     uint64
	n        int32
	page, at int32
}

// countRuns counts the runs of dictRun characters at even offsets of
// pages, in an open-addressed table: the used slots. Only the runs seen at
// least three times are counted exactly, the others maybe not at all: a
// run goes into the table only when a first count, by a few bits of its
// hash and a byte each, which stays in a core's cache, reaches three (most
// runs are seen once, and the table, a cache miss a run, took 5 % of the
// index's time on a blog of 2,000 pages).
func countRuns(pages [][]rune) []runSlot {
	n := 0
	for _, rs := range pages {
		if len(rs) >= dictRun {
			n += (len(rs)-dictRun)/2 + 1
		}
	}
	hashes := make([]uint64, 0, n) // of the runs, in order
	for _, rs := range pages {
		for j := 0; j+dictRun <= len(rs); j += 2 {
			h := uint64(14695981039346656037)
			for _, r := range rs[j : j+dictRun] {
				h = (h ^ uint64(r)) * 1099511628211
			}
			hashes = append(hashes, h|1) // 0 is an empty slot
		}
	}
	first := 1024
	for first < 4*len(hashes) {
		first *= 2
	}
	counts := make([]uint8, first)
	for _, h := range hashes {
		if c := &counts[int(h>>40)&(first-1)]; *c < 3 {
			*c++
		}
	}
	often := func(h uint64) bool { return counts[int(h>>40)&(first-1)] >= 3 }
	n = 0
	for _, h := range hashes {
		if often(h) {
			n++
		}
	}
	size := 1024
	for size < 2*n {
		size *= 2
	}
	slots := make([]runSlot, size)
	i := 0
	for p, rs := range pages {
		for j := 0; j+dictRun <= len(rs); j += 2 {
			h := hashes[i]
			i++
			if !often(h) {
				continue
			}
			for k := int(h>>20) & (size - 1); ; k = (k + 1) & (size - 1) {
				if slots[k].hash == h {
					slots[k].n++
					break
				}
				if slots[k].hash == 0 {
					slots[k] = runSlot{h, 1, int32(p), int32(j)}
					break
				}
			}
		}
	}
	return slots
}

// runCount is a run and what it is worth: how often it was seen times
// the bytes it saves.
type runCount struct {
	s string
	n int32
}

// tableOf ranks the characters of some pages that the table can hold (in
// the BMP, not ASCII) by how often they occur, keeping those seen at least
// twice, at most dictTable, and sorts each group of the same length of
// code (the first codeOne, then each 256) by code point: the coding does
// not depend on the order in a group, and putTable writes sorted code
// points in a byte each, where GB18030 took two and gzip kept most of them.
func tableOf(pages [][]rune) []rune {
	counts := make([]int32, 0x10000)
	for _, rs := range pages {
		for _, r := range rs {
			if r >= 0x80 && r < 0x10000 {
				counts[r]++
			}
		}
	}
	var table []rune
	for r, n := range counts {
		if n >= 2 && !utf16.IsSurrogate(rune(r)) {
			table = append(table, rune(r))
		}
	}
	sort.SliceStable(table, func(i, j int) bool { return counts[table[i]] > counts[table[j]] })
	table = table[:min(len(table), dictTable)]
	for g := 0; g < len(table); g = tableGroupEnd(g) {
		slices.Sort(table[g:min(len(table), tableGroupEnd(g))])
	}
	return table
}

// tableGroupEnd is where the group of the table that starts at g ends.
func tableGroupEnd(g int) int {
	if g < codeOne {
		return codeOne
	}
	return g + 256
}

// groupStart reports whether a group of the table starts at i.
func groupStart(i int) bool {
	return i == 0 || i == codeOne || i > codeOne && (i-codeOne)%256 == 0
}

// putTable writes a table: in each group, the gaps between its code
// points (from 0 for the first) as uvarints.
func putTable(b []byte, table []rune) []byte {
	prev := rune(0)
	for i, r := range table {
		if groupStart(i) {
			prev = 0
		}
		b = putUvarint(b, uint64(r-prev))
		prev = r
	}
	return b
}

// readTable reads what putTable wrote.
func readTable(b []byte) ([]rune, error) {
	r := &reader{b: b}
	var table []rune
	prev := rune(0)
	for len(r.b) > 0 && r.err == nil {
		if groupStart(len(table)) {
			prev = 0
		}
		gap := r.uvarint()
		if gap == 0 || gap > 0xffff || prev+rune(gap) > 0xffff || utf16.IsSurrogate(prev+rune(gap)) {
			return nil, errCorrupt
		}
		prev += rune(gap)
		table = append(table, prev)
	}
	if r.err != nil || len(table) > codeOne+32*256 {
		return nil, errCorrupt
	}
	return table, nil
}

// dictParts splits a dictionary into its codec and its runs.
func dictParts(dict []byte) (*codec, []byte, error) {
	if len(dict) < 2 {
		return nil, nil, errCorrupt
	}
	n := int(binary.LittleEndian.Uint16(dict))
	if 2+n > len(dict) {
		return nil, nil, errCorrupt
	}
	codecs.Lock()
	defer codecs.Unlock()
	key := string(dict[:2+n])
	c := codecs.m[key]
	if c == nil {
		table, err := readTable(dict[2 : 2+n])
		if err != nil {
			return nil, nil, err
		}
		c = newCodec(table)
		if codecs.m == nil || len(codecs.m) > 16 {
			codecs.m = map[string]*codec{}
		}
		codecs.m[key] = c
	}
	return c, dict[2+n:], nil
}

// codecs are the codecs of the dictionaries read lately.
var codecs struct {
	sync.Mutex
	m map[string]*codec
}

// dictZipper codes and compresses fragments with a dictionary, on any
// goroutine.
type dictZipper struct {
	codec *codec
	runs  []byte
	pool  sync.Pool
}

func newDictZipper(dict []byte) *dictZipper {
	c, runs, err := dictParts(dict)
	if err != nil {
		panic("search: a dictionary made here is unreadable")
	}
	z := &dictZipper{codec: c, runs: runs}
	z.pool.New = func() any { w, _ := kflate.NewWriterDict(nil, gzLevel, runs); return w }
	return z
}

// zipBuffers are the coded fragment and the compressed part of zip,
// reused.
type zipBuffers struct {
	coded []byte
	out   bytes.Buffer
}

var zipScratch = sync.Pool{New: func() any { return new(zipBuffers) }}

// zip returns a page's part of a pack (format above) for its fragment.
func (z *dictZipper) zip(json []byte) []byte {
	b := zipScratch.Get().(*zipBuffers)
	b.coded = z.codec.encode(b.coded[:0], json)
	b.out.Reset()
	w := z.pool.Get().(*kflate.Writer)
	w.Reset(&b.out)
	w.Write(b.coded)
	w.Close()
	z.pool.Put(w)
	out := bytes.Clone(b.out.Bytes())
	zipScratch.Put(b)
	return out
}

// unzipPart returns the fragment (its JSON) of a part of a pack compressed
// with dict (nil: a plain gzip stream of what packText wrote).
func unzipPart(part, dict []byte) ([]byte, error) {
	if dict == nil {
		out, err := gunzip(part, sizeLimit)
		if err != nil {
			return nil, err
		}
		return unpackText(out)
	}
	c, runs, err := dictParts(dict)
	if err != nil {
		return nil, err
	}
	out, err := io.ReadAll(io.LimitReader(flate.NewReaderDict(bytes.NewReader(part), runs), sizeLimit+1))
	if err != nil || len(out) > sizeLimit {
		return nil, errCorrupt
	}
	return c.decode(out)
}
