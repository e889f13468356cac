package content

import (
	"fmt"
	"math/rand"
	"strings"
	"testing"
	"time"

	"showcase/internal/config"
	"showcase/internal/diag"
)

// randomPage writes a news item with random tags, branches, date and title
// from small pools, so that scores and dates often tie.
func randomPage(rng *rand.Rand) string {
	pick := func(pool []string) string {
		var out []string
		for range rng.Intn(4) {
			out = append(out, fmt.Sprintf("%q", pool[rng.Intn(len(pool))]))
		}
		return "[" + strings.Join(out, ", ") + "]"
	}
	tags := []string{"党建", "双创", "调研", "理论学习", "主题党日", "志愿服务", "红色教育", "支部建设"}
	branches := []string{"b0", "b1", "b2", "b3", "b4"}
	return fmt.Sprintf("+++\ntitle = \"新闻%d\"\ndate = 2025-01-%02d\ntags = %s\nbranches = %s\n+++\n正文。\n",
		rng.Intn(20), rng.Intn(28)+1, pick(tags), pick(branches))
}

// mustParse parses a page's text or fails the test.
func mustParse(t *testing.T, cfg *config.Config, file, text string) *Page {
	t.Helper()
	p, problems := ParsePage(file, []byte(text), cfg)
	if len(problems) > 0 {
		t.Fatalf("%s: %v", file, problems[0])
	}
	return p
}

// TestReassembleRelatesAsAssemble edits random pages of a random site
// round after round: the related items Reassemble finds are those of a
// fresh Assemble of the same pages.
func TestReassembleRelatesAsAssemble(t *testing.T) {
	rng := rand.New(rand.NewSource(1))
	cfg := config.Default()
	parse := func(file, text string) *Page { return mustParse(t, cfg, file, text) }
	var pages []*Page
	for i := range 5 {
		pages = append(pages, parse(fmt.Sprintf("content/branches/b%d.md", i), fmt.Sprintf("+++\ntitle = \"支部%d\"\nkind = \"样板支部\"\n+++\n简介。\n", i)))
	}
	for i := range 300 {
		pages = append(pages, parse(fmt.Sprintf("content/news/n%03d.md", i), randomPage(rng)))
	}
	var errs diag.List
	Place(pages, &errs, false)
	now := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	Assemble(cfg, pages, now, &errs)
	related := func() map[string]string {
		m := map[string]string{}
		for _, p := range pages {
			var files []string
			for _, r := range p.Related {
				files = append(files, r.File)
			}
			m[p.File] = strings.Join(files, " ")
		}
		return m
	}
	kept := 0
	for round := range 60 {
		edited := map[*Page]bool{}
		for range 1 + rng.Intn(3) {
			p := pages[5+rng.Intn(300)]
			takeFields(p, parse(p.File, randomPage(rng)))
			edited[p] = true
		}
		before := related()
		Reassemble(cfg, pages, now, &errs, edited)
		again := related()
		Assemble(cfg, pages, now, &errs)
		fresh := related()
		for file, want := range fresh {
			if again[file] != want {
				t.Fatalf("round %d: %s: Reassemble relates %q, Assemble %q", round, file, again[file], want)
			}
			if before[file] == want {
				kept++
			}
		}
	}
	if err := errs.Err(); err != nil {
		t.Fatal(err)
	}
	if kept == 0 {
		t.Error("no page kept its related items: the edits test nothing of relateAgain")
	}
}

// TestReassembleProfilesSwapTitles: two profiles trade titles in one
// edit, so a page naming one by title now names the other, while pages
// naming one by its folder still name it: pages that were not edited share
// other branches now, and their related items change as Assemble's do.
func TestReassembleProfilesSwapTitles(t *testing.T) {
	cfg := config.Default()
	parse := func(file, text string) *Page { return mustParse(t, cfg, file, text) }
	profile := func(i int, title string) string {
		return fmt.Sprintf("+++\ntitle = %q\nkind = \"样板支部\"\n+++\n简介%d。\n", title, i)
	}
	pages := []*Page{
		parse("content/branches/b0.md", profile(0, "甲支部")),
		parse("content/branches/b1.md", profile(1, "乙支部")),
	}
	for i := range 12 {
		branches := []string{`["甲支部"]`, `["b1"]`, `["乙支部", "b1"]`}[i%3]
		tags := []string{`["党建"]`, `[]`}[i%2]
		pages = append(pages, parse(fmt.Sprintf("content/news/n%02d.md", i),
			fmt.Sprintf("+++\ntitle = \"新闻%d\"\ndate = 2025-01-%02d\nbranches = %s\ntags = %s\n+++\n正文。\n", i, i+1, branches, tags)))
	}
	var errs diag.List
	Place(pages, &errs, false)
	now := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	Assemble(cfg, pages, now, &errs)
	takeFields(pages[0], parse(pages[0].File, profile(0, "乙支部")))
	takeFields(pages[1], parse(pages[1].File, profile(1, "甲支部")))
	related := func() string {
		var b strings.Builder
		for _, p := range pages {
			for _, r := range p.Related {
				b.WriteString(r.File + " ")
			}
			b.WriteString("\n")
		}
		return b.String()
	}
	Reassemble(cfg, pages, now, &errs, map[*Page]bool{pages[0]: true, pages[1]: true})
	again := related()
	Assemble(cfg, pages, now, &errs)
	if fresh := related(); again != fresh {
		t.Errorf("Reassemble relates\n%s\nAssemble\n%s", again, fresh)
	}
	if err := errs.Err(); err != nil {
		t.Fatal(err)
	}
}

// takeFields gives p the fields of q, a newer parse of its file, in place,
// as an incremental build does: p keeps its URL path.
func takeFields(p, q *Page) {
	path := p.Path
	*p = *q
	p.Path = path
}
