package deploy

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"net/http"
	"net/url"
	"os"
	"reflect"
	"sort"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

// cuttable is an HTTP transport whose "network" can be dropped: after the
// cut every new request fails (those under way finish, as the server had
// them), as with a cable pulled.
// It records the objects written (PUT) and deleted.
type cuttable struct {
	base     http.RoundTripper
	cut      atomic.Bool
	mu       sync.Mutex
	puts     []string // keys, with the bucket
	deletes  []string
	requests atomic.Int64
}

func (c *cuttable) RoundTrip(r *http.Request) (*http.Response, error) {
	if c.cut.Load() {
		return nil, errCut
	}
	c.requests.Add(1)
	resp, err := c.base.RoundTrip(r)
	if err == nil && resp.StatusCode/100 == 2 && (r.Method == http.MethodPut || r.Method == http.MethodDelete) {
		key, _ := url.PathUnescape(strings.TrimPrefix(r.URL.EscapedPath(), "/"))
		c.mu.Lock()
		if r.Method == http.MethodPut {
			c.puts = append(c.puts, key)
		} else {
			c.deletes = append(c.deletes, key)
		}
		c.mu.Unlock()
	}
	return resp, err
}

// written lists the site files written (deploy's own objects left out),
// sorted.
func (c *cuttable) written(e *s3Env) []string { return c.siteFiles(e, c.puts) }

// removed lists the site files deleted, sorted.
func (c *cuttable) removed(e *s3Env) []string { return c.siteFiles(e, c.deletes) }

func (c *cuttable) siteFiles(e *s3Env, keys []string) []string {
	c.mu.Lock()
	defer c.mu.Unlock()
	var names []string
	for _, key := range keys {
		if name, ok := strings.CutPrefix(key, e.bucket+"/"+e.prefix); ok && !isControl(name) {
			names = append(names, name)
		}
	}
	sort.Strings(names)
	return names
}

// s3CutThenRerun cuts the network after K changes (in the assets, in the
// pages, after the last file but before the manifest, during deletions),
// checks that the live site is consistent and the manifest claims nothing
// absent, then reruns: the rerun sends exactly what had not arrived.
func s3CutThenRerun(t *testing.T, newEnv func(*testing.T) *s3Env) {
	// 4 assets, 9 pages, 3 indexes to send; then 4 deletions
	for _, cutAt := range []int{2, 9, 16, 18} {
		t.Run(fmt.Sprint("after-", cutAt), func(t *testing.T) {
			e := newEnv(t)
			v1 := baseSite()
			v2 := nextVersion(v1)
			e.mustDeploy(t, v1.write(t), Options{})
			dir := v2.write(t)
			tg, tr := e.open(t)
			var n atomic.Int64
			_, err := Deploy(context.Background(), tg, Options{Source: dir, MaxDeletes: 256, Site: testSite,
				afterChange: func(string) {
					if n.Add(1) == int64(cutAt) {
						tr.cut.Store(true)
					}
				}})
			if err == nil || !strings.Contains(err.Error(), "run the deploy again") {
				t.Fatalf("a cut deploy: want an error telling to rerun, got %v", err)
			}
			arrived := s3Consistent(t, e, v1, v2)

			// the cut deploy's lock stays and names it; this process is
			// alive, so it is removed by hand, as an operator would
			_, err = e.deploy(t, dir, Options{})
			var locked *LockedError
			if !errors.As(err, &locked) || locked.Holder.PID != os.Getpid() {
				t.Fatalf("want the lock of the cut deploy, got %v", err)
			}
			e.remove(t, LockName)

			res := e.mustDeploy(t, dir, Options{})
			want := missing(v2, arrived)
			if got := e.last.written(e); !reflect.DeepEqual(got, want) || !reflect.DeepEqual(sentPaths(res), want) {
				t.Errorf("the rerun wrote %v\nwant only what had not arrived: %v", got, want)
			}
			if !res.Interrupted {
				t.Error("the rerun did not notice the interrupted deploy")
			}
			sameObjects(t, e, v2)
		})
	}
}

// s3Lock: the lock object is created only if there is none, and a deploy
// while another holds it is refused.
func s3Lock(t *testing.T, e *s3Env) {
	tg, _ := e.open(t)
	if err := tg.CreateExclusive(LockName, []byte("first")); err != nil {
		t.Fatal(err)
	}
	if err := tg.CreateExclusive(LockName, []byte("second")); !errors.Is(err, fs.ErrExist) {
		t.Errorf("a second lock: want fs.ErrExist, got %v", err)
	}
	if got, _ := tg.ReadFile(LockName); string(got) != "first" {
		t.Errorf("the lock now holds %q", got)
	}
	tg.Remove(LockName)

	// a deploy while another holds the lock is refused
	dir := baseSite().write(t)
	var second error
	e.mustDeploy(t, dir, Options{lockedHook: func() {
		_, second = e.deploy(t, dir, Options{})
	}})
	if locked := (*LockedError)(nil); !errors.As(second, &locked) {
		t.Errorf("a deploy during another: want a LockedError, got %v", second)
	}
	if _, err := tg.Size(LockName); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("the lock stayed after the deploy: %v", err)
	}
}

// s3LockTakeover: the lock of a deploy that provably ended is taken over
// (renamed aside by copy and delete, then taken anew).
func s3LockTakeover(t *testing.T, e *s3Env) {
	me := whoAmI(time.Now().Add(-time.Minute))
	if me.Boot == "" {
		t.Skip("no /proc/sys/kernel/random/boot_id: nothing can be proven on this system")
	}
	ended := me
	ended.PID, ended.ProcStart = endedPID(t), 12345
	data, _ := json.Marshal(ended)
	e.putForeign(t, e.prefix+LockName, string(data))
	res := e.mustDeploy(t, baseSite().write(t), Options{})
	if !strings.Contains(res.TookOver, "已结束") {
		t.Errorf("the summary does not say whose lock was taken over: %q", res.TookOver)
	}
	for name := range e.site(t) {
		if name == LockName || strings.HasPrefix(name, partPrefix) {
			t.Errorf("%s left in the bucket", name)
		}
	}
}

// s3Consistent checks the bucket after a cut, as consistent does a folder:
// every object old or new, nothing both versions have missing, the
// manifest claiming only what is there. It returns the files of v2 in
// place.
func s3Consistent(t *testing.T, e *s3Env, v1, v2 site) map[string]bool {
	t.Helper()
	got := e.site(t)
	for name, data := range withoutControl(got) {
		if data != v1[name] && data != v2[name] {
			t.Errorf("%s in the bucket is neither the old file nor the new one", name)
		}
	}
	for name := range v1 {
		if _, inV2 := v2[name]; inV2 {
			if _, ok := got[name]; !ok {
				t.Errorf("%s vanished from the live site", name)
			}
		}
	}
	tg, _ := e.open(t)
	files, err := readManifest(tg)
	if err != nil {
		t.Fatal(err)
	}
	for name, entry := range files {
		if _, ok := got[name]; !ok {
			t.Errorf("the manifest claims %s, which is not there", name)
		}
		h1, _ := hashReader(strings.NewReader(v1[name]))
		h2, _ := hashReader(strings.NewReader(v2[name]))
		if entry != h1 && entry != h2 {
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
