package content

import (
	"fmt"
	"strings"
)

// TranslationKey is what a page has in common with its translations in
// the other languages of a multilingual site, as in Hugo: its front
// matter's translationKey, else its file below its language's content
// folder ("content/news/a.md" for content/en/news/a.md and for
// content/news/a.en.md, as the build shows each language its files).
// Pages of two languages with one key are translations of each other.
func (p *Page) TranslationKey() string {
	for k, v := range p.Params {
		if strings.EqualFold(k, "translationKey") {
			if s := strings.TrimSpace(fmt.Sprint(v)); s != "" && v != nil {
				return "key:" + s
			}
		}
	}
	return p.File
}
