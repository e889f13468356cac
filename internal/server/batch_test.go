package server

import (
	"reflect"
	"testing"
	"time"
)

var t0 = time.Date(2025, 10, 26, 9, 30, 0, 0, time.UTC)

func ms(n int) time.Time { return t0.Add(time.Duration(n) * time.Millisecond) }

// TestBatchAtomicSave feeds the events of one atomic save by vim (probe
// file 4913, backup a.md~, the new file renamed over a.md): one rebuild of
// a.md, due 100 ms after the last relevant event.
func TestBatchAtomicSave(t *testing.T) {
	b := newBatch(100*time.Millisecond, 2*time.Second)
	events := []struct {
		at   int
		path string
	}{
		{0, "content/news/4913"},
		{1, "content/news/4913"},
		{2, "content/news/a.md~"},
		{3, "content/news/a.md"},
		{4, "content/news/a.md"},
		{5, "content/news/.a.md.swp"},
		{6, "content/news/a.md~"},
	}
	for _, e := range events {
		b.add(e.path, ms(e.at))
	}
	at, ok := b.due()
	if !ok || !at.Equal(ms(104)) {
		t.Fatalf("due = %v, %v; want 104ms", at.Sub(t0), ok)
	}
	if _, ok := b.take(ms(103)); ok {
		t.Fatal("taken before due")
	}
	paths, ok := b.take(ms(104))
	if !ok || !reflect.DeepEqual(paths, []string{"content/news/a.md"}) {
		t.Fatalf("take = %q, %v", paths, ok)
	}
	if _, ok := b.due(); ok {
		t.Fatal("batch not emptied")
	}
}

func TestBatchIgnoredOnly(t *testing.T) {
	b := newBatch(0, 0)
	for _, p := range []string{"content/a.md.swp", "public/index.html", ".DS_Store", "content/~$a.docx"} {
		if b.add(p, t0) {
			t.Errorf("%s counted", p)
		}
	}
	if _, ok := b.due(); ok {
		t.Fatal("ignored files made a batch")
	}
	if _, ok := b.take(ms(10000)); ok {
		t.Fatal("ignored files were taken")
	}
}

// TestBatchBurst: a burst keeps the batch open while events keep coming,
// but not past the longest wait; the paths come out once, sorted.
func TestBatchBurst(t *testing.T) {
	b := newBatch(100*time.Millisecond, 1*time.Second)
	for i := 0; i <= 1500; i += 50 {
		b.add("content/news/b.md", ms(i))
		b.add("content/news/a.md", ms(i))
		if i == 900 {
			if at, _ := b.due(); !at.Equal(ms(1000)) {
				t.Fatalf("due at %v, want the longest wait (1s)", at.Sub(t0))
			}
		}
		if i < 1000 {
			if _, ok := b.take(ms(i)); ok {
				t.Fatalf("taken at %dms during the burst", i)
			}
		}
	}
	paths, ok := b.take(ms(1500))
	if !ok || !reflect.DeepEqual(paths, []string{"content/news/a.md", "content/news/b.md"}) {
		t.Fatalf("take = %q, %v", paths, ok)
	}
}

func TestBatchEverything(t *testing.T) {
	b := newBatch(100*time.Millisecond, time.Second)
	b.add("content/a.md", t0)
	b.addEverything(ms(10))
	paths, ok := b.take(ms(110))
	if !ok || paths != nil {
		t.Fatalf("take = %q, %v; want nil (everything)", paths, ok)
	}
	b.add("content/a.md", ms(200))
	if paths, _ := b.take(ms(300)); len(paths) != 1 {
		t.Fatalf("after everything: %q", paths)
	}
}
