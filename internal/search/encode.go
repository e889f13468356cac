package search

import (
	"bytes"
	"compress/gzip"
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"errors"
	"io"
	"slices"
	"sync"

	kgzip "github.com/klauspost/compress/gzip"
)

// The index files are gzip streams of a few simple binary records, so that
// a small script reads them: unsigned LEB128 varints and UTF-8 strings
// preceded by their byte length.

func putUvarint(b []byte, v uint64) []byte { return binary.AppendUvarint(b, v) }

func putString(b []byte, s string) []byte {
	b = putUvarint(b, uint64(len(s)))
	return append(b, s...)
}

// reader reads the records back; a malformed file sets err, never panics.
type reader struct {
	b   []byte
	err error
}

var errCorrupt = errors.New("search: corrupt index file")

func (r *reader) uvarint() uint64 {
	if r.err != nil {
		return 0
	}
	v, n := binary.Uvarint(r.b)
	if n <= 0 {
		r.err = errCorrupt
		return 0
	}
	r.b = r.b[n:]
	return v
}

func (r *reader) bytes(n uint64) []byte {
	if r.err != nil {
		return nil
	}
	if n > uint64(len(r.b)) {
		r.err = errCorrupt
		return nil
	}
	out := r.b[:n]
	r.b = r.b[n:]
	return out
}

func (r *reader) string() string { return string(r.bytes(r.uvarint())) }

// gzLevel is the level the index's files are compressed at, with
// klauspost/compress (the same format as compress/gzip: any gzip reader
// reads them). Its level 7 makes the bytes of the standard library's
// default level (10,000 pages: 23.30 MB, was 23.20; a blog of 1,472 posts
// 11.05 MB, was 11.05) in two thirds of the time; its level 6, 1.5 % more
// bytes in less than half.
const gzLevel = 7

// gzipWriters are reused: a compressor costs about a megabyte to set up.
var gzipWriters = sync.Pool{New: func() any { w, _ := kgzip.NewWriterLevel(io.Discard, gzLevel); return w }}

// gzBuffers are where gz compresses, reused: a buffer that grew to a
// file's size in steps left twice its size of garbage (30 MB of a blog of
// 2,000 pages).
var gzBuffers = sync.Pool{New: func() any { return new(bytes.Buffer) }}

// gz compresses deterministically (no name, no time in the header) the
// parts, one after another: the same bytes as their concatenation.
func gz(parts ...[]byte) []byte {
	buf := gzBuffers.Get().(*bytes.Buffer)
	buf.Reset()
	w := gzipWriters.Get().(*kgzip.Writer)
	w.Reset(buf)
	for _, p := range parts {
		w.Write(p)
	}
	w.Close()
	gzipWriters.Put(w)
	out := bytes.Clone(buf.Bytes())
	gzBuffers.Put(buf)
	return out
}

// gunzip reads a gzip stream, refusing one that inflates beyond limit.
func gunzip(data []byte, limit int64) ([]byte, error) {
	r, err := gzip.NewReader(bytes.NewReader(data))
	if err != nil {
		return nil, err
	}
	out, err := io.ReadAll(io.LimitReader(r, limit+1))
	if err != nil {
		return nil, err
	}
	if int64(len(out)) > limit {
		return nil, errCorrupt
	}
	return out, nil
}

// fnv1a is the 32-bit FNV-1a hash of s's UTF-8 bytes; the browser computes
// the same to find a term's shard.
func fnv1a(s string) uint32 {
	h := uint32(2166136261)
	for i := 0; i < len(s); i++ {
		h ^= uint32(s[i])
		h *= 16777619
	}
	return h
}

// contentName is a file name taken from its content: 16 hex digits.
func contentName(data ...[]byte) string {
	h := sha256.New()
	for _, d := range data {
		var n [8]byte
		binary.LittleEndian.PutUint64(n[:], uint64(len(d)))
		h.Write(n[:])
		h.Write(d)
	}
	return hex.EncodeToString(h.Sum(nil)[:8])
}

// bitmap is a set of docids, one bit per doc, lowest bit first.
type bitmap []byte

func newBitmap(n int) bitmap { return make(bitmap, (n+7)/8) }

func (b bitmap) set(i uint32) { b[i>>3] |= 1 << (i & 7) }

func (b bitmap) has(i uint32) bool { return int(i>>3) < len(b) && b[i>>3]&(1<<(i&7)) != 0 }

// sortedIDs returns the members of a set of docids in order.
func sortedIDs(set map[uint32]bool) []uint32 {
	out := make([]uint32, 0, len(set))
	for id := range set {
		out = append(out, id)
	}
	slices.Sort(out)
	return out
}
