package search

import (
	"encoding/json"
	"sort"
)

// A segment is the index of some of the pages, in a folder of its own named
// by its content, s-NAME/, never changed once written:
//
//	t/B.bin            shards, with positions (terms.go)
//	f/K.bin            the fragments of docids 64K … 64K+63 (files.go),
//	                   compressed with the dictionary z/NAME.bin (dict.go)
//	x/N.bin            facet N: values and docids
//	state.bin          for the next build, not for the browser: gzip JSON
//	                   of the pages (URL and fragment name by docid) and
//	                   the files the segment uses, its dense files included
//
// Its dense files are in d/, beside the segments, named by their content.

// segmentOut is a segment just written.
type segmentOut struct {
	info  segmentInfo
	files map[string][]byte // path below search/ → content
	terms int
	dense int
	bytes int64
}

// segmentState is state.bin.
type segmentState struct {
	Docs  [][2]string `json:"docs"`  // [URL, fragment name] by docid
	Files []string    `json:"files"` // paths below search/, state.bin excepted
}

// writeSegment indexes items (in the order of orderItems) as a segment of
// the given level. It returns nil when stop says so.
//
// dict is the dictionary of its fragments (dict.go), the base's; a base
// writes it, as z/NAME.bin.
func writeSegment(items []*item, secs []sectionInfo, level int, opts Options, avg float64, dict []byte, stop func() bool) *segmentOut {
	docs := make([]*Doc, len(items))
	for i, it := range items {
		docs[i] = it.doc
	}
	vocab := &vocabulary{ids: map[string]uint32{}}
	cands, rare := 0, 0 // a delta is small: every n-gram is a term, with positions
	target, most := deltaShardTarget, maxBuckets
	if level == 0 {
		cands, rare, target, most = candidateMax, rareDocs, shardTarget, baseBuckets(len(items))
	}
	inv := invert(docs, vocab, opts.Gram, avg, cands)
	if stop() {
		return nil
	}
	in := map[string][]byte{}     // files of the segment's folder
	beside := map[string][]byte{} // dense files, below search/
	buckets, dense, terms := writeTerms(inv, vocab, len(docs), opts.Gram, target, most, rare, in, beside)
	if stop() {
		return nil
	}
	dictFile := ""
	if dict != nil {
		dictFile = "z/" + contentName(dict) + ".bin"
		if level == 0 {
			beside[dictFile] = gz(dict)
		}
	}
	writeFragmentPacks(items, dict, in)
	facets := writeFacets(items, opts.Facets, in)
	names := make([]string, 0, len(in))
	for name := range in {
		names = append(names, name)
	}
	sort.Strings(names)
	parts := make([][]byte, 0, 2*len(names))
	for _, name := range names {
		parts = append(parts, []byte(name), in[name])
	}
	dir := "s-" + contentName(parts...)[:12] + "/"
	out := &segmentOut{files: map[string][]byte{}, terms: terms, dense: dense,
		info: segmentInfo{Dir: dir, Level: level, Docs: len(items), Buckets: buckets, Candidates: cands, Rare: rare, Sections: secs, Facets: facets, Dict: dictFile}}
	var st segmentState
	for _, it := range items {
		st.Docs = append(st.Docs, [2]string{it.doc.URL, it.frag})
	}
	for name, data := range in {
		out.files[dir+name] = data
		out.bytes += int64(len(data))
		st.Files = append(st.Files, dir+name)
	}
	for name, data := range beside {
		out.files[name] = data
		out.bytes += int64(len(data))
		st.Files = append(st.Files, name)
	}
	if dictFile != "" && level > 0 {
		st.Files = append(st.Files, dictFile) // the base's
	}
	sort.Strings(st.Files)
	sj, _ := json.Marshal(st)
	out.files[dir+"state.bin"] = gz(sj)
	return out
}

// orderItems sorts pages by section (in the given order, then the others by
// name), then newest first, then by URL, and describes the sections' docid
// ranges.
func orderItems(items []*item, secs []Section) []sectionInfo {
	rank := map[string]int{}
	for i, s := range secs {
		if _, ok := rank[s.Name]; !ok {
			rank[s.Name] = i
		}
	}
	sectionRank := func(d *Doc) (int, string) {
		if r, ok := rank[d.Section]; ok {
			return r, ""
		}
		return len(rank), d.Section
	}
	sort.SliceStable(items, func(i, j int) bool {
		a, b := items[i].doc, items[j].doc
		ra, na := sectionRank(a)
		rb, nb := sectionRank(b)
		if ra != rb || na != nb {
			return ra < rb || ra == rb && na < nb
		}
		if !a.Date.Equal(b.Date) {
			return a.Date.After(b.Date)
		}
		return a.URL < b.URL
	})
	var infos []sectionInfo
	for i, it := range items {
		d := it.doc
		if len(infos) == 0 || infos[len(infos)-1].Name != d.Section {
			infos = append(infos, sectionInfo{Name: d.Section, Start: i})
		}
		s := &infos[len(infos)-1]
		s.Count++
		month := monthOf(d.Date)
		if n := len(s.Months); n == 0 || s.Months[n-1][0] != month {
			s.Months = append(s.Months, [2]int{month, i})
		}
	}
	return infos
}
