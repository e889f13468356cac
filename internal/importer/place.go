package importer

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"time"

	"showcase/internal/slug"
)

// MaxSlugLength is the longest slug ShortSlug makes from a title.
const MaxSlugLength = 32

// ShortSlug makes a page's folder name from its title: the pinyin of the
// title (internal/slug), without a leading 【栏目】 tag, cut at a syllable
// boundary to at most MaxSlugLength characters. When the title has nothing
// to spell it falls back to the date, "2025-10-26".
func ShortSlug(title string, date time.Time) string {
	title = strings.TrimSpace(title)
	if rest, ok := strings.CutPrefix(title, "【"); ok {
		if i := strings.Index(rest, "】"); i >= 0 && strings.TrimSpace(rest[i+len("】"):]) != "" {
			title = rest[i+len("】"):]
		}
	}
	s := slug.Make(title)
	if len(s) > MaxSlugLength {
		cut := strings.LastIndexByte(s[:MaxSlugLength+1], '-')
		if cut <= 0 {
			cut = MaxSlugLength
		}
		s = strings.Trim(s[:cut], "-_")
	}
	if s == "" {
		return date.In(cst).Format("2006-01-02")
	}
	return s
}

// NewBundleDir creates the folder of a new page bundle, parent/name, or
// parent/name-2, -3 … when that name is taken by a folder or by a page
// file name.md. It never reuses an existing folder, so nothing is ever
// overwritten, even by two imports at the same moment.
func NewBundleDir(parent, name string) (string, error) {
	if !slug.Valid(name) {
		return "", fmt.Errorf("%q is not a slug of lower-case letters, digits and - (slug 只能包含小写字母、数字和 -)", name)
	}
	if err := os.MkdirAll(parent, 0o755); err != nil {
		return "", err
	}
	for n := 1; n < 1000; n++ {
		candidate := name
		if n > 1 {
			candidate = name + "-" + strconv.Itoa(n)
		}
		dir := filepath.Join(parent, candidate)
		if _, err := os.Stat(dir + ".md"); err == nil {
			continue
		}
		err := os.Mkdir(dir, 0o755)
		if err == nil {
			return dir, nil
		}
		if !errors.Is(err, fs.ErrExist) {
			return "", err
		}
	}
	return "", fmt.Errorf("no free folder name for %s in %s (找不到可用的文件夹名)", name, parent)
}

// WriteNew writes data to a file that must not exist yet.
func WriteNew(name string, data []byte) error {
	f, err := os.OpenFile(name, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if err != nil {
		return err
	}
	if _, err := f.Write(data); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

var (
	fullDate  = regexp.MustCompile(`(\d{4})\s*[年\-/.]\s*(\d{1,2})\s*[月\-/.]\s*(\d{1,2})日?(?:\s*(\d{1,2}):(\d{2}))?`)
	monthDay  = regexp.MustCompile(`(\d{1,2})月(\d{1,2})日`)
	unixStamp = regexp.MustCompile(`^\d{10}$`)
)

// ParseDate reads a date as sources write it: 2025-10-26, 2025/10/26,
// 2025.10.26, 2025年10月26日, with an optional 11:30, or a Unix time (WeChat
// saves one). The result is in +08:00.
func ParseDate(s string) (time.Time, bool) {
	s = strings.TrimSpace(s)
	if unixStamp.MatchString(s) {
		n, _ := strconv.ParseInt(s, 10, 64)
		return time.Unix(n, 0).In(cst), true
	}
	if t, err := time.Parse(time.RFC3339, s); err == nil {
		return t.In(cst), true
	}
	m := fullDate.FindStringSubmatch(s)
	if m == nil {
		return time.Time{}, false
	}
	return dateOf(m[1], m[2], m[3], m[4], m[5])
}

func dateOf(y, mo, d, h, mi string) (time.Time, bool) {
	num := func(s string) int { n, _ := strconv.Atoi(s); return n }
	year, month, day := num(y), num(mo), num(d)
	if year < 1900 || month < 1 || month > 12 || day < 1 || day > 31 || num(h) > 23 || num(mi) > 59 {
		return time.Time{}, false
	}
	t := time.Date(year, time.Month(month), day, num(h), num(mi), 0, 0, cst)
	if t.Day() != day {
		return time.Time{}, false // 2月30日
	}
	return t, true
}

// inferDate looks for the date of a report in its first lines: a full date,
// or a 10月26日 read in the year of now (the year before, if that would be
// in the future).
func inferDate(text string, now time.Time) (time.Time, string, bool) {
	head := []rune(text)
	head = head[:min(len(head), 200)]
	if m := fullDate.FindStringSubmatch(string(head)); m != nil {
		if t, ok := dateOf(m[1], m[2], m[3], m[4], m[5]); ok {
			return t, m[0], true
		}
	}
	if m := monthDay.FindStringSubmatch(string(head)); m != nil {
		now = now.In(cst)
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
