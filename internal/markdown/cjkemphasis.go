package markdown

import (
	"github.com/yuin/goldmark/ast"
	extast "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// This file replaces goldmark's `*`/`_` emphasis parser and the GFM `~`
// strikethrough parser with variants whose flanking rules follow the
// "CommonMark CJK-friendly amendments" (commonmark-spec issue 650).
//
// CommonMark decides whether a delimiter run can open or close emphasis
// from the characters on either side. A closing `**` after punctuation
// must be followed by whitespace or punctuation, so `**真，**她` stays
// literal: "，" is punctuation and "她" is neither. The amendments change
// two things, and nothing for text without CJK characters:
//
//   - CJK punctuation (full-width ，。！？ etc.) counts as an ordinary
//     character, not as punctuation;
//   - a run next to non-CJK punctuation (such as the quotes “”) on one side
//     still flanks if the other side is a CJK character, so
//     `这是**“强调”**内容` works.
//
// The extra conditions on `_` (no intraword emphasis) are unchanged, so
// snake_case_words stay literal.

// cjkEmphasisPriority is the priority of goldmark's own emphasis parser in
// parser.DefaultInlineParsers, which ours replaces.
const cjkEmphasisPriority = 500

// flanking reports whether a delimiter run between before and after is
// left-flanking and right-flanking under the CJK-friendly amendments.
func flanking(before, after rune) (left, right bool) {
	beforeCJK := isCJK(before) || isIdeographicVariationSelector(before)
	afterCJK := isCJK(after)
	left = !isSpace(after) &&
		(!isNonCJKPunct(after) || isSpace(before) || isNonCJKPunct(before) || beforeCJK)
	right = !isSpace(before) &&
		(!isNonCJKPunct(before) || isSpace(after) || isNonCJKPunct(after) || afterCJK)
	return left, right
}

// scanDelimiter is parser.ScanDelimiter with CJK-friendly flanking. line
// starts with the delimiter run; before is the character preceding it.
func scanDelimiter(line []byte, before rune, processor parser.DelimiterProcessor) *parser.Delimiter {
	if len(line) == 0 || !processor.IsDelimiter(line[0]) {
		return nil
	}
	c := line[0]
	j := 1
	for j < len(line) && line[j] == c {
		j++
	}
	after := ' ' // the end of the line counts as whitespace
	if j < len(line) {
		after = util.ToRune(line, j)
	}
	left, right := flanking(before, after)
	canOpen, canClose := left, right
	if c == '_' {
		canOpen = left && (!right || isPunct(before))
		canClose = right && (!left || isPunct(after))
	}
	return parser.NewDelimiter(canOpen, canClose, j, c, processor)
}

// emphasisProcessor turns matched `*` and `_` runs into ast.Emphasis.
type emphasisProcessor struct{}

func (emphasisProcessor) IsDelimiter(b byte) bool { return b == '*' || b == '_' }

func (emphasisProcessor) CanOpenCloser(opener, closer *parser.Delimiter) bool {
	return opener.Char == closer.Char
}

func (emphasisProcessor) OnMatch(consumes int) ast.Node { return ast.NewEmphasis(consumes) }

// cjkEmphasisParser is the inline parser for `*` and `_`.
type cjkEmphasisParser struct{}

func (cjkEmphasisParser) Trigger() []byte { return []byte{'*', '_'} }

func (cjkEmphasisParser) Parse(parent ast.Node, block text.Reader, pc parser.Context) ast.Node {
	before := block.PrecendingCharacter()
	line, segment := block.PeekLine()
	d := scanDelimiter(line, before, emphasisProcessor{})
	if d == nil {
		return nil
	}
	d.Segment = segment.WithStop(segment.Start + d.OriginalLength)
	block.Advance(d.OriginalLength)
	pc.PushDelimiter(d)
	return d
}

// strikethroughProcessor turns matched `~` runs into GFM strikethrough.
type strikethroughProcessor struct{}

func (strikethroughProcessor) IsDelimiter(b byte) bool { return b == '~' }

func (strikethroughProcessor) CanOpenCloser(opener, closer *parser.Delimiter) bool {
	return opener.Char == closer.Char
}

func (strikethroughProcessor) OnMatch(int) ast.Node { return extast.NewStrikethrough() }

// cjkStrikethroughParser is the inline parser for `~` and `~~`; it takes
// the place of extension.Strikethrough's parser.
type cjkStrikethroughParser struct{}

func (cjkStrikethroughParser) Trigger() []byte { return []byte{'~'} }

func (cjkStrikethroughParser) Parse(parent ast.Node, block text.Reader, pc parser.Context) ast.Node {
	before := block.PrecendingCharacter()
	line, segment := block.PeekLine()
	d := scanDelimiter(line, before, strikethroughProcessor{})
	if d == nil || d.OriginalLength > 2 || before == '~' {
		return nil
	}
	d.Segment = segment.WithStop(segment.Start + d.OriginalLength)
	block.Advance(d.OriginalLength)
	pc.PushDelimiter(d)
	return d
}

// CloseBlock implements parser.CloseBlocker, as goldmark's parser does.
func (cjkStrikethroughParser) CloseBlock(ast.Node, parser.Context) {}

// inlineParsers returns goldmark's default inline parsers with the emphasis
// parser swapped for the CJK-friendly one, plus CJK-friendly strikethrough.
func inlineParsers() []util.PrioritizedValue {
	defaults := parser.DefaultInlineParsers()
	out := make([]util.PrioritizedValue, 0, len(defaults)+1)
	stock := parser.NewEmphasisParser()
	for _, v := range defaults {
		if v.Value == stock {
			continue
		}
		out = append(out, v)
	}
	return append(out,
		util.Prioritized(cjkEmphasisParser{}, cjkEmphasisPriority),
		util.Prioritized(cjkStrikethroughParser{}, cjkEmphasisPriority),
	)
}
