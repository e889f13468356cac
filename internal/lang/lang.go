// Package lang words the messages staff read: every error, warning,
// progress and summary line is written in Simplified Chinese first, for
// the people who run showcase, with the technical detail in English after
// it, in parentheses:
//
//	content/news/a.md:3: 日期写法无法识别，请写成 2025-10-26 (date "2025/13/1" is not a date)
//
// Developers who want English alone start showcase with --lang en, or with
// LANG (or LC_ALL, LC_MESSAGES) set to an English locale; the command sets
// that once, before any message is made (SetEnglish), and every package
// words its messages with Sprintf and Errorf, or with Say for a line that
// needs no technical detail (progress, a summary, a next step).
package lang

import (
	"errors"
	"fmt"
	"strings"
	"sync/atomic"
)

var english atomic.Bool

// SetEnglish makes messages English only (true) or Chinese first (false).
func SetEnglish(on bool) { english.Store(on) }

// English reports whether messages are English only.
func English() bool { return english.Load() }

// Choose decides the language from the --lang flag ("zh", "en" or "") and
// the environment: with no flag, an English LC_ALL, LC_MESSAGES or LANG
// (the first set of them, as POSIX reads them) means English. It returns
// an error for a flag it does not know.
func Choose(flag string, getenv func(string) string) (englishOnly bool, err error) {
	switch strings.ToLower(flag) {
	case "en", "english":
		return true, nil
	case "zh", "zh-cn", "chinese", "cn":
		return false, nil
	case "":
	default:
		return false, Errorf("--lang 只能是 zh 或 en", "--lang %q: want zh or en", flag)
	}
	for _, name := range []string{"LC_ALL", "LC_MESSAGES", "LANG"} {
		if v := getenv(name); v != "" {
			return strings.HasPrefix(strings.ToLower(v), "en"), nil
		}
	}
	return false, nil
}

// Sprintf words a message: zh, then en in parentheses; en alone when
// English. Both formats take the same arguments (use %[2]s to reorder);
// zh may leave some out.
func Sprintf(zh, en string, args ...any) string {
	e := fmt.Sprintf(en, args...)
	if English() {
		return e
	}
	z := fmt.Sprintf(zh, args...)
	if i := strings.Index(z, "%!(EXTRA"); i >= 0 {
		z = z[:i] // zh need not use every argument
	}
	if e == "" {
		return z
	}
	return z + " (" + e + ")"
}

// Errorf is Sprintf as an error.
func Errorf(zh, en string, args ...any) error { return errors.New(Sprintf(zh, en, args...)) }

// Say words a line that needs no technical detail (progress, a summary,
// a next step): zh alone, or en alone when English.
func Say(zh, en string, args ...any) string {
	if English() {
		return fmt.Sprintf(en, args...)
	}
	z := fmt.Sprintf(zh, args...)
	if i := strings.Index(z, "%!(EXTRA"); i >= 0 {
		z = z[:i]
	}
	return z
}
