package search

import (
	"encoding/hex"
	"fmt"
	"math"
	"strings"
)

// segment reads one segment of an index, file by file, and caches what it
// read.
type segment struct {
	ix        *Index
	info      segmentInfo
	base      uint32          // the docid of its first page in the index
	dead      map[uint32]bool // its tombstones (its own docids)
	shards    map[uint32][]record
	positions map[uint32]map[string]posEntry // bucket → term → its part of the shard's positions
	tails     map[uint32][]byte              // bucket → the positions at the end of its shard
	seeds     map[uint32]fpSeed              // bucket → its fingerprints' seed
}

// posEntry is a term's positions, page by page, and for a list term its
// next column, the unit after each occurrence ("" for none).
type posEntry struct {
	at   [][]int
	next []string
}

// fpSeed is how a shard's fingerprints are made (fingerprint.go).
type fpSeed struct {
	seed  uint32
	width int
}

// record is a term of a shard; its docids are the segment's.
type record struct {
	text   string // "" for a term found by its fingerprint
	fp     uint32
	byFP   bool
	df     int
	docs   []uint32
	imps   []uint8
	bucket uint32
	dense  bool
	posAt  string // for a dense term of Gram units, the file of its positions
}

// sizeLimit bounds what one index file may inflate to.
const sizeLimit = 64 << 20

// shard reads and caches the shard of a bucket.
func (s *segment) shard(bucket uint32) ([]record, error) {
	ix := s.ix
	if recs, ok := s.shards[bucket]; ok {
		return recs, nil
	}
	data, err := ix.file(s.info.Dir + fmt.Sprintf("t/%x.bin", bucket))
	if err != nil {
		return nil, err
	}
	r := &reader{b: data}
	n := r.uvarint()
	if n > uint64(len(data)) {
		return nil, errCorrupt
	}
	recs := make([]record, n)
	for i := range recs {
		recs[i] = record{text: r.term(), bucket: bucket}
	}
	if m := r.uvarint(); m > 0 && m <= uint64(len(data)) {
		seed, width := r.uvarint(), r.bytes(1)
		if len(width) == 0 || width[0] == 0 || width[0] > 32 || seed > 1<<32-1 {
			return nil, errCorrupt
		}
		br := &bitReader{b: r.b}
		fps := br.docs(int(m), 1<<width[0])
		if br.failed {
			return nil, errCorrupt
		}
		r.b = br.rest()
		s.seeds[bucket] = fpSeed{uint32(seed), int(width[0])}
		for _, fp := range fps {
			recs = append(recs, record{fp: fp, byFP: true, bucket: bucket})
		}
	} else if m > 0 {
		return nil, errCorrupt
	}
	br := &bitReader{b: r.b}
	for i := range recs {
		recs[i].df = int(br.gamma())
		recs[i].dense = isDense(recs[i].df, s.info.Docs)
		if recs[i].df > s.info.Docs {
			br.failed = true
		}
	}
	for i := range recs {
		if !recs[i].dense && !br.failed {
			recs[i].docs = br.docs(recs[i].df, s.info.Docs)
		}
	}
	if br.failed {
		return nil, errCorrupt
	}
	r.b = br.rest()
	for i := range recs {
		if !recs[i].dense {
			recs[i].imps = r.bytes(uint64(recs[i].df))
		}
	}
	for i := range recs {
		if !recs[i].dense || r.err != nil {
			continue
		}
		name := hex.EncodeToString(r.bytes(8))
		if countUnits(recs[i].text) == ix.m.Gram {
			recs[i].posAt = ix.m.Dense + hex.EncodeToString(r.bytes(8)) + ".bin"
		}
		if r.err == nil {
			if err := s.readDense(&recs[i], ix.m.Dense+name+".bin"); err != nil {
				return nil, err
			}
		}
	}
	if r.err != nil {
		return nil, r.err
	}
	s.tails[bucket] = r.b
	s.shards[bucket] = recs
	return recs, nil
}

func (s *segment) readDense(rec *record, name string) error {
	data, err := s.ix.file(name)
	if err != nil {
		return err
	}
	br := &bitReader{b: data}
	rec.docs = br.docs(rec.df, s.info.Docs)
	rec.imps = make([]uint8, len(rec.docs))
	for i := range rec.imps {
		rec.imps[i] = uint8(br.bit())*impactTitle | denseLevel
	}
	if br.failed || len(rec.docs) != rec.df {
		return errCorrupt
	}
	return nil
}

// records returns the records a term stands for: itself, or for a prefix
// term every term of as many units that it starts.
func (s *segment) records(t Term) ([]record, error) {
	bucket := fnv1a(shardKey(t.Text)) & uint32(s.info.Buckets-1)
	recs, err := s.shard(bucket)
	if err != nil {
		return nil, err
	}
	var out []record
	if !t.Prefix && byFingerprint(t.Text, s.ix.m.Gram) {
		seed, ok := s.seeds[bucket]
		want := fingerprint(t.Text, seed.seed, seed.width)
		for _, rec := range recs {
			if ok && rec.byFP && rec.fp == want {
				out = append(out, rec)
			}
		}
		return out, nil
	}
	for _, rec := range recs {
		if !rec.byFP && (rec.text == t.Text || t.Prefix && strings.HasPrefix(rec.text, t.Text) && countUnits(rec.text) == t.Units) {
			out = append(out, rec)
		}
	}
	return out, nil
}

// lookup adds the postings of a term to out: docid in the index → impact
// byte (for a prefix term, the best over the words it extends to), without
// the dead pages; and, for a longer n-gram that is not a term, its
// candidates to cands (prune.go).
func (s *segment) lookup(t Term, out map[uint32]uint8, cands map[uint32]bool) error {
	recs, cand, err := s.x(t)
	if err != nil {
		return err
	}
	for _, rec := range recs {
		for i, d := range rec.docs {
			if i < len(rec.imps) && !s.dead[d] && rec.imps[i] > out[s.base+d] {
				out[s.base+d] = rec.imps[i]
			}
		}
	}
	for _, d := range cand {
		if !s.dead[d] {
			cands[s.base+d] = true
		}
	}
	return nil
}

// hasPositions reports whether a record's positions are at the end of its
// shard.
func (s *segment) hasPositions(rec record) bool {
	return !rec.dense && rec.df > s.info.Rare && countUnits(rec.text) == s.ix.m.Gram
}

// idf is BM25's inverse document frequency.
func idf(df, n int) float64 {
	return math.Log(1 + (float64(n)-float64(df)+0.5)/(float64(df)+0.5))
}
