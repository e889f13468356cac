package search

import (
	"cmp"
	"encoding/binary"
	"encoding/hex"
	"fmt"
	"math/bits"
	"runtime"
	"slices"
	"strings"
	"sync"
)

// A shard, t/B.bin, holds the terms whose shard key hashes to bucket B,
// the n with strings, then the m with fingerprints, in columns (gzip packs each kind of data better alone;
// the columns are deflate segments of their own, the Rice codes stored: columns.go):
//
//	n (varint), then n terms (putTerm: UTF-8 or GB18030, text.go), sorted
//	m (varint), the terms of one or two Han units, which have no string
//	    but a fingerprint (fingerprint.go); when m > 0: the seed (varint),
//	    the width (byte), and the m fingerprints, sorted, as Rice codes
//	    (rice.go: as docids of a list of m among 2^width) to a byte boundary
//	bits (rice.go), to a byte boundary: n+m times df (Elias gamma: a dense
//	    term is one with isDense(df, pages)), then for each list term its
//	    df docids (Rice codes)
//	for each list term: df impact bytes
//	for each dense term: the 8-byte name of the file of its postings, and
//	    for a term of Gram units the 8-byte name of the file of its positions
//	when some list terms have positions, those (below)
//
// A dense term (in more than an eighth of the pages, and more than 1,024) has
// its postings in a file of its own, ../d/NAME.bin, named by its content
// (terms that always occur together, 黄远 and 黄远友, share one): bits
// (rice.go), its df docids as Rice codes, then one bit a page, in docid
// order, set when the term is in the page's title. An impact byte is the
// term's BM25F weight in the page in four levels (0…3), plus 4 when the
// term is in the title; a dense term's weight is always level 2
// (denseLevel): its idf is low, so its levels hardly move a ranking, and
// without them its file is a fifth smaller (−0.9 MB at 10,000 pages).
//
// The longest terms (Gram units) in more than ten pages also have
// positions, read only for pieces longer than that (the pages of a rarer
// term are checked on their text). A position counts units over the title
// and the body, with a gap after every segment. A dense term's positions
// are the file ../d/NAME.bin its record names: bits (rice.go), for each
// page in docid order the count of its positions and the gaps between them
// (the first from 0), Rice codes with the term's best parameter. The end
// of the shard holds those of its list terms that have positions (Gram
// units, df > Rare), in shard order (a query reads them with the terms, in
// one file):
//
//	n (varint), the number of those terms
//	bits, to a byte boundary: n times the term's positions, as in a dense
//	    term's file
//	n times: the term's next column: k (varint) units (strings), then, when
//	    k > 0, one varint per occurrence (in the order of the positions):
//	    i+1 when the i-th unit follows the occurrence and the term of Gram
//	    units that starts one unit later (the term's last Gram−1 units and
//	    that unit) is dense, else 0
//
// The next column lets a piece of Gram+1 units (农学院党委: 农学院党, then
// 学院党委 one unit later) be checked without the dense term's positions,
// which are large (学院党委, in 6,000 pages: 18 KB); it costs ~0.1 % of the
// index, as most units after a rarer term do not start a dense one.

type termEntry struct {
	text string
	data *termData // its postings, in the inverted terms
	hash uint32    // of the shard key
	// its df and, when it is 1 (most terms), its one docid and impact:
	// writing the shards then reads no postings of such a term, which are
	// a cache miss or two each, in shard order
	df    uint32
	doc   uint32
	imp   uint8
	dense bool
	fp    bool // found by its fingerprint
}

// baseBuckets is the most shards a base of n pages has: a power of two
// below 7/8 of its pages, so that a small site's shards, which a query
// reads cheaply anyway, are fewer files than its pages (1,037 pages: 512
// shards, not 1,024; 10,000 pages: 8,192 as the target makes).
func baseBuckets(n int) int {
	return 1 << (bits.Len(uint(max(1, n*7/8))) - 1)
}

// denseMin: a dense term is in more than this many pages, so a site of a
// thousand pages has almost no dense files (it had ~850 with 256).
const denseMin = 1024

// isDense, the same in search-segment.js (a shard has no kind column).
func isDense(df, docs int) bool { return df > denseMin && df*8 > docs }

// rareDocs: a term of Gram units in at most this many pages has no
// positions; a query checks those few pages on their text instead, which
// it fetches anyway to show them (ten results a page).
const rareDocs = 10

func hasPositions(t *termData, rare int) bool {
	return t.more != nil && len(t.more.pos) > 0 && len(t.posts) > rare
}

// writeTerms writes the shards and dense files of the n-grams that are
// terms (prune.go) and returns the number of buckets, dense terms and
// terms.
// Files go into idx (the index folder) and shared (files named by their
// content, beside it).
func writeTerms(inv inverted, vocab *vocabulary, docs, gram, target, most, rare int, idx, beside map[string][]byte) (buckets, dense, terms int) {
	// the terms' texts and shard keys, each part on a core: each is a
	// cache miss or two, and there are hundreds of thousands
	from := make([]int, len(inv.parts)+1)
	for p, pt := range inv.parts {
		from[p+1] = from[p] + pt.terms.n
	}
	entries := make([]termEntry, from[len(inv.parts)])
	raws := make([]int, len(inv.parts))
	denses := make([][]key, len(inv.parts))
	words := vocab.snapshot()
	parallel(runtime.GOMAXPROCS(0), len(inv.parts), func(_, p int) {
		pt, i, raw := inv.parts[p], from[p], 0
		var dense []key
		// the texts of a chunk of terms are written into one string first:
		// not an allocation each
		var buf []byte
		var ends [chunkSize]int32
		var texts string
		for at := range int32(pt.terms.n) { // in the order they were added: no cache misses
			if at%chunkSize == 0 {
				buf = buf[:0]
				for j := at; j < min(at+chunkSize, int32(pt.terms.n)); j++ {
					buf = appendUnitText(buf, words, pt.terms.at(j).key.units())
					ends[j-at] = int32(len(buf))
				}
				texts = string(buf)
			}
			t := pt.terms.at(at)
			e := &entries[i]
			i++
			from := int32(0)
			if at%chunkSize > 0 {
				from = ends[at%chunkSize-1]
			}
			*e = termEntry{text: texts[from:ends[at%chunkSize]], data: t, df: uint32(len(t.posts)), dense: isDense(len(t.posts), docs)}
			if e.df == 1 {
				e.doc, e.imp = postingDoc(t.posts[0]), postingImp(t.posts[0])
			}
			e.hash = fnv1a(shardKey(e.text))
			e.fp = byFingerprint(e.text, gram)
			if e.dense {
				dense = append(dense, t.key)
			} else {
				raw += len(e.text) + 4 + len(t.posts)*5/2
			}
		}
		raws[p], denses[p], inv.parts[p] = raw, dense, nil // once: the workers' counts share a cache line
	})
	raw := 0
	denseKeys := map[key]bool{} // the dense terms, for the next columns
	for p := range inv.parts {
		raw += raws[p]
		for _, k := range denses[p] {
			denseKeys[k] = true
		}
	}
	dense = len(denseKeys)
	buckets = 1
	if need := raw / target; need > 1 {
		buckets = 1 << bits.Len(uint(need-1))
	}
	buckets = min(buckets, most)
	byBucket := bucketEntries(entries, buckets)
	var shared sync.Map // names of the content-named files already made
	named := func(raw []byte) (string, []shardFile) {
		name := contentName(raw)
		if _, done := shared.LoadOrStore(name, true); done {
			return name, nil
		}
		return name, []shardFile{{"../d/" + name + ".bin", gz(raw)}}
	}
	workers := runtime.GOMAXPROCS(0)
	writers := make([]shardWriter, workers)
	outs := make([][]shardFile, buckets)
	parallel(workers, buckets, func(w, b int) {
		outs[b] = writers[w].write(b, byBucket[b], entries, docs, rare, denseKeys, vocab, named)
	})
	for _, files := range outs {
		for _, f := range files {
			if strings.HasPrefix(f.name, "../") {
				beside[strings.TrimPrefix(f.name, "../")] = f.data
			} else {
				idx[f.name] = f.data
			}
		}
	}
	return buckets, dense, len(entries)
}

// shardFile is a file writeTerms makes: its name below the index folder
// and its content.
type shardFile struct {
	name string
	data []byte
}

// bucketEntries returns the ids of the entries of each bucket, the terms
// without a fingerprint first, in entries' order, then the others: one
// array, counted out, and the fingerprint of each entry read here in order,
// not later in the order of the buckets (a cache miss each).
func bucketEntries(entries []termEntry, buckets int) [][]int32 {
	ends := make([]int32, buckets) // first the sizes, then the ends
	for i := range entries {
		ends[entries[i].hash&uint32(buckets-1)]++
	}
	at := int32(0)
	for b, n := range ends {
		at += n
		ends[b] = at
	}
	ids := make([]int32, len(entries))
	byBucket := make([][]int32, buckets)
	starts := make([]int32, buckets) // where the next term without a fingerprint goes
	for b := range byBucket {
		from := int32(0)
		if b > 0 {
			from = ends[b-1]
		}
		byBucket[b], starts[b] = ids[from:ends[b]], from
	}
	for i := range entries {
		b := entries[i].hash & uint32(buckets-1)
		if entries[i].fp { // from the end
			ends[b]--
			ids[ends[b]] = int32(i)
		} else {
			ids[starts[b]] = int32(i)
			starts[b]++
		}
	}
	return byBucket
}

// shardWriter writes shards on one core, with buffers kept from one to the
// next (they made a third of what writing the terms allocated).
type shardWriter struct {
	ids                             []int32
	fpTexts                         []string
	fpOrder                         []uint64
	sorted                          []uint32
	keys                            []sortKey
	head, impCol, denseCol, nextCol []byte
	docCol                          bitWriter // dfs, then docids
	posBits, fpCol                  bitWriter
	count                           []byte
	touched                         uint32 // the postings read ahead, kept so the reads are not dropped
}

// write returns the files of bucket b, whose terms are ids: its shard, and
// the dense files named that were not made yet.
func (sw *shardWriter) write(b int, ids []int32, entries []termEntry, docs, rare int, denseKeys map[key]bool,
	vocab *vocabulary, named func([]byte) (string, []shardFile)) []shardFile {
	n := len(ids)
	for n > 0 && entries[ids[n-1]].fp {
		n--
	}
	sw.ids = append(sw.ids[:0], ids[:n]...)
	fpIDs := ids[n:]
	sw.keys = sortByText(sw.ids, entries, sw.keys)
	ids = sw.ids
	head, impCol, denseCol, nextCol := sw.head[:0], sw.impCol[:0], sw.denseCol[:0], sw.nextCol[:0]
	sw.docCol.reset()
	sw.posBits.reset()
	var files []shardFile
	head = putUvarint(head, uint64(len(ids)))
	for _, id := range ids {
		head = putTerm(head, entries[id].text)
	}
	head = putUvarint(head, uint64(len(fpIDs)))
	texts := len(head) // then the fingerprints' Rice codes
	if len(fpIDs) > 0 {
		sw.fpTexts = sw.fpTexts[:0]
		for _, id := range fpIDs {
			sw.fpTexts = append(sw.fpTexts, entries[id].text)
		}
		seed, width, fps := pickSeed(sw.fpTexts)
		// each fingerprint and its place in one number: the fingerprints
		// differ, so any sort gives this order
		order := sw.fpOrder[:0]
		for i, f := range fps {
			order = append(order, uint64(f)<<32|uint64(i))
		}
		slices.Sort(order)
		sorted := sw.sorted[:0]
		for _, o := range order {
			sorted = append(sorted, uint32(o>>32))
			ids = append(ids, fpIDs[uint32(o)])
		}
		sw.fpCol.reset()
		sw.fpCol.putRice(sorted, 1<<width)
		head = append(putUvarint(head, uint64(seed)), byte(width))
		head = append(head, sw.fpCol.b...)
		sw.fpOrder, sw.sorted = order, sorted
	}
	// the postings of the terms in more than one page, each a cache miss
	// or two, read first in a loop that does little else: the misses
	// overlap (in the loop that codes them, each waited for the last)
	touched := uint32(0)
	for _, id := range ids {
		sw.docCol.gamma(entries[id].df)
		if entries[id].df > 1 {
			touched += entries[id].data.posts[0]
		}
	}
	sw.touched = touched
	nPos := 0
	for _, id := range ids {
		e := &entries[id]
		if e.df == 1 && rare > 0 { // a list term without positions
			sw.docCol.rice(e.doc, riceK(1, docs))
			impCol = append(impCol, e.imp)
			continue
		}
		l := e.data
		if e.dense {
			name, made := named(denseFile(l, docs))
			denseCol = append(denseCol, hexBytes(name)...)
			files = append(files, made...)
			if hasPositions(l, rare) {
				var w bitWriter
				w.putPositions(l.more.pos, len(l.posts))
				name, made := named(w.b)
				denseCol = append(denseCol, hexBytes(name)...)
				files = append(files, made...)
			}
			continue
		}
		sw.docCol.putRicePostings(l.posts, docs)
		for _, p := range l.posts {
			impCol = append(impCol, postingImp(p))
		}
		if hasPositions(l, rare) {
			nPos++
			sw.posBits.putPositions(l.more.pos, len(l.posts))
			nextCol = putNext(nextCol, l.key, l.more.after, denseKeys, vocab)
		}
	}
	sw.count = sw.count[:0]
	if nPos > 0 {
		sw.count = putUvarint(sw.count, uint64(nPos))
	}
	shard := gzColumns(compressed(head[:texts]), stored(head[texts:], sw.docCol.b),
		compressed(impCol, denseCol, sw.count), stored(sw.posBits.b), compressed(nextCol))
	sw.ids, sw.head, sw.impCol, sw.denseCol, sw.nextCol = ids, head, impCol, denseCol, nextCol
	return append(files, shardFile{fmt.Sprintf("t/%x.bin", b), shard})
}

// sortKey is a term's text's first 16 bytes, big-endian, zero-padded, and
// its entry.
type sortKey struct {
	hi, lo uint64
	id     int32
}

// sortByText sorts the entries ids by their text, comparing first the
// texts' first 16 bytes as numbers, from an array of its own (keys, reused
// and returned): strings compared in place took a tenth of writing the
// shards.
func sortByText(ids []int32, entries []termEntry, keys []sortKey) []sortKey {
	keys = keys[:0]
	for _, id := range ids {
		var b [16]byte
		copy(b[:], entries[id].text)
		keys = append(keys, sortKey{binary.BigEndian.Uint64(b[:8]), binary.BigEndian.Uint64(b[8:]), id})
	}
	sortKeys(keys, bits.Len(uint(len(keys)))*2)
	// texts alike in their first 16 bytes (few): by the whole text
	for i := 0; i < len(keys); {
		j := i + 1
		for j < len(keys) && keys[j].hi == keys[i].hi && keys[j].lo == keys[i].lo {
			j++
		}
		if j-i > 1 {
			slices.SortFunc(keys[i:j], func(a, b sortKey) int { return strings.Compare(entries[a.id].text, entries[b.id].text) })
		}
		i = j
	}
	for i, k := range keys {
		ids[i] = k.id
	}
	return keys
}

func keyLess(a, b *sortKey) bool { return a.hi < b.hi || a.hi == b.hi && a.lo < b.lo }

func compareKeys(a, b sortKey) int {
	if c := cmp.Compare(a.hi, b.hi); c != 0 {
		return c
	}
	return cmp.Compare(a.lo, b.lo)
}

// sortKeys sorts k by hi and lo: a quicksort whose comparison is inlined
// (slices.SortFunc's call a comparison was two thirds of sortByText),
// slices.SortFunc past depth levels.
func sortKeys(k []sortKey, depth int) {
	for len(k) > 12 {
		if depth == 0 {
			slices.SortFunc(k, compareKeys)
			return
		}
		depth--
		// the median of the first, middle and last to the middle
		m, l := (len(k)-1)/2, len(k)-1
		if keyLess(&k[m], &k[0]) {
			k[m], k[0] = k[0], k[m]
		}
		if keyLess(&k[l], &k[m]) {
			k[l], k[m] = k[m], k[l]
			if keyLess(&k[m], &k[0]) {
				k[m], k[0] = k[0], k[m]
			}
		}
		// Hoare's partition around it: k[:j+1] <= pivot <= k[j+1:]
		p := k[m]
		i, j := -1, len(k)
		for {
			for i++; keyLess(&k[i], &p); i++ {
			}
			for j--; keyLess(&p, &k[j]); j-- {
			}
			if i >= j {
				break
			}
			k[i], k[j] = k[j], k[i]
		}
		if j+1 < len(k)-j-1 {
			sortKeys(k[:j+1], depth)
			k = k[j+1:]
		} else {
			sortKeys(k[j+1:], depth)
			k = k[:j+1]
		}
	}
	for i := 1; i < len(k); i++ {
		for j := i; j > 0 && keyLess(&k[j], &k[j-1]); j-- {
			k[j], k[j-1] = k[j-1], k[j]
		}
	}
}

// putNext writes the next column of a list term of Gram units with
// positions (format above): k is the term, after the unit after each of its
// occurrences (0 at a segment's end).
func putNext(b []byte, k key, after []uint32, dense map[key]bool, vocab *vocabulary) []byte {
	u := k.units()
	shifted := append(append(make([]uint32, 0, len(u)), u[1:]...), 0)
	var table []uint32
	col := make([]byte, 0, len(after))
	for _, a := range after {
		i := 0
		if a != 0 {
			shifted[len(shifted)-1] = a
			if dense[makeKey(shifted)] {
				i = slices.Index(table, a) + 1
				if i == 0 {
					table = append(table, a)
					i = len(table)
				}
			}
		}
		col = putUvarint(col, uint64(i))
	}
	b = putUvarint(b, uint64(len(table)))
	for _, a := range table {
		b = putString(b, vocab.text([]uint32{a}))
	}
	if len(table) > 0 {
		b = append(b, col...)
	}
	return b
}

// putGaps writes docids as gaps, the first as it is.
func putGaps(b []byte, docs []uint32) []byte {
	prev := uint32(0)
	for _, d := range docs {
		b = putUvarint(b, uint64(d-prev))
		prev = d
	}
	return b
}

func hexBytes(name string) []byte {
	b, _ := hex.DecodeString(name)
	return b
}

// denseLevel is the impact level of every page of a dense term.
const denseLevel = 2

func denseFile(l *termData, docs int) []byte {
	var w bitWriter
	w.putRicePostings(l.posts, docs)
	for _, p := range l.posts {
		w.bit(uint32(postingImp(p)&impactTitle) / impactTitle)
	}
	return w.b
}
