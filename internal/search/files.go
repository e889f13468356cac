package search

import (
	"bytes"
	"encoding/binary"
	"encoding/json"
	"fmt"
	"runtime"
	"slices"
	"sort"
	"strings"
	"sync"
	"unicode/utf8"
)

// fragment is what the browser reads to show a result, and to search a
// recent page (one changed since the last segment was written): the
// page's URL below the site root, title, date, section, plain text,
// captions, credits, headings, summary, facet values and the Traditional characters in them
// with their Simplified forms. Its name is the hash of its JSON,
// which holds everything a page's index depends on, so an unchanged page
// keeps its fragment, and its place in the index, from build to build.
// A pack holds less of it (packed).
type fragment struct {
	URL      string              `json:"u"`
	Title    string              `json:"t"`
	Date     string              `json:"d,omitempty"`
	Section  string              `json:"s,omitempty"`
	Text     string              `json:"x"`
	Captions string              `json:"c,omitempty"`
	Credits  string              `json:"b,omitempty"`
	Headings string              `json:"h,omitempty"` // one a line
	Summary  string              `json:"m,omitempty"`
	Facets   map[string][]string `json:"f,omitempty"`
	Fold     string              `json:"z,omitempty"` // foldPairs of the texts
	// in a pack: the headings as the numbers of the lines of Text they
	// are, and the length in characters of a summary that begins Text
	HeadLines []int `json:"hl,omitempty"`
	SumLen    int   `json:"ml,omitempty"`
}

// packed is the JSON of a fragment as its segment's pack holds it:
// without its section and facets, which the manifest and the segment's
// facet files give, its headings as line numbers when they are lines of
// its text and its summary as a length when it begins the text. At
// 10,000 pages this takes 4 % off the packs.
func (f *fragment) packed() []byte {
	var buf bytes.Buffer
	return f.packedTo(&buf)
}

// packedTo is packed written into buf, which it empties first: the JSON is
// good until buf is used again (packs read it once, in passing).
func (f *fragment) packedTo(buf *bytes.Buffer) []byte {
	p := *f
	p.Section, p.Facets = "", nil
	if lines := headingLines(f.Text, f.Headings); lines != nil {
		p.Headings, p.HeadLines = "", lines
	}
	if f.Summary != "" && strings.HasPrefix(f.Text, f.Summary) {
		p.Summary, p.SumLen = "", utf8.RuneCountInString(f.Summary)
	}
	buf.Reset()
	json.NewEncoder(buf).Encode(p)
	return bytes.TrimSuffix(buf.Bytes(), []byte("\n")) // what Marshal writes
}

// headingLines returns the numbers of the lines of text that the headings
// (one a line) are, nil when one is not a line of it.
func headingLines(text, headings string) []int {
	if headings == "" {
		return nil
	}
	at := map[string]int{}
	for i, line := range strings.Split(text, "\n") {
		if _, ok := at[line]; !ok {
			at[line] = i
		}
	}
	var out []int
	for _, h := range strings.Split(headings, "\n") {
		i, ok := at[h]
		if !ok || h == "" {
			return nil
		}
		out = append(out, i)
	}
	return out
}

// unpack gives a fragment read from a pack its headings and summary back.
func (f *fragment) unpack() {
	if f.HeadLines != nil {
		lines := strings.Split(f.Text, "\n")
		hs := make([]string, 0, len(f.HeadLines))
		for _, i := range f.HeadLines {
			if i >= 0 && i < len(lines) {
				hs = append(hs, lines[i])
			}
		}
		f.Headings, f.HeadLines = strings.Join(hs, "\n"), nil
	}
	if f.SumLen > 0 {
		rs := []rune(f.Text)
		f.Summary, f.SumLen = string(rs[:min(f.SumLen, len(rs))]), 0
	}
}

// item is a page to index, with its fragment.
type item struct {
	doc  *Doc
	frag string // the fragment's name: 16 hex digits
	json []byte // the fragment
	f    *fragment
}

// makeItems makes the fragments of the docs, on all cores.
func makeItems(docs []Doc, facets []Section) []*item {
	items := make([]*item, len(docs))
	parallel(runtime.GOMAXPROCS(0), len(docs), func(_, i int) {
		d := &docs[i]
		f := fragment{URL: d.URL, Title: d.Title, Section: d.Section, Text: d.Body, Captions: d.Captions, Credits: d.Credits,
			Headings: strings.Join(d.Headings, "\n"), Summary: d.Summary}
		if !d.Date.IsZero() {
			f.Date = d.Date.In(cst).Format("2006-01-02")
		}
		f.Fold = foldPairs(f.Title, f.Text, f.Captions, f.Credits, f.Headings, f.Summary)
		for _, fc := range facets {
			if vs := facetValues(d, fc.Name); len(vs) > 0 {
				if f.Facets == nil {
					f.Facets = map[string][]string{}
				}
				f.Facets[fc.Name] = vs
			}
		}
		j, _ := json.Marshal(f)
		items[i] = &item{doc: d, frag: contentName(j), json: j, f: &f}
	})
	return items
}

// facetValues are a doc's values of a facet, without blanks and repeats.
func facetValues(d *Doc, name string) []string {
	var out []string
	for _, v := range d.Facets[name] {
		if v != "" && !slices.Contains(out, v) {
			out = append(out, v)
		}
	}
	return out
}

// writeFragmentPacks writes, in a segment's folder, f/K.bin: the
// fragments of its docids [pack·K, pack·K+pack), each a gzip stream of its
// own (or with the dictionary, dict.go), after a table of where they are: n+1 little-endian uint32 offsets
// from the start of the file, fragment i being bytes off[i] … off[i+1]−1.
// The browser reads a page's two offsets and then its fragment with HTTP
// range requests, so a result costs its fragment, not its pack.
func writeFragmentPacks(items []*item, dict []byte, files map[string][]byte) {
	zipped := make([][]byte, len(items))
	zip := func(j []byte) []byte { return gz(packText(j)) }
	if dict != nil {
		zip = newDictZipper(dict).zip
	}
	workers := runtime.GOMAXPROCS(0)
	bufs := make([]bytes.Buffer, workers)
	parallel(workers, len(items), func(w, i int) { zipped[i] = zip(items[i].f.packedTo(&bufs[w])) })
	for start := 0; start < len(items); start += packDocs {
		part := zipped[start:min(start+packDocs, len(items))]
		size := 4 * (len(part) + 1)
		for _, z := range part {
			size += len(z)
		}
		pack := make([]byte, 0, size)
		at := uint32(4 * (len(part) + 1))
		for _, z := range part {
			pack = binary.LittleEndian.AppendUint32(pack, at)
			at += uint32(len(z))
		}
		pack = binary.LittleEndian.AppendUint32(pack, at)
		for _, z := range part {
			pack = append(pack, z...)
		}
		files[fmt.Sprintf("f/%d.bin", start/packDocs)] = pack
	}
}

// packPart returns fragment i of a pack (format above).
func packPart(pack []byte, i int) ([]byte, error) {
	if i < 0 || 4*i+8 > len(pack) {
		return nil, errCorrupt
	}
	from, to := binary.LittleEndian.Uint32(pack[4*i:]), binary.LittleEndian.Uint32(pack[4*i+4:])
	if from > to || int64(to) > int64(len(pack)) {
		return nil, errCorrupt
	}
	return pack[from:to], nil
}

// writeFacets writes, in a segment's folder, x/N.bin for each facet that
// has values: its values, most used first, each with the docids of its
// pages. It returns the file of each facet, "" for none.
func writeFacets(items []*item, facets []Section, files map[string][]byte) []string {
	infos := make([]string, len(facets))
	for fi, f := range facets {
		byValue := map[string][]uint32{}
		for i, it := range items {
			for _, v := range facetValues(it.doc, f.Name) {
				byValue[v] = append(byValue[v], uint32(i))
			}
		}
		if len(byValue) == 0 {
			continue
		}
		values := make([]string, 0, len(byValue))
		for v := range byValue {
			values = append(values, v)
		}
		sort.Slice(values, func(i, j int) bool {
			a, b := len(byValue[values[i]]), len(byValue[values[j]])
			return a > b || a == b && values[i] < values[j]
		})
		raw := putUvarint(nil, uint64(len(values)))
		for _, v := range values {
			raw = putString(raw, v)
			raw = putDocs(raw, byValue[v])
		}
		file := fmt.Sprintf("x/%d.bin", fi)
		files[file] = gz(raw)
		infos[fi] = file
	}
	return infos
}

// putDocs writes a count and the docid gaps.
func putDocs(b []byte, docs []uint32) []byte {
	return putGaps(putUvarint(b, uint64(len(docs))), docs)
}

type foldFiles struct{ dir, blocks string }

// writeFold writes the fold table in blocks of 256 code points under a
// folder named by the table, so it stays the same from build to build;
// blocks is a hex bitmap of the blocks that exist.
func writeFold(files map[string][]byte) foldFiles {
	foldOut.once.Do(func() { foldOut.files = map[string][]byte{}; foldOut.info = makeFold(foldOut.files) })
	for name, data := range foldOut.files {
		files[name] = data
	}
	return foldOut.info
}

// foldOut is made once per process: the table does not change.
var foldOut struct {
	once  sync.Once
	files map[string][]byte
	info  foldFiles
}

func makeFold(files map[string][]byte) foldFiles {
	blocks := FoldBlocks()
	nums := make([]int, 0, len(blocks))
	for n := range blocks {
		nums = append(nums, n)
	}
	sort.Ints(nums)
	var all []byte
	for _, n := range nums {
		all = append(all, blocks[n]...)
	}
	dir := "fold-" + contentName(all)[:8] + "/"
	bits := newBitmap(nums[len(nums)-1] + 1)
	for _, n := range nums {
		bits.set(uint32(n))
		files[fmt.Sprintf("%s%x.bin", dir, n)] = gz([]byte(blocks[n]))
	}
	var hex strings.Builder
	for _, b := range bits {
		fmt.Fprintf(&hex, "%02x", b)
	}
	return foldFiles{dir: dir, blocks: hex.String()}
}
