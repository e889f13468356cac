package search

import (
	"runtime"
	"sync"
	"unicode/utf8"
)

// wordBase is the first unit id of a word; Han units are their code point.
const wordBase = 0x110000

// vocabulary interns words as unit ids, safely from several goroutines.
type vocabulary struct {
	mu    sync.Mutex
	ids   map[string]uint32
	words []string
}

func (v *vocabulary) id(w string) uint32 {
	v.mu.Lock()
	defer v.mu.Unlock()
	if id, ok := v.ids[w]; ok {
		return id
	}
	id := uint32(wordBase + len(v.words))
	v.ids[w] = id
	v.words = append(v.words, w)
	return id
}

// text is the term of some units, as joinUnits writes it: a space between
// two words (a word is made of word characters, other units are Han).
func (v *vocabulary) text(units []uint32) string {
	v.mu.Lock()
	defer v.mu.Unlock()
	return unitText(v.words, units)
}

// snapshot returns the words so far, whose ids are their places plus
// wordBase, for unitText without the lock once no page is being read.
func (v *vocabulary) snapshot() []string {
	v.mu.Lock()
	defer v.mu.Unlock()
	return v.words
}

// unitText is the text of units whose words are in words.
func unitText(words []string, units []uint32) string {
	var buf [64]byte
	return string(appendUnitText(buf[:0], words, units))
}

// appendUnitText appends unitText's text to b.
func appendUnitText(b []byte, words []string, units []uint32) []byte {
	prevWord := false
	for _, u := range units {
		if u < wordBase {
			b = utf8.AppendRune(b, rune(u))
			prevWord = false
			continue
		}
		if prevWord {
			b = append(b, ' ')
		}
		b = append(b, words[u-wordBase]...)
		prevWord = true
	}
	return b
}

// idSink turns the units of a text into unit ids, each segment followed by
// a 0 (no unit id is 0).
type idSink struct {
	vocab    *vocabulary
	local    map[string]uint32 // this worker's cache of vocab
	ids      []uint32
	segStart int
	buf      []uint32 // for exact
}

func (s *idSink) han(r rune) { s.ids = append(s.ids, uint32(r)) }

func (s *idSink) word(w []byte) {
	id, ok := s.local[string(w)]
	if !ok {
		id = s.vocab.id(string(w))
		s.local[string(w)] = id
	}
	s.ids = append(s.ids, id)
}

func (s *idSink) brk() {
	if len(s.ids) > s.segStart {
		s.ids = append(s.ids, 0)
		s.segStart = len(s.ids)
	}
}

// units appends the units of text to ids.
func (s *idSink) units(ids []uint32, text string) []uint32 {
	s.ids, s.segStart = ids, len(ids)
	scan(text, s)
	s.brk()
	return s.ids
}

// pageUnits is a page's text as unit ids: title, body, captions, credits,
// headings and summary, each segment followed by a 0.
type pageUnits [6][]uint32

// readPages reads every page's units, on all cores.
func readPages(docs []*Doc, vocab *vocabulary) []pageUnits {
	pages := make([]pageUnits, len(docs))
	workers := runtime.GOMAXPROCS(0)
	sinks := make([]idSink, workers)
	for i := range sinks {
		sinks[i] = idSink{vocab: vocab, local: map[string]uint32{}}
	}
	parallel(workers, len(docs), func(w, i int) {
		d, s := docs[i], &sinks[w]
		p := &pages[i]
		p[0] = s.exact(d.Title)
		p[1] = s.exact(d.Body)
		p[2] = s.exact(d.Captions)
		p[3] = s.exact(d.Credits)
		s.buf = s.buf[:0]
		for _, h := range d.Headings {
			s.buf = s.units(s.buf, h)
		}
		p[4] = clip(s.buf)
		p[5] = s.exact(d.Summary)
	})
	return pages
}

// exact returns the units of text in a list of their length: they are
// read into a buffer first (lists grown as they were read were twice
// their size in allocations).
func (s *idSink) exact(text string) []uint32 {
	s.buf = s.units(s.buf[:0], text)
	return clip(s.buf)
}

// clip returns a copy of ids of their length, nil when empty.
func clip(ids []uint32) []uint32 {
	if len(ids) == 0 {
		return nil
	}
	return append(make([]uint32, 0, len(ids)), ids...)
}

// eachSegment calls f with each segment of a field's units.
func eachSegment(ids []uint32, f func(seg []uint32)) {
	start := 0
	for i, u := range ids {
		if u == 0 {
			if i > start {
				f(ids[start:i])
			}
			start = i + 1
		}
	}
}
