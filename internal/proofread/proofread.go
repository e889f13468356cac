// Package proofread marks and corrects what a Chinese copy editor would
// mark in a Markdown page body: half-width punctuation among Chinese
// characters, spaces beside full-width punctuation, non-standard word
// forms, and the words a site forbids or wants a person to look at. It is
// a leaf: it takes bytes and returns findings and corrected bytes; it
// knows nothing of pages or sites.
//
// # Use
//
//	findings, fixed := proofread.Markdown(body, &proofread.Words{Variants: proofread.Standard()})
//	// findings: line, column, what is written, what it becomes
//	// fixed: body with every fixable finding corrected
//
// Markdown takes a body without its front matter. Line and Column count
// from the start of what it is given; columns count characters. Text
// proofreads a single string that is not Markdown (a title).
//
// # Where it looks
//
// Only at prose: the text of paragraphs, headings, list items, table
// cells, link texts and image descriptions, as goldmark parses them. Code
// spans, fenced and indented code, raw HTML, autolinks, link and image
// destinations are never read or changed, nor are bare URLs
// (https://…, www.…), e-mail addresses, characters escaped with a
// backslash, and a paragraph that starts like a link reference
// definition ("[标签]: …", text only because it does not parse). Fixing
// changes characters within a line only: the line count, the line
// endings (CRLF stays CRLF) and the Markdown structure stay as they
// were — so a space beside * _ ~ or between < and > is never removed —
// and Markdown(fixed) finds nothing left to fix (FuzzFix checks all of
// this).
//
// # Punctuation
//
//	, ; :   after a Chinese character or full-width punctuation mark
//	        (spaces between them allowed) → ， ； ：
//	        "会议召开,部署工作" "时间:10:30" → "会议召开，部署工作" "时间：10:30";
//	        also , ; between a Latin letter or digit and a Chinese
//	        character with no space: "共30,其中" → "共30，其中"
//	!       right after a Chinese character, not beside "?" nor before
//	        "[" (a picture that did not parse) → ！
//	?       right after a Chinese character, when a line end, space or
//	        punctuation follows, or the clause asks (吗 呢 么 谁 哪 何 …) → ？
//	        A lone "?" between Chinese characters is left alone: it is
//	        more often mojibake than a question.
//	.       a sentence end after a Chinese character (not a Chinese
//	        numeral: "一.概况" wants 、, which a person decides), before a
//	        line end, a space, a Chinese character or an opening
//	        full-width mark, not in "..." → 。
//	( )     a pair around Chinese text, or around anything between
//	        Chinese characters → （ ）; a pair mixing the two widths,
//	        "（党委)", becomes full-width. Never "(" right after "]": that
//	        is a link or picture that did not parse.
//	spaces  ASCII spaces after ，。、；：？！ and full-width brackets, before
//	        ，。、；：？！ and closing brackets, and between a Chinese
//	        character and an opening bracket, are removed: "会议， 部署"
//	        → "会议，部署".
//
// Numbers (3.14, 1,000, 10:30), file names (照片.jpg) and English
// ("Hello, world", "see (a)") are left as they are: every rule needs a
// Chinese character beside the mark.
//
// # Words
//
// Words lists forbidden and sensitive words (reported, never changed)
// and Variants: a wrong form and the right one (著力 → 着力), corrected.
// A wrong form inside a word that is right (著力 in 显著力量, listed in
// WordVariant.Except), inside any listed right form, or inside a longer
// number or Latin word (7个 in 17个) is left alone. A wrong form is
// corrected only where it is written in one piece (not "**著**力").
// Standard returns the built-in list: established standard forms
// (《第一批异形词整理表》 and the dictionary's preferred forms) and set
// phrases commonly mistyped, none of which OpenCC corrects.
package proofread

// Kind says what a finding is about.
type Kind string

// The kinds of findings.
const (
	Punctuation Kind = "punctuation" // half-width punctuation among Chinese characters
	Spacing     Kind = "spacing"     // ASCII spaces beside full-width punctuation
	Variant     Kind = "variant"     // a non-standard form from the built-in list
	Phrasing    Kind = "phrasing"    // a wrong variant of one of the site's fixed phrasings
	Forbidden   Kind = "forbidden"   // a word the site forbids
	Sensitive   Kind = "sensitive"   // a word the site wants a person to look at
)

// Finding is one thing marked.
type Finding struct {
	Line, Column int    // 1-based; the column counts characters
	Kind         Kind   //
	Text         string // what is written, e.g. "," or "， " or "著力"
	Fix          string // what it becomes; "" for Forbidden and Sensitive
	Context      string // the line around it, up to 10 characters either side
}

// Fixable reports whether Markdown corrects the finding in its output.
func (f Finding) Fixable() bool { return f.Kind != Forbidden && f.Kind != Sensitive }

// Words is a word list to proofread against. A nil *Words checks
// punctuation only.
type Words struct {
	Forbidden []string
	Sensitive []string
	Variants  []WordVariant
}

// WordVariant is a wrong form and the right one.
type WordVariant struct {
	Wrong, Right string
	// Except lists right words that contain Wrong or overlap it, such as
	// 显著 for 著力: a match that overlaps one of them is left alone.
	Except []string
	// Phrasing marks one of the site's fixed official phrasings; its
	// findings are of kind Phrasing instead of Variant.
	Phrasing bool
}

// Markdown proofreads a Markdown body and returns what it found, in
// order, and the body with every fixable finding corrected. src may be
// any bytes: invalid UTF-8 is passed through unchanged.
func Markdown(src []byte, w *Words) ([]Finding, []byte) {
	m := newMatcher(w, src)
	return proofread(src, proseBlocks(src, m.active()), m)
}

// Fix returns src with every fixable finding corrected.
func Fix(src []byte, w *Words) []byte {
	_, fixed := Markdown(src, w)
	return fixed
}

// Text proofreads a string that is not Markdown, such as a title, and
// returns what it found.
func Text(s string, w *Words) []Finding {
	findings, _ := proofread([]byte(s), [][]char{plainBlock(s)}, newMatcher(w, []byte(s)))
	return findings
}

// proofread corrects the blocks until nothing changes (a correction can
// make another one due: "（注）," gets its comma once the bracket is
// full-width), then reports and applies the corrections.
func proofread(src []byte, blocks [][]char, m *matcher) ([]Finding, []byte) {
	var found []Finding
	lines := newLineIndex(src)
	for _, b := range blocks {
		protect(b)
		for round := 0; round < 8; round++ {
			changed := fixPunctuation(b)
			if m.replaceVariants(b) {
				changed = true
			}
			if !changed {
				break
			}
		}
		found = append(found, corrections(b, lines)...)
		found = append(found, m.lookFor(b, lines)...)
	}
	sortFindings(found)
	return found, apply(src, blocks)
}
