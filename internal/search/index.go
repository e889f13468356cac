package search

import (
	"math"
	"math/bits"
	"time"
	"unicode/utf8"
)

// Doc is one page to index.
type Doc struct {
	URL      string // path below the site's base, "news/a/"
	Title    string
	Date     time.Time
	Section  string // section name, "news"
	Headings []string
	Summary  string
	Body     string // plain text, blocks separated by "\n"
	// Captions are what the page shows of its pictures: captions and alt
	// texts, one a line; Credits its byline and record as shown, a line
	// each ("摄影：周立群", "立项文号：示教工委函〔2024〕3号"). Both are
	// searched like the body, and a result names them when the match is
	// there.
	Captions string
	Credits  string
	Facets   map[string][]string // facet name → values, "branches": {"农学院党委"}
}

// field weights of BM25F: a unit in the title counts five times, in a
// heading three times (it is also in the body), in the summary twice.
const (
	weightTitle   = 5
	weightHeading = 2
	weightSummary = 1
	weightBody    = 1
	bm25K1        = 1.2
	bm25B         = 0.25 // light: see doc.go, "Postings carry a BM25F impact"

	// An impact byte: the weight in four levels, 0…3, plus 4 when in the title.
	impactLevels = 3
	impactTitle  = 4
)

// key identifies an n-gram of up to four unit ids; unused places are 0.
type key struct{ hi, lo uint64 }

func makeKey(u []uint32) key {
	var p [4]uint64
	for i, x := range u {
		p[i] = uint64(x)
	}
	return key{p[0]<<32 | p[1], p[2]<<32 | p[3]}
}

func (k key) units() []uint32 {
	all := [4]uint32{uint32(k.hi >> 32), uint32(k.hi), uint32(k.lo >> 32), uint32(k.lo)}
	n := 0
	for n < 4 && all[n] != 0 {
		n++
	}
	return all[:n]
}

// tf counts the occurrences of an n-gram in each field of a page; for the
// longest n-grams it also keeps where they occur (first, the positions of
// the occurrences are in tokenizer.at, linked through next).
type tf struct {
	title, body, heading, summary int32
	first, last                   int32 // occurrences in tokenizer.at, -1 when none
}

// the fields of a page, as tf counts them
const (
	fieldTitle = iota
	fieldBody
	fieldHeading
	fieldSummary
)

func (c *tf) add(field int) {
	switch field {
	case fieldTitle:
		c.title++
	case fieldBody:
		c.body++
	case fieldHeading:
		c.heading++
	default:
		c.summary++
	}
}

// occurrence is one place of a longest n-gram: its unit position in the
// page (title, then body, a gap after every segment), the next one, and the
// unit that follows it in its segment (0 at the end of the segment).
type occurrence struct {
	pos, next int32
	after     uint32
}

// posting is one page in a term's list: its docid, impact byte and, for the
// longest n-grams, the encoded positions (pageTerms.pos[posFrom:posTo]) and
// the unit after each occurrence (pageTerms.after[posFrom:posTo] as counts
// of occurrences: afterFrom, afterTo).
type posting struct {
	term               key
	doc                uint32
	imp                uint8
	posFrom, posTo     int32
	afterFrom, afterTo int32
}

// tokenizer works on one page at a time and keeps its buffers.
type tokenizer struct {
	gram   int
	parts  int
	count  *keyTable   // n-gram → its place in pool: one of tables
	tables []*keyTable // by size class: a small page looks up in a small table, which stays in cache
	pool   []tf
	at     []occurrence
	pos    int32 // position of the next unit of title and body
	// the postings of the pages of a batch, carved from chunks kept from
	// batch to batch (a page's own lists, regrown as larger pages came,
	// were a tenth of what the index allocated)
	chunks [][]posting
	next   int // chunks[next] is the next chunk to carve from
	free   []posting
	_      [64]byte // no cache line shared with another worker's tokenizer
}

// postingChunk is the postings a chunk holds, at least.
const postingChunk = 1 << 15

// newBatch makes the postings of the pages of the last batch free.
func (t *tokenizer) newBatch() { t.next, t.free = 0, nil }

// room returns an empty list of capacity n, for a page of this batch.
func (t *tokenizer) room(n int) []posting {
	for len(t.free) < n {
		if t.next == len(t.chunks) {
			t.chunks = append(t.chunks, make([]posting, max(n, postingChunk)))
		}
		t.free = t.chunks[t.next]
		t.next++
	}
	out := t.free[:0:n]
	t.free = t.free[n:]
	return out
}

// pageTerms are the postings of one page, by partition, and the encoded
// positions they point into.
type pageTerms struct {
	parts [][]posting
	pos   []byte
	after []uint32
	// 192 bytes, so that the pages of a batch, made by different
	// workers, share no cache line (nor do their parts, below)
	_ [120]byte
}

func newTokenizer(gram, parts int) *tokenizer {
	return &tokenizer{gram: gram, parts: parts}
}

// addField counts the n-grams of lo to hi units of a field as occurrences
// in field; only title and body (create) add new n-grams and positions,
// the other fields weigh the ones there. With a pruner (lo = hi), an
// n-gram it leaves out is not counted.
func (t *tokenizer) addField(ids []uint32, lo, hi int, field int, create bool, pr *pruner) {
	eachSegment(ids, func(seg []uint32) {
		if pr != nil && create {
			pr.read(seg, lo)
		}
		for n := lo; n <= hi; n++ {
			for i := 0; i+n <= len(seg); i++ {
				k := makeKey(seg[i : i+n])
				var at int32
				if create && pr == nil { // every n-gram counts: one look-up
					var ok bool
					if at, ok = t.count.add(k, int32(len(t.pool))); !ok {
						t.pool = append(t.pool, tf{first: -1, last: -1})
					}
				} else if got, ok := t.count.get(k); ok {
					at = got
				} else {
					if !create || !pr.keep(k, i, seg[i+n-1]) {
						continue
					}
					at = int32(len(t.pool))
					t.pool = append(t.pool, tf{first: -1, last: -1})
					t.count.put(k, at)
				}
				c := &t.pool[at]
				c.add(field)
				if create && n == t.gram {
					o := int32(len(t.at))
					after := uint32(0)
					if i+n < len(seg) {
						after = seg[i+n]
					}
					t.at = append(t.at, occurrence{pos: t.pos + int32(i), next: -1, after: after})
					if c.last >= 0 {
						t.at[c.last].next = o
					} else {
						c.first = o
					}
					c.last = o
				}
			}
		}
		if create {
			t.pos += int32(len(seg)) + 1
		}
	})
}

// postings counts the n-grams of lo to hi units of a page into out (whose
// buffers it reuses): those that are terms (all, or those pr keeps), with
// their impacts, one list per partition of the terms.
func (t *tokenizer) postings(p *pageUnits, doc uint32, norm float64, lo, hi int, pr *pruner, out *pageTerms) {
	t.count = t.table(p, hi-lo+1)
	t.pool, t.at, t.pos, out.pos, out.after = t.pool[:0], t.at[:0], 0, out.pos[:0], out.after[:0]
	// captions and credits weigh as the body
	t.addField(p[0], lo, hi, fieldTitle, true, pr)
	t.addField(p[1], lo, hi, fieldBody, true, pr)
	t.addField(p[2], lo, hi, fieldBody, true, pr)
	t.addField(p[3], lo, hi, fieldBody, true, pr)
	t.addField(p[4], lo, hi, fieldHeading, false, pr)
	t.addField(p[5], lo, hi, fieldSummary, false, pr)
	if len(out.parts) != t.parts {
		out.parts = make([][]posting, t.parts, max(t.parts, 8))
	}
	// room for a part's share of the terms and more, so that they are
	// not copied as they grow
	want := t.count.len()/t.parts + t.count.len()/8 + 16
	for p := range out.parts {
		out.parts[p] = t.room(want)
	}
	t.count.each(func(k key, at int32) {
		c := &t.pool[at]
		ps := posting{term: k, doc: doc, imp: c.impact(norm), posFrom: int32(len(out.pos)), afterFrom: int32(len(out.after))}
		if c.first >= 0 {
			out.pos = putPositions(out.pos, t.at, c.first)
			for o := c.first; o >= 0; o = t.at[o].next {
				out.after = append(out.after, t.at[o].after)
			}
		}
		ps.posTo, ps.afterTo = int32(len(out.pos)), int32(len(out.after))
		p := partition(k, t.parts)
		out.parts[p] = append(out.parts[p], ps)
	})
}

// table returns an empty table for the n-grams of n lengths of page p,
// a table of its size class: it starts with half a slot to one slot per
// n-gram and grows, once, when more than a quarter are distinct.
func (t *tokenizer) table(p *pageUnits, n int) *keyTable {
	units := 0
	for _, f := range p[:4] {
		units += len(f)
	}
	class := bits.Len(uint(units * n))
	for len(t.tables) <= class {
		t.tables = append(t.tables, nil)
	}
	if t.tables[class] == nil {
		t.tables[class] = newKeyTable(1 << class / 4) // slots: half to all of its n-grams
	}
	t.tables[class].reset()
	return t.tables[class]
}

// impact is the impact byte of an n-gram with these counts in a page whose
// lengthNorm is norm.
func (c *tf) impact(norm float64) uint8 {
	w := float64(weightTitle*c.title + weightHeading*c.heading + weightSummary*c.summary + weightBody*c.body)
	impact := w / (norm + w) // BM25's (k1+1)·w/(norm+w), scaled to 0…1
	q := uint8(min(impactLevels, math.Floor(impact*(impactLevels+1))))
	if c.title > 0 {
		q |= impactTitle
	}
	return q
}

// lengthNorm is BM25's length normalisation of a page of length n.
func lengthNorm(n, avg float64) float64 {
	return bm25K1 * (1 - bm25B + bm25B*n/avg)
}

// putPositions writes the positions of the occurrences linked from first:
// each gap (the first from 0) times two, plus one when another follows.
func putPositions(b []byte, at []occurrence, first int32) []byte {
	prev := int32(0)
	for o := first; o >= 0; o = at[o].next {
		more := uint64(0)
		if at[o].next >= 0 {
			more = 1
		}
		b = putUvarint(b, uint64(at[o].pos-prev)<<1|more)
		prev = at[o].pos
	}
	return b
}

// docLength is the length BM25 normalises by: characters of title and body.
func docLength(d *Doc) float64 {
	return float64(utf8.RuneCountInString(d.Title) + utf8.RuneCountInString(d.Body) +
		utf8.RuneCountInString(d.Captions) + utf8.RuneCountInString(d.Credits) + 1)
}
