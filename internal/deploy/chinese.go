package deploy

import (
	"fmt"
	"time"

	"showcase/internal/lang"
)

// Messages are worded with package lang: Chinese first for the staff who
// publish, the technical detail in English after it (English alone with
// --lang en). The helpers here write times and durations as the Chinese
// reads them: 2025年10月26日 09:30, 10 分钟, 1.2 秒.

// chineseTime writes a moment in local time: 2025年10月26日 09:30:05.
func chineseTime(t time.Time) string {
	return t.Local().Format("2006年1月2日 15:04:05")
}

// chineseDuration writes how long something took or has lasted: 45 秒,
// 10 分钟, 5 分 3 秒, 2 小时 5 分, 3 天 2 小时.
func chineseDuration(d time.Duration) string {
	d = d.Round(time.Second)
	h, m, s := int(d.Hours()), int(d.Minutes())%60, int(d.Seconds())%60
	switch {
	case d < time.Minute:
		return fmt.Sprintf("%d 秒", s)
	case d < time.Hour && s == 0:
		return fmt.Sprintf("%d 分钟", m)
	case d < time.Hour:
		return fmt.Sprintf("%d 分 %d 秒", m, s)
	case h < 24 && m == 0:
		return fmt.Sprintf("%d 小时", h)
	case h < 24:
		return fmt.Sprintf("%d 小时 %d 分", h, m)
	case h%24 == 0:
		return fmt.Sprintf("%d 天", h/24)
	}
	return fmt.Sprintf("%d 天 %d 小时", h/24, h%24)
}

// chineseTook writes the time a deploy took: 0.04 秒 under a second, 3.2 秒
// under a minute, else as chineseDuration.
func chineseTook(d time.Duration) string {
	if d < time.Second {
		return fmt.Sprintf("%.2f 秒", d.Seconds())
	}
	if d < time.Minute {
		return fmt.Sprintf("%.1f 秒", d.Seconds())
	}
	return chineseDuration(d)
}

// explainAfter adds to an error's own message (already worded) what it
// means and what to do: err。zh (en), or err; en in English.
func explainAfter(err error, zh, en string, args ...any) error {
	if lang.English() {
		return fmt.Errorf("%v; %s", err, fmt.Sprintf(en, args...))
	}
	return fmt.Errorf("%v。%s", err, lang.Sprintf(zh, en, args...))
}
