package render

import (
	"hash/maphash"
	"slices"

	"showcase/internal/content"
)

// Reads is what rendering one output read of the site: the pages whose
// fields it read, the pages whose body it showed, and the values it
// reached through the site (lists, neighbours, terms, its pager…), each
// with a checksum of what it was. Execute returns it; Changes.Affects
// tells from it whether an edit of the site changes the output.
type Reads struct {
	data   dataRead        // the output's own Data
	pages  []*content.Page // reached: their fields (front matter, summary, URL) may show
	sieve  sieve           // of pages, to pass by most outputs quickly
	bodies []*content.Page // their Content, TOC, Plain or Body was read
	links  []linkRead      // links of pages that Assemble set
	values []valueRead
}

// Pages says how many pages the output reached, for tests and traces.
func (r *Reads) Pages() int { return len(r.pages) }

// linkRead is one link of a page that Assemble set (readPrev to
// readLinks), as it was when read. Links lead to pages that stay the same
// objects from one assembly to the next, so they compare as they are.
type linkRead struct {
	kind  valueKind
	of    *content.Page
	page  *content.Page      // Prev, Next
	pages []*content.Page    // Related, BranchPages
	links []content.TermLink // Links
}

// link is what link kind of page p is now.
func link(kind valueKind, p *content.Page) linkRead {
	l := linkRead{kind: kind, of: p}
	switch kind {
	case readPrev:
		l.page = p.Prev
	case readNext:
		l.page = p.Next
	case readRelated:
		l.pages = p.Related
	case readBranchPages:
		l.pages = p.BranchPages
	case readLinks:
		l.links = p.Links
	}
	return l
}

// changed says whether the link is another now.
func (l *linkRead) changed() bool {
	p := l.of
	switch l.kind {
	case readPrev:
		return p.Prev != l.page
	case readNext:
		return p.Next != l.page
	case readRelated:
		return !slices.Equal(p.Related, l.pages)
	case readBranchPages:
		return !slices.Equal(p.BranchPages, l.pages)
	}
	return !slices.Equal(p.Links, l.links)
}

// valueRead is one value reached, with the checksum of what it was.
type valueRead struct {
	key valueKey
	sum uint64
}

// valueKey names a value so that it can be found again in another
// assembly of the site: by the page it belongs to (a profile's evidence),
// by a name (a section, a taxonomy, a facet, a criteria set) and a path (a
// term, a facet value).
type valueKey struct {
	kind valueKind
	page *content.Page // the page the value belongs to
	name string        // section name, taxonomy plural, facet key, criteria set kind
	path string        // term or facet value path
	n    int           // Recent's count
}

type valueKind uint8

// The values a template can reach. Each has a checksum function (sums.go)
// used both when it is read and when Changes finds it again.
const (
	// links of a page, which Assemble sets (linkRead)
	readPrev valueKind = iota + 1
	readNext
	readRelated
	readBranchPages
	readLinks
	// of the site
	readHome
	readSearchPage
	readSitePages
	readProfiles
	readSections
	readTaxonomies
	readFacets
	readMatrices
	readByPath
	readRecent      // name: section, n: count
	readSection     // name: whether the section exists (Site.Section)
	readTaxonomyOf  // name: whether the taxonomy exists (Site.Taxonomy)
	readEvidenceFor // page: the profile (Site.Evidence)
	// of an object reached, by its name or path
	readSectionPage  // name
	readSectionPages // name
	readTaxonomy     // name: its title and path
	readTerms        // name: its terms
	readTerm         // name, path: its name, slug and path
	readTermPages    // name, path
	readTermProfile  // name, path
	readFacet        // name: key and title
	readFacetValues  // name
	readValue        // name, path: name and path
	readValueItems   // name, path: its profiles
	readMatrixSet    // name: the criteria set
	readMatrixRows   // name
	readRow          // name, page: the row's total
	readRowCells     // name, page
)

// recorder collects the Reads of one render. Each page and object gets one
// view per render, so templates can compare them with eq.
type recorder struct {
	reads  Reads
	pages  map[*content.Page]*pageView
	views  map[any]any // sections, terms, facet values… → their views
	values map[valueKey]bool
	spare  []pageView // views made ahead, to allocate them a few at a time

	// a partial kept by variants: the output's own page, and whether it
	// was reached otherwise than as the dot's .Page (see partialCached)
	ownPage          *content.Page
	viaDot           bool
	ownPageElsewhere bool
}

func newRecorder() *recorder {
	return &recorder{pages: map[*content.Page]*pageView{}, views: map[any]any{}, values: map[valueKey]bool{}}
}

// page is the view of p, recording that p was reached.
func (r *recorder) page(p *content.Page) *pageView {
	if p == nil {
		return nil
	}
	if p == r.ownPage && !r.viaDot {
		r.ownPageElsewhere = true
	}
	if v, ok := r.pages[p]; ok {
		return v
	}
	if len(r.spare) == 0 {
		// a few at first: a list item's partial reaches one page, an
		// output some ten
		r.spare = make([]pageView, min(max(2*len(r.pages), 2), 16))
	}
	v := &r.spare[0]
	r.spare = r.spare[1:]
	*v = newPageView(p, r)
	r.pages[p] = v
	r.reads.pages = append(r.reads.pages, p)
	r.reads.sieve.add(p)
	return v
}

// sieve is a Bloom filter of pages: may says false for a page never
// added, and true for every page added (and for a few others).
type sieve [2]uint64

func sieveBits(p *content.Page) (uint, uint) {
	h := maphash.Comparable(seed, p)
	return uint(h >> 57), uint(h>>50) & 127
}

func (s *sieve) add(p *content.Page) {
	a, b := sieveBits(p)
	s[a/64] |= 1 << (a % 64)
	s[b/64] |= 1 << (b % 64)
}

func (s *sieve) may(p *content.Page) bool {
	a, b := sieveBits(p)
	return s[a/64]&(1<<(a%64)) != 0 && s[b/64]&(1<<(b%64)) != 0
}

// list is the views of ps, recording each as reached.
func (r *recorder) list(ps []*content.Page) []*pageView {
	if ps == nil {
		return nil
	}
	if len(ps) > len(r.spare) {
		r.spare = make([]pageView, len(ps)) // one allocation for a long list
	}
	out := make([]*pageView, len(ps))
	for i, p := range ps {
		out[i] = r.page(p)
	}
	return out
}

// link records that a link of v's page was read.
func (r *recorder) link(kind valueKind, v *pageView) {
	if bit := uint8(1) << kind; v.linksRead&bit == 0 {
		v.linksRead |= bit
		r.reads.links = append(r.reads.links, link(kind, v.contentPage))
	}
}

// body records that the body of v's page was read.
func (r *recorder) body(v *pageView) {
	if !v.bodyRead {
		v.bodyRead = true
		r.reads.bodies = append(r.reads.bodies, v.contentPage)
	}
}

// value records a value reached, with its checksum, once.
func (r *recorder) value(k valueKey, sum uint64) {
	if !r.values[k] {
		r.values[k] = true
		r.reads.values = append(r.reads.values, valueRead{k, sum})
	}
}

// done is what the recorder recorded, on its own: the recorder, with its
// views, is left to the garbage collector, and the lists take the room
// they need.
func (r *recorder) done() *Reads {
	reads := r.reads
	reads.pages = slices.Clone(reads.pages)
	reads.bodies = slices.Clone(reads.bodies)
	reads.links = slices.Clone(reads.links)
	reads.values = slices.Clone(reads.values)
	return &reads
}

// merge adds reads recorded elsewhere (a cached partial's). A partial
// reaches the output's own pager or evidence only when given them (or the
// dot), which belong to this output alone.
func (r *recorder) merge(o *Reads) {
	if o.data.reached.pager {
		r.reads.data.pager, r.reads.data.reached.pager = o.data.pager, true
	}
	if o.data.reached.evidence {
		r.reads.data.evidence, r.reads.data.reached.evidence = o.data.evidence, true
	}
	r.reads.pages = append(r.reads.pages, o.pages...)
	r.reads.sieve[0] |= o.sieve[0]
	r.reads.sieve[1] |= o.sieve[1]
	r.reads.bodies = append(r.reads.bodies, o.bodies...)
	r.reads.links = append(r.reads.links, o.links...)
	r.reads.values = append(r.reads.values, o.values...)
}

// view returns the view of object o, making it with mk (which records
// what reaching it reads) the first time.
func view[V any](r *recorder, o any, mk func() V) V {
	if v, ok := r.views[o]; ok {
		return v.(V)
	}
	v := mk()
	r.views[o] = v
	return v
}

// forget drops page p from the reads (a partial kept by variants reached
// it only as the output's own page; see partialCached).
func (r *Reads) forget(p *content.Page) {
	r.pages = slices.DeleteFunc(r.pages, func(q *content.Page) bool { return q == p })
	r.sieve = sieve{}
	for _, q := range r.pages {
		r.sieve.add(q)
	}
}
