package check

import (
	"encoding/json"
	"fmt"
	"io"
	"strings"

	"showcase/internal/diag"
	"showcase/internal/lang"
)

// FromProblems turns a build's diagnostics into findings: the errors of
// build.Check's dry run (bad front matter, unknown branches and criteria,
// broken links, damaged photos, failing layouts) and its warnings, each
// under the rule it belongs to.
func FromProblems(errs, warnings []*diag.Problem) []Finding {
	var out []Finding
	for _, list := range []struct {
		problems []*diag.Problem
		sev      Severity
	}{{errs, Error}, {warnings, Warning}} {
		for _, p := range list.problems {
			out = append(out, Finding{Rule: ruleOf(p.Msg), Severity: list.sev, File: p.File, Line: p.Line, Message: p.Msg})
		}
	}
	return out
}

// ruleOf files a build message under a rule by what it speaks of. A
// message is worded by package lang, Chinese first with its English detail
// in parentheses, or English alone: the English is looked for at the start
// and after a parenthesis, the Chinese anywhere.
func ruleOf(msg string) string {
	english := func(starts ...string) bool {
		for _, s := range starts {
			if strings.HasPrefix(msg, s) || strings.Contains(msg, "("+s) {
				return true
			}
		}
		return false
	}
	switch {
	case strings.Contains(msg, "符号链接"): // a symbolic link, not a hyperlink
		return "build"
	case strings.Contains(msg, "unknown front-matter key"):
		return "keys"
	case english("branches:", "criteria:"):
		return "taxonomy"
	case english("review "):
		return "review"
	case strings.Contains(msg, "javascript:, vbscript:"): // an address that runs script
		return "links"
	case english("image "), strings.Contains(msg, "图片"):
		return "images"
	case english("link "), strings.Contains(msg, "链接"):
		return "links"
	}
	return "build"
}

// WriteText prints findings grouped by rule, errors before warnings in
// each group, one "file:line: message" a line, and a closing count.
func WriteText(w io.Writer, findings []Finding) {
	for _, r := range Rules {
		var group []Finding
		for _, sev := range []Severity{Error, Warning} {
			for _, f := range findings {
				if f.Rule == r.Name && f.Severity == sev {
					group = append(group, f)
				}
			}
		}
		if len(group) == 0 {
			continue
		}
		fmt.Fprintf(w, "== %s ==\n", heading(r.Title))
		for _, f := range group {
			where := f.File
			if f.Line > 0 {
				where = fmt.Sprintf("%s:%d", f.File, f.Line)
			}
			label := lang.Say("错误", "error")
			if f.Severity == Warning {
				label = lang.Say("警告", "warning")
			}
			fmt.Fprintf(w, "%s: %s: %s\n", where, label, f.Message)
		}
		fmt.Fprintln(w)
	}
	fmt.Fprintln(w, Summary(findings))
}

// heading is a rule's title as the report shows it: the title as written
// in Rules, "中文 (English)", or the English in parentheses alone with
// --lang en.
func heading(title string) string {
	_, en, ok := strings.Cut(title, " (")
	if !ok || !lang.English() {
		return title
	}
	return strings.TrimSuffix(en, ")")
}

// Summary is the closing line: how many errors and warnings, and whether
// the site may be published (see package lang: Chinese alone, or English
// alone).
func Summary(findings []Finding) string {
	drafts := Drafts(findings)
	errs := Errors(findings)
	warns := len(findings) - errs - drafts
	line := ""
	switch {
	case errs == 0 && warns == 0 && drafts > 0:
		line = lang.Say("检查完毕：要发布的稿件中没有发现问题，可以发布", "check: no problems in what would be published")
	case errs == 0 && warns == 0:
		line = lang.Say("检查完毕：没有发现问题，可以发布", "check: no problems found")
	case errs == 0:
		line = lang.Say("检查完毕：共 %d 个警告，没有错误，可以发布；警告最好也处理一下", "check: %d warning(s), no errors", warns)
	default:
		line = lang.Say("检查完毕：共 %d 处错误、%d 个警告；改正全部错误后才能发布", "check: %d error(s), %d warning(s): fix the errors before publishing", errs, warns)
	}
	if drafts > 0 {
		line += "\n" + lang.Say("另有 %d 处问题在尚未发布的草稿或待审稿件中，发布前请改正", "%d more in drafts and pages awaiting review, which are not published yet", drafts)
	}
	return line
}

// Report is the JSON form of a check, for tools.
type Report struct {
	Errors   int       `json:"errors"`   // findings that stop publication
	Warnings int       `json:"warnings"` // in published pages
	Drafts   int       `json:"drafts"`   // findings in unpublished pages, errors or warnings
	Findings []Finding `json:"findings"`
}

// WriteJSON prints the findings as one JSON object.
func WriteJSON(w io.Writer, findings []Finding) error {
	if findings == nil {
		findings = []Finding{}
	}
	errs, drafts := Errors(findings), Drafts(findings)
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(Report{Errors: errs, Warnings: len(findings) - errs - drafts, Drafts: drafts, Findings: findings})
}
