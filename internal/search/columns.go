package search

import (
	"bytes"
	"encoding/binary"
	"hash/crc32"
	"sync"

	kflate "github.com/klauspost/compress/flate"
)

// gzColumns compresses a shard's columns (terms.go) into one gzip stream,
// each group of columns a deflate segment of its own, with its own
// Huffman codes: the Rice codes, which do not compress, stored, the others
// matched at klauspost's level 6 (segmentLevel). Any gzip reader reads the
// stream as the concatenation of the columns: a compressed segment ends
// with an empty stored block (a sync flush, 5 bytes), and none copies from
// the ones before it. One deflate stream of all the columns at level 7
// (gzLevel) mixed their codes in blocks that did not end where a column
// did, and searched the Rice codes for matches in vain. A blog of 1,982
// pages: 8.52 MB of shards; in segments at level 7 7.94 MB, at level 6
// 7.99 MB, in 0.16-0.2 CPU-s less (the impacts' repeats made level 7's
// chains long); 10,000 pages: 12.55 → 12.20 MB.
func gzColumns(groups ...column) []byte {
	buf := gzBuffers.Get().(*bytes.Buffer)
	buf.Reset()
	// the header of compress/gzip's and klauspost's writers: no name, no
	// time, OS unknown
	buf.Write([]byte{0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 0xff})
	crc, size := uint32(0), 0
	last := len(groups) - 1
	for last > 0 && groups[last].empty() {
		last--
	}
	for i, g := range groups[:last+1] {
		for _, p := range g.parts {
			crc = crc32.Update(crc, crc32.IEEETable, p)
			size += len(p)
		}
		switch {
		case i < last && g.empty():
		case g.stored:
			putStored(buf, g.parts, i == last)
		default:
			w := segmentWriters.Get().(*kflate.Writer)
			w.Reset(buf)
			for _, p := range g.parts {
				w.Write(p)
			}
			if i < last {
				w.Flush()
			} else {
				w.Close()
			}
			w.Reset(nil)
			segmentWriters.Put(w)
		}
	}
	buf.Write(binary.LittleEndian.AppendUint32(binary.LittleEndian.AppendUint32(nil, crc), uint32(size)))
	out := bytes.Clone(buf.Bytes())
	gzBuffers.Put(buf)
	return out
}

// putStored writes parts as stored deflate blocks (a byte of header, the
// length and its complement, the bytes: up to 65,535 of them), at a byte
// boundary; the last one final when final.
func putStored(buf *bytes.Buffer, parts [][]byte, final bool) {
	left, at := 0, 0
	for _, p := range parts {
		left += len(p)
	}
	for {
		n := min(left, 0xffff)
		left -= n
		header := byte(0)
		if final && left == 0 {
			header = 1
		}
		buf.Write([]byte{header, byte(n), byte(n >> 8), ^byte(n), ^byte(n >> 8)})
		for n > 0 { // the next n bytes of parts, from at in parts[0]
			k := min(n, len(parts[0])-at)
			buf.Write(parts[0][at : at+k])
			if at += k; at == len(parts[0]) {
				parts, at = parts[1:], 0
			}
			n -= k
		}
		if left == 0 {
			return
		}
	}
}

// A column is parts of a shard, written one after another, stored or
// compressed.
type column struct {
	stored bool
	parts  [][]byte
}

func compressed(parts ...[]byte) column { return column{false, parts} }
func stored(parts ...[]byte) column     { return column{true, parts} }

func (c column) empty() bool {
	for _, p := range c.parts {
		if len(p) > 0 {
			return false
		}
	}
	return true
}

const segmentLevel = 6

var segmentWriters = sync.Pool{New: func() any { w, _ := kflate.NewWriter(nil, segmentLevel); return w }}
