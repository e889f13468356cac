package deploy

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/url"
	"os"
	"os/exec"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/minio/minio-go/v7"

	"showcase/internal/browsertest"
)

// weedServer is a SeaweedFS server (master, volume, filer and S3 gateway
// in one process) on 127.0.0.1, open to anonymous requests: the S3 store
// of the tests. Its binary is $SHOWCASE_WEED (.ci/run builds it once);
// without it the tests skip, or fail under SHOWCASE_REQUIRE_ALL.
type weedServer struct {
	endpoint string // http://127.0.0.1:PORT
	client   *minio.Client
	log      *lockedLog
}

// startWeed starts the server for the test and stops it when the test
// ends. It waits (at most 60 s) for the S3 gateway to say it listens and
// for a first object to be stored (the volume server has registered).
func startWeed(t testing.TB) *weedServer {
	t.Helper()
	bin := os.Getenv("SHOWCASE_WEED")
	if bin == "" {
		browsertest.Require(t, "SeaweedFS (weed, built by .ci/run; set SHOWCASE_WEED)", errors.New("SHOWCASE_WEED is not set"))
	}
	if _, err := os.Stat(bin); err != nil {
		browsertest.Require(t, "SeaweedFS (weed)", err)
	}
	ports := freePorts(t, 8)
	dir := t.TempDir()
	args := []string{"server", "-s3", "-filer", "-ip=127.0.0.1", "-ip.bind=127.0.0.1", "-dir=" + dir,
		"-master.port=" + ports[0], "-master.port.grpc=" + ports[1], "-volume.port=" + ports[2], "-volume.port.grpc=" + ports[3],
		"-filer.port=" + ports[4], "-filer.port.grpc=" + ports[5], "-s3.port=" + ports[6], "-s3.port.grpc=" + ports[7],
		"-s3.port.iceberg=0", "-s3.port.lance=0", "-master.telemetry=false", "-master.volumeSizeLimitMB=16",
		"-volume.max=512", "-filer.localSocket=" + dir + "/filer.sock", "-s3.localSocket=" + dir + "/s3.sock"}
	cmd := exec.Command(bin, args...)
	cmd.Dir = dir
	stderr, err := cmd.StderrPipe()
	if err != nil {
		t.Fatal(err)
	}
	cmd.Stdout = io.Discard
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	w := &weedServer{endpoint: "http://127.0.0.1:" + ports[6], log: &lockedLog{}}
	ready, exited := make(chan struct{}), make(chan struct{})
	go func() {
		sc := bufio.NewScanner(stderr)
		sc.Buffer(make([]byte, 64*1024), 1<<20)
		var once sync.Once
		for sc.Scan() {
			line := sc.Text()
			w.log.add(line)
			if strings.Contains(line, "Start Seaweed S3 API Server") {
				once.Do(func() { close(ready) })
			}
		}
		cmd.Wait()
		close(exited)
	}()
	t.Cleanup(func() {
		cmd.Process.Kill()
		<-exited
	})
	select {
	case <-ready:
	case <-exited:
		t.Fatalf("weed exited:\n%s", w.log)
	case <-time.After(60 * time.Second):
		t.Fatalf("weed did not start its S3 gateway within 60 s:\n%s", w.log)
	}
	w.client, err = minio.New("127.0.0.1:"+ports[6], &minio.Options{BucketLookup: minio.BucketLookupPath})
	if err != nil {
		t.Fatal(err)
	}
	// the gateway listens before the volume server has registered with
	// the master: store a first object, trying again until it can
	deadline := time.Now().Add(60 * time.Second)
	for {
		err := w.client.MakeBucket(context.Background(), "warmup", minio.MakeBucketOptions{})
		if err == nil || minio.ToErrorResponse(err).Code == "BucketAlreadyOwnedByYou" || minio.ToErrorResponse(err).Code == "BucketAlreadyExists" {
			_, err = w.client.PutObject(context.Background(), "warmup", "probe", strings.NewReader("x"), 1, minio.PutObjectOptions{})
		}
		if err == nil {
			return w
		}
		if time.Now().After(deadline) {
			t.Fatalf("weed does not store objects 60 s after starting: %v\n%s", err, w.log)
		}
		time.Sleep(100 * time.Millisecond)
	}
}

// freePorts picks n free TCP ports on 127.0.0.1.
func freePorts(t testing.TB, n int) []string {
	t.Helper()
	var ports []string
	var listeners []net.Listener
	for range n {
		l, err := net.Listen("tcp", "127.0.0.1:0")
		if err != nil {
			t.Fatal(err)
		}
		listeners = append(listeners, l)
		ports = append(ports, strconv.Itoa(l.Addr().(*net.TCPAddr).Port))
	}
	for _, l := range listeners {
		l.Close()
	}
	return ports
}

var bucketSeq atomic.Int64

// newBucket makes a bucket of its own for a test.
func (w *weedServer) newBucket(t testing.TB) string {
	t.Helper()
	name := fmt.Sprintf("site-%d-%d", os.Getpid()%100000, bucketSeq.Add(1))
	if err := w.client.MakeBucket(context.Background(), name, minio.MakeBucketOptions{}); err != nil {
		t.Fatal(err)
	}
	return name
}

// s3Env is a target on the test server: a bucket and a prefix.
type s3Env struct {
	w      *weedServer
	bucket string
	prefix string    // "site/…/" or ""
	last   *cuttable // the transport of the last deploy
}

func (e *s3Env) url() string {
	return "s3://" + e.bucket + "/" + strings.TrimSuffix(e.prefix, "/") + "?endpoint=" + url.QueryEscape(e.w.endpoint)
}

// open connects, over a transport the test may cut.
func (e *s3Env) open(t testing.TB) (*s3Target, *cuttable) {
	t.Helper()
	u, err := url.Parse(e.url())
	if err != nil {
		t.Fatal(err)
	}
	tr, _ := minio.DefaultTransport(false)
	c := &cuttable{base: tr}
	tg, err := dialS3(context.Background(), u, c, 1) // a cut fails at once
	if err != nil {
		t.Fatal(err)
	}
	return tg, c
}

// deploy deploys the folder in a new connection; e.last is its transport.
func (e *s3Env) deploy(t testing.TB, dir string, opts Options) (*Result, error) {
	t.Helper()
	tg, tr := e.open(t)
	defer tg.Close()
	e.last = tr
	opts.Source = dir
	if opts.Site == "" {
		opts.Site = testSite
	}
	if opts.MaxDeletes == 0 {
		opts.MaxDeletes = 256
	}
	return Deploy(context.Background(), tg, opts)
}

func (e *s3Env) mustDeploy(t testing.TB, dir string, opts Options) *Result {
	t.Helper()
	res, err := e.deploy(t, dir, opts)
	if err != nil {
		t.Fatalf("deploy to %s: %v", e.url(), err)
	}
	return res
}

// rawClient reads objects without asking for (and undoing) compression.
var rawClient = &http.Client{Transport: &http.Transport{DisableCompression: true}}

// object is an object of the bucket as a reader gets it.
type object struct {
	data    string
	etag    string
	headers http.Header
}

// objects reads every object of the bucket (all prefixes), keyed by key.
func (e *s3Env) objects(t testing.TB) map[string]object {
	t.Helper()
	ctx := context.Background()
	out := map[string]object{}
	for info := range e.w.client.ListObjects(ctx, e.bucket, minio.ListObjectsOptions{Recursive: true}) {
		if info.Err != nil {
			t.Fatal(info.Err)
		}
		// as stored: a client that asks for no compression gets
		// a gzip-encoded object as it is
		resp, err := rawClient.Get(e.w.endpoint + "/" + e.bucket + "/" + info.Key)
		if err != nil {
			t.Fatal(err)
		}
		data, err := io.ReadAll(resp.Body)
		resp.Body.Close()
		if err != nil || resp.StatusCode != http.StatusOK {
			t.Fatalf("GET %s: %v %s", info.Key, err, resp.Status)
		}
		out[info.Key] = object{data: string(data), etag: resp.Header.Get("ETag"), headers: resp.Header}
	}
	return out
}

// site reads the objects under the prefix as a site (deploy's own
// objects included).
func (e *s3Env) site(t testing.TB) site {
	t.Helper()
	s := site{}
	for key, o := range e.objects(t) {
		if name, ok := strings.CutPrefix(key, e.prefix); ok {
			s[name] = o.data
		}
	}
	return s
}

// putForeign stores an object no deploy made.
func (e *s3Env) putForeign(t testing.TB, key, data string) {
	t.Helper()
	_, err := e.w.client.PutObject(context.Background(), e.bucket, key, bytes.NewReader([]byte(data)), int64(len(data)), minio.PutObjectOptions{})
	if err != nil {
		t.Fatal(err)
	}
}

func (e *s3Env) remove(t testing.TB, name string) {
	t.Helper()
	if err := e.w.client.RemoveObject(context.Background(), e.bucket, e.prefix+name, minio.RemoveObjectOptions{}); err != nil {
		t.Fatal(err)
	}
}
