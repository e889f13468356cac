package server

import (
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"time"

	"showcase/internal/diag"
	"showcase/internal/lang"
)

// failureReport is a failed build as the pages and the terminal show it:
// each problem with its file:line and message (the messages carry their
// Chinese gloss), and the raw error text.
type failureReport struct {
	Problems []reportedProblem `json:"problems"`
	Raw      string            `json:"raw"`
}

type reportedProblem struct {
	File    string `json:"file,omitempty"`
	Line    int    `json:"line,omitempty"`
	Message string `json:"message"`
}

func newFailureReport(err error) *failureReport {
	r := &failureReport{Raw: err.Error()}
	var f *diag.Failure
	var p *diag.Problem
	switch {
	case errors.As(err, &f) && len(f.Problems) > 0:
		for _, p := range f.Problems {
			r.Problems = append(r.Problems, reportedProblem{File: p.File, Line: p.Line, Message: p.Msg})
		}
	case errors.As(err, &p):
		r.Problems = []reportedProblem{{File: p.File, Line: p.Line, Message: p.Msg}}
	default:
		r.Problems = []reportedProblem{{Message: err.Error()}}
	}
	return r
}

// message is the "error" event for the pages.
func (r *failureReport) message() message {
	return message{event: "error", data: jsonData(r)}
}

// place is "file:line", "file" or "".
func (p reportedProblem) place() string {
	switch {
	case p.File == "":
		return ""
	case p.Line > 0:
		return fmt.Sprintf("%s:%d", p.File, p.Line)
	}
	return p.File
}

// logBuild tells the terminal how a rebuild went.
func (s *Server) logBuild(changed []string, res Result, err error, took time.Duration) {
	w := s.opts.Log
	stamp := time.Now().Format("15:04:05")
	what := describeChanges(changed)
	if err != nil {
		r := newFailureReport(err)
		fmt.Fprintf(w, "%s %s\n", stamp, lang.Say("%[1]s生成失败，共 %[2]d 处错误（浏览器中已显示；仍在提供上次成功生成的网站）：",
			"%[3]sbuild failed with %[2]d problem(s) (shown in the browser; the last good build is still served):", what, len(r.Problems), enChanges(changed)))
		for _, p := range r.Problems {
			if place := p.place(); place != "" {
				fmt.Fprintf(w, "  %s: %s\n", place, p.Message)
			} else {
				fmt.Fprintf(w, "  %s\n", p.Message)
			}
		}
		return
	}
	summary := res.Summary
	if summary == "" {
		summary = lang.Say("用时 %s", "took %s", took.Round(time.Millisecond))
	}
	fmt.Fprintf(w, "%s %s\n", stamp, lang.Say("%[1]s已生成：%[2]s", "%[3]sbuilt: %[2]s", what, summary, enChanges(changed)))
	if len(res.Broken) > 0 {
		fmt.Fprintf(w, "%s\n", lang.Say("  其中有 %d 处错误的稿件暂不显示（其他页面照常预览；在浏览器中打开这些稿件可看到错误说明）：",
			"  %d problem(s) keep pages out of the preview (the rest of the site is shown; each such page shows its problems):", len(res.Broken)))
		for _, p := range res.Broken {
			fmt.Fprintf(w, "  %s\n", p.Error())
		}
	}
}

// describeChanges names what changed for the terminal: "content/a.md 修改后"
// or "3 个文件修改后"; "" for a full build.
func describeChanges(changed []string) string {
	switch len(changed) {
	case 0:
		return ""
	case 1:
		return changed[0] + " 修改后"
	}
	return fmt.Sprintf("%d 个文件修改后", len(changed))
}

// enChanges is describeChanges in English: "content/a.md changed, " or
// "3 files changed, "; "" for a full build.
func enChanges(changed []string) string {
	switch len(changed) {
	case 0:
		return ""
	case 1:
		return changed[0] + " changed, "
	}
	return fmt.Sprintf("%d files changed, ", len(changed))
}

// message is one Server-Sent Event.
type message struct {
	event string
	data  []byte // one line of JSON
}

// encode writes the event in the text/event-stream format.
func (m message) encode() []byte {
	var b strings.Builder
	b.WriteString("event: ")
	b.WriteString(m.event)
	b.WriteString("\ndata: ")
	b.Write(m.data)
	b.WriteString("\n\n")
	return []byte(b.String())
}

// jsonData encodes v on one line; it cannot fail for the plain structs used here.
func jsonData(v any) []byte {
	data, err := json.Marshal(v)
	if err != nil {
		return []byte("{}")
	}
	return data
}
