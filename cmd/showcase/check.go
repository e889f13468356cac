package main

import (
	"errors"
	"fmt"
	"io"
	"time"

	"showcase"
	"showcase/internal/build"
	"showcase/internal/check"
	"showcase/internal/diag"
	"showcase/internal/lang"
	"showcase/internal/sitefs"
)

const checkUsage = `Usage:
  showcase check [flags]    发布前检查 (the review gate: check the site before publishing)

Checks links and anchors, pictures and alt text, required fields, the review
state, branches and criteria, duplicate titles, oversized originals, dates,
personal identifiers and mojibake. Prints "file:line: message" grouped by
rule; exits 1 when there are errors, 0 when there are only warnings.

Flags:
  -s, --source DIR       the site folder (default ".")
      --format FORMAT    text (default) or json
      --max-size MB      report originals larger than this (default 5)
`

// runCheck runs the review gate over a site: "showcase check".
func runCheck(args []string, stdout, stderr io.Writer) int {
	fs := commandFlags("check", checkUsage, stderr)
	source := fs.StringP("source", "s", ".", "")
	format := fs.String("format", "text", "")
	maxSize := fs.Float64("max-size", 5, "")
	if code, ok := parseFlags(fs, args); !ok {
		return code
	}
	if fs.NArg() > 0 || (*format != "text" && *format != "json") || *maxSize <= 0 {
		fmt.Fprint(stderr, checkUsage)
		return 2
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

// checkSite loads the site as a build would (its errors become findings:
// unknown branches and criteria, broken links, bad front matter), then
// loads every page, drafts and future ones too, and runs the rules.
func checkSite(source string, now time.Time, maxSize int64) []check.Finding {
	site := sitefs.New(source)
	var ignored diag.List
	cfg, err := build.LoadConfig(site, &ignored)
	if err != nil {
		return check.FromProblems([]*diag.Problem{checkProblem(err, "site.toml")}, nil)
	}
	_, list, err := build.Load(build.Options{Source: source, Theme: showcase.Theme(), Now: now})
	var problems []*diag.Problem
	var failure *diag.Failure
	switch {
	case errors.As(err, &failure):
		problems = failure.Problems
	case err != nil:
		problems = []*diag.Problem{checkProblem(err, "")}
	}
	var warnings []*diag.Problem
	if list != nil {
		warnings = list.Warnings()
	}
	findings := check.FromProblems(problems, warnings)
	all, docs := build.LoadAll(site, cfg, now)
	findings = append(findings, check.Run(all, docs, check.Options{Now: now, Site: site, MaxFileSize: maxSize})...)
	return check.Sort(findings)
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
