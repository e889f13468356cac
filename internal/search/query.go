package search

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Query is a parsed query: pages must contain every piece.
type Query struct {
	Pieces []Piece
}

// Piece is a run of units that must occur, in order and within one segment,
// in a page's title or body.
type Piece struct {
	Units []string
	// Prefix: the last unit is a word still being typed, which matches any
	// word starting with it (ppt finds PPTX) once it has two characters.
	Prefix bool
}

// Text is the canonical form of the piece.
func (p Piece) Text() string { return joinUnits(p.Units) }

// ParseQuery reads what a reader typed. Whitespace separates keywords; a
// keyword is normalised like page text and each of its segments becomes a
// piece (AI+教育 gives ai and 教育). The last word of the query is a prefix
// unless the query ends with a space or punctuation.
func ParseQuery(q string) Query {
	var out Query
	seen := map[string]bool{}
	keywords := strings.FieldsFunc(q, unicode.IsSpace)
	endsOpen := q != "" && !unicode.IsSpace(lastRune(q))
	for ki, kw := range keywords {
		var segs segments
		open := scan(kw, &segs)
		segs.brk()
		for si, units := range segs.segs {
			p := Piece{Units: units}
			last := ki == len(keywords)-1 && si == len(segs.segs)-1
			p.Prefix = last && open && endsOpen && utf8.RuneCountInString(units[len(units)-1]) >= 2
			key := p.Text()
			if p.Prefix {
				key += "*"
			}
			if !seen[key] {
				seen[key] = true
				out.Pieces = append(out.Pieces, p)
			}
		}
	}
	return out
}

func lastRune(s string) rune {
	r, _ := utf8.DecodeLastRuneInString(s)
	return r
}

// Term is what the index is asked for: an n-gram of units, or, with Prefix,
// every n-gram of as many units whose last word starts with the last unit.
type Term struct {
	Text   string // canonical form
	Units  int
	Prefix bool
}

// Terms lists the index terms a piece needs when the index holds n-grams of
// up to gram units: the piece itself when it is that short; else the
// n-grams of gram units that cover it, at offsets 0, gram, 2·gram … and
// len−gram (Offsets), whose positions must follow each other.
func (p Piece) Terms(gram int) []Term {
	n := len(p.Units)
	if n == 0 {
		return nil
	}
	if gram < 1 {
		gram = 1
	}
	if n <= gram {
		return []Term{{Text: p.Text(), Units: n, Prefix: p.Prefix}}
	}
	var out []Term
	for _, at := range p.Offsets(gram) {
		last := at+gram == n
		out = append(out, Term{Text: joinUnits(p.Units[at : at+gram]), Units: gram, Prefix: last && p.Prefix})
	}
	return out
}

// Offsets are where the terms of a piece longer than gram start in it.
func (p Piece) Offsets(gram int) []int {
	n := len(p.Units)
	if n <= gram {
		return []int{0}
	}
	var out []int
	for at := 0; at+gram < n; at += gram {
		out = append(out, at)
	}
	return append(out, n-gram)
}

// Pairs lists the piece's overlapping pairs of units (a single unit for a
// one-unit piece): the terms of a partial match.
func (p Piece) Pairs() []Term {
	if len(p.Units) == 1 {
		return p.Terms(1)
	}
	var out []Term
	for i := 0; i+2 <= len(p.Units); i++ {
		out = append(out, Term{Text: joinUnits(p.Units[i : i+2]), Units: 2, Prefix: p.Prefix && i+2 == len(p.Units)})
	}
	return out
}

// joinUnits is the canonical form of units of one segment: concatenated,
// with a space between two words.
func joinUnits(units []string) string {
	var b strings.Builder
	prevWord := false
	for _, u := range units {
		w := isWordUnit(u)
		if w && prevWord {
			b.WriteByte(' ')
		}
		b.WriteString(u)
		prevWord = w
	}
	return b.String()
}

func isWordUnit(u string) bool {
	r, _ := utf8.DecodeRuneInString(u)
	return classify(r) == classWord
}

// shardKey is the part of a term that chooses its shard: the term, with its
// last word cut to two characters, so that every word a prefix can extend
// to lies in the shard of the prefix.
func shardKey(t string) string {
	// the last unit is a word when the term ends with a word character
	r, _ := utf8.DecodeLastRuneInString(t)
	if classify(r) != classWord {
		return t
	}
	start := len(t)
	for start > 0 {
		c, n := utf8.DecodeLastRuneInString(t[:start])
		if classify(c) != classWord {
			break
		}
		start -= n
	}
	word := t[start:]
	if utf8.RuneCountInString(word) <= 2 {
		return t
	}
	_, n1 := utf8.DecodeRuneInString(word)
	_, n2 := utf8.DecodeRuneInString(word[n1:])
	return t[:start+n1+n2]
}

// countUnits counts the units of a canonical term.
func countUnits(t string) int {
	n, inWord := 0, false
	for _, r := range t {
		switch classify(r) {
		case classHan:
			n++
			inWord = false
		case classWord:
			if !inWord {
				n++
			}
			inWord = true
		default:
			inWord = false
		}
	}
	return n
}
