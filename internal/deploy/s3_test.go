package deploy

import (
	"bytes"
	"compress/gzip"
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"sort"
	"strings"
	"testing"
)

// headerSite is baseSite with a file of every kind whose headers differ:
// files named by their content (a hashed stylesheet, search index files),
// a compressed SVG, a font, a PDF, a web manifest.
func headerSite() site {
	s := baseSite()
	s["css/main.3f2a9c1b.css"] = "body{}"
	s["search/m-0a1b2c3d4e5f.bin"] = "\x1f\x8bmanifest"
	s["search/s-0a1b2c3d4e5f/t/3.bin"] = "\x1f\x8bshard"
	s["img/logo.svgz"] = gzipped("<svg/>")
	s["img/logo.svg"] = "<svg/>"
	s["fonts/noto.woff2"] = "wOF2"
	s["files/report.pdf"] = "%PDF-1.7"
	s["site.webmanifest"] = "{}"
	s["news/20240101/photo.jpg"] = "JPEG" // a date is no hash
	return s
}

// wantHeaders are the headers each file of headerSite must be served with:
// Content-Type, Cache-Control, Content-Encoding.
var wantHeaders = map[string][3]string{
	"index.html":                    {"text/html; charset=utf-8", "no-cache", ""},
	"404.html":                      {"text/html; charset=utf-8", "no-cache", ""},
	"news/item-00/index.html":       {"text/html; charset=utf-8", "no-cache", ""},
	"index.xml":                     {"application/xml; charset=utf-8", "no-cache", ""},
	"sitemap.xml":                   {"application/xml; charset=utf-8", "no-cache", ""},
	"robots.txt":                    {"text/plain; charset=utf-8", "no-cache", ""},
	"search/manifest.json":          {"application/json; charset=utf-8", "no-cache", ""},
	"site.webmanifest":              {"application/manifest+json; charset=utf-8", "no-cache", ""},
	"search/shard-ab.json":          {"application/json; charset=utf-8", "public, max-age=600", ""},
	"css/site.css":                  {"text/css; charset=utf-8", "public, max-age=600", ""},
	"js/search.js":                  {"text/javascript; charset=utf-8", "public, max-age=600", ""},
	"img/photo.jpg":                 {"image/jpeg", "public, max-age=600", ""},
	"news/20240101/photo.jpg":       {"image/jpeg", "public, max-age=600", ""},
	"img/logo.svg":                  {"image/svg+xml; charset=utf-8", "public, max-age=600", ""},
	"img/logo.svgz":                 {"image/svg+xml", "public, max-age=600", "gzip"},
	"fonts/noto.woff2":              {"font/woff2", "public, max-age=600", ""},
	"files/report.pdf":              {"application/pdf", "public, max-age=600", ""},
	"css/main.3f2a9c1b.css":         {"text/css; charset=utf-8", "public, max-age=31536000, immutable", ""},
	"search/m-0a1b2c3d4e5f.bin":     {"application/octet-stream", "public, max-age=31536000, immutable", ""},
	"search/s-0a1b2c3d4e5f/t/3.bin": {"application/octet-stream", "public, max-age=31536000, immutable", ""},
	ManifestName:                    {"application/json; charset=utf-8", "no-cache", ""},
}

// TestS3 deploys to a real S3 server (SeaweedFS on 127.0.0.1), a bucket
// per subtest.
func TestS3(t *testing.T) {
	w := startWeed(t)
	t.Cleanup(func() {
		if t.Failed() {
			t.Logf("weed:\n%s", w.log)
		}
	})
	newEnv := func(t *testing.T) *s3Env {
		return &s3Env{w: w, bucket: w.newBucket(t), prefix: "dangjian/"}
	}

	t.Run("deploy-edit-delete-headers", func(t *testing.T) {
		e := newEnv(t)
		v1 := headerSite()
		res := e.mustDeploy(t, v1.write(t), Options{})
		if res.Sent != len(v1) || !reflect.DeepEqual(e.last.written(e), sortedKeys(v1)) {
			t.Errorf("first deploy sent %d objects %v, want all %d", res.Sent, e.last.written(e), len(v1))
		}
		sameObjects(t, e, v1)
		objs := e.objects(t)
		for name := range v1 {
			if _, ok := wantHeaders[name]; !ok && !strings.HasPrefix(name, "news/item-") {
				t.Errorf("no headers expected for %s: add it to wantHeaders", name)
			}
		}
		for name, want := range wantHeaders {
			h := objs[e.prefix+name].headers
			got := [3]string{h.Get("Content-Type"), h.Get("Cache-Control"), h.Get("Content-Encoding")}
			if got != want {
				t.Errorf("%s served with %q, want %q", name, got, want)
			}
		}

		// an edit sends only what changed, and deletes what left the build
		v2 := nextVersion(v1)
		res = e.mustDeploy(t, v2.write(t), Options{})
		want := changedFiles(v1, v2)
		if got := e.last.written(e); !reflect.DeepEqual(got, want) {
			t.Errorf("the second deploy wrote %v\nwant only the changed files %v", got, want)
		}
		if want := []string{"news/item-20/index.html", "news/item-21/index.html", "news/item-22/index.html", "news/item-23/index.html"}; res.Deleted != 4 || !reflect.DeepEqual(e.last.removed(e), want) {
			t.Errorf("deleted %d: %v, want the 4 pages taken down", res.Deleted, e.last.removed(e))
		}
		sameObjects(t, e, v2)

		// one page edited: one object
		v3 := v2.clone()
		v3["news/item-05/index.html"] = "<h1>新闻 5（再次修订）</h1>"
		e.mustDeploy(t, v3.write(t), Options{})
		if got := e.last.written(e); !reflect.DeepEqual(got, []string{"news/item-05/index.html"}) {
			t.Errorf("a one-page edit wrote %v", got)
		}
		res = e.mustDeploy(t, v3.write(t), Options{})
		if res.Sent != 0 || res.Deleted != 0 || len(e.last.written(e)) != 0 {
			t.Errorf("a deploy without changes sent %d, deleted %d", res.Sent, res.Deleted)
		}
	})

	t.Run("large-files", func(t *testing.T) {
		// above md5Max a file is streamed; above 64 MB it goes in parts
		e := newEnv(t)
		v1 := site{"index.html": "<h1>首页</h1>",
			"files/video.mp4":   strings.Repeat("0123456789abcdef", 9<<16),  // 9 MB
			"files/archive.zip": strings.Repeat("fedcba9876543210", 65<<16), // 65 MB
		}
		e.mustDeploy(t, v1.write(t), Options{})
		sameObjects(t, e, v1)
	})

	t.Run("objects-outside-the-manifest", func(t *testing.T) {
		e := newEnv(t)
		foreign := map[string]string{
			"other/readme.txt":            "another site",
			"dangjian2/index.html":        "a sibling prefix",
			"dangjian/uploads/manual.pdf": "put there by hand",
			"dangjian/news/item-20/a.jpg": "beside a page that goes",
			"top.html":                    "at the top of the bucket",
		}
		for key, data := range foreign {
			e.putForeign(t, key, data)
		}
		before := e.objects(t)
		v1 := baseSite()
		e.mustDeploy(t, v1.write(t), Options{})
		e.mustDeploy(t, nextVersion(v1).write(t), Options{})
		after := e.objects(t)
		for key := range foreign {
			if after[key].data != before[key].data || after[key].etag != before[key].etag {
				t.Errorf("%s was changed or removed", key)
			}
		}
	})

	t.Run("prune-stays-under-the-prefix", func(t *testing.T) {
		e := newEnv(t)
		e.putForeign(t, "dangjian/uploads/manual.pdf", "put there by hand")
		e.putForeign(t, "dangjian2/index.html", "a sibling prefix")
		dir := baseSite().write(t)
		var refused *PruneRefusedError
		if _, err := e.deploy(t, dir, Options{Prune: true}); !errors.As(err, &refused) ||
			!reflect.DeepEqual(refused.Files, []string{"uploads/manual.pdf"}) {
			t.Fatalf("--prune on a prefix no deploy made: want a refusal listing uploads/manual.pdf, got %v", err)
		}
		e.mustDeploy(t, dir, Options{}) // adopts the prefix
		res := e.mustDeploy(t, dir, Options{Prune: true})
		if res.Deleted != 1 || !reflect.DeepEqual(e.last.removed(e), []string{"uploads/manual.pdf"}) {
			t.Errorf("--prune deleted %d: %v", res.Deleted, e.last.removed(e))
		}
		if e.objects(t)["dangjian2/index.html"].data != "a sibling prefix" {
			t.Error("--prune reached outside the prefix")
		}
	})

	t.Run("max-deletes", func(t *testing.T) {
		e := newEnv(t)
		v1 := baseSite()
		e.mustDeploy(t, v1.write(t), Options{})
		v2 := v1.clone()
		for i := range 10 {
			delete(v2, fmt.Sprintf("news/item-%02d/index.html", i))
		}
		v2["css/site.css"] = "changed"
		_, err := e.deploy(t, v2.write(t), Options{MaxDeletes: 3})
		if err == nil || !strings.Contains(err.Error(), "--max-deletes 10") {
			t.Fatalf("want a refusal naming --max-deletes 10, got %v", err)
		}
		if len(e.last.written(e)) != 0 || len(e.last.removed(e)) != 0 {
			t.Errorf("a refused deploy wrote %v and deleted %v", e.last.written(e), e.last.removed(e))
		}
		sameObjects(t, e, v1)
	})

	t.Run("dry-run", func(t *testing.T) {
		e := newEnv(t)
		v1 := baseSite()
		e.mustDeploy(t, v1.write(t), Options{})
		v2 := nextVersion(v1)
		res := e.mustDeploy(t, v2.write(t), Options{DryRun: true})
		if !reflect.DeepEqual(sentPaths(res), changedFiles(v1, v2)) || len(res.Plan.Delete) != 4 {
			t.Errorf("dry run plans %v and %d deletions", sentPaths(res), len(res.Plan.Delete))
		}
		if len(e.last.puts) != 0 || len(e.last.deletes) != 0 {
			t.Errorf("a dry run wrote %v, deleted %v", e.last.puts, e.last.deletes)
		}
		sameObjects(t, e, v1)
	})

	t.Run("cut-then-rerun-converges", func(t *testing.T) { s3CutThenRerun(t, newEnv) })

	t.Run("lock", func(t *testing.T) { s3Lock(t, newEnv(t)) })
	t.Run("lock-of-ended-deploy-taken-over", func(t *testing.T) { s3LockTakeover(t, newEnv(t)) })

	t.Run("cdn-refresh", func(t *testing.T) {
		e := newEnv(t)
		v1 := baseSite()
		e.mustDeploy(t, v1.write(t), Options{})
		res := e.mustDeploy(t, nextVersion(v1).write(t), Options{})
		dir := t.TempDir()
		got := filepath.Join(dir, "got.txt")
		cdn := CDNRefresh{File: filepath.Join(dir, "cdn", "refresh.txt"), Command: "cp {file} '" + got + "'"}
		const base = "https://dangjian.example.edu.cn/"
		if _, err := cdn.Run(context.Background(), ChangedURLs(res.Plan, base)); err != nil {
			t.Fatal(err)
		}
		want := []string{base + "css/site.css", base + "img/photo.jpg", base + "index.xml"}
		for _, i := range []int{0, 1, 2, 3, 4, 5, 6, 7, 20, 21, 22, 23} { // edited, then deleted
			want = append(want, fmt.Sprintf("%snews/item-%02d/", base, i), fmt.Sprintf("%snews/item-%02d/index.html", base, i))
		}
		want = append(want, base+"search/manifest.json", base+"sitemap.xml")
		sort.Strings(want)
		data, err := os.ReadFile(got)
		if err != nil {
			t.Fatalf("the command did not get the list: %v", err)
		}
		if lines := strings.Fields(string(data)); !reflect.DeepEqual(lines, want) {
			t.Errorf("the CDN command got\n%s\nwant\n%s", strings.Join(lines, "\n"), strings.Join(want, "\n"))
		}
	})

	t.Run("website-check", func(t *testing.T) {
		e := newEnv(t)
		dir := baseSite().write(t)
		e.mustDeploy(t, dir, Options{})
		// SeaweedFS has no website mode: a folder URL is no page
		err := CheckWebsite(context.Background(), httpClient(), e.w.endpoint+"/"+e.bucket+"/"+e.prefix, dir)
		if err == nil || !strings.Contains(err.Error(), "静态网站托管") || !strings.Contains(err.Error(), "/news/item-00/ ") {
			t.Errorf("want a warning naming the folder URL and static website hosting, got %v", err)
		}
	})
}

func gzipped(text string) string {
	var b bytes.Buffer
	z := gzip.NewWriter(&b)
	z.Write([]byte(text))
	z.Close()
	return b.String()
}

// sortedKeys lists a site's paths.
func sortedKeys(s site) []string {
	names := make([]string, 0, len(s))
	for name := range s {
		names = append(names, name)
	}
	sort.Strings(names)
	return names
}

// changedFiles lists the files of v2 that v1 does not have as they are.
func changedFiles(v1, v2 site) []string {
	var names []string
	for name, data := range v2 {
		if old, ok := v1[name]; !ok || old != data {
			names = append(names, name)
		}
	}
	sort.Strings(names)
	return names
}

// sameObjects fails the test unless the prefix holds exactly the site and
// a manifest listing it, and nothing of a deploy under way.
func sameObjects(t *testing.T, e *s3Env, want site) {
	t.Helper()
	got := e.site(t)
	for name := range got {
		if isControl(name) && name != ManifestName {
			t.Errorf("%s left in the bucket", name)
		}
	}
	if diff := compare(withoutControl(got), want); diff != "" {
		t.Errorf("the bucket differs from the build:\n%s", diff)
	}
	tg, _ := e.open(t)
	files, err := readManifest(tg)
	if err != nil {
		t.Fatal(err)
	}
	if len(files) != len(want) {
		t.Errorf("manifest lists %d files, the build has %d", len(files), len(want))
	}
	for name, entry := range files {
		if h, _ := hashReader(strings.NewReader(want[name])); h != entry {
			t.Errorf("manifest: %s is %+v, want %+v", name, entry, h)
		}
	}
}
