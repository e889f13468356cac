package deploy

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"sort"
	"strings"
	"sync/atomic"
	"testing"
)

// nextVersion changes a site the way a day's work does: a new photo and
// stylesheet, edited and new pages, new feeds, pages taken down.
func nextVersion(s site) site {
	n := s.clone()
	n["css/site.css"] = "body { color: #222 }"
	n["img/photo.jpg"] = strings.Repeat("NEWPHOTO", 30_000)
	n["img/new.png"] = "PNG"
	n["search/shard-cd.json"] = `{"双创":[3]}`
	n["search/manifest.json"] = `{"shards":["shard-ab.json","shard-cd.json"]}`
	for i := 0; i < 8; i++ {
		n[fmt.Sprintf("news/item-%02d/index.html", i)] = fmt.Sprintf("<h1>新闻 %d（修订）</h1>", i)
	}
	n["news/item-90/index.html"] = "<h1>新稿</h1>"
	n["index.xml"] = "<rss><item/></rss>"
	n["sitemap.xml"] = "<urlset><url/></urlset>"
	for i := 20; i < 24; i++ {
		delete(n, fmt.Sprintf("news/item-%02d/index.html", i))
	}
	return n
}

// TestInterruptedDeployConverges drops the connection after K changes (in
// the assets, in the pages, after the last file but before the manifest,
// during deletions), checks that the live site is consistent and that the
// manifest claims nothing absent, then reruns: the rerun sends exactly the
// files that had not arrived, and the target ends up equal to the build.
func TestInterruptedDeployConverges(t *testing.T) {
	v1 := baseSite()
	v2 := nextVersion(v1)
	// 4 assets, 9 pages, 3 indexes to send; then 4 deletions
	for _, cutAt := range []int{2, 9, 16, 18} {
		t.Run(fmt.Sprintf("after-%d", cutAt), func(t *testing.T) {
			eachTarget(t, func(t *testing.T, e *env) {
				mustRun(t, e, v1.write(t), Options{})
				dir := v2.write(t)
				_, err := cutDeploy(t, e, dir, cutAt)
				if err == nil || !strings.Contains(err.Error(), "run the deploy again") {
					t.Fatalf("a cut deploy: want an error telling to rerun, got %v", err)
				}
				arrived := consistent(t, e.root, v1, v2)

				// the lock of the dead deploy stays, and says whose it is
				_, err = run(t, e, dir, Options{})
				var locked *LockedError
				if !errors.As(err, &locked) || locked.Holder.PID != os.Getpid() {
					t.Fatalf("want the lock of the cut deploy, got %v", err)
				}
				// its process is alive here (it is this test), so remove it
				// by hand, as the message tells an operator to
				os.Remove(filepath.Join(e.root, LockName))

				res := mustRun(t, e, dir, Options{})
				convergedWithoutResending(t, e, res, v2, arrived)
				if res := mustRun(t, e, dir, Options{}); res.Sent != 0 || res.Deleted != 0 {
					t.Errorf("a third run sent %d, deleted %d", res.Sent, res.Deleted)
				}
			})
		})
	}
}

// TestInterruptedTwice: the rerun is cut off too; the third run converges
// without sending what either of the first two delivered.
func TestInterruptedTwice(t *testing.T) {
	v1 := baseSite()
	v2 := nextVersion(v1)
	eachTarget(t, func(t *testing.T, e *env) {
		mustRun(t, e, v1.write(t), Options{})
		dir := v2.write(t)
		if _, err := cutDeploy(t, e, dir, 4); err == nil {
			t.Fatal("the first cut deploy did not fail")
		}
		os.Remove(filepath.Join(e.root, LockName))
		if _, err := cutDeploy(t, e, dir, 6); err == nil {
			t.Fatal("the second cut deploy did not fail")
		}
		os.Remove(filepath.Join(e.root, LockName))
		arrived := consistent(t, e.root, v1, v2)
		res := mustRun(t, e, dir, Options{})
		convergedWithoutResending(t, e, res, v2, arrived)
	})
}

// TestCancelledDeploy: Ctrl-C lets the files in flight finish, stops, and
// releases the lock; the journal stays for the rerun, which converges.
func TestCancelledDeploy(t *testing.T) {
	v1 := baseSite()
	v2 := nextVersion(v1)
	eachTarget(t, func(t *testing.T, e *env) {
		mustRun(t, e, v1.write(t), Options{})
		dir := v2.write(t)
		ctx, cancel := context.WithCancel(context.Background())
		defer cancel()
		var n atomic.Int64
		tg := e.open(t)
		_, err := Deploy(ctx, tg, Options{Source: dir, MaxDeletes: 256, afterChange: func(string) {
			if n.Add(1) == 5 {
				cancel()
			}
		}})
		tg.Close()
		if err == nil || !strings.Contains(err.Error(), "deploy interrupted") {
			t.Fatalf("want the deploy interrupted, got %v", err)
		}
		if _, err := os.Stat(filepath.Join(e.root, LockName)); !errors.Is(err, os.ErrNotExist) {
			t.Error("a cancelled deploy kept its lock")
		}
		if _, err := os.Stat(filepath.Join(e.root, JournalName)); err != nil {
			t.Errorf("a cancelled deploy removed its journal: %v", err)
		}
		arrived := consistent(t, e.root, v1, v2)
		res := mustRun(t, e, dir, Options{})
		convergedWithoutResending(t, e, res, v2, arrived)
	})
}

// cutDeploy deploys and drops the connection after k changes.
func cutDeploy(t *testing.T, e *env, dir string, k int) (*Result, error) {
	t.Helper()
	tg := e.open(t)
	defer tg.Close()
	var n atomic.Int64
	res, err := Deploy(context.Background(), tg, Options{
		Source: dir, MaxDeletes: 256,
		afterChange: func(string) {
			if n.Add(1) == int64(k) {
				e.cut(tg)
			}
		},
	})
	e.settle(t)
	return res, err
}

// consistent checks the target after a cut: every file whole, old or new;
// nothing lost that both versions have; the manifest lists only files that
// are there. It returns the files of v2 already in place (or, for those v2
// drops, already gone).
func consistent(t *testing.T, root string, v1, v2 site) map[string]bool {
	t.Helper()
	got := snapshot(t, root)
	for name, data := range withoutControl(got) {
		if data != v1[name] && data != v2[name] {
			t.Errorf("%s on the target is neither the old file nor the new one", name)
		}
	}
	for name := range v1 {
		if _, inV2 := v2[name]; inV2 {
			if _, ok := got[name]; !ok {
				t.Errorf("%s vanished from the live site", name)
			}
		}
	}
	files, err := readManifest(mustOpenFolder(t, root))
	if err != nil {
		t.Fatal(err)
	}
	for name, e := range files {
		if _, ok := got[name]; !ok {
			t.Errorf("the manifest claims %s, which is not there", name)
		}
		h1, _ := hashReader(strings.NewReader(v1[name]))
		h2, _ := hashReader(strings.NewReader(v2[name]))
		if e != h1 && e != h2 {
			t.Errorf("the manifest records %s as neither its old nor its new content", name)
		}
	}
	arrived := map[string]bool{}
	for name, data := range v2 {
		if g, ok := got[name]; ok && g == data {
			arrived[name] = true
		}
	}
	return arrived
}

// convergedWithoutResending checks the rerun after a cut: it sent exactly
// the files that had not arrived (cutDeploy waited for the server to finish
// what it had received, so what the test saw is what the rerun finds).
func convergedWithoutResending(t *testing.T, e *env, res *Result, v2 site, arrived map[string]bool) {
	t.Helper()
	sent := sentPaths(res)
	for _, name := range sent {
		if arrived[name] {
			t.Errorf("the rerun sent %s again, though it had arrived", name)
		}
	}
	want := missing(v2, arrived)
	if !reflect.DeepEqual(sent, want) {
		t.Errorf("rerun sent %v\nwant only what had not arrived: %v", sent, want)
	}
	if !res.Interrupted {
		t.Error("the rerun did not notice the interrupted deploy")
	}
	sameSite(t, e.root, v2)
}

// missing lists the files of the site that had not arrived.
func missing(s site, arrived map[string]bool) []string {
	var names []string
	for name := range s {
		if !arrived[name] {
			names = append(names, name)
		}
	}
	sort.Strings(names)
	return names
}
