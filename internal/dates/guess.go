package dates

import (
	"strconv"
	"time"
)

// Guess looks for the date of a report in its first lines: a full date,
// or a 10月26日 read in the year of now (the year before, if that would be
// in the future). It returns the date and the words it was read from.
func Guess(text string, now time.Time) (time.Time, string, bool) {
	head := []rune(text)
	head = head[:min(len(head), 200)]
	if m := fullDate.FindStringSubmatch(string(head)); m != nil {
		if t, ok := dateOf(m[1], m[2], m[3], m[4], m[5]); ok {
			return t, m[0], true
		}
	}
	if m := monthDay.FindStringSubmatch(string(head)); m != nil {
		now = now.In(CST)
		year := now.Year()
		t, ok := dateOf(strconv.Itoa(year), m[1], m[2], "", "")
		if ok && t.After(now) {
			t, ok = dateOf(strconv.Itoa(year-1), m[1], m[2], "", "")
		}
		if ok {
			return t, m[0], true
		}
	}
	return time.Time{}, "", false
}
