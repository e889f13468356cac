package check

import (
	"regexp"
	"sort"
	"strings"
	"time"

	"showcase/internal/content"
	"showcase/internal/lang"
	"showcase/internal/mojibake"
)

var (
	// a mainland mobile number: 1, then 3-9, then nine digits, not inside a longer number
	mobileNumber = regexp.MustCompile(`(?:^|[^0-9])(1[3-9][0-9]{9})(?:[^0-9]|$)`)
	// a resident ID number: 17 digits and a check character
	idNumber = regexp.MustCompile(`(?:^|[^0-9])([1-9][0-9]{16}[0-9Xx])(?:[^0-9Xx]|$)`)
)

// ValidIDNumber reports whether s is an 18-character resident ID number
// (GB 11643) with a plausible birth date and the right check character.
func ValidIDNumber(s string) bool {
	if len(s) != 18 {
		return false
	}
	weights := [17]int{7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2}
	sum := 0
	for i := 0; i < 17; i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
		sum += int(s[i]-'0') * weights[i]
	}
	if "10X98765432"[sum%11] != upper(s[17]) {
		return false
	}
	born, err := time.Parse("20060102", s[6:14])
	return err == nil && born.Year() >= 1900 && born.Before(time.Now())
}

func upper(b byte) byte {
	if b == 'x' {
		return 'X'
	}
	return b
}

// personalID is a personal identifier found in a text: its kind, in
// Chinese and English, and the number masked.
type personalID struct{ kind, kindEn, masked string }

// identifiers returns the masked personal identifiers found in a text.
func identifiers(text string) []personalID {
	if !digitRun(text, 11) {
		return nil // a mobile number has 11 digits in a row, an ID number 17
	}
	var out []personalID
	for _, m := range mobileNumber.FindAllStringSubmatch(text, -1) {
		out = append(out, personalID{"手机号", "mobile number", m[1][:3] + "****" + m[1][7:]})
	}
	for _, m := range idNumber.FindAllStringSubmatch(text, -1) {
		if ValidIDNumber(m[1]) {
			out = append(out, personalID{"身份证号", "ID number", m[1][:6] + "********" + m[1][14:]})
		}
	}
	return out
}

// digitRun reports whether text has n or more ASCII digits in a row.
func digitRun(text string, n int) bool {
	run := 0
	for i := 0; i < len(text); i++ {
		if text[i] >= '0' && text[i] <= '9' {
			if run++; run >= n {
				return true
			}
		} else {
			run = 0
		}
	}
	return false
}

// personalIdentifiers looks for phone and ID numbers in the body, line by
// line, and in the front matter's texts; and for mojibake in both.
func (c *checker) personalIdentifiers() {
	for _, p := range c.pages {
		for i, line := range strings.Split(string(p.Body), "\n") {
			c.scanText(p, p.BodyLine+i, line)
		}
		keys := make([]string, 0, len(p.Params))
		for k := range p.Params {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		for _, k := range keys {
			for _, s := range texts(p.Params[k]) {
				c.scanText(p, keyLine(p, k), s)
			}
		}
	}
}

func (c *checker) scanText(p *content.Page, line int, text string) {
	for _, id := range identifiers(text) {
		c.add("privacy", Error, p.File, line, lang.Sprintf("疑似个人信息（%[3]s %[2]s），请删除", "looks like a personal %[1]s %[2]s: do not publish personal identifiers", id.kindEn, id.masked, id.kind))
	}
	for _, g := range mojibake.Find(text) {
		msg := lang.Sprintf("乱码“%[1]s”（在“…%[2]s…”中）：请对照原文改正", "mojibake %[1]q in …%[2]s…: retype it from the original", g.Text, g.Context)
		if g.Sure {
			c.add("garbled", Error, p.File, line, msg)
		} else {
			c.add("garbled", Warning, p.File, line, lang.Sprintf("中文中出现半角问号，可能是乱码（在“…%[1]s…”中）：请对照原文核对", "a half-width \"?\" in Chinese text, perhaps mojibake: …%[1]s…", g.Context))
		}
	}
}

// texts collects the strings of a front-matter value.
func texts(v any) []string {
	switch v := v.(type) {
	case string:
		return []string{v}
	case []any:
		var out []string
		for _, e := range v {
			out = append(out, texts(e)...)
		}
		return out
	case []map[string]any:
		var out []string
		for _, m := range v {
			out = append(out, texts(m)...)
		}
		return out
	case map[string]any:
		keys := make([]string, 0, len(v))
		for k := range v {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		var out []string
		for _, k := range keys {
			out = append(out, texts(v[k])...)
		}
		return out
	}
	return nil
}
