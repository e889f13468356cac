package importer

import (
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Byline is the closing credit of a report, as written by its source:
// "(特约通讯员:储德丹 摄影:陈宝 审核:钱锐 姚文均 编辑:李锦)". Each role may
// name several people; reviewers are kept in the order written (初审 before
// 二审 before 三审 in every shape seen).
type Byline struct {
	Writers       []string // 文/撰稿/撰稿人/通讯员/特约通讯员/供稿/图文/记者/作者
	Photographers []string // 图/摄影/图片
	Reviewers     []string // 初审/一审, 二审/复审, 三审/终审/审核/审/审稿
	Editors       []string // 编辑/责任编辑/网络编辑/责编
	Sources       []string // 来源
}

// Empty reports whether the byline names nobody.
func (b Byline) Empty() bool {
	return len(b.Writers)+len(b.Photographers)+len(b.Reviewers)+len(b.Editors)+len(b.Sources) == 0
}

// bylineRole is the field a byline key fills.
type bylineRole int

const (
	roleWriter bylineRole = iota
	rolePhotographer
	roleReviewer
	roleEditor
	roleSource
)

// bylineKeys maps every key of ../shared/DOMAIN.md (and a few more seen on
// campus sites) to its role. Longer keys are tried first, so 图文 is not 图.
var bylineKeys = map[string]bylineRole{
	"特约通讯员": roleWriter, "通讯员": roleWriter, "撰稿人": roleWriter, "撰稿": roleWriter,
	"供稿": roleWriter, "图文": roleWriter, "文字": roleWriter, "文": roleWriter,
	"记者": roleWriter, "作者": roleWriter, "撰文": roleWriter,
	"摄影": rolePhotographer, "图片": rolePhotographer, "图": rolePhotographer, "摄像": rolePhotographer,
	"初审": roleReviewer, "一审": roleReviewer, "二审": roleReviewer, "复审": roleReviewer,
	"三审": roleReviewer, "终审": roleReviewer, "审核": roleReviewer, "审稿": roleReviewer,
	"审": roleReviewer, "审定": roleReviewer, "审签": roleReviewer,
	"编辑": roleEditor, "责任编辑": roleEditor, "网络编辑": roleEditor, "责编": roleEditor,
	"来源": roleSource,
}

var keysLongestFirst = func() []string {
	keys := make([]string, 0, len(bylineKeys))
	for k := range bylineKeys {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool {
		if len(keys[i]) != len(keys[j]) {
			return len(keys[i]) > len(keys[j])
		}
		return keys[i] < keys[j]
	})
	return keys
}()

// keySeparator reports the runes that end a key: ":" "：" "|" "｜" "/" "／".
func keySeparator(r rune) bool {
	switch r {
	case ':', '：', '|', '｜', '/', '／':
		return true
	}
	return false
}

// fieldSeparator reports the runes between names and fields.
func fieldSeparator(r rune) bool {
	switch r {
	case ';', '；', ',', '，', '、':
		return true
	}
	return unicode.IsSpace(r)
}

// ParseByline reads the inside of a credit, "特约通讯员:储德丹 摄影:陈宝 …",
// and reports whether it is one: it must start with a known key followed
// by a separator. A name of dots or dashes ("…", a blank left in a form) is
// no name.
func ParseByline(s string) (Byline, bool) {
	s = strings.TrimFunc(s, fieldSeparator)
	var b Byline
	type field struct {
		role       bylineRole
		start, end int // the value's byte range
	}
	var fields []field
	valueStart := -1
	var role bylineRole
	for i := 0; i < len(s); {
		if key, next, ok := keyAt(s, i); ok {
			if valueStart >= 0 {
				fields = append(fields, field{role, valueStart, i})
			} else if strings.TrimFunc(s[:i], fieldSeparator) != "" {
				return Byline{}, false // text before the first key
			}
			role, valueStart = bylineKeys[key], next
			i = next
			continue
		}
		_, size := utf8.DecodeRuneInString(s[i:])
		i += size
	}
	if valueStart < 0 {
		return Byline{}, false
	}
	fields = append(fields, field{role, valueStart, len(s)})
	for _, f := range fields {
		for _, name := range strings.FieldsFunc(s[f.start:f.end], fieldSeparator) {
			if name = strings.TrimFunc(name, blankRune); name == "" {
				continue
			}
			switch f.role {
			case roleWriter:
				b.Writers = append(b.Writers, name)
			case rolePhotographer:
				b.Photographers = append(b.Photographers, name)
			case roleReviewer:
				b.Reviewers = append(b.Reviewers, name)
			case roleEditor:
				b.Editors = append(b.Editors, name)
			case roleSource:
				b.Sources = append(b.Sources, name)
			}
		}
	}
	return b, true
}

// keyAt matches a key and its separator at s[i]; next is the offset after
// the separator and any spaces.
func keyAt(s string, i int) (key string, next int, ok bool) {
	for _, k := range keysLongestFirst {
		if !strings.HasPrefix(s[i:], k) {
			continue
		}
		j := i + len(k)
		for j < len(s) && (s[j] == ' ' || s[j] == '\t') {
			j++
		}
		r, size := utf8.DecodeRuneInString(s[j:])
		if j < len(s) && keySeparator(r) {
			j += size
			for j < len(s) && (s[j] == ' ' || s[j] == '\t') {
				j++
			}
			return k, j, true
		}
	}
	return "", 0, false
}

// blankRune reports the runes a form leaves where a name is missing.
func blankRune(r rune) bool {
	switch r {
	case '…', '.', '。', '-', '—', '_', '*', '×', '?', '？', '(', ')', '（', '）':
		return true
	}
	return unicode.IsSpace(r) || keySeparator(r)
}

// ExtractByline finds the credit that closes text: a last parenthesized
// (or 【】-bracketed) group, or a last line, that ParseByline accepts. It
// returns the text without it (trailing spaces trimmed), the byline and the
// credit as written; ok is false, and text is returned whole, when there is
// none.
func ExtractByline(text string) (rest string, b Byline, credit string, ok bool) {
	trimmed := strings.TrimRightFunc(text, unicode.IsSpace)
	if open, inner, found := lastGroup(trimmed); found {
		if b, ok := ParseByline(inner); ok {
			return strings.TrimRightFunc(trimmed[:open], unicode.IsSpace), b, trimmed[open:], true
		}
	}
	start := strings.LastIndexByte(trimmed, '\n') + 1
	if b, ok := ParseByline(trimmed[start:]); ok {
		return strings.TrimRightFunc(trimmed[:start], unicode.IsSpace), b, trimmed[start:], true
	}
	return text, Byline{}, "", false
}

// lastGroup finds the bracketed group that ends s: its opening bracket's
// offset and its inside. The group may not span lines.
func lastGroup(s string) (open int, inner string, ok bool) {
	last, size := utf8.DecodeLastRuneInString(s)
	var opener []rune
	switch last {
	case ')', '）':
		opener = []rune{'(', '（'}
	case '】':
		opener = []rune{'【'}
	case ']':
		opener = []rune{'['}
	default:
		return 0, "", false
	}
	end := len(s) - size
	for i := end; i > 0; {
		r, n := utf8.DecodeLastRuneInString(s[:i])
		i -= n
		if r == '\n' {
			return 0, "", false
		}
		for _, o := range opener {
			if r == o {
				return i, s[i+n : end], true
			}
		}
	}
	return 0, "", false
}
