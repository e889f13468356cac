package build

import (
	"showcase/internal/content"
	"showcase/internal/search"
)

// docSnapshot is the search documents of one site as the indexer took
// them: values that no later edit of the pages in memory changes. The
// snapshot after a fast rebuild derives the documents of the pages the
// rebuild edited and takes the others from the last snapshot, so that an
// edit costs a document, not one per page (at 10,000 pages the whole
// snapshot took 0.3–3 s, during which the next rebuild had to wait).
type docSnapshot struct {
	docs   []search.Doc
	sopts  search.Options
	byPage map[*content.Page]int // a page's document in docs
	// derived counts the documents this snapshot derived; the others it
	// took from the last one
	derived int
}

// takeDocs takes the search documents of s (SearchDocs). With prev, the
// snapshot of the same pages before an edit, and edited, the pages the
// edit changed in place, a page keeps its document from prev unless it
// was edited, is new, or names other profiles, or profiles of other
// titles, than its document shows (a profile's title changed: pageDoc
// reads nothing else of other pages). The home and section pages are
// never edited in place (sameShape), so the same holds for them.
func takeDocs(s *content.Site, prev *docSnapshot, edited map[*content.Page]bool) *docSnapshot {
	pages := searchPages(s)
	snap := &docSnapshot{docs: make([]search.Doc, len(pages)), sopts: searchOptions(s), byPage: make(map[*content.Page]int, len(pages))}
	for i, p := range pages {
		snap.byPage[p] = i
		if prev != nil && !edited[p] {
			if j, ok := prev.byPage[p]; ok && sameBranches(p, prev.docs[j]) {
				snap.docs[i] = prev.docs[j]
				continue
			}
		}
		snap.docs[i] = pageDoc(p)
		snap.derived++
	}
	return snap
}

// sameBranches says whether d, an earlier document of p, still shows the
// profiles p names with their titles.
func sameBranches(p *content.Page, d search.Doc) bool {
	shown := d.Facets["branches"]
	n := len(p.BranchPages)
	if p.Profile != nil {
		n++
	}
	if len(shown) != n {
		return false
	}
	for i, b := range p.BranchPages {
		if shown[i] != b.Title {
			return false
		}
	}
	return p.Profile == nil || shown[n-1] == p.Title
}

// editedPages are the pages a rebuild changed in place.
func editedPages(ch map[*content.Page]bool, more map[*content.Page]bool) map[*content.Page]bool {
	out := make(map[*content.Page]bool, len(ch)+len(more))
	for p := range ch {
		out[p] = true
	}
	for p := range more {
		out[p] = true
	}
	return out
}
