package proofread

import (
	"bytes"
	"sort"
	"strings"
	"unicode/utf8"
)

// corrections reports the corrections made in a block, one finding per
// mark or word; spaces dropped beside a mark are reported with it.
func corrections(b []char, lines *lineIndex) []Finding {
	var out []Finding
	for i := 0; i < len(b); i++ {
		c := &b[i]
		switch {
		case c.marker() || !c.edited():
		case c.kind == Variant || c.kind == Phrasing:
			if c.word != "" {
				end := c.end
				for k := i + 1; k < len(b) && b[k].kind == c.kind && b[k].word == "" && b[k].deleted(); k++ {
					end = b[k].end
				}
				out = append(out, lines.finding(c.kind, c.start, end, c.word, c.now))
			}
		case c.kind == Spacing:
			j := i
			for j < len(b) && b[j].kind == Spacing && b[j].seg == c.seg {
				j++
			}
			spaces := strings.Repeat(" ", j-i)
			if j < len(b) && b[j].seg == c.seg && b[j].kind == Punctuation {
				// " ," → "，": one finding for the mark and the spaces before it
				n := &b[j]
				out = append(out, lines.finding(Punctuation, c.start, n.end, spaces+string(n.orig), n.now))
				i = j
				continue
			}
			p := i - 1
			for p >= 0 && b[p].seg == c.seg && b[p].deleted() {
				p--
			}
			if p >= 0 && b[p].seg == c.seg && tightAfter(b[p].last()) {
				out = append(out, lines.finding(Spacing, b[p].start, b[j-1].end, string(b[p].orig)+spaces, b[p].now))
			} else if j < len(b) {
				out = append(out, lines.finding(Spacing, c.start, b[j].end, spaces+string(b[j].orig), b[j].now))
			}
			i = j - 1
		case c.kind == Punctuation:
			// ", " → "，": the spaces after a mark go with it
			j := i + 1
			for j < len(b) && b[j].kind == Spacing && b[j].seg == c.seg {
				j++
			}
			text := string(c.orig) + strings.Repeat(" ", j-i-1)
			out = append(out, lines.finding(Punctuation, c.start, b[j-1].end, text, c.now))
			i = j - 1
		}
	}
	return out
}

// lineIndex finds the line and column of a byte offset.
type lineIndex struct {
	src    []byte
	starts []int // the offset of each line's first byte
}

func newLineIndex(src []byte) *lineIndex {
	ix := &lineIndex{src: src, starts: []int{0}}
	for i, c := range src {
		if c == '\n' {
			ix.starts = append(ix.starts, i+1)
		}
	}
	return ix
}

// finding places a finding about src[start:end].
func (ix *lineIndex) finding(k Kind, start, end int, text, fix string) Finding {
	n := sort.Search(len(ix.starts), func(i int) bool { return ix.starts[i] > start }) - 1
	lineStart := ix.starts[n]
	lineEnd := len(ix.src)
	if n+1 < len(ix.starts) {
		lineEnd = ix.starts[n+1]
	}
	line := bytes.TrimRight(ix.src[lineStart:lineEnd], "\r\n")
	from := min(start-lineStart, len(line))
	to := min(max(end-lineStart, from), len(line))
	before := []rune(string(line[:from]))
	around := string(before[max(0, len(before)-10):]) + string(line[from:to])
	after := []rune(string(line[to:]))
	around += string(after[:min(10, len(after))])
	return Finding{
		Line: n + 1, Column: utf8.RuneCount(line[:from]) + 1,
		Kind: k, Text: text, Fix: fix, Context: strings.TrimSpace(around),
	}
}

func sortFindings(fs []Finding) {
	sort.SliceStable(fs, func(i, j int) bool {
		if fs[i].Line != fs[j].Line {
			return fs[i].Line < fs[j].Line
		}
		return fs[i].Column < fs[j].Column
	})
}
