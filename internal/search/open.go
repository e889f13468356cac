package search

import (
	"encoding/hex"
	"encoding/json"
	"fmt"
	"path"
	"slices"
	"sort"
	"strings"
)

// Index reads a built index the way the browser does, file by file, for
// tests and benchmarks. Fetch returns a file by its path below search/.
//
// The pages of the segments are numbered one segment after another, then
// come the recent pages; a dead page (a tombstone) is never found.
type Index struct {
	fetch  func(name string) ([]byte, error)
	dir    string
	name   string // the manifest's
	m      manifest
	segs   []*segment
	recent uint32 // the docid of the first recent page
	live   int    // pages that are not dead
	frags  map[uint32]*fragment
	packs  map[string][]byte // fragment packs read, by path, and dictionaries, by name
	filter bitmap            // the recent pages'
}

// Open reads the manifest at manifestPath (Output.Manifest).
func Open(fetch func(name string) ([]byte, error), manifestPath string) (*Index, error) {
	ix := &Index{fetch: fetch, dir: path.Dir(manifestPath) + "/", name: path.Base(manifestPath), frags: map[uint32]*fragment{}, packs: map[string][]byte{}}
	raw, err := ix.file(ix.name)
	if err != nil {
		return nil, err
	}
	if err := json.Unmarshal(raw, &ix.m); err != nil {
		return nil, fmt.Errorf("search: manifest: %v", err)
	}
	if err := ix.m.check(); err != nil {
		return nil, err
	}
	base := uint32(0)
	for _, info := range ix.m.Segments {
		s := &segment{ix: ix, info: info, base: base, dead: info.deadSet(),
			shards: map[uint32][]record{}, positions: map[uint32]map[string]posEntry{}, tails: map[uint32][]byte{}, seeds: map[uint32]fpSeed{}}
		ix.segs = append(ix.segs, s)
		base += uint32(info.Docs)
		ix.live += info.Docs - len(s.dead)
	}
	ix.recent = base
	ix.live += len(ix.m.Recent)
	return ix, nil
}

func (ix *Index) file(name string) ([]byte, error) {
	data, err := ix.fetch(path.Clean(ix.dir + name))
	if err != nil {
		return nil, err
	}
	return gunzip(data, sizeLimit)
}

// segmentOf returns the segment of a docid, nil for a recent page.
func (ix *Index) segmentOf(doc uint32) *segment {
	i := sort.Search(len(ix.segs), func(i int) bool { return ix.segs[i].base+uint32(ix.segs[i].info.Docs) > doc })
	if i < len(ix.segs) && doc >= ix.segs[i].base {
		return ix.segs[i]
	}
	return nil
}

// lookup returns the postings of a term in the whole index: docid →
// impact byte (for a prefix term, the best over the words it extends to).
// The recent pages, and the candidates of a longer n-gram that is not a
// term, are found in their text: those are also in text, as they have no
// positions.
func (ix *Index) lookup(t Term) (post map[uint32]uint8, text map[uint32]bool, err error) {
	post, text = map[uint32]uint8{}, map[uint32]bool{}
	for _, s := range ix.segs {
		if err := s.lookup(t, post, text); err != nil {
			return nil, nil, err
		}
	}
	if len(ix.m.Recent) > 0 {
		filter, err := ix.recentFilter()
		if err != nil {
			return nil, nil, err
		}
		for i := range ix.m.Recent {
			if mayHold(filter[i*filterBits/8:(i+1)*filterBits/8], t) {
				text[ix.recent+uint32(i)] = true
			}
		}
	}
	for d := range text {
		f, err := ix.fragment(d)
		if err != nil {
			return nil, nil, err
		}
		if imp, ok := textImpact(f, t, ix.m.Avg); ok {
			post[d] = imp
		} else {
			delete(text, d)
		}
	}
	return post, text, nil
}

// recentFilter reads the recent pages' filter (filter.go), once.
func (ix *Index) recentFilter() (bitmap, error) {
	if ix.filter == nil {
		data, err := ix.file(ix.m.RecentFilter)
		if err != nil {
			return nil, err
		}
		if len(data) != len(ix.m.Recent)*filterBits/8 {
			return nil, errCorrupt
		}
		ix.filter = data
	}
	return ix.filter, nil
}

// fragData returns a page's fragment, the JSON: a recent page's from its
// file, another's from its segment's pack (the browser reads only its part).
func (ix *Index) fragData(doc uint32) ([]byte, error) {
	if s := ix.segmentOf(doc); s != nil {
		local := int(doc - s.base)
		name := path.Clean(ix.dir + s.info.Dir + fmt.Sprintf("f/%d.bin", local/ix.m.Pack))
		pack, ok := ix.packs[name]
		if !ok {
			var err error
			if pack, err = ix.fetch(name); err != nil {
				return nil, err
			}
			ix.packs[name] = pack
		}
		part, err := packPart(pack, local%ix.m.Pack)
		if err != nil {
			return nil, err
		}
		var dict []byte
		if s.info.Dict != "" {
			dict = ix.packs[s.info.Dict] // packs hold no key without "/f/"
			if dict == nil {
				if dict, err = ix.file(s.info.Dict); err != nil {
					return nil, err
				}
				ix.packs[s.info.Dict] = dict
			}
		}
		return unzipPart(part, dict)
	}
	if i := int(doc - ix.recent); doc >= ix.recent && i < len(ix.m.Recent) {
		data, err := ix.file(ix.m.Fragments + ix.m.Recent[i].Frag + ".bin")
		if err != nil {
			return nil, err
		}
		return unpackText(data)
	}
	return nil, errCorrupt
}

// fragment reads a page's fragment.
func (ix *Index) fragment(doc uint32) (*fragment, error) {
	if f := ix.frags[doc]; f != nil {
		return f, nil
	}
	data, err := ix.fragData(doc)
	if err != nil {
		return nil, err
	}
	var f fragment
	if err := json.Unmarshal(data, &f); err != nil {
		return nil, err
	}
	f.unpack()
	ix.frags[doc] = &f
	return &f, nil
}

// month is the yyyymm of a page, from the manifest.
func (ix *Index) month(doc uint32) int {
	s := ix.segmentOf(doc)
	if s == nil {
		if i := int(doc - ix.recent); i < len(ix.m.Recent) {
			return ix.m.Recent[i].Month
		}
		return 0
	}
	local := int(doc - s.base)
	for _, sec := range s.info.Sections {
		if local >= sec.Start && local < sec.Start+sec.Count {
			m := 0
			for _, mo := range sec.Months {
				if mo[1] <= local {
					m = mo[0]
				}
			}
			return m
		}
	}
	return 0
}

// Page is a page an index holds.
type Page struct {
	Doc uint32
	URL string
	// Fragment is the name of its fragment, which changes with anything
	// the page's index depends on.
	Fragment string
}

// Pages returns the pages the index holds, not dead, by docid. It reads
// every fragment, and a segment's state for the names of its pages'
// fragments (a pack holds less than the fragment, files.go).
func (ix *Index) Pages() ([]Page, error) {
	var out []Page
	states := map[*segment]segmentState{}
	for doc := uint32(0); doc < ix.recent+uint32(len(ix.m.Recent)); doc++ {
		s := ix.segmentOf(doc)
		if s != nil && s.dead[doc-s.base] {
			continue
		}
		data, err := ix.fragData(doc)
		if err != nil {
			return nil, err
		}
		var f fragment
		if err := json.Unmarshal(data, &f); err != nil {
			return nil, err
		}
		name := contentName(data)
		if s != nil {
			st, ok := states[s]
			if !ok {
				raw, err := ix.file(s.info.Dir + "state.bin")
				if err == nil {
					err = json.Unmarshal(raw, &st)
				}
				if err != nil || len(st.Docs) != s.info.Docs {
					return nil, errCorrupt
				}
				states[s] = st
			}
			if st.Docs[doc-s.base][0] != f.URL {
				return nil, errCorrupt
			}
			name = st.Docs[doc-s.base][1]
		}
		out = append(out, Page{Doc: doc, URL: f.URL, Fragment: name})
	}
	return out, nil
}

// Files lists every file the index uses, below search/: the manifest, the
// segments' files (their fragment packs hold the fragments of their dead
// pages too: a reader of the previous manifest may show them), the
// fragments of the recent pages, the files kept for readers of the
// previous manifest, and the fold table.
func (ix *Index) Files() ([]string, error) {
	out := []string{ix.name}
	for _, s := range ix.segs {
		var st segmentState
		raw, err := ix.file(s.info.Dir + "state.bin")
		if err != nil {
			return nil, err
		}
		if err := json.Unmarshal(raw, &st); err != nil {
			return nil, err
		}
		out = append(out, st.Files...)
		out = append(out, s.info.Dir+"state.bin")
	}
	for _, r := range ix.m.Recent {
		out = append(out, ix.m.Fragments+r.Frag+".bin")
	}
	if ix.m.RecentFilter != "" {
		out = append(out, ix.m.RecentFilter)
	}
	out = append(out, ix.m.Keep...)
	blocks, err := hex.DecodeString(ix.m.FoldBlocks)
	if err != nil {
		return nil, err
	}
	for i := range len(blocks) * 8 {
		if bitmap(blocks).has(uint32(i)) {
			out = append(out, ix.m.Fold+fmt.Sprintf("%x.bin", i))
		}
	}
	sort.Strings(out)
	return slices.Compact(out), nil
}

// IndexFile reports whether a path below search/ is one of an index's
// files: named by its content, never changed, and removed only when a
// build replaced it by others (a merge), so a deploy need not count its
// deletion as one a reader could miss. The search page (index.html) is not.
func IndexFile(rel string) bool {
	hexName := func(s string, n int) bool {
		if len(s) != n {
			return false
		}
		_, err := hex.DecodeString(s)
		return err == nil
	}
	dir, rest, nested := strings.Cut(rel, "/")
	switch {
	case !nested:
		name, ok := strings.CutSuffix(dir, ".bin")
		return ok && (strings.HasPrefix(name, "m-") || strings.HasPrefix(name, "r-")) && hexName(name[2:], 12)
	case dir == "d" || dir == "f" || dir == "z":
		name, ok := strings.CutSuffix(rest, ".bin")
		return ok && hexName(name, 16)
	case strings.HasPrefix(dir, "s-"):
		return hexName(dir[2:], 12) && rest != ""
	case strings.HasPrefix(dir, "fold-"):
		return hexName(dir[5:], 8) && rest != ""
	}
	return false
}
