package main

import (
	"fmt"
	"io"
	"path/filepath"

	"showcase/internal/archetype"
	"showcase/internal/importer"
	"showcase/internal/lang"
)

const importUsage = `用法：
  showcase import 文件... [选项]    导入来稿（Word .docx、.html 或 .txt）

每个文件成为 content/栏目/文件夹名/index.md，图片放在它旁边：繁体字转为简体，
拼音注音和署名从正文中取出（署名写入前置元数据），并报告转换了什么、删去了什么、
哪些需要人工处理。有乱码或其他疑问的稿件标为 review = "draft"。已有的文件从不覆盖。
标题取自设为标题样式或单独成段的那一段（或第一行像标题的文字）；正文中没有年份的日期，
年份取自正文或文件日期，并标上“请核对”，直到有人核对。
导入过的同一篇稿件（前置元数据中指纹相同）不会再导入一次。

选项：
  -s, --source 文件夹   网站文件夹（默认为当前文件夹 "."）
      --section 栏目    news、case、album 或 branch，或 content 中的文件夹（默认 news）
      --title 标题      文件中没有标题时用这个标题（只能导入一个文件时使用）
      --date 日期       日期，如 2025-10-26 或 "2025-10-26 11:30"
      --slug 名称       稿件文件夹名（只能导入一个文件时使用；默认为标题的拼音）
      --again           即使导入过也再导入一次
`

const importUsageEn = `Usage:
  showcase import FILE... [flags]    import Word .docx, .html or .txt as page bundles

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
		fmt.Fprint(stderr, localUsage(importUsage))
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
	for _, file := range pathArgs(fs.Args(), windowsArgs) {
		b, err := importer.ReadFile(file, opts)
		if err != nil {
			fmt.Fprintf(stderr, "showcase import: %s: %v\n", file, err)
			failed++
			continue
		}
		if prev, _ := importer.Imported(filepath.Join(*source, "content"), b.SourceHash); prev != "" && !*again {
			fmt.Fprintf(stdout, "%s: %s\n", file, lang.Sprintf("已经导入过：与 %[2]s 内容相同，没有再导入一份；确需再导入请加 --again",
				"imported before: same text as %[2]s, not imported again (--again imports it anyway)", file, prev))
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
