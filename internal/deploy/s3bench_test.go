package deploy

import (
	"bytes"
	"context"
	"encoding/json"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// BenchmarkDeploy10k publishes a built site (SHOWCASE_BENCH_SITE, the
// output of "showcase build" of a 10,000-page corpus) to a fresh target,
// then again after one page changed: to the S3 server of the tests
// (SeaweedFS), with rclone sync to the same server, and over SFTP to a
// local sshd. One iteration is enough (-benchtime=1x):
//
//	SHOWCASE_WEED=… SHOWCASE_BENCH_SITE=/tmp/site-out \
//	  go test -run '^$' -bench Deploy10k -benchtime=1x ./internal/deploy/
//
// Metrics: first-s and edit-s (wall time), first-objects and edit-objects
// (files sent), first-MB and edit-KB (their content), and for S3 the HTTP
// requests made (first-requests, edit-requests).
//
// One run, 2026-12-03, 2 shared cores (load average 16 to 20 throughout):
// /tmp/corpus10k (gencorpus defaults) built, 35,639 files, 181.4 MB;
// SeaweedFS 4.53, rclone 1.60.1 (sync --checksum --transfers 16), OpenSSH 9.2;
// the edit changes one page's file.
//
//	                      first deploy                  one page edited
//	showcase s3://        57.6 s  35,639 obj  181.4 MB   3.28 s  1 obj  10.4 KB  (17 requests)
//	rclone sync           94.8 s  35,640 obj  181.4 MB  21.0 s   1 obj  10.4 KB
//	showcase sftp://      33.4 s  35,639 obj  181.4 MB   1.89 s  1 obj  10.4 KB
//
// The S3 first deploy makes one PUT per file (35,690 requests in all:
// the lock, manifest and journal are the rest); a redeploy reads the
// manifest instead of listing the bucket, which is what rclone's 21 s is
// (it lists all 35,640 objects to compare their MD5). rclone also sent
// .showcase-output, which deploy never publishes.
func BenchmarkDeploy10k(b *testing.B) {
	source := os.Getenv("SHOWCASE_BENCH_SITE")
	if source == "" {
		b.Skip("SHOWCASE_BENCH_SITE (a built 10,000-page site) is not set")
	}
	edited := linkCopy(b, source)
	w := startWeed(b)

	b.Run("s3", func(b *testing.B) {
		for range b.N {
			e := &s3Env{w: w, bucket: w.newBucket(b), prefix: "dangjian/"}
			deployStep := func(dir, step string) {
				tg, tr := e.open(b)
				start := time.Now()
				res, err := Deploy(context.Background(), tg, Options{Source: dir, Site: testSite, MaxDeletes: -1})
				if err != nil {
					b.Fatal(err)
				}
				report(b, step, time.Since(start), res.Sent, res.SentBytes)
				b.ReportMetric(float64(tr.requests.Load()), step+"-requests")
			}
			deployStep(source, "first")
			deployStep(edited, "edit")
		}
	})

	b.Run("rclone-sync", func(b *testing.B) {
		if _, err := exec.LookPath("rclone"); err != nil {
			b.Skip("rclone is not installed (apt-get install rclone)")
		}
		for range b.N {
			bucket := w.newBucket(b)
			deployStep := func(dir, step string) {
				start := time.Now()
				files, bytes := rcloneSync(b, w, dir, bucket+"/dangjian")
				report(b, step, time.Since(start), files, bytes)
			}
			deployStep(source, "first")
			deployStep(edited, "edit")
		}
	})

	b.Run("sftp", func(b *testing.B) {
		srv := startSSHD(b)
		for range b.N {
			root := b.TempDir()
			deployStep := func(dir, step string) {
				tg := srv.open(b, root)
				start := time.Now()
				res, err := Deploy(context.Background(), tg, Options{Source: dir, Site: testSite, MaxDeletes: -1})
				if err != nil {
					b.Fatal(err)
				}
				report(b, step, time.Since(start), res.Sent, res.SentBytes)
			}
			deployStep(source, "first")
			deployStep(edited, "edit")
		}
	})
}

func report(b *testing.B, step string, took time.Duration, files int, size int64) {
	b.ReportMetric(took.Seconds(), step+"-s")
	b.ReportMetric(float64(files), step+"-objects")
	if step == "first" {
		b.ReportMetric(float64(size)/1e6, step+"-MB")
	} else {
		b.ReportMetric(float64(size)/1e3, step+"-KB")
	}
}

// linkCopy copies a site with hard links, then edits one page (a new
// paragraph in the first news article's page, or else in the first page).
func linkCopy(b *testing.B, source string) string {
	b.Helper()
	dir := b.TempDir()
	var pages []string
	err := filepath.WalkDir(source, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(source, p)
		to := filepath.Join(dir, rel)
		if d.IsDir() {
			return os.MkdirAll(to, 0o755)
		}
		if d.Name() == "index.html" && strings.Count(filepath.ToSlash(rel), "/") == 2 {
			pages = append(pages, rel)
		}
		return os.Link(p, to)
	})
	if err != nil || len(pages) == 0 {
		b.Fatalf("copying %s: %v (%d pages)", source, err, len(pages))
	}
	page := pages[0]
	for _, p := range pages {
		if strings.HasPrefix(filepath.ToSlash(p), "news/") {
			page = p
			break
		}
	}
	data, err := os.ReadFile(filepath.Join(source, page))
	if err != nil {
		b.Fatal(err)
	}
	data = bytes.Replace(data, []byte("</main>"), []byte("<p>补充一段。</p></main>"), 1)
	os.Remove(filepath.Join(dir, page))
	if err := os.WriteFile(filepath.Join(dir, page), append(data, "\n<!-- edited -->\n"...), 0o644); err != nil {
		b.Fatal(err)
	}
	return dir
}

// rcloneSync runs rclone sync to the server (anonymous, path style), MD5
// against ETag (--checksum, the fair comparison for object storage), 16
// transfers as showcase, and returns the files and bytes it sent.
func rcloneSync(b *testing.B, w *weedServer, dir, dest string) (int, int64) {
	b.Helper()
	cmd := exec.Command("rclone", "sync", "--checksum", "--transfers", "16", "--checkers", "16",
		"--use-json-log", "--stats", "0", "-v", dir, "bench:"+dest)
	var env []string
	for _, kv := range os.Environ() {
		if !strings.HasPrefix(kv, "AWS_") { // AWS_CA_BUNDLE fails rclone's plain HTTP client
			env = append(env, kv)
		}
	}
	cmd.Env = append(env, "RCLONE_CONFIG_BENCH_TYPE=s3", "RCLONE_CONFIG_BENCH_PROVIDER=SeaweedFS",
		"RCLONE_CONFIG_BENCH_ENDPOINT="+w.endpoint, "RCLONE_CONFIG_BENCH_FORCE_PATH_STYLE=true")
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &out
	if err := cmd.Run(); err != nil {
		b.Fatalf("rclone: %v\n%s", err, out.Bytes())
	}
	// one log line per file sent ("Copied (new)", "Copied (replaced
	// existing)"), naming it
	var files int
	var size int64
	for _, line := range strings.Split(out.String(), "\n") {
		var l struct{ Msg, Object string }
		if json.Unmarshal([]byte(line), &l) == nil && strings.HasPrefix(l.Msg, "Copied") {
			fi, err := os.Stat(filepath.Join(dir, filepath.FromSlash(l.Object)))
			if err != nil {
				b.Fatalf("rclone copied %s: %v", l.Object, err)
			}
			files++
			size += fi.Size()
		}
	}
	return files, size
}
