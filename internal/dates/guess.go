package dates

import (
	"regexp"
	"strconv"
	"strings"
	"time"
)

// Unconfirmed is the mark of a guessed date: the import writes it into the
// comment of the date's front-matter line ("date = … # 日期由正文推断，
// 请核对"), and "showcase check" reports the date for as long as the mark
// is there. A person confirms the date by deleting the mark.
const Unconfirmed = "请核对"

// Guessed is the date of a report read from its text.
type Guessed struct {
	Date  time.Time
	Words string // the words the date was read from: "2025年10月26日", "10月26日"
	// YearWords is where the year of a date written without one was
	// found: another date or a year of the text ("2025年"); "" when it
	// was taken from the reference date instead.
	YearWords string
	// FromReference is true when the year is the reference date's.
	FromReference bool
}

// yearWords is a year written in a text: "2025年", or the year of a full
// date.
var yearWords = regexp.MustCompile(`((?:19|20)\d{2})\s*年`)

// Guess reads the date of a report from its text, never from today:
//
//  1. a full date in its first 200 characters (2025年10月26日, 2025-10-26);
//  2. else a 10月26日 there, in a year the text names: of the full dates
//     and years ("2025年") anywhere in it, the one nearest to the
//     reference date's year and at most two years from it (so that "2012
//     年以来" does not date a report of today); failing that, the reference
//     date's year, or the year before when the day would come after the
//     reference date;
//  3. else a full date in its last 200 characters (the date under a
//     notice).
//
// ref is when the text was written as far as is known: the file's date,
// else today. ok is false when the text holds no date.
func Guess(text string, ref time.Time) (g Guessed, ok bool) {
	rs := []rune(text)
	head := string(rs[:min(len(rs), 200)])
	if t, words, ok := firstFullDate(head); ok {
		return Guessed{Date: t, Words: words}, true
	}
	if m := monthDay.FindStringSubmatch(head); m != nil {
		if year, words := yearOfText(text, ref); year != "" {
			if t, ok := dateOf(year, m[1], m[2], "", ""); ok {
				return Guessed{Date: t, Words: m[0], YearWords: words}, true
			}
		}
		ref = ref.In(CST)
		t, ok := dateOf(strconv.Itoa(ref.Year()), m[1], m[2], "", "")
		if ok && t.After(ref) {
			t, ok = dateOf(strconv.Itoa(ref.Year()-1), m[1], m[2], "", "")
		}
		if ok {
			return Guessed{Date: t, Words: m[0], FromReference: true}, true
		}
	}
	tail := string(rs[max(0, len(rs)-200):])
	if t, words, ok := firstFullDate(tail); ok {
		return Guessed{Date: t, Words: words}, true
	}
	return Guessed{}, false
}

// firstFullDate returns the first full date of s that exists.
func firstFullDate(s string) (time.Time, string, bool) {
	for _, m := range fullDate.FindAllStringSubmatch(s, -1) {
		if t, ok := dateOf(m[1], m[2], m[3], m[4], m[5]); ok {
			return t, m[0], true
		}
	}
	return time.Time{}, "", false
}

// yearOfText returns, of the years text names (as "2025年" or in a full
// date), the one nearest to ref's year, and the words that name it; ""
// when none is within two years of it.
func yearOfText(text string, ref time.Time) (year, words string) {
	best := 3
	consider := func(y, w string) {
		n, _ := strconv.Atoi(y)
		if d := abs(n - ref.In(CST).Year()); d < best {
			best, year, words = d, y, w
		}
	}
	for _, m := range fullDate.FindAllStringSubmatch(text, -1) {
		if _, ok := dateOf(m[1], m[2], m[3], "", ""); ok {
			consider(m[1], m[0])
		}
	}
	for _, m := range yearWords.FindAllStringSubmatch(text, -1) {
		consider(m[1], m[0])
	}
	return year, words
}

func abs(n int) int {
	if n < 0 {
		return -n
	}
	return n
}

// IsDateLine reports a line that gives a date rather than saying
// something: one holding a full date ("发布时间：2025-10-26",
// "2025年10月26日 星期日") or starting with a 10月26日.
func IsDateLine(s string) bool {
	s = strings.TrimSpace(s)
	if _, _, ok := firstFullDate(s); ok {
		return true
	}
	if m := monthDay.FindStringIndex(s); m != nil && m[0] == 0 {
		return true
	}
	_, ok := Parse(s)
	return ok
}
