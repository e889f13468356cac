package main

import (
	"fmt"
	"io"
	"path/filepath"

	"showcase/internal/archetype"
	"showcase/internal/importer"
	"showcase/internal/lang"
)

const importUsage = `Usage:
  showcase import FILE... [flags]    导入稿件 (import Word .docx, .html or .txt as page bundles)

Each file becomes content/SECTION/SLUG/index.md with its pictures beside it:
Traditional characters converted to Simplified, pinyin annotations and the
byline taken out of the text (the byline goes into the front matter), and a
report of what was converted, removed, and what needs a person. A page with
mojibake or other doubts gets review = "draft". Nothing is overwritten.
The title is the paragraph styled or set apart as one (or the first line
that reads like one); a date the text gives without its year takes the
year from the text or the file's date and is marked 请核对 until checked.
A text imported before (the same fingerprint in the front matter) is not
imported again.

Flags:
  -s, --source DIR      the site folder (default ".")
      --section NAME    news, case, album or branch, or a content folder (default news)
      --title TITLE     the headline, when the file has none (one file only)
      --date DATE       the date, e.g. 2025-10-26 or "2025-10-26 11:30"
      --slug SLUG       the folder name (one file only; default: pinyin of the title)
      --again           import a text even when it was imported before
`

// runImport imports correspondents' files: "showcase import FILE".
func runImport(args []string, stdout, stderr io.Writer) int {
	fs := commandFlags("import", importUsage, stderr)
	source := fs.StringP("source", "s", ".", "")
	section := fs.String("section", "news", "")
	title := fs.String("title", "", "")
	dateFlag := fs.String("date", "", "")
	slugFlag := fs.String("slug", "", "")
	again := fs.Bool("again", false, "")
	if code, ok := parseFlags(fs, args); !ok {
		return code
	}
	if fs.NArg() == 0 {
		fmt.Fprint(stderr, importUsage)
		return 2
	}
	if fs.NArg() > 1 && (*title != "" || *slugFlag != "") {
		fmt.Fprintln(stderr, "showcase import:", lang.Sprintf("--title 和 --slug 只能用于一篇稿件：请一次导入一个文件",
			"--title and --slug name one page: import one file at a time"))
		return 2
	}
	if err := requireSite(*source); err != nil {
		fmt.Fprintf(stderr, "showcase import: %v\n", err)
		return 1
	}
	opts := importer.Options{Title: *title, Slug: *slugFlag, Words: siteWords(*source)}
	if *dateFlag != "" {
		d, ok := parseDateFlag("import", *dateFlag, stderr)
		if !ok {
			return 2
		}
		opts.Date = d
	}
	folder, _ := archetype.Section(*section)
	parent := filepath.Join(*source, "content", folder)
	failed, attention := 0, 0
	for _, file := range fs.Args() {
		b, err := importer.ReadFile(file, opts)
		if err != nil {
			fmt.Fprintf(stderr, "showcase import: %s: %v\n", file, err)
			failed++
			continue
		}
		if prev, _ := importer.Imported(filepath.Join(*source, "content"), b.SourceHash); prev != "" && !*again {
			fmt.Fprintln(stdout, lang.Sprintf("%s 已经导入过：与 %s 内容相同，没有再导入一份；确需再导入请加 --again",
				"%s was imported before: same text as %s, not imported again (--again imports it anyway)", file, prev))
			continue
		}
		dir, err := b.Write(parent)
		if err != nil {
			fmt.Fprintf(stderr, "showcase import: %s: %v\n", file, err)
			failed++
			continue
		}
		b.Report.Write(stdout, filepath.Join(dir, "index.md"))
		fmt.Fprintln(stdout)
		if b.Report.NeedsPerson() {
			attention++
		}
	}
	if attention > 0 {
		fmt.Fprintln(stdout, lang.Say("共 %d 篇稿件需要人工处理：改正上面列出的问题后，把 review 改为 \"reviewed\"，再运行 showcase check",
			"%d page(s) need a person: fix what is listed above, set review to \"reviewed\" and run showcase check", attention))
	}
	if failed > 0 {
		return 1
	}
	return 0
}
