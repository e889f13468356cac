package diag

import (
	"errors"
	"fmt"
	"strings"
	"sync"
	"testing"
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
