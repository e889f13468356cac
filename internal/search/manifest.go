package search

import (
	"encoding/json"
	"fmt"
	"time"
)

// manifestVersion changes when the files change in a way an older reader
// or an older build cannot use.
const manifestVersion = 7

// manifest is m-NAME.bin (gzip JSON, named by its content), the one file the
// search page loads first. It lists the segments and the recent pages; its
// size grows with sections, months, facets and deleted pages, not with the
// pages.
type manifest struct {
	Version  int           `json:"version"`
	Gram     int           `json:"gram"`
	Pack     int           `json:"pack"` // fragments per pack (files.go)
	Avg      float64       `json:"avg"`  // the page length impacts are computed with
	Sections []nameTitle   `json:"sections"`
	Facets   []nameTitle   `json:"facets"`
	Segments []segmentInfo `json:"segments"`
	Recent   []recentInfo  `json:"recent"`
	// RecentFilter is the file of the recent pages' filter (filter.go).
	RecentFilter string `json:"recentFilter,omitempty"`
	// Keep are files of the previous index kept one build longer for its
	// readers: its recent filter, which changes with every edit, and the
	// fragments of its recent pages that are in a segment now.
	Keep []string `json:"keep,omitempty"`
	// Paths below the manifest's folder (search/).
	Fold       string `json:"fold"`
	FoldBlocks string `json:"foldBlocks"`
	Fragments  string `json:"fragments"`
	Dense      string `json:"dense"`
	Root       string `json:"root"` // the site root, for the pages' URLs
}

type nameTitle struct {
	Name  string `json:"name"`
	Title string `json:"title"`
}

// segmentInfo describes a segment: an index of some of the pages, in the
// folder Dir, with docids from 0 to Docs−1 of its own (the reader numbers
// the pages of all segments one after another, then the recent pages).
type segmentInfo struct {
	Dir     string `json:"dir"`   // "s-0123456789ab/"
	Level   int    `json:"level"` // 0 the base, 1… the deltas, smallest last
	Docs    int    `json:"docs"`
	Buckets int    `json:"buckets"`
	// Candidates: in the base, more candidates than this mean a longer
	// n-gram that is not a term occurs nowhere (prune.go); 0 in a delta,
	// whose n-grams are all terms.
	Candidates int `json:"candidates,omitempty"`
	// Rare: its terms of Gram units in at most Rare pages have no
	// positions (the base's; a delta's all have)
	Rare int `json:"rare,omitempty"`
	// Sections: the docs of a section are [Start, Start+Count), newest first.
	Sections []sectionInfo `json:"sections"`
	// Facets: the file of each facet of the manifest, "" when none.
	Facets []string `json:"facets"`
	// Dict is the file of the dictionary its fragments are compressed
	// with (dict.go), "" for none.
	Dict string `json:"dict,omitempty"`
	// Dead are the docids of pages deleted or replaced since the segment
	// was written (its tombstones), as gaps: the first docid, then the
	// difference to the one before.
	Dead []int `json:"dead,omitempty"`
}

// sectionInfo: Months lists [yyyymm, first docid] where the month changes.
type sectionInfo struct {
	Name   string   `json:"name"`
	Start  int      `json:"start"`
	Count  int      `json:"count"`
	Months [][2]int `json:"months"`
}

// recentInfo is a page changed since the last segment was written: the
// reader checks its fragment's text instead of an index.
type recentInfo struct {
	Frag    string `json:"f"` // fragment name
	Section string `json:"s"`
	Month   int    `json:"m"`
}

func (m *manifest) check() error {
	if m.Version != manifestVersion || m.Gram < 1 || m.Gram > 4 || m.Pack < 1 || m.Avg <= 0 {
		return fmt.Errorf("search: manifest: unsupported index")
	}
	for _, s := range m.Segments {
		if s.Buckets < 1 || s.Docs < 0 || len(s.Facets) != len(m.Facets) || s.Candidates < 0 {
			return fmt.Errorf("search: manifest: bad segment %q", s.Dir)
		}
	}
	return nil
}

// deadSet reads a segment's tombstones.
func (s *segmentInfo) deadSet() map[uint32]bool {
	out := map[uint32]bool{}
	d := 0
	for i, g := range s.Dead {
		if i == 0 {
			d = g
		} else {
			d += g
		}
		out[uint32(d)] = true
	}
	return out
}

// setDead writes a segment's tombstones.
func (s *segmentInfo) setDead(dead map[uint32]bool) {
	ids := sortedIDs(dead)
	s.Dead = nil
	prev := 0
	for i, d := range ids {
		if i == 0 {
			s.Dead = append(s.Dead, int(d))
		} else {
			s.Dead = append(s.Dead, int(d)-prev)
		}
		prev = int(d)
	}
}

var cst = time.FixedZone("CST", 8*3600)

// monthOf is the yyyymm of a date in China's time zone, 0 for none.
func monthOf(t time.Time) int {
	if t.IsZero() {
		return 0
	}
	t = t.In(cst)
	return t.Year()*100 + int(t.Month())
}

func encodeManifest(m *manifest) ([]byte, string) {
	mj, _ := json.Marshal(m)
	return mj, "m-" + contentName(mj)[:12] + ".bin"
}
