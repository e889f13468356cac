package importer

import (
	"strings"

	"showcase/internal/lang"
	"showcase/internal/proofread"
)

// proofreadBody corrects the punctuation and wording of an imported body
// as "showcase check --fix" does (internal/proofread) and notes in the
// report what it changed. Lines stay where they are.
func proofreadBody(body string, w *proofread.Words, rep *Report) string {
	if w == nil {
		w = &proofread.Words{Variants: proofread.Standard()}
	}
	found, fixed := proofread.Markdown([]byte(body), w)
	marks := 0
	var words []string
	for _, f := range found {
		switch f.Kind {
		case proofread.Punctuation, proofread.Spacing:
			marks++
		case proofread.Variant, proofread.Phrasing:
			words = append(words, f.Text+"→"+f.Fix)
		}
	}
	if marks > 0 {
		rep.convert("%s", lang.Sprintf("中文里的半角标点改为全角、删去全角标点旁的空格 %[1]d 处", "%[1]d punctuation mark(s) and space(s) in Chinese text", marks))
	}
	if len(words) > 0 {
		rep.convert("%s", lang.Sprintf("规范用词 %[1]d 处：%[2]s", "%[1]d standard word form(s): %[2]s", len(words), examples(words, 5)))
	}
	return strings.Clone(string(fixed))
}
