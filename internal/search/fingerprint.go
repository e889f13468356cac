package search

import (
	"slices"
	"unicode/utf8"
)

// A term of one or two Han units (a character, a pair) has no string in
// its shard but a fingerprint: width bits of a hash of the term with the
// shard's seed, the seed tried from 0 until the fingerprints of the shard's
// such terms all differ. Strings of pairs were a third of the shards
// (3.1 MB of 17.8 at 10,000 pages); a fingerprint costs ~7 bits (12 bits,
// sorted, as Rice codes: 0.59 MB).
//
// The answers stay exact. Every unit and pair of the text of every page of
// a segment is a term of it, so a unit or pair that some page of the
// segment holds finds its own entry, the only one with its fingerprint. One
// that no page holds may find another term's: then no page of that list,
// and no page of the segment, holds it. So the reader checks one page of
// the segment on its text, the best ranked, whose fragment it reads anyway
// to show it (confirm): when that page holds the query, every fingerprint
// matched its own term; when not, the segment holds nothing. A partial
// match checks one page of each fingerprinted pair's list per segment
// (confirmTerm). A false match may still change a term's idf, and so a
// ranking, never what is found. It is rare: a unit or pair that a segment
// lacks matches another's fingerprint with a chance of m/2^width, about 1
// in 50 with 12 bits and the ~80 such terms of a shard at 10,000 pages,
// and costs a fragment read.

// fpMinWidth is the width of fingerprints a shard tries first; a shard
// whose terms collide under 32 seeds tries one bit more. 16 bits cost
// 0.35 MB more at 10,000 pages than 12.
var fpMinWidth = 12

// byFingerprint reports whether a term (canonical text) is found by its
// fingerprint: one or two Han units, fewer than gram (terms of gram units
// have positions, found by their text).
func byFingerprint(text string, gram int) bool {
	if len(text) > 2*utf8.UTFMax { // more than two characters: most terms end here
		return false
	}
	n := utf8.RuneCountInString(text)
	if n == 0 || n > 2 || n >= gram {
		return false
	}
	for _, r := range text {
		if classify(r) != classHan {
			return false
		}
	}
	return true
}

// fingerprint is the top width bits of a seeded FNV-1a hash of text, mixed
// as MurmurHash3 ends (the same in the browser, search-segment.js).
func fingerprint(text string, seed uint32, width int) uint32 {
	h := uint32(2166136261) ^ seed*0x9e3779b9
	for i := 0; i < len(text); i++ {
		h = (h ^ uint32(text[i])) * 16777619
	}
	h ^= h >> 16
	h *= 0x85ebca6b
	h ^= h >> 13
	h *= 0xc2b2ae35
	h ^= h >> 16
	return h >> (32 - width)
}

// pickSeed finds a seed and width under which the texts' fingerprints all
// differ, and returns them. A table of 2^width bits finds a collision as
// the fingerprints are made (a shard tries about two seeds).
func pickSeed(texts []string) (seed uint32, width int, fps []uint32) {
	fps = make([]uint32, len(texts))
	var seen []uint64
	for width = fpMinWidth; ; width++ {
		words := (1<<width + 63) / 64
		seen = slices.Grow(seen[:0], words)[:words]
	seeds:
		for seed = 0; seed < 32; seed++ {
			clear(seen)
			for i, t := range texts {
				f := fingerprint(t, seed, width)
				if seen[f/64]&(1<<(f%64)) != 0 {
					continue seeds
				}
				seen[f/64] |= 1 << (f % 64)
				fps[i] = f
			}
			return seed, width, fps
		}
	}
}

// usesFingerprints reports whether a query asks for a term found by its
// fingerprint.
func (ix *Index) usesFingerprints(q Query) bool {
	for _, p := range q.Pieces {
		for _, t := range p.Terms(ix.m.Gram) {
			if !t.Prefix && byFingerprint(t.Text, ix.m.Gram) {
				return true
			}
		}
	}
	return false
}

// confirm checks the best ranked hit of each segment on its text when the
// query used fingerprints, and drops the segment's hits when that page
// does not hold the query: a fingerprint then matched a term the segment
// lacks (above). It returns the hits, ranked.
func (ix *Index) confirm(q Query, hits []Hit) ([]Hit, error) {
	ix.rank(hits)
	if !ix.usesFingerprints(q) {
		return hits, nil
	}
	checked, bad := map[*segment]bool{}, map[*segment]bool{}
	for _, h := range hits {
		s := ix.segmentOf(h.Doc)
		if s == nil || checked[s] {
			continue
		}
		checked[s] = true
		f, err := ix.fragment(h.Doc)
		if err != nil {
			return nil, err
		}
		for _, p := range q.Pieces {
			if !f.holds(p) {
				bad[s] = true
				break
			}
		}
	}
	if len(bad) == 0 {
		return hits, nil
	}
	kept := hits[:0]
	for _, h := range hits {
		if !bad[ix.segmentOf(h.Doc)] {
			kept = append(kept, h)
		}
	}
	return kept, nil
}

// confirmTerm checks, for a partial match, one page (the first) of each
// segment where a fingerprinted term t matched, and drops the segment's
// pages from post when that page does not hold t.
func (ix *Index) confirmTerm(t Term, post map[uint32]uint8) error {
	if t.Prefix || !byFingerprint(t.Text, ix.m.Gram) {
		return nil
	}
	first := map[*segment]uint32{}
	for d := range post {
		if s := ix.segmentOf(d); s != nil {
			if at, ok := first[s]; !ok || d < at {
				first[s] = d
			}
		}
	}
	p := Piece{Units: Segments(t.Text)[0]}
	for s, d := range first {
		f, err := ix.fragment(d)
		if err != nil {
			return err
		}
		if f.holds(p) {
			continue
		}
		for d := range post {
			if ix.segmentOf(d) == s {
				delete(post, d)
			}
		}
	}
	return nil
}
