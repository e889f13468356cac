// Package dates reads dates as Chinese sources write them, and guesses the
// date of a report from its text.
//
// # Reading a date
//
// Parse takes what a correspondent, a web page or a command-line flag
// writes:
//
//	2025-10-26   2025/10/26   2025.10.26   2025年10月26日
//	2025-10-26 11:30          2025年10月26日 11:30
//	2025-10-26T11:30:00+08:00 (RFC 3339)
//	1761449400                (a Unix time, as WeChat saves one)
//
// anywhere in the string ("发布时间：2025.10.26 09:05" reads). A date that
// does not exist (2月30日, month 13) is no date. Every result is in China
// Standard Time (CST, +08:00), the zone of every date showcase writes.
//
// # Guessing a report's date
//
// Guess reads a report's date from its text: a full date near its start,
// else a 10月26日 there whose year comes from the text ("2025年度") or from
// a reference date (the file's date, else today), else a full date at its
// end, as a notice is signed. IsDateLine tells a line that only gives a
// date ("2025年10月26日 星期日"), which is no title.
//
// # Unconfirmed dates
//
// A guessed date is written into the front matter with a comment holding
// Unconfirmed, 请核对:
//
//	date = 2025-10-26T00:00:00+08:00   # 日期由正文“10月26日”推断，年份取自文件日期，请核对
//
// "showcase check" reports every date whose comment holds the mark; a
// person confirms the date by deleting the mark (or the comment).
package dates

import (
	"regexp"
	"strconv"
	"strings"
	"time"
)

// CST is China Standard Time, +08:00: the zone of every date showcase
// writes.
var CST = time.FixedZone("CST", 8*3600)

var (
	fullDate  = regexp.MustCompile(`(\d{4})\s*[年\-/.]\s*(\d{1,2})\s*[月\-/.]\s*(\d{1,2})日?(?:\s*(\d{1,2}):(\d{2}))?`)
	monthDay  = regexp.MustCompile(`(\d{1,2})月(\d{1,2})日`)
	unixStamp = regexp.MustCompile(`^\d{10}$`)
)

// Parse reads a date as sources write it: 2025-10-26, 2025/10/26,
// 2025.10.26, 2025年10月26日, with an optional 11:30, RFC 3339, or a Unix
// time. The result is in CST.
func Parse(s string) (time.Time, bool) {
	s = strings.TrimSpace(s)
	if unixStamp.MatchString(s) {
		n, _ := strconv.ParseInt(s, 10, 64)
		return time.Unix(n, 0).In(CST), true
	}
	if t, err := time.Parse(time.RFC3339, s); err == nil {
		return t.In(CST), true
	}
	m := fullDate.FindStringSubmatch(s)
	if m == nil {
		return time.Time{}, false
	}
	return dateOf(m[1], m[2], m[3], m[4], m[5])
}

// dateOf makes a date of its written parts, refusing one that does not
// exist.
func dateOf(y, mo, d, h, mi string) (time.Time, bool) {
	num := func(s string) int { n, _ := strconv.Atoi(s); return n }
	year, month, day := num(y), num(mo), num(d)
	if year < 1900 || month < 1 || month > 12 || day < 1 || day > 31 || num(h) > 23 || num(mi) > 59 {
		return time.Time{}, false
	}
	t := time.Date(year, time.Month(month), day, num(h), num(mi), 0, 0, CST)
	if t.Day() != day {
		return time.Time{}, false // 2月30日
	}
	return t, true
}
