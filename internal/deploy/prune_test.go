package deploy

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"sort"
	"strings"
	"testing"
)

// otherSite is the source folder of another site, as in the report: a
// wrong --target pointing at it must not lose a file.
func otherSite() site {
	s := site{"site.toml": "title = \"另一个网站\"\n"}
	for i := range 40 {
		s[fmt.Sprintf("content/news/n%02d.md", i)] = "+++\ntitle = \"稿件\"\n+++\n正文"
	}
	return s
}

// wantPruneRefused fails unless err refuses --prune listing exactly the
// files, and the target still holds before.
func wantPruneRefused(t *testing.T, e *env, err error, reason string, files []string, before site) {
	t.Helper()
	var pe *PruneRefusedError
	if !errors.As(err, &pe) {
		t.Fatalf("want --prune refused, got %v", err)
	}
	if !reflect.DeepEqual(pe.Files, files) {
		t.Errorf("the refusal lists %v\nwant %v", pe.Files, files)
	}
	msg := err.Error()
	for _, want := range []string{"不能清理发布目标", reason, "先不加 --prune 发布一次", "nothing was changed"} {
		if !strings.Contains(msg, want) {
			t.Errorf("the refusal lacks %q:\n%s", want, msg)
		}
	}
	if !strings.HasPrefix(msg, "不能清理") {
		t.Errorf("the refusal should speak Chinese first:\n%s", msg)
	}
	if diff := compare(snapshot(t, e.root), before); diff != "" {
		t.Errorf("a refused --prune changed the target:\n%s", diff)
	}
}

func names(s site) []string {
	var out []string
	for name := range s {
		out = append(out, name)
	}
	sort.Strings(out)
	return out
}

// TestPruneRefusesATargetWithoutManifest: --prune to another site's source
// folder (no manifest) refuses, lists the 41 files it would remove, and
// leaves them all; a dry run lists them and says a deploy would refuse. A
// deploy without --prune (after which the target is this site's) then
// allows --prune.
func TestPruneRefusesATargetWithoutManifest(t *testing.T) {
	eachTarget(t, func(t *testing.T, e *env) {
		other := otherSite()
		for name, data := range other {
			mustWrite(t, filepath.Join(e.root, filepath.FromSlash(name)), data)
		}
		s := baseSite()
		dir := s.write(t)
		res, err := run(t, e, dir, Options{Prune: true})
		wantPruneRefused(t, e, err, "目标上没有 showcase 的发布清单", names(other), other)
		if !strings.Contains(err.Error(), "  content/news/n00.md\n") || !strings.Contains(err.Error(), "另有 11 个") {
			t.Errorf("the refusal should list 30 files and count the rest:\n%s", err)
		}
		if res == nil || res.Sent != 0 {
			t.Errorf("a refused deploy sent files: %+v", res)
		}
		dry := mustRun(t, e, dir, Options{Prune: true, DryRun: true})
		if dry.PruneRefused == nil || len(dry.Plan.Delete) != len(other) {
			t.Errorf("a dry run should list the %d deletions and say a deploy would refuse: %+v", len(other), dry.PruneRefused)
		}
		mustRun(t, e, dir, Options{})
		if res := mustRun(t, e, dir, Options{Prune: true}); res.Deleted != len(other) {
			t.Errorf("--prune after a deploy deleted %d, want %d", res.Deleted, len(other))
		}
		sameSite(t, e.root, s)
	})
}

// TestPruneRefusesAnotherSitesTarget: a target whose manifest another
// site's deploy wrote (or one written before manifests named their site)
// is not pruned, and nothing on it changes: not the other site's files,
// not the one put there by hand.
func TestPruneRefusesAnotherSitesTarget(t *testing.T) {
	eachTarget(t, func(t *testing.T, e *env) {
		mustRun(t, e, baseSite().write(t), Options{Site: "https://xuegong.example.edu.cn/"})
		mustWrite(t, filepath.Join(e.root, "uploads/notice.pdf"), "put there by hand")
		before := snapshot(t, e.root)
		mine := site{"index.html": "<h1>本网站</h1>"}
		_, err := run(t, e, mine.write(t), Options{Prune: true})
		wantPruneRefused(t, e, err, `属于另一个网站“https://xuegong.example.edu.cn/”`, []string{"uploads/notice.pdf"}, before)

		manifest := filepath.Join(e.root, ManifestName)
		data, _ := os.ReadFile(manifest)
		old := strings.Replace(string(data), `"site": "https://xuegong.example.edu.cn/", `, "", 1)
		if old == string(data) {
			t.Fatalf("the manifest does not record its site:\n%.200s", data)
		}
		mustWrite(t, manifest, old)
		before = snapshot(t, e.root)
		_, err = run(t, e, mine.write(t), Options{Prune: true})
		wantPruneRefused(t, e, err, "由旧版 showcase 写成", []string{"uploads/notice.pdf"}, before)
	})
}
