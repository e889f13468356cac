package search

import (
	"encoding/json"
	"fmt"
	"runtime"
	"sort"
	"strings"
	"sync"
)

// fragment is what the browser reads to show a result: the page's URL
// below the site root, title, date, section and plain text.
type fragment struct {
	URL     string `json:"u"`
	Title   string `json:"t"`
	Date    string `json:"d,omitempty"`
	Section string `json:"s"`
	Text    string `json:"x"`
}

// writeFragments writes one file per page under f/ (named by content, so an
// unchanged page keeps its file from build to build) and, in the index
// folder, fd/N.bin: the names of the fragments of docids [16N, 16N+16),
// 8 bytes each (the file name is their hex).
func writeFragments(docs []*Doc, secs []sectionInfo, idx, files map[string][]byte) (total int64) {
	names := make([][]byte, len(docs))
	data := make([][]byte, len(docs))
	parallel(runtime.GOMAXPROCS(0), len(docs), func(_, i int) {
		d := docs[i]
		f := fragment{URL: d.URL, Title: d.Title, Section: d.Section, Text: d.Body}
		if !d.Date.IsZero() {
			f.Date = d.Date.In(cst).Format("2006-01-02")
		}
		j, _ := json.Marshal(f)
		data[i] = gzFast(j)
		names[i] = []byte(contentName(j)) // 16 hex digits
	})
	for i := range docs {
		name := "f/" + string(names[i]) + ".bin"
		if _, dup := files[name]; !dup {
			files[name] = data[i]
			total += int64(len(data[i]))
		}
	}
	for start := 0; start < len(docs); start += fdBlock {
		var raw []byte
		for i := start; i < min(start+fdBlock, len(docs)); i++ {
			raw = append(raw, hexBytes(string(names[i]))...)
		}
		idx[fmt.Sprintf("fd/%d.bin", start/fdBlock)] = gz(raw)
	}
	return total
}

// writeFacets writes x/NAME.bin for each facet: its values, most used
// first, each with the docids of its pages.
func writeFacets(docs []*Doc, facets []Section, idx map[string][]byte) []facetInfo {
	var infos []facetInfo
	for fi, f := range facets {
		byValue := map[string][]uint32{}
		for i, d := range docs {
			seen := map[string]bool{}
			for _, v := range d.Facets[f.Name] {
				if v != "" && !seen[v] {
					seen[v] = true
					byValue[v] = append(byValue[v], uint32(i))
				}
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
		idx[file] = gz(raw)
		infos = append(infos, facetInfo{Name: f.Name, Title: f.Title, File: file})
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
