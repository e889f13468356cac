package search

import (
	"encoding/json"
	"sort"
	"time"
)

// Options say how to index.
type Options struct {
	// Sections in display order, with their titles; docs of other sections
	// come after them, by name.
	Sections []Section
	// Facets are the multi-valued filters read from Doc.Facets.
	Facets []Section
	// Gram is the longest n-gram indexed, in units (default 4): queries of
	// up to Gram units are answered exactly by one term.
	Gram int
	// Stop, when set, is asked between the steps of Build; when it says
	// true, Build gives up and returns nil (the preview asks for a newer
	// index while an older one is still being built).
	Stop func() bool
}

// Section names a section or a facet and gives its title.
type Section struct{ Name, Title string }

// Output is a built index: the files to publish under the site's search/
// folder.
type Output struct {
	Files    map[string][]byte // path below search/ → content
	Manifest string            // path below search/ of the manifest
	Stats    Stats
}

// Stats describe an index.
type Stats struct {
	Docs, Terms, Dense, Buckets int
	IndexBytes, FragmentBytes   int64 // gzip sizes
}

const (
	shardTarget = 8 << 10 // raw bytes a shard aims at
	fdBlock     = 16      // docs per fragment-name block
	maxBuckets  = 1 << 16
)

// Build indexes docs. It never fails: text of any kind becomes units or is
// ignored. It returns nil only when opts.Stop says so.
func Build(docs []Doc, opts Options) *Output {
	if opts.Gram < 1 || opts.Gram > 4 {
		opts.Gram = 4
	}
	stop := func() bool { return opts.Stop != nil && opts.Stop() }
	ordered, sections := order(docs, opts.Sections)
	vocab := &vocabulary{ids: map[string]uint32{}}
	keys, lists, after := invert(ordered, vocab, opts.Gram)
	if stop() {
		return nil
	}
	out := &Output{Files: map[string][]byte{}}
	idx := map[string][]byte{} // files of the index folder
	buckets, dense := writeTerms(keys, lists, after, vocab, len(ordered), idx, out.Files)
	if stop() {
		return nil
	}
	frags := writeFragments(ordered, sections, idx, out.Files)
	facets := writeFacets(ordered, opts.Facets, idx)
	fold := writeFold(out.Files)
	m := manifest{
		Version: 2, Docs: len(ordered), Gram: opts.Gram, Rare: rareDocs, Buckets: buckets, FDBlock: fdBlock,
		Sections: sections, Facets: facets, Fold: "../" + fold.dir, FoldBlocks: fold.blocks,
		Fragments: "../f/", Dense: "../d/", Root: "../../",
	}
	mj, _ := json.Marshal(m)
	var names []string
	for name := range idx {
		names = append(names, name)
	}
	sort.Strings(names)
	parts := [][]byte{mj}
	for _, name := range names {
		parts = append(parts, []byte(name), idx[name])
	}
	dir := "i-" + contentName(parts...)[:12] + "/"
	for name, data := range idx {
		out.Files[dir+name] = data
		out.Stats.IndexBytes += int64(len(data))
	}
	out.Manifest = dir + "m.bin"
	out.Files[out.Manifest] = gz(mj)
	out.Stats.Docs, out.Stats.Terms, out.Stats.Dense, out.Stats.Buckets = len(ordered), len(lists), dense, buckets
	out.Stats.FragmentBytes = frags
	return out
}

// manifest is m.bin (gzip JSON), the one file the search page loads first. Its
// size does not grow with the number of pages, only with sections, months
// and facets.
type manifest struct {
	Version    int           `json:"version"`
	Docs       int           `json:"docs"`
	Gram       int           `json:"gram"`
	Rare       int           `json:"rare"` // terms of Gram units in at most Rare pages have no positions
	Buckets    int           `json:"buckets"`
	FDBlock    int           `json:"fdBlock"`
	Sections   []sectionInfo `json:"sections"`
	Facets     []facetInfo   `json:"facets"`
	Fold       string        `json:"fold"`
	FoldBlocks string        `json:"foldBlocks"`
	Fragments  string        `json:"fragments"`
	Dense      string        `json:"dense"`
	Root       string        `json:"root"`
}

// sectionInfo: the docs of a section are the docids [Start, Start+Count),
// newest first; Months lists [yyyymm, first docid] where the month changes.
type sectionInfo struct {
	Name   string   `json:"name"`
	Title  string   `json:"title"`
	Start  int      `json:"start"`
	Count  int      `json:"count"`
	Months [][2]int `json:"months"`
}

type facetInfo struct {
	Name  string `json:"name"`
	Title string `json:"title"`
	File  string `json:"file"`
}

var cst = time.FixedZone("CST", 8*3600)

// order sorts docs by section (in the given order), then newest first, and
// describes the sections' docid ranges.
func order(docs []Doc, secs []Section) ([]*Doc, []sectionInfo) {
	rank := map[string]int{}
	title := map[string]string{}
	for i, s := range secs {
		if _, ok := rank[s.Name]; !ok {
			rank[s.Name] = i
			title[s.Name] = s.Title
		}
	}
	ordered := make([]*Doc, len(docs))
	for i := range docs {
		ordered[i] = &docs[i]
	}
	sectionRank := func(d *Doc) (int, string) {
		if r, ok := rank[d.Section]; ok {
			return r, ""
		}
		return len(rank), d.Section
	}
	sort.SliceStable(ordered, func(i, j int) bool {
		a, b := ordered[i], ordered[j]
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
	for i, d := range ordered {
		if len(infos) == 0 || infos[len(infos)-1].Name != d.Section {
			t := title[d.Section]
			if t == "" {
				t = d.Section
			}
			infos = append(infos, sectionInfo{Name: d.Section, Title: t, Start: i})
		}
		s := &infos[len(infos)-1]
		s.Count++
		month := 0
		if !d.Date.IsZero() {
			t := d.Date.In(cst)
			month = t.Year()*100 + int(t.Month())
		}
		if n := len(s.Months); n == 0 || s.Months[n-1][0] != month {
			s.Months = append(s.Months, [2]int{month, i})
		}
	}
	return ordered, infos
}
