package check

import (
	"fmt"
	"runtime"
	"sort"
	"strings"
	"sync"

	"showcase/internal/config"
	"showcase/internal/content"
	"showcase/internal/proofread"
)

// Words returns the word list that check, check --fix and import use: the
// site's [check.words] fixed phrasings first, then, unless defaults =
// false, the built-in standard forms (proofread.Standard).
func Words(cfg *config.Config) *proofread.Words {
	sw := cfg.Check.Words
	w := &proofread.Words{Forbidden: sw.Forbidden, Sensitive: sw.Sensitive}
	for _, pair := range sw.StandardList() {
		w.Variants = append(w.Variants, proofread.WordVariant{Right: pair[0], Wrong: pair[1], Phrasing: true})
	}
	if sw.Defaults {
		w.Variants = append(w.Variants, proofread.Standard()...)
	}
	return w
}

// proofreading reports half-width punctuation in Chinese text (one
// finding a line) and the words of the word list, in the body and in the
// front matter's texts. Bodies are proofread in parallel.
func (c *checker) proofreading() {
	words := Words(c.site.Config)
	bodies := make([][]proofread.Finding, len(c.pages))
	var wg sync.WaitGroup
	next := make(chan int)
	for range runtime.GOMAXPROCS(0) {
		wg.Go(func() {
			for i := range next {
				bodies[i], _ = proofread.Markdown(c.pages[i].Body, words)
			}
		})
	}
	for i := range c.pages {
		next <- i
	}
	close(next)
	wg.Wait()
	for i, p := range c.pages {
		c.addProofread(p, bodies[i], func(f proofread.Finding) int { return p.BodyLine + f.Line - 1 }, "")
		keys := make([]string, 0, len(p.Params))
		for k := range p.Params {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		for _, k := range keys {
			line := keyLine(p, k)
			for _, s := range texts(p.Params[k]) {
				c.addProofread(p, proofread.Text(s, words), func(proofread.Finding) int { return line }, k)
			}
		}
	}
}

// addProofread turns the proofreader's findings into check findings:
// punctuation grouped by line, each word on its own. key names the
// front-matter key the text came from, "" for the body.
func (c *checker) addProofread(p *content.Page, found []proofread.Finding, lineOf func(proofread.Finding) int, key string) {
	byLine := map[int][]proofread.Finding{}
	var lines []int
	for _, f := range found {
		line := lineOf(f)
		switch f.Kind {
		case proofread.Punctuation, proofread.Spacing:
			if byLine[line] == nil {
				lines = append(lines, line)
			}
			byLine[line] = append(byLine[line], f)
		default:
			sev, msg := wordMessage(f, key)
			c.add("words", sev, p.File, line, msg)
		}
	}
	for _, line := range lines {
		fs := byLine[line]
		how := "运行 showcase check --fix 可自动改正"
		en := `"showcase check --fix" corrects them`
		if key != "" {
			how = fmt.Sprintf("前置元数据 %s 不会自动改正，请手动修改", key)
			en = "fix the front matter by hand"
		}
		c.add("typography", Warning, p.File, line, fmt.Sprintf("中文里有 %d 处半角标点或多余空格：%s（…%s…）；%s（%d half-width mark(s) or stray space(s) in Chinese text: %s）",
			len(fs), Describe(fs), fs[0].Context, how, len(fs), en))
	}
}

// wordMessage says what is wrong with a word: a forbidden word or a
// fixed phrasing written wrong is an error, the rest warnings.
func wordMessage(f proofread.Finding, key string) (Severity, string) {
	how := "运行 showcase check --fix 可自动改正"
	if key != "" {
		how = fmt.Sprintf("前置元数据 %s 请手动修改", key)
	}
	switch f.Kind {
	case proofread.Forbidden:
		return Error, fmt.Sprintf("出现禁用词“%s”，请删改：…%s…（a word forbidden by site.toml [check.words]）", f.Text, f.Context)
	case proofread.Sensitive:
		return Warning, fmt.Sprintf("出现敏感词“%s”，请人工核对：…%s…（a sensitive word listed in site.toml [check.words]: have a person check it）", f.Text, f.Context)
	case proofread.Phrasing:
		return Error, fmt.Sprintf("固定表述“%s”写成了“%s”：…%s…；%s（%q should read %q, site.toml [check.words.standard]）", f.Fix, f.Text, f.Context, how, f.Text, f.Fix)
	}
	return Warning, fmt.Sprintf("“%s”应写作“%s”（规范词形）：…%s…；%s（non-standard form %q: write %q）", f.Text, f.Fix, f.Context, how, f.Text, f.Fix)
}

// Describe lists corrections briefly, the same ones counted once, in
// order: “,”→“，” ×2、删去“，”旁的空格、“著力”→“着力”.
func Describe(fs []proofread.Finding) string {
	var order []string
	count := map[string]int{}
	for _, f := range fs {
		var d string
		switch {
		case f.Kind == proofread.Spacing:
			d = fmt.Sprintf("删去“%s”旁的空格", f.Fix)
		default:
			d = fmt.Sprintf("“%s”→“%s”", strings.TrimSpace(f.Text), f.Fix)
		}
		if count[d] == 0 {
			order = append(order, d)
		}
		count[d]++
	}
	var parts []string
	for i, d := range order {
		if i == 5 {
			parts = append(parts, "等")
			break
		}
		if n := count[d]; n > 1 {
			d += fmt.Sprintf(" ×%d", n)
		}
		parts = append(parts, d)
	}
	return strings.Join(parts, "、")
}
