package diag

import (
	"errors"
	"fmt"
	"strings"
	"sync"
	"testing"

	"showcase/internal/lang"
)

func TestList(t *testing.T) {
	var l List
	var wg sync.WaitGroup
	for i := 0; i < 20; i++ {
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			l.Errorf("content/b.md", i%3+1, "problem %d", i%3) // duplicates collapse
		}(i)
	}
	wg.Wait()
	l.Add("content/a.md", errors.New("plain error"))
	l.Add("ignored.md", Errorf("content/c.md", 0, "whole file"))
	l.Add("x", nil)
	l.Warnf("site.toml", 0, "unknown key")
	got := l.Err().Error()
	want := strings.Join([]string{
		"content/a.md: plain error",
		"content/b.md:1: problem 0",
		"content/b.md:2: problem 1",
		"content/b.md:3: problem 2",
		"content/c.md: whole file",
	}, "\n")
	if got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
	if l.Len() != 22 || len(l.Warnings()) != 1 {
		t.Errorf("len %d, warnings %d", l.Len(), len(l.Warnings()))
	}
	var f *Failure
	if !errors.As(fmt.Errorf("wrapped: %w", l.Err()), &f) || len(f.Problems) != 5 {
		t.Errorf("Failure not found through wrapping: %v", f)
	}
	var empty List
	if empty.Err() != nil {
		t.Error("an empty list has an error")
	}
}

// TestWordf: a problem worded Chinese first, the English detail after it,
// English alone with --lang en; its place comes first either way. No test
// of this package runs in parallel.
func TestWordf(t *testing.T) {
	var l List
	l.Add("content/news/a.md", Wordf("content/news/a.md", 3, "日期写法无法识别，请写成 2025-10-26", "date %q is not a date", "2025/13/1"))
	l.Warn(Wordf("content/news/a.md", 5, "图片缺少替代文字", "image %s has no alt text", "a.jpg"))
	if got := l.Err().Error(); got != `content/news/a.md:3: 日期写法无法识别，请写成 2025-10-26 (date "2025/13/1" is not a date)` {
		t.Errorf("Chinese: %s", got)
	}
	if w := l.Warnings(); len(w) != 1 || w[0].Error() != "content/news/a.md:5: 图片缺少替代文字 (image a.jpg has no alt text)" {
		t.Errorf("warnings %v", w)
	}
	lang.SetEnglish(true)
	t.Cleanup(func() { lang.SetEnglish(false) })
	if got := Wordf("site.toml", 0, "未知的设置项", "unknown key %q", "titel").Error(); got != `site.toml: unknown key "titel"` {
		t.Errorf("English: %s", got)
	}
}
