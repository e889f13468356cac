package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"time"

	"showcase"
	"showcase/internal/build"
	"showcase/internal/check"
	"showcase/internal/diag"
	"showcase/internal/lang"
	"showcase/internal/localize"
	"showcase/internal/sitefs"
)

const checkUsage = `用法：
  showcase check [选项]    发布前检查

先按生成网站的方式完整走一遍但不写出任何文件（每个页面和模板都生成一次，每张照片都解码一次），
再检查：链接和锚点、图片和图片说明、必填字段、审核状态、支部和对标条目、重复标题、
过大的原图、日期、个人信息、乱码、中文标点和用词。草稿和待审稿件也检查，
其问题标为“草稿”“待审稿件”。
按检查项分组，每行“文件:行号: 说明”；要发布的稿件中有错误时退出码为 1，
只有警告（或问题只在草稿中）时为 0。

选项：
  -s, --source 文件夹    网站文件夹（默认为当前文件夹 "."）
      --format 格式      text（默认）或 json
      --max-size MB      原图超过多少 MB 时提示（默认 5）
      --fix              先自动改正稿件正文中的半角标点和用词，列出改动，再检查
                         （不改动开头的前置元数据）
      --localize         先把稿件中其他网站上的图片下载到稿件文件夹并改写稿件，再检查
`

const checkUsageEn = `Usage:
  showcase check [flags]    the review gate: check the site before publishing

Runs the build without writing anything (every page and layout rendered,
every photo decoded), then checks links and anchors, pictures and alt text,
required fields, the review state, branches and criteria, duplicate titles,
oversized originals, dates, personal identifiers, mojibake, Chinese
punctuation and wording. Drafts and pages awaiting review are checked too,
their findings marked 草稿 / 待审稿件.
Prints "file:line: message" grouped by rule; exits 1 when there are errors
in what would be published, 0 when there are only warnings (or findings in
drafts).

Flags:
  -s, --source DIR       the site folder (default ".")
      --format FORMAT    text (default) or json
      --max-size MB      report originals larger than this (default 5)
      --fix              correct punctuation and wording in place first (the
                         front matter is not touched)
      --localize         download pictures from other sites into the pages'
                         folders and rewrite the pages first
`

// runCheck runs the review gate over a site: "showcase check".
func runCheck(args []string, stdout, stderr io.Writer) int {
	fs := commandFlags("check", checkUsage, stderr)
	source := fs.StringP("source", "s", ".", "")
	format := fs.String("format", "text", "")
	maxSize := fs.Float64("max-size", 5, "")
	fix := fs.Bool("fix", false, "")
	localizeFlag := fs.Bool("localize", false, "")
	if code, ok := parseFlags(fs, args); !ok {
		return code
	}
	if fs.NArg() > 0 || (*format != "text" && *format != "json") || *maxSize <= 0 {
		fmt.Fprint(stderr, localUsage(checkUsage))
		return 2
	}
	if *localizeFlag {
		localizeSite(*source, stderr)
	}
	if *fix {
		report := stdout
		if *format == "json" {
			report = stderr
		}
		if err := fixSite(*source, report); err != nil {
			fmt.Fprintf(stderr, "showcase check --fix: %v\n", err)
			return 1
		}
	}
	findings := checkSite(*source, time.Now(), int64(*maxSize*(1<<20)))
	if *format == "json" {
		if err := check.WriteJSON(stdout, findings); err != nil {
			fmt.Fprintf(stderr, "showcase check: %v\n", err)
			return 1
		}
	} else {
		check.WriteText(stdout, findings)
	}
	if check.Errors(findings) > 0 {
		return 1
	}
	return 0
}

// checkSite runs a dry run of the build over the site (build.Check: every
// page rendered into nothing, every photo decoded, drafts and pages held
// for review too) and the rules over every page: what a build would
// report, and more.
func checkSite(source string, now time.Time, maxSize int64) []check.Finding {
	// strict: what a build publishes as Hugo does with a warning (a link
	// or picture that leads nowhere, two pages at one URL) is an error here
	res, err := build.Check(build.Options{Source: source, Theme: showcase.Theme(), Now: now, Strict: true})
	if err != nil {
		var failure *diag.Failure
		if errors.As(err, &failure) {
			return check.All(nil, nil, failure.Problems, nil, check.Options{})
		}
		return check.All(nil, nil, []*diag.Problem{checkProblem(err, "site.toml")}, nil, check.Options{})
	}
	return check.AllSites(res.Sites(), res.Docs, res.Errors, res.Warnings,
		check.Options{Now: now, Site: sitefs.New(source), MaxFileSize: maxSize})
}

// checkProblem keeps a *diag.Problem's place, or files any other error under file.
func checkProblem(err error, file string) *diag.Problem {
	var p *diag.Problem
	if errors.As(err, &p) {
		return p
	}
	return &diag.Problem{File: file, Msg: err.Error()}
}

// siteCheckGate is the review gate for deploy and "build --strict": it runs
// the checks of "showcase check" on the site folder, prints the findings to
// w when there are any, and returns an error when any is an error. strict
// (build --strict) makes a misspelt front-matter key an error too.
func siteCheckGate(source string, w io.Writer, strict bool) error {
	findings := checkSite(source, time.Now(), check.DefaultMaxFileSize)
	for i := range findings {
		if strict && findings[i].Rule == "keys" {
			findings[i].Severity = check.Error
		}
	}
	if len(findings) > 0 {
		check.WriteText(w, findings)
	}
	if n := check.Errors(findings); n > 0 {
		return lang.Errorf("发布前检查发现 %d 处错误：请按上面的提示改正后再发布", "showcase check found %d error(s): fix them before publishing", n)
	}
	return nil
}

// localizeSite downloads the pictures the site's pages show from other
// sites into the pages' folders and rewrites the pages (check --localize),
// saying on w what it saved and what it could not.
func localizeSite(source string, w io.Writer) {
	jobs, err := build.RemotePictures(build.Options{Source: source, Theme: showcase.Theme()})
	if err != nil {
		fmt.Fprintf(w, "showcase check --localize: %v\n", err)
		return
	}
	for _, r := range localize.Run(context.Background(), source, jobs, localize.Options{}) {
		if r.Err != nil {
			fmt.Fprintf(w, "%s: %s\n", r.File, lang.Sprintf("外链图片 %[1]s 未能下载，稿件未改动：%[2]v", "picture %[1]s not downloaded: %[2]v", r.URL, r.Err))
			continue
		}
		fmt.Fprintf(w, "%s: %s\n", r.File, lang.Sprintf("外链图片 %[1]s 已下载为 %[2]s，稿件已改为使用它", "picture %[1]s saved as %[2]s; the page shows the copy", r.URL, r.Saved))
	}
}
