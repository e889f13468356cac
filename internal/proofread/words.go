package proofread

import (
	"bytes"
	"strings"
	"unicode/utf8"
)

// matcher looks for the words of a list in blocks.
type matcher struct {
	w      *Words
	rights []string // every right form: never broken up by another correction
}

// newMatcher prepares the list for one document. A wrong form is corrected
// only where its bytes stand together in the source, so the variants
// whose wrong form src lacks are left out at once: one pass over src
// notes the pairs of characters present, and only the variants starting
// with one of them are looked for.
func newMatcher(w *Words, src []byte) *matcher {
	if w == nil {
		return &matcher{w: &Words{}}
	}
	m := &matcher{w: &Words{Forbidden: w.Forbidden, Sensitive: w.Sensitive}}
	var pairs [1 << 16 / 64]uint64 // a bit for each pair of characters, hashed
	for i := 0; i < len(src); {
		r1, size := utf8.DecodeRune(src[i:])
		r2, _ := utf8.DecodeRune(src[i+size:])
		h := pairHash(r1, r2)
		pairs[h>>6] |= 1 << (h & 63)
		i += size
	}
	for _, v := range w.Variants {
		m.rights = append(m.rights, v.Right)
		r1, size := utf8.DecodeRuneInString(v.Wrong)
		r2, size2 := utf8.DecodeRuneInString(v.Wrong[size:])
		h := pairHash(r1, r2)
		if v.Wrong != "" && (size2 == 0 || pairs[h>>6]&(1<<(h&63)) != 0) && bytes.Contains(src, []byte(v.Wrong)) {
			m.w.Variants = append(m.w.Variants, v)
		}
	}
	return m
}

// pairHash maps two characters to 16 bits. (A one-character wrong form
// is looked for without it.)
func pairHash(r1, r2 rune) uint32 {
	return (uint32(r1)*0x9e3779b1 ^ uint32(r2)*0x85ebca6b) >> 16
}

// active reports whether the matcher has any word to look for.
func (m *matcher) active() bool {
	return len(m.w.Variants)+len(m.w.Forbidden)+len(m.w.Sensitive) > 0
}

// blockText is what a block reads now, with for each byte the index of
// the character it belongs to.
func blockText(b []char) (string, []int) {
	var s strings.Builder
	var owner []int
	for i := range b {
		s.WriteString(b[i].now)
		for range len(b[i].now) {
			owner = append(owner, i)
		}
	}
	return s.String(), owner
}

// occurrences returns the byte offsets of word in s, not overlapping.
func occurrences(s, word string) []int {
	var at []int
	if word == "" {
		return nil
	}
	for from := 0; ; {
		k := strings.Index(s[from:], word)
		if k < 0 {
			return at
		}
		at = append(at, from+k)
		from += k + len(word)
	}
}

// cover marks the bytes of s inside any occurrence of the words.
func cover(s string, words []string) []bool {
	covered := make([]bool, len(s))
	for _, w := range words {
		for _, at := range occurrences(s, w) {
			for k := at; k < at+len(w); k++ {
				covered[k] = true
			}
		}
	}
	return covered
}

// replaceVariants corrects the wrong forms of the list in a block and
// reports whether it changed anything. A match is corrected only when its
// characters are unchanged prose written as one run in the source, and
// overlaps no right form and none of its variant's exceptions.
func (m *matcher) replaceVariants(b []char) bool {
	if len(m.w.Variants) == 0 {
		return false
	}
	s, owner := blockText(b)
	var rights []bool
	changed := false
	for _, v := range m.w.Variants {
		at := occurrences(s, v.Wrong)
		if len(at) == 0 {
			continue
		}
		if rights == nil {
			rights = cover(s, m.rights)
		}
		except := cover(s, v.Except)
		for _, p := range at {
			chars, ok := wordChars(b, owner, p, p+len(v.Wrong))
			for k := p; ok && k < p+len(v.Wrong); k++ {
				ok = !rights[k] && !except[k]
			}
			if !ok {
				continue
			}
			kind := Variant
			if v.Phrasing {
				kind = Phrasing
			}
			for n, c := range chars {
				c.set("", kind)
				if n == 0 {
					c.set(v.Right, kind)
					c.word = v.Wrong
				}
			}
			changed = true
		}
	}
	return changed
}

// wordChars returns the characters of s[from:to] when they may be
// corrected: whole characters, unchanged, not kept, one run of source
// bytes, and not a piece of a longer Latin word or number (7个 in 17个).
func wordChars(b []char, owner []int, from, to int) ([]*char, bool) {
	if from > 0 && owner[from-1] == owner[from] || to < len(owner) && owner[to] == owner[to-1] || !wordBounded(b, owner, from, to) {
		return nil, false
	}
	var chars []*char
	for k := from; k < to; k++ {
		if k > from && owner[k] == owner[k-1] {
			continue
		}
		c := &b[owner[k]]
		if c.marker() || c.keep || c.edited() || len(chars) > 0 && chars[len(chars)-1].end != c.start {
			return nil, false
		}
		chars = append(chars, c)
	}
	return chars, len(chars) > 0
}

// wordBounded reports whether s[from:to] does not start or end inside a
// run of ASCII letters and digits.
func wordBounded(b []char, owner []int, from, to int) bool {
	if from > 0 && isASCIIAlnum(b[owner[from]].first()) && isASCIIAlnum(b[owner[from-1]].last()) {
		return false
	}
	return to >= len(owner) || !isASCIIAlnum(b[owner[to-1]].last()) || !isASCIIAlnum(b[owner[to]].first())
}

// lookFor reports the forbidden and sensitive words in a block.
func (m *matcher) lookFor(b []char, lines *lineIndex) []Finding {
	if len(m.w.Forbidden)+len(m.w.Sensitive) == 0 {
		return nil
	}
	s, owner := blockText(b)
	var out []Finding
	for _, list := range []struct {
		words []string
		kind  Kind
	}{{m.w.Forbidden, Forbidden}, {m.w.Sensitive, Sensitive}} {
		for _, w := range list.words {
			for _, p := range occurrences(s, w) {
				first, last := &b[owner[p]], &b[owner[p+len(w)-1]]
				if first.marker() || last.marker() || !wordBounded(b, owner, p, p+len(w)) {
					continue
				}
				out = append(out, lines.finding(list.kind, first.start, last.end, w, ""))
			}
		}
	}
	return out
}
