package deploy

import (
	"fmt"
	"strings"
	"testing"
)

// TestMaxDeletesReplaced: deletions of files the build replaced (Replaced
// says which, as for a merged search index) do not count against
// MaxDeletes; the others still do.
func TestMaxDeletesReplaced(t *testing.T) {
	eachTarget(t, func(t *testing.T, e *env) {
		s := site{"index.html": "<h1>首页</h1>", "news/a/index.html": "<h1>甲</h1>", "news/b/index.html": "<h1>乙</h1>"}
		for i := range 40 {
			s[fmt.Sprintf("search/s-old/t/%d.bin", i)] = "old"
		}
		mustRun(t, e, s.write(t), Options{})
		replaced := func(p string) bool { return strings.HasPrefix(p, "search/s-") }
		merged := site{"index.html": "<h1>首页</h1>", "news/a/index.html": "<h1>甲</h1>", "news/b/index.html": "<h1>乙</h1>", "search/s-new/t/0.bin": "new"}
		res := mustRun(t, e, merged.write(t), Options{MaxDeletes: 2, Replaced: replaced})
		if res.Deleted != 40 {
			t.Errorf("deleted %d, want the 40 replaced files", res.Deleted)
		}
		sameSite(t, e.root, merged)
		gone := site{"index.html": "<h1>首页</h1>", "search/s-new/t/0.bin": "new"}
		if _, err := run(t, e, gone.write(t), Options{MaxDeletes: 1, Replaced: replaced}); err == nil || !strings.Contains(err.Error(), "would delete 2 files") {
			t.Errorf("pages' deletions must still count: %v", err)
		}
	})
}
