package importer

import (
	"fmt"
	"io"
	"sort"
	"strings"

	"showcase/internal/lang"
)

// Report tells a person what an import did, in three parts: what was
// converted, what was removed, and what needs a person before the page
// can be published.
type Report struct {
	Source    string   // the imported file
	Bundle    string   // the folder written, when the caller writes the bundle
	Converted []string // e.g. "繁体转简体 1,203 处 (Traditional → Simplified)"
	Removed   []string // e.g. "拼音注音 368 处：學(xué) 校(xiào) …"
	Attention []Note   // mojibake, missing title, remote pictures …
}

// Note is one thing a person must look at; Line is a line of the written
// index.md, 0 when the note is about the whole page.
type Note struct {
	Line int
	Msg  string
}

func (r *Report) convert(format string, args ...any) {
	r.Converted = append(r.Converted, fmt.Sprintf(format, args...))
}

func (r *Report) remove(format string, args ...any) {
	r.Removed = append(r.Removed, fmt.Sprintf(format, args...))
}

func (r *Report) attend(line int, format string, args ...any) {
	r.Attention = append(r.Attention, Note{Line: line, Msg: fmt.Sprintf(format, args...)})
}

// NeedsPerson reports whether anything must be checked by a person.
func (r *Report) NeedsPerson() bool { return len(r.Attention) > 0 }

// Write prints the report. Notes are "file:line: message" with the page's
// index.md as file, so an editor can jump to them.
func (r *Report) Write(w io.Writer, indexFile string) {
	fmt.Fprint(w, lang.Say("导入 %s", "import %s", r.Source))
	if r.Bundle != "" {
		fmt.Fprintf(w, " → %s", r.Bundle)
	}
	fmt.Fprintln(w)
	section := func(title string, items []string) {
		if len(items) == 0 {
			return
		}
		fmt.Fprintln(w, title)
		for _, it := range items {
			fmt.Fprintln(w, "  - "+it)
		}
	}
	section(lang.Say("已转换：", "converted:"), r.Converted)
	section(lang.Say("已删除：", "removed:"), r.Removed)
	if len(r.Attention) == 0 {
		fmt.Fprintln(w, lang.Say("需人工处理：无", "needs a person: nothing"))
		return
	}
	fmt.Fprintln(w, lang.Say("需人工处理：%d 处", "needs a person: %d", len(r.Attention)))
	notes := append([]Note(nil), r.Attention...)
	sort.SliceStable(notes, func(i, j int) bool { return notes[i].Line < notes[j].Line })
	for _, n := range notes {
		switch {
		case indexFile == "":
			fmt.Fprintln(w, "  - "+n.Msg)
		case n.Line > 0:
			fmt.Fprintf(w, "%s:%d: %s\n", indexFile, n.Line, n.Msg)
		default:
			fmt.Fprintf(w, "%s: %s\n", indexFile, n.Msg)
		}
	}
}

// examples lists up to n items, then "…".
func examples(items []string, n int) string {
	if len(items) <= n {
		return strings.Join(items, " ")
	}
	return strings.Join(items[:n], " ") + " …"
}
