// Package opencc converts Traditional Chinese text to Simplified Chinese with
// the dictionaries of the OpenCC project, without OpenCC itself.
//
// The two tables embedded here are OpenCC's TSPhrases.txt (phrases whose
// conversion differs from character by character, 乾坤 stays 乾坤, 一目瞭然
// becomes 一目了然) and TSCharacters.txt (one character to its usual
// Simplified form, 學 → 学). They are data files of OpenCC under the Apache
// License 2.0: LICENSE and README.md beside them say so and where they come
// from, and must travel with them.
//
// Conversion works like OpenCC's t2s: at every position the longest phrase or
// character of either table that matches the text is replaced by its first
// candidate, and the scan goes on after it. Text that is already Simplified
// passes through unchanged, except for the few characters that both scripts
// share but the tables still map (those are the tables' choice, as in OpenCC).
//
// The tables are parsed once, on first use; a Converter is safe for
// concurrent use.
//
// This package is the module's only copy of the tables. CharactersTable
// hands out TSCharacters.txt as it is embedded, for code that reads it by
// rules of its own: the site search (internal/search) folds every
// Traditional character to its first candidate, in the build and, through
// the table files the build writes, in the browser. A site that publishes
// its search index therefore publishes a derived form of the table, and the
// notice above goes with the source code.
package opencc

import (
	_ "embed"
	"strings"
	"sync"
	"unicode/utf8"
)

//go:embed TSPhrases.txt
var phrasesTable string

//go:embed TSCharacters.txt
var charactersTable string

// Converter holds the parsed tables.
type Converter struct {
	chars   map[rune]string
	phrases map[string]string
	starts  map[rune]int // first rune of a phrase → the longest phrase starting with it, in runes
}

var (
	once     sync.Once
	standard *Converter
)

// Default returns the converter built from the embedded tables.
func Default() *Converter {
	once.Do(func() { standard = New(phrasesTable, charactersTable) })
	return standard
}

// ToSimplified converts s with the embedded tables.
func ToSimplified(s string) string {
	out, _ := Default().Convert(s)
	return out
}

// CharactersTable returns OpenCC's TSCharacters.txt, byte for byte as
// embedded: lines of a Traditional character, a tab, then Simplified
// candidates separated by spaces, the usual one first.
func CharactersTable() string { return charactersTable }

// New builds a converter from tables in OpenCC's text format: one entry a
// line, the Traditional key, a tab, then candidates separated by spaces;
// lines starting with # are comments. Entries of one rune go to the
// character table whatever the file; malformed lines are skipped.
func New(tables ...string) *Converter {
	c := &Converter{chars: map[rune]string{}, phrases: map[string]string{}, starts: map[rune]int{}}
	for _, table := range tables {
		for _, line := range strings.Split(table, "\n") {
			line = strings.TrimRight(line, "\r")
			if line == "" || line[0] == '#' {
				continue
			}
			key, values, ok := strings.Cut(line, "\t")
			if !ok || key == "" {
				continue
			}
			value, _, _ := strings.Cut(strings.TrimSpace(values), " ")
			if value == "" {
				continue
			}
			n := utf8.RuneCountInString(key)
			if n == 1 {
				r, _ := utf8.DecodeRuneInString(key)
				if _, dup := c.chars[r]; !dup {
					c.chars[r] = value
				}
				continue
			}
			if _, dup := c.phrases[key]; dup {
				continue
			}
			c.phrases[key] = value
			first, _ := utf8.DecodeRuneInString(key)
			if n > c.starts[first] {
				c.starts[first] = n
			}
		}
	}
	return c
}

// Convert returns s in Simplified characters and the number of replacements
// made (a phrase counts once).
func (c *Converter) Convert(s string) (string, int) {
	if c == nil {
		return s, 0
	}
	var b strings.Builder
	b.Grow(len(s))
	count := 0
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		if r < 0x2E80 { // below the CJK blocks: nothing to convert
			b.WriteString(s[i : i+size])
			i += size
			continue
		}
		if key, value, ok := c.longestPhrase(s[i:], r); ok {
			b.WriteString(value)
			if value != key {
				count++
			}
			i += len(key)
			continue
		}
		if value, ok := c.chars[r]; ok {
			b.WriteString(value)
			if value != s[i:i+size] {
				count++
			}
		} else {
			b.WriteString(s[i : i+size])
		}
		i += size
	}
	return b.String(), count
}

// longestPhrase finds the longest phrase of the table at the start of s,
// whose first rune is r.
func (c *Converter) longestPhrase(s string, r rune) (key, value string, ok bool) {
	longest := c.starts[r]
	if longest < 2 {
		return "", "", false
	}
	// byte offsets of the ends of the first 2…longest runes
	ends := make([]int, 0, longest)
	n := 0
	for j := 0; j < len(s) && n < longest; n++ {
		_, size := utf8.DecodeRuneInString(s[j:])
		j += size
		ends = append(ends, j)
	}
	for k := len(ends) - 1; k >= 1; k-- {
		if v, found := c.phrases[s[:ends[k]]]; found {
			return s[:ends[k]], v, true
		}
	}
	return "", "", false
}
