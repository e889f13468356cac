package search

import (
	"slices"
	"sort"
	"strings"
)

// Results are the answer to a query.
type Results struct {
	Hits []Hit
	// Partial: nothing contains the whole query, and Hits are the pages
	// containing at least half of its pairs of units, most first.
	Partial bool
}

// Search runs a query as the browser does: the pages holding every piece
// (a piece longer than the index's n-grams through the positions of the
// n-grams covering it), ranked; with no result, a labelled partial match.
func (ix *Index) Search(q string) (*Results, error) {
	query := ParseQuery(q)
	if len(query.Pieces) == 0 {
		return &Results{}, nil
	}
	hits := map[uint32]*Hit{}
	for pi, p := range query.Pieces {
		docs, err := ix.piece(p)
		if err != nil {
			return nil, err
		}
		for d, h := range docs {
			if pi == 0 {
				hits[d] = h
			} else if prev := hits[d]; prev != nil {
				prev.Score += h.Score
				prev.InTitle += h.InTitle
			}
		}
		for d := range hits {
			if docs[d] == nil {
				delete(hits, d)
			}
		}
	}
	res := &Results{}
	for d, h := range hits {
		h.Doc = d
		res.Hits = append(res.Hits, *h)
	}
	var err error
	if res.Hits, err = ix.confirm(query, res.Hits); err != nil {
		return nil, err
	}
	if len(res.Hits) == 0 {
		return ix.partial(query)
	}
	return res, ix.finish(res)
}

// piece returns the pages holding a piece, with their scores.
func (ix *Index) piece(p Piece) (map[uint32]*Hit, error) {
	terms := p.Terms(ix.m.Gram)
	var out map[uint32]*Hit
	unknown := map[uint32]bool{} // pages found in their text: no positions
	for ti, t := range terms {
		post, text, err := ix.lookup(t)
		if err != nil {
			return nil, err
		}
		for d := range text {
			unknown[d] = true
		}
		w := idf(len(post), ix.live)
		next := map[uint32]*Hit{}
		for d, imp := range post {
			prev := out[d]
			if ti > 0 && prev == nil {
				continue
			}
			h := &Hit{Score: w * float64(imp&impactLevels) / impactLevels, InTitle: int(imp&impactTitle) / impactTitle}
			if prev != nil {
				h.Score += prev.Score
				h.InTitle = min(h.InTitle, prev.InTitle)
			}
			next[d] = h
		}
		out = next
	}
	if len(terms) < 2 || len(out) == 0 {
		return out, nil
	}
	// a long piece: its n-grams must follow each other in the page, or,
	// for the few pages of a rare n-gram and the recent pages, the page
	// text must hold it; each segment has its own positions
	chains := map[*segment]*chain{}
	for d := range out {
		s := ix.segmentOf(d)
		c := chains[s]
		if c == nil && s != nil {
			var err error
			if c, err = s.chain(p, terms); err != nil {
				return nil, err
			}
			chains[s] = c
		}
		ok := false
		if s == nil || c.unknown[d] || unknown[d] {
			f, err := ix.fragment(d)
			if err != nil {
				return nil, err
			}
			ok = f.holds(p)
		} else {
			ok = c.holds(d)
		}
		if !ok {
			delete(out, d)
		}
	}
	return out, nil
}

// chain reads what checks a long piece in the segment's pages.
func (s *segment) chain(p Piece, terms []Term) (*chain, error) {
	offsets := p.Offsets(s.ix.m.Gram)
	c := &chain{at: make([]map[uint32][]int, len(terms)), next: make([]map[uint32][]string, len(terms)),
		offsets: offsets, want: make([]string, len(terms)), unknown: map[uint32]bool{}}
	for i, t := range terms {
		if i > 0 && offsets[i] == offsets[i-1]+1 {
			ok, err := s.viaNext(terms[i-1], t)
			if err != nil {
				return nil, err
			}
			if ok {
				c.want[i] = p.Units[offsets[i]+s.ix.m.Gram-1]
				continue
			}
		}
		occ, next, rare, err := s.occurrences(t)
		if err != nil {
			return nil, err
		}
		c.at[i], c.next[i] = occ, next
		for d := range rare {
			c.unknown[d] = true
		}
	}
	return c, nil
}

// viaNext reports whether term b, one unit after term a in a piece, can
// be checked on a's next column instead of b's positions: a is a list
// term with positions and b a dense one, whose positions are large.
func (s *segment) viaNext(a, b Term) (bool, error) {
	if b.Prefix {
		return false, nil
	}
	ra, err := s.records(a)
	if err != nil || len(ra) != 1 || !s.hasPositions(ra[0]) {
		return false, err
	}
	rb, err := s.records(b)
	return err == nil && len(rb) == 1 && rb[0].dense, err
}

// chain checks the n-grams of a long piece in a page: the first at some
// position x and every other one at x plus its offset, or, for one whose
// want is set, the unit want after the n-gram before it (at x plus that
// one's offset).
type chain struct {
	at      []map[uint32][]int
	next    []map[uint32][]string
	offsets []int
	want    []string
	unknown map[uint32]bool // pages of a rare n-gram: checked on their text
}

func (c *chain) holds(d uint32) bool {
	for _, x := range c.at[0][d] {
		ok := true
		for i := 1; i < len(c.at) && ok; i++ {
			if c.want[i] == "" {
				ok = slices.Contains(c.at[i][d], x+c.offsets[i])
				continue
			}
			j := slices.Index(c.at[i-1][d], x+c.offsets[i-1])
			ok = j >= 0 && j < len(c.next[i-1][d]) && c.next[i-1][d][j] == c.want[i]
		}
		if ok {
			return true
		}
	}
	return false
}

// Contains reports whether text holds the piece: its units in order within
// one segment, the last one as a prefix when the piece says so.
func Contains(text string, p Piece) bool {
	if len(p.Units) == 0 {
		return false
	}
	for _, seg := range Segments(text) {
		for i := 0; i+len(p.Units) <= len(seg); i++ {
			ok := true
			for j, u := range p.Units {
				last := j == len(p.Units)-1
				if seg[i+j] != u && !(last && p.Prefix && strings.HasPrefix(seg[i+j], u)) {
					ok = false
					break
				}
			}
			if ok {
				return true
			}
		}
	}
	return false
}

// partial finds the pages with at least half of the query's pairs of units
// (single units for one-unit pieces).
func (ix *Index) partial(q Query) (*Results, error) {
	var terms []Term
	for _, p := range q.Pieces {
		terms = append(terms, p.Pairs()...)
	}
	hits := map[uint32]*Hit{}
	for _, t := range terms {
		post, _, err := ix.lookup(t)
		if err == nil {
			err = ix.confirmTerm(t, post)
		}
		if err != nil {
			return nil, err
		}
		w := idf(len(post), ix.live)
		for d, imp := range post {
			h := hits[d]
			if h == nil {
				h = &Hit{Doc: d}
				hits[d] = h
			}
			h.Coverage++
			h.Score += w * float64(imp&impactLevels) / impactLevels
		}
	}
	res := &Results{}
	need := (len(terms) + 1) / 2
	if len(terms) < 2 {
		need = 2 // a single term that found nothing finds nothing partly
	}
	for _, h := range hits {
		if h.Coverage >= need {
			res.Hits = append(res.Hits, *h)
		}
	}
	res.Partial = len(res.Hits) > 0
	return res, ix.finish(res)
}

// finish ranks the hits and reads the URL and title of each.
func (ix *Index) finish(res *Results) error {
	ix.rank(res.Hits)
	for i := range res.Hits {
		f, err := ix.fragment(res.Hits[i].Doc)
		if err != nil {
			return err
		}
		res.Hits[i].URL, res.Hits[i].Title = f.URL, f.Title
	}
	return nil
}

// Hit is a search result.
type Hit struct {
	Doc      uint32
	URL      string
	Title    string
	Score    float64
	InTitle  int // pieces found in the title
	Coverage int // terms found, for partial matches
}

// rank orders hits: more pieces in the title, then score, then newer, then docid.
func (ix *Index) rank(hits []Hit) {
	sort.Slice(hits, func(i, j int) bool {
		a, b := hits[i], hits[j]
		if a.Coverage != b.Coverage {
			return a.Coverage > b.Coverage
		}
		if a.InTitle != b.InTitle {
			return a.InTitle > b.InTitle
		}
		if a.Score != b.Score {
			return a.Score > b.Score
		}
		if ma, mb := ix.month(a.Doc), ix.month(b.Doc); ma != mb {
			return ma > mb
		}
		return a.Doc < b.Doc
	})
}
