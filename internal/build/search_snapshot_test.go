package build

import (
	"fmt"
	"reflect"
	"testing"
)

// sameDocs checks that the search documents the session's indexer took
// last, most of them kept from the snapshots before, are those of a fresh
// load of the site.
func (r *sessionRun) sameDocs(step string) {
	t := r.t
	t.Helper()
	site, _, err := Load(Options{Source: r.src, Now: fixedNow})
	if err != nil {
		t.Fatalf("%s: %v", step, err)
	}
	want, wantOpts := SearchDocs(site)
	snap := r.snapshot()
	if snap == nil {
		t.Fatalf("%s: the session took no search documents", step)
	}
	if !reflect.DeepEqual(snap.sopts, wantOpts) {
		t.Errorf("%s: search options %+v, a fresh load's %+v", step, snap.sopts, wantOpts)
	}
	if len(snap.docs) != len(want) {
		t.Fatalf("%s: %d search documents, a fresh load has %d", step, len(snap.docs), len(want))
	}
	for i := range want {
		if !reflect.DeepEqual(snap.docs[i], want[i]) {
			t.Errorf("%s: search document %d is\n%+v\na fresh load's\n%+v", step, i, snap.docs[i], want[i])
		}
	}
}

// snapshot is the last search documents the session's indexer took.
func (r *sessionRun) snapshot() *docSnapshot {
	x := r.sess.index
	x.mu.Lock()
	defer x.mu.Unlock()
	return x.docs
}

// TestSnapshotDerivesEditedPages: after an edit, the search documents are
// taken from the last snapshot except for the pages the edit changes: a
// body edit derives one document, a profile's new title also those of the
// pages that name it. (Before, every edit derived every page's document,
// and the next save waited for it.)
func TestSnapshotDerivesEditedPages(t *testing.T) {
	files := map[string]string{
		"site.toml":             "title = \"t\"\n",
		"content/branches/x.md": "+++\ntitle = \"中文系教师党支部\"\nkind = \"样板支部\"\n+++\n简介。\n",
	}
	for i := range 8 {
		branches := ""
		if i < 3 {
			branches = "branches = [\"x\"]\n"
		}
		files[fmt.Sprintf("content/news/n%d.md", i)] = news(fmt.Sprintf("新闻%d", i), fmt.Sprintf("2025-01-%02d", i+1), branches)
	}
	r := newSessionRun(t, makeSite(t, files))
	derived := func(step string, want int) {
		t.Helper()
		if snap := r.snapshot(); snap == nil || snap.derived != want {
			n := -1
			if snap != nil {
				n = snap.derived
			}
			t.Errorf("%s: the snapshot derived %d documents, want %d", step, n, want)
		}
	}
	r.step("first build", false, nil)
	derived("first build", 9) // eight news and a profile
	r.step("a body", true, r.write("content/news/n5.md", news("新闻5", "2025-01-06", "")+"改过了。\n"))
	derived("a body", 1)
	r.step("a title", true, r.write("content/news/n6.md", news("新闻六", "2025-01-07", "")))
	derived("a title", 1)
	r.step("a date that moves it", true, r.write("content/news/n6.md", news("新闻六", "2024-12-01", "")))
	derived("a date that moves it", 1)
	r.step("a profile's title", true, r.write("content/branches/x.md", "+++\ntitle = \"中文系教师党支部（样板）\"\nkind = \"样板支部\"\n+++\n简介。\n"))
	derived("a profile's title", 4) // the profile and the three pages naming it
	r.step("a page names the profile", true, r.write("content/news/n7.md", news("新闻7", "2025-01-08", "branches = [\"x\"]\n")))
	derived("a page names the profile", 1)
}
