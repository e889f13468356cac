package search

import (
	"slices"
	"sort"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"showcase/internal/opencc"
)

// foldBlockBits sets the size of the blocks of the fold table the browser
// loads: 256 code points per file, so a query fetches a few hundred bytes of
// table for each block its Han characters fall in.
const foldBlockBits = 8

var foldTable struct {
	once sync.Once
	m    map[rune]rune
}

// foldMap returns the fold table: Traditional character → Simplified one,
// read from OpenCC's character table (internal/opencc, Apache-2.0).
func foldMap() map[rune]rune {
	foldTable.once.Do(func() { foldTable.m = parseFoldTable(opencc.CharactersTable()) })
	return foldTable.m
}

// parseFoldTable reads OpenCC's format ("key TAB candidate candidate…"),
// keeps the first candidate, drops characters that map to themselves and
// follows chains (薴 → 苧 → 苎), so folding twice equals folding once.
// Malformed lines are skipped.
func parseFoldTable(table string) map[rune]rune {
	m := map[rune]rune{}
	for _, line := range strings.Split(table, "\n") {
		key, vals, ok := strings.Cut(strings.TrimRight(line, "\r"), "\t")
		if !ok || strings.HasPrefix(line, "#") {
			continue
		}
		first, _, _ := strings.Cut(vals, " ")
		k, kn := utf8.DecodeRuneInString(key)
		v, vn := utf8.DecodeRuneInString(first)
		if kn != len(key) || vn != len(first) || k == utf8.RuneError || v == utf8.RuneError || k == v {
			continue
		}
		m[k] = v
	}
	for k, v := range m {
		for i := 0; i < 8; i++ { // chains are short; a cycle stops here
			next, ok := m[v]
			if !ok || next == k {
				break
			}
			v = next
		}
		m[k] = v
	}
	for k, v := range m {
		if k == v {
			delete(m, k)
		}
	}
	return m
}

// fold maps a Traditional character to its Simplified form.
func fold(r rune) rune {
	if r < 0x3400 {
		return r
	}
	if s, ok := foldMap()[r]; ok {
		return s
	}
	return r
}

// foldQuiet has a bit set for each character of the BMP that gives
// foldPairs no pair, most of them: a page's text is checked a bit a
// character, not through NFKC and the fold table (the yihui blog's
// fragments: 0.055 → 0.006 CPU-s).
var foldQuiet = sync.OnceValue(func() []uint64 {
	quiet := make([]uint64, 0x10000/64)
	for r := rune(0); r < 0x10000; r++ {
		q := true
		for _, c := range nfkcRune(r) {
			if l := unicode.ToLower(c); fold(l) != l {
				q = false
			}
		}
		if q {
			quiet[r>>6] |= 1 << (r & 63)
		}
	}
	return quiet
})

// FoldBlocks returns the fold table cut into blocks of 256 code points, for
// the browser: block number (code point >> 8) → the pairs of that block as
// text, each pair the Traditional character followed by its Simplified one,
// in code point order.
func FoldBlocks() map[int]string {
	m := foldMap()
	keys := make([]rune, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool { return keys[i] < keys[j] })
	blocks := map[int]*strings.Builder{}
	for _, k := range keys {
		b := blocks[int(k>>foldBlockBits)]
		if b == nil {
			b = &strings.Builder{}
			blocks[int(k>>foldBlockBits)] = b
		}
		b.WriteRune(k)
		b.WriteRune(m[k])
	}
	out := make(map[int]string, len(blocks))
	for n, b := range blocks {
		out[n] = b.String()
	}
	return out
}

// foldPairs lists the Traditional characters of some texts (after NFKC and
// lower case) with their Simplified forms, as FoldBlocks writes pairs: a
// fragment carries them, so the browser can fold its text without loading
// the blocks of the table they are in.
func foldPairs(texts ...string) string {
	pairs := map[rune]rune{}
	quiet := foldQuiet()
	for _, s := range texts {
		for _, r := range s {
			if r < 0x3400 || r < 0x10000 && quiet[r>>6]&(1<<(r&63)) != 0 {
				continue
			}
			for _, c := range nfkcRune(r) {
				l := unicode.ToLower(c)
				if f := fold(l); f != l {
					pairs[l] = f
				}
			}
		}
	}
	keys := make([]rune, 0, len(pairs))
	for k := range pairs {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	var b strings.Builder
	for _, k := range keys {
		b.WriteRune(k)
		b.WriteRune(pairs[k])
	}
	return b.String()
}
