package deploy

import (
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

// TestFirstDeploy: everything is sent, assets before pages before indexes,
// and the manifest lists the build.
func TestFirstDeploy(t *testing.T) {
	eachTarget(t, func(t *testing.T, e *env) {
		s := baseSite()
		var order recorder
		var bar strings.Builder
		res := mustRun(t, e, s.write(t), Options{afterChange: order.add, Progress: &bar})
		if !strings.Contains(bar.String(), "] 34/34 个文件  313.6 KB/313.6 KB") {
			t.Errorf("progress bar: %q", bar.String())
		}
		if res.Sent != len(s) || res.Deleted != 0 {
			t.Errorf("sent %d, deleted %d; want %d, 0", res.Sent, res.Deleted, len(s))
		}
		sameSite(t, e.root, s)
		last := Assets
		for _, name := range order.names {
			if st := StageOf(name); st < last {
				t.Errorf("%s (%s) was sent after a file of stage %s", name, st, last)
			} else {
				last = st
			}
		}
		if !strings.HasPrefix(res.Summary(), "已发布到 "+res.Target+"：上传 34 个文件（共 313.6 KB），删除 0 个") {
			t.Errorf("summary: %s", res.Summary())
		}
		inEnglish(t)
		if !strings.HasPrefix(res.Summary(), "sent 34 file(s) / 313.6 KB, deleted 0, 0 unchanged, took ") {
			t.Errorf("summary in English: %s", res.Summary())
		}
	})
}

// TestRedeploySendsOnlyTheChange: one page edited, one page sent (and the
// manifest rewritten); a deploy with nothing to do changes nothing.
func TestRedeploySendsOnlyTheChange(t *testing.T) {
	eachTarget(t, func(t *testing.T, e *env) {
		s := baseSite()
		mustRun(t, e, s.write(t), Options{})
		s["news/item-07/index.html"] = "<h1>新闻 7（更正）</h1>"
		res := mustRun(t, e, s.write(t), Options{})
		if got := sentPaths(res); !reflect.DeepEqual(got, []string{"news/item-07/index.html"}) || res.Deleted != 0 {
			t.Errorf("sent %v, deleted %d; want only the edited page", got, res.Deleted)
		}
		sameSite(t, e.root, s)
		res = mustRun(t, e, s.write(t), Options{})
		if res.Sent != 0 || res.Deleted != 0 || res.Plan.Unchanged != len(s) {
			t.Errorf("nothing changed, yet sent %d, deleted %d", res.Sent, res.Deleted)
		}
	})
}

// TestDeletedPageIsDeleted: a page gone from the build goes from the host
// with its folder; a file no manifest listed stays, unless --prune.
func TestDeletedPageIsDeleted(t *testing.T) {
	eachTarget(t, func(t *testing.T, e *env) {
		s := baseSite()
		mustRun(t, e, s.write(t), Options{})
		mustWrite(t, filepath.Join(e.root, "uploads/notice.pdf"), "a file put there by hand")
		delete(s, "news/item-03/index.html")
		res := mustRun(t, e, s.write(t), Options{})
		if res.Deleted != 1 || res.Sent != 0 {
			t.Errorf("deleted %d, sent %d; want 1, 0", res.Deleted, res.Sent)
		}
		if _, err := os.Stat(filepath.Join(e.root, "news/item-03")); !errors.Is(err, os.ErrNotExist) {
			t.Errorf("the deleted page's folder is still there: %v", err)
		}
		if !fileEquals(t, filepath.Join(e.root, "uploads/notice.pdf"), "a file put there by hand") {
			t.Error("a file the manifest never listed was touched")
		}
		res = mustRun(t, e, s.write(t), Options{Prune: true})
		if res.Deleted != 1 {
			t.Errorf("--prune deleted %d files, want 1", res.Deleted)
		}
		sameSite(t, e.root, s)
	})
}

// TestMaxDeletes: a deploy that would delete too much stops before it
// changes anything.
func TestMaxDeletes(t *testing.T) {
	eachTarget(t, func(t *testing.T, e *env) {
		s := baseSite()
		mustRun(t, e, s.write(t), Options{})
		before := snapshot(t, e.root)
		small := site{"index.html": "<h1>新首页</h1>", "css/site.css": "body{}"}
		_, err := run(t, e, small.write(t), Options{MaxDeletes: 10})
		if err == nil || !strings.Contains(err.Error(), "would delete 32 files") || !strings.Contains(err.Error(), "--max-deletes 32") {
			t.Fatalf("want the max-deletes guard, got %v", err)
		}
		if diff := compare(snapshot(t, e.root), before); diff != "" {
			t.Errorf("a refused deploy changed the target:\n%s", diff)
		}
		if res := mustRun(t, e, small.write(t), Options{MaxDeletes: 10, DryRun: true}); len(res.Plan.Delete) != 32 {
			t.Errorf("a dry run should list the 32 deletions, not refuse: %d", len(res.Plan.Delete))
		}
		res := mustRun(t, e, small.write(t), Options{MaxDeletes: 32})
		if res.Deleted != 32 {
			t.Errorf("deleted %d, want 32", res.Deleted)
		}
		sameSite(t, e.root, small)
	})
}

// TestDryRun lists the plan with sizes and changes nothing, not even a lock.
func TestDryRun(t *testing.T) {
	eachTarget(t, func(t *testing.T, e *env) {
		s := baseSite()
		mustRun(t, e, s.write(t), Options{})
		before := snapshot(t, e.root)
		s["img/photo.jpg"] = strings.Repeat("NEWPHOTO", 1000)
		s["news/item-99/index.html"] = "<h1>新稿</h1>"
		delete(s, "news/item-01/index.html")
		res := mustRun(t, e, s.write(t), Options{DryRun: true})
		if diff := compare(snapshot(t, e.root), before); diff != "" {
			t.Errorf("a dry run changed the target:\n%s", diff)
		}
		if got := sentPaths(res); !reflect.DeepEqual(got, []string{"img/photo.jpg", "news/item-99/index.html"}) {
			t.Errorf("would send %v", got)
		}
		var b strings.Builder
		res.Plan.Describe(&b)
		for _, want := range []string{
			"预演（没有改动任何文件）：将上传 2 个文件（共 7.8 KB），删除 1 个，32 个没有变化\n",
			"  更新 资源     7.8 KB  img/photo.jpg\n",
			"  新增 页面       15 B  news/item-99/index.html\n",
			"  删除            41 B  news/item-01/index.html\n",
		} {
			if !strings.Contains(b.String(), want) {
				t.Errorf("dry-run listing lacks %q:\n%s", want, b.String())
			}
		}
		inEnglish(t)
		b.Reset()
		res.Plan.Describe(&b)
		for _, want := range []string{
			"would send 2 file(s) / 7.8 KB, delete 1 file(s); 32 file(s) unchanged",
			"update asset     7.8 KB  img/photo.jpg",
			"add    page        15 B  news/item-99/index.html",
			"delete             41 B  news/item-01/index.html",
		} {
			if !strings.Contains(b.String(), want) {
				t.Errorf("dry-run listing in English lacks %q:\n%s", want, b.String())
			}
		}
	})
}
