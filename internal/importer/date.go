package importer

import (
	"fmt"
	"time"

	"showcase/internal/dates"
	"showcase/internal/lang"
)

// note is a message in Chinese and in English.
type note struct{ zh, en string }

// String is the note as the front matter writes it: Chinese, then the
// English in parentheses, whatever language the messages are in (the
// dates.Unconfirmed mark must stay in the file).
func (n note) String() string {
	if n.zh == "" {
		return ""
	}
	return n.zh + " (" + n.en + ")"
}

// say is the note for the report, in the language of the messages
// (internal/lang).
func (n note) say() string { return lang.Sprintf("%[1]s", "%[2]s", n.zh, n.en) }

// pageDate decides the page's date: the caller's, the one the source
// states, or one guessed from the text (dates.Guess) with the file's own
// date, else today, as the reference for a year the text leaves out. A
// guessed date comes with a note holding dates.Unconfirmed; a stated one
// with none.
func pageDate(doc *document, body string, opts Options) (time.Time, note) {
	if !opts.Date.IsZero() {
		return opts.Date.In(cst), note{}
	}
	if doc.date != "" {
		if t, ok := dates.Parse(doc.date); ok {
			return t, note{}
		}
	}
	ref, refZh, refEn := opts.Now, "导入当天", "today"
	switch {
	case !doc.created.IsZero():
		ref, refZh, refEn = doc.created, "Word 文档的创建日期 "+day(doc.created), "the Word file's creation date "+day(doc.created)
	case !opts.FileDate.IsZero():
		ref, refZh, refEn = opts.FileDate, "文件日期 "+day(opts.FileDate), "the file's date "+day(opts.FileDate)
	}
	mark := "，" + dates.Unconfirmed
	g, ok := dates.Guess(body, ref)
	switch {
	case !ok:
		return ref.In(cst), note{"原稿中没有日期，暂用" + refZh + mark, "no date in the source: " + refEn + " for now, check it"}
	case g.YearWords != "":
		return g.Date, note{fmt.Sprintf("日期由正文“%s”推断，年份取自正文“%s”%s", g.Words, g.YearWords, mark),
			fmt.Sprintf("date read from the text, its year from %q in it: check it", g.YearWords)}
	case g.FromReference:
		return g.Date, note{fmt.Sprintf("日期由正文“%s”推断，年份取自%s%s", g.Words, refZh, mark),
			"date read from the text, its year from " + refEn + ": check it"}
	}
	return g.Date, note{fmt.Sprintf("日期由正文“%s”推断%s", g.Words, mark), "date read from the text: check it"}
}

func day(t time.Time) string { return t.In(cst).Format("2006-01-02") }
