package search

import (
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// class is what a normalised character does to the units around it.
type class uint8

const (
	classBreak class = iota // ends the segment: sentence punctuation, brackets, symbols, line breaks
	classHan                // a unit by itself: Han, kana, Hangul, Bopomofo
	classWord               // part of a word unit: letters, digits and marks of other scripts
	classSpace              // ends a word but not the segment
	classJoin               // like a space between two word characters, else a break
	classSkip               // ignored: quote marks, title brackets, middle dots, format characters
)

// skipped are the marks that are transparent: “十四五”规划 = 十四五规划,
// don't = dont. Full-width forms are covered, NFKC maps them here first.
const skipped = "\"'`“”‘’„‟‚‛«»‹›「」『』《》〈〉〝〞〟·・‧•"

// joiners join two words into one segment (covid-19, 3.14, www.example.cn)
// and break anywhere else (说:党建 after NFKC of 说：党建 is two segments).
const joiners = ".-_/:+&@#~,\\‐‒–"

// classify tells the class of a character after NFKC, lower case and fold.
func classify(r rune) class {
	switch {
	case r < 0x80:
		return asciiClass[r]
	case r >= 0x4e00 && r <= 0x9fff:
		return classHan
	case strings.ContainsRune(skipped, r), isVariationSelector(r):
		return classSkip
	case strings.ContainsRune(joiners, r):
		return classJoin
	case r == 0x85 || r == 0x2028 || r == 0x2029:
		return classBreak
	case unicode.IsSpace(r):
		return classSpace
	case r == 0x30fc || unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana, unicode.Hangul, unicode.Bopomofo):
		return classHan
	case unicode.Is(unicode.Cf, r):
		return classSkip
	case unicode.IsLetter(r) || unicode.IsNumber(r) || unicode.IsMark(r):
		return classWord
	}
	return classBreak
}

func isVariationSelector(r rune) bool {
	return r >= 0xfe00 && r <= 0xfe0f || r >= 0xe0100 && r <= 0xe01ef || r >= 0x180b && r <= 0x180d || r == 0x180f
}

var asciiClass = func() (t [128]class) {
	for r := range t {
		switch {
		case r >= 'a' && r <= 'z', r >= 'A' && r <= 'Z', r >= '0' && r <= '9':
			t[r] = classWord
		case r == ' ' || r == '\t':
			t[r] = classSpace
		case strings.ContainsRune(skipped, rune(r)):
			t[r] = classSkip
		case strings.ContainsRune(joiners, rune(r)):
			t[r] = classJoin
		default:
			t[r] = classBreak
		}
	}
	return t
}()

// normalizeChars calls emit for every character of s after normalisation:
// NFKC applied to each character with the combining marks that follow it
// (the browser does the same, chunk by chunk, to map results back to the
// original text), then simple lower case, then the Traditional → Simplified
// fold.
func normalizeChars(s string, emit func(r rune)) {
	bmp := bmpTable()
	for i := 0; i < len(s); {
		r, n := rune(s[i]), 1
		if r >= utf8.RuneSelf {
			r, n = utf8.DecodeRuneInString(s[i:])
		}
		j := i + n
		for j < len(s) && s[j] >= 0xcc { // no mark is below U+0300, whose UTF-8 starts with 0xcc
			m, mn := utf8.DecodeRuneInString(s[j:])
			if m < 0x10000 && bmp.flags[m]&bmpMark == 0 || m >= 0x10000 && !unicode.IsMark(m) {
				break
			}
			j += mn
		}
		var out string
		switch {
		case j > i+n:
			out = norm.NFKC.String(s[i:j])
		case r < 0x80: // NFKC leaves these alone
			if r >= 'A' && r <= 'Z' {
				r += 'a' - 'A'
			}
			emit(r)
			i = j
			continue
		case r < 0x10000 && bmp.flags[r]&bmpNFKC == 0: // NFKC leaves it alone
			emit(foldLower(r))
			i = j
			continue
		default:
			out = nfkcRune(r)
		}
		for _, c := range out {
			emit(foldLower(c))
		}
		i = j
	}
}

// foldLower is fold(unicode.ToLower(r)), with a table for the Basic
// Multilingual Plane.
func foldLower(r rune) rune {
	if r < 0x10000 {
		return bmpTable().fold[r]
	}
	return fold(unicode.ToLower(r))
}

// bmpChars are what normalising needs to know of the characters of the
// Basic Multilingual Plane, where nearly all text is: looked up in tables
// rather than computed each time (the text of ten thousand pages has tens of
// millions of characters).
type bmpChars struct {
	flags [0x10000]uint8 // bmpMark, bmpNFKC
	fold  [0x10000]rune  // fold(unicode.ToLower(r))
	// the NFKC form of character r alone is nfkc[at[r]:at[r+1]]
	nfkc string
	at   [0x10001]uint32
}

const (
	bmpMark = 1 << iota // unicode.IsMark
	bmpNFKC             // NFKC changes the character alone
)

var bmpOnce = sync.OnceValue(func() *bmpChars {
	t := &bmpChars{}
	var all strings.Builder
	for r := rune(0); r < 0x10000; r++ {
		if unicode.IsMark(r) {
			t.flags[r] |= bmpMark
		}
		n := norm.NFKC.String(string(r))
		if r >= 0x80 && (!utf8.ValidRune(r) || n != string(r)) {
			t.flags[r] |= bmpNFKC
		}
		t.fold[r] = fold(unicode.ToLower(r))
		t.at[r] = uint32(all.Len())
		all.WriteString(n)
	}
	t.at[0x10000] = uint32(all.Len())
	t.nfkc = all.String()
	return t
})

func bmpTable() *bmpChars { return bmpOnce() }

// nfkcCache remembers the NFKC form of single characters beyond the Basic
// Multilingual Plane (bmpChars has those in it): the norm package
// allocates on every call.
var nfkcCache sync.Map

func nfkcRune(r rune) string {
	if r >= 0 && r < 0x10000 {
		t := bmpTable()
		return t.nfkc[t.at[r]:t.at[r+1]]
	}
	if v, ok := nfkcCache.Load(r); ok {
		return v.(string)
	}
	v := norm.NFKC.String(string(r))
	nfkcCache.Store(r, v)
	return v
}

// unitSink receives the units of a text as the scanner finds them.
type unitSink interface {
	han(r rune)
	word(w []byte) // valid only during the call
	brk()          // end of a segment; may come several times in a row
}

// scan normalises s and cuts it into units, reporting them to sink. It
// returns whether s ends inside a word, which a query reads as "the last
// word is still being typed" (prefix matching).
func scan(s string, sink unitSink) (open bool) {
	var word []byte
	inWord, pendingJoin := false, false
	endWord := func() {
		if inWord {
			sink.word(word)
			word, inWord = word[:0], false
		}
	}
	normalizeChars(s, func(r rune) {
		c := classify(r)
		if pendingJoin && c != classWord && c != classJoin && c != classSkip {
			pendingJoin = false
			sink.brk()
		}
		switch c {
		case classWord:
			pendingJoin = false
			inWord = true
			word = utf8.AppendRune(word, r)
		case classHan:
			endWord()
			sink.han(r)
		case classSpace:
			endWord()
		case classJoin:
			if inWord {
				endWord()
				pendingJoin = true
			} else if !pendingJoin {
				sink.brk()
			}
		case classBreak:
			endWord()
			sink.brk()
		}
	})
	open = inWord
	endWord()
	return open
}

// canonical builds the canonical normalised string: segments joined by
// "\n", the units of a segment concatenated, with one space between two
// words.
type canonical struct {
	b        strings.Builder
	lastWord bool // the last unit written is a word
	segStart bool // nothing written in the current segment yet
	any      bool
}

func (c *canonical) han(r rune) {
	c.startUnit()
	c.b.WriteRune(r)
	c.lastWord = false
}

func (c *canonical) word(w []byte) {
	if c.lastWord && !c.segStart {
		c.b.WriteByte(' ')
	}
	c.startUnit()
	c.b.Write(w)
	c.lastWord = true
}

func (c *canonical) startUnit() {
	if c.segStart && c.any {
		c.b.WriteByte('\n')
	}
	c.segStart, c.any = false, true
}

func (c *canonical) brk() { c.segStart = true }

// Normalize returns the canonical normalised form of s, the text that
// search matches against: see the package documentation.
func Normalize(s string) string {
	c := &canonical{segStart: true}
	scan(s, c)
	return c.b.String()
}

// segments collects the units of each segment, for tests and queries.
type segments struct {
	segs [][]string
	cur  []string
}

func (s *segments) han(r rune)    { s.cur = append(s.cur, string(r)) }
func (s *segments) word(w []byte) { s.cur = append(s.cur, string(w)) }
func (s *segments) brk() {
	if len(s.cur) > 0 {
		s.segs = append(s.segs, s.cur)
		s.cur = nil
	}
}

// Segments returns the units of s, segment by segment: each unit is one Han
// (or kana, Hangul) character or one word of letters and digits.
func Segments(s string) [][]string {
	var c segments
	scan(s, &c)
	c.brk()
	return c.segs
}
