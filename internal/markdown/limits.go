package markdown

import (
	"bytes"
	"fmt"
)

// Limits of one document, checked before goldmark reads it, so that no
// document takes more than about a second and 100 MB. goldmark takes
// about 25 bytes of memory for each byte of text, up to 1.5 KB for each
// line and 500 bytes for each [ or *, and time growing with the square of
// some shapes: each [text]( scans
// its paragraph to the end, so ![a]( repeated over 128 KB took 3 s; list
// and quote markers nested on one line (> > > …, 1. - 1. - …) likewise;
// and every row of a table is as wide as its header, so a header of 5,000
// columns over 25 KB of one-character rows took 8 s and 3 GB. Real pages
// stay far inside: a long story is 20 KB with a few dozen links.
const (
	MaxBytes        = 512 << 10   // the whole body
	maxLines        = 20_000      // each line costs up to 1.5 KB
	maxBrackets     = 10_000      // [ in the document
	maxDelimiters   = 50_000      // * _ ~ in the document
	maxLinkScan     = 100_000_000 // Σ over paragraphs of ]( × the paragraph's bytes
	maxNesting      = 32          // quote and list markers starting one line
	maxTableCells   = 50_000      // Σ over tables of columns × rows
	tableCellsFloor = 3           // a table has at least a header, a delimiter and a row
)

// CheckLimits returns the line (from 1) and message of the first limit src
// exceeds, or 0 and "". Render calls it; the importer too, so that what it
// writes builds.
func CheckLimits(src []byte) (int, string) {
	if len(src) > MaxBytes {
		return 1, fmt.Sprintf("正文有 %d KB，超过上限 %d KB；请分成几篇（the body exceeds %d KB）", len(src)>>10, MaxBytes>>10, MaxBytes>>10)
	}
	if n := bytes.Count(src, []byte("\n")); n >= maxLines {
		return maxLines + 1, fmt.Sprintf("正文超过 %d 行；请分成几篇（more than %d lines）", maxLines, maxLines)
	}
	if n := bytes.Count(src, []byte("[")); n > maxBrackets {
		return lineOfNth(src, '[', maxBrackets+1), fmt.Sprintf("正文中的方括号 [ 超过 %d 个，请检查是否误粘贴了大量符号（more than %d [）", maxBrackets, maxBrackets)
	}
	if n := countAny(src, "*_~"); n > maxDelimiters {
		return 1, fmt.Sprintf("正文中的 *、_、~ 合计超过 %d 个，请检查是否误粘贴了大量符号（more than %d emphasis delimiters）", maxDelimiters, maxDelimiters)
	}
	var scan, cells int
	columns := 0 // of the table being read, 0 outside one
	line := 1
	for par := range paragraphs(src) {
		if scan += bytes.Count(par.text, []byte("](")) * len(par.text); scan > maxLinkScan {
			return par.line, "从这一段起，链接写法 [文字]( 过多、段落过长，生成网页会极慢；请在段落之间空行，或检查括号是否配对（too many [text]( in long paragraphs）"
		}
		line = par.line
		for l := range bytes.Lines(par.text) {
			if n := nesting(l); n > maxNesting {
				return line, fmt.Sprintf("一行开头的引用或列表符号（> - * + 1.）嵌套超过 %d 层（quote and list markers nested deeper than %d）", maxNesting, maxNesting)
			}
			switch {
			case columns > 0:
				cells += columns
			case isDelimiterRow(l):
				columns = bytes.Count(l, []byte("|")) + 1
				cells += tableCellsFloor * columns
			}
			if cells > maxTableCells {
				return line, fmt.Sprintf("表格共超过 %d 个单元格（列数 × 行数），请检查表头的列数，或把大表格另存为 Excel 附件（tables of more than %d cells）", maxTableCells, maxTableCells)
			}
			line++
		}
		columns = 0 // a blank line ends a table
	}
	return 0, ""
}

// paragraph is a run of non-blank lines and the line it starts on.
type paragraph struct {
	text []byte
	line int
}

// paragraphs yields the runs of non-blank lines of src.
func paragraphs(src []byte) func(func(paragraph) bool) {
	return func(yield func(paragraph) bool) {
		start, startLine, line := -1, 0, 1
		at := 0
		for l := range bytes.Lines(src) {
			blank := len(bytes.TrimSpace(l)) == 0
			switch {
			case blank && start >= 0:
				if !yield(paragraph{src[start:at], startLine}) {
					return
				}
				start = -1
			case !blank && start < 0:
				start, startLine = at, line
			}
			at += len(l)
			line++
		}
		if start >= 0 {
			yield(paragraph{src[start:], startLine})
		}
	}
}

// nesting counts the quote and list markers that open a line: "> - 1. x"
// has three.
func nesting(line []byte) int {
	n := 0
	for i := 0; i < len(line); {
		switch c := line[i]; {
		case c == ' ' || c == '\t':
			i++
		case c == '>':
			n++
			i++
		case (c == '-' || c == '*' || c == '+') && i+1 < len(line) && (line[i+1] == ' ' || line[i+1] == '\t'):
			n++
			i += 2
		case c >= '0' && c <= '9':
			j := i
			for j < len(line) && j-i < 10 && line[j] >= '0' && line[j] <= '9' {
				j++
			}
			if j+1 >= len(line) || (line[j] != '.' && line[j] != ')') || (line[j+1] != ' ' && line[j+1] != '\t') {
				return n
			}
			n++
			i = j + 2
		default:
			return n
		}
	}
	return n
}

// isDelimiterRow reports whether a line is a table's delimiter row: only
// |, -, : and spaces, with a | and a -.
func isDelimiterRow(line []byte) bool {
	line = bytes.TrimSpace(line)
	if bytes.IndexByte(line, '|') < 0 || bytes.IndexByte(line, '-') < 0 {
		return false
	}
	for _, c := range line {
		if c != '|' && c != '-' && c != ':' && c != ' ' && c != '\t' {
			return false
		}
	}
	return true
}

func countAny(src []byte, chars string) int {
	n := 0
	for _, c := range src {
		if c == chars[0] || c == chars[1] || c == chars[2] {
			n++
		}
	}
	return n
}

// lineOfNth returns the line of the nth occurrence of c.
func lineOfNth(src []byte, c byte, nth int) int {
	line := 1
	for _, b := range src {
		switch b {
		case '\n':
			line++
		case c:
			if nth--; nth == 0 {
				return line
			}
		}
	}
	return line
}
