// Package diag carries the build's problems as "file:line: message" diagnostics.
//
// A build does not stop at the first mistake: every front-matter, template and
// link error is collected into a List and reported together, sorted by file
// and line, so a correspondent fixes all of them in one pass. Warnings (an
// unknown site.toml key, a missing alt text) are reported but do not fail the
// build.
//
// diag adds only the place, "file:line: ", and says nothing of its own: the
// package that finds a problem words it, Chinese first for staff with the
// English detail after it (English alone with --lang en), with Wordf:
//
//	l.Add(file, diag.Wordf(file, 3, "日期写法无法识别，请写成 2025-10-26", "date %q is not a date", v))
//	l.Warn(diag.Wordf(file, 5, "图片缺少替代文字", "image %s has no alt text", src))
package diag

import (
	"errors"
	"fmt"
	"sort"
	"strings"
	"sync"

	"showcase/internal/lang"
)

// Problem is one diagnostic. Line is 0 when the whole file is meant.
type Problem struct {
	File string
	Line int
	Msg  string
}

func (p *Problem) Error() string {
	switch {
	case p.File == "":
		return p.Msg
	case p.Line > 0:
		return fmt.Sprintf("%s:%d: %s", p.File, p.Line, p.Msg)
	default:
		return fmt.Sprintf("%s: %s", p.File, p.Msg)
	}
}

// Errorf makes a Problem.
func Errorf(file string, line int, format string, args ...any) *Problem {
	return &Problem{File: file, Line: line, Msg: fmt.Sprintf(format, args...)}
}

// Wordf makes a Problem worded by package lang: zh, then en in
// parentheses; en alone when messages are English.
func Wordf(file string, line int, zh, en string, args ...any) *Problem {
	return &Problem{File: file, Line: line, Msg: lang.Sprintf(zh, en, args...)}
}

// List collects problems from many goroutines.
type List struct {
	mu       sync.Mutex
	errs     []*Problem
	warnings []*Problem
}

// Add records an error. A *Problem keeps its place; any other error is
// attributed to file.
func (l *List) Add(file string, err error) {
	if err == nil {
		return
	}
	var p *Problem
	if !errors.As(err, &p) {
		p = &Problem{File: file, Msg: err.Error()}
	}
	l.mu.Lock()
	l.errs = append(l.errs, p)
	l.mu.Unlock()
}

// Errorf records an error at file:line.
func (l *List) Errorf(file string, line int, format string, args ...any) {
	l.Add(file, Errorf(file, line, format, args...))
}

// Warnf records a warning at file:line.
func (l *List) Warnf(file string, line int, format string, args ...any) {
	l.Warn(Errorf(file, line, format, args...))
}

// Warn records a warning (made with Wordf, say).
func (l *List) Warn(p *Problem) {
	l.mu.Lock()
	l.warnings = append(l.warnings, p)
	l.mu.Unlock()
}

// Len is the number of errors (not warnings).
func (l *List) Len() int {
	l.mu.Lock()
	defer l.mu.Unlock()
	return len(l.errs)
}

// Errors returns the errors sorted by file, line and message, without duplicates.
func (l *List) Errors() []*Problem {
	l.mu.Lock()
	defer l.mu.Unlock()
	return sorted(l.errs)
}

// Warnings returns the warnings sorted like Errors.
func (l *List) Warnings() []*Problem {
	l.mu.Lock()
	defer l.mu.Unlock()
	return sorted(l.warnings)
}

// Err returns nil when there are no errors, else an error listing them all.
func (l *List) Err() error {
	errs := l.Errors()
	if len(errs) == 0 {
		return nil
	}
	return &Failure{Problems: errs}
}

// Failure is the error of a build with problems; its message has one line per problem.
type Failure struct{ Problems []*Problem }

func (f *Failure) Error() string {
	var b strings.Builder
	for i, p := range f.Problems {
		if i > 0 {
			b.WriteByte('\n')
		}
		b.WriteString(p.Error())
	}
	return b.String()
}

func sorted(in []*Problem) []*Problem {
	out := append([]*Problem(nil), in...)
	sort.SliceStable(out, func(i, j int) bool {
		a, b := out[i], out[j]
		if a.File != b.File {
			return a.File < b.File
		}
		if a.Line != b.Line {
			return a.Line < b.Line
		}
		return a.Msg < b.Msg
	})
	var dedup []*Problem
	for _, p := range out {
		if n := len(dedup); n > 0 && p.Error() == dedup[n-1].Error() {
			continue
		}
		dedup = append(dedup, p)
	}
	return dedup
}
