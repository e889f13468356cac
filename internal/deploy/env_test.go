package deploy

import (
	"bytes"
	"context"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"testing"
)

// env is a deploy target for the suite, and the way the test looks at it.
type env struct {
	kind string
	root string                    // the target's folder on this machine
	open func(t *testing.T) Target // a new connection
	cut  func(Target)              // drop the connection, as a network would
	// settle waits until the server has done with the requests it had
	// received before the cut (nothing to wait for on file://)
	settle func(*testing.T)
	url    string     // for messages
	srv    *sshServer // nil for file://
}

// eachTarget runs the test against an sftp:// target (a real OpenSSH
// server) and a file:// one.
func eachTarget(t *testing.T, test func(t *testing.T, e *env)) {
	t.Run("sftp", func(t *testing.T) {
		srv := startSSHD(t)
		root := t.TempDir()
		test(t, &env{
			kind: "sftp", root: root, srv: srv, url: srv.target(root).URL,
			open: func(t *testing.T) Target { return srv.open(t, root) },
			// close the SSH connection's net.Conn under the transfers
			cut:    func(tg Target) { tg.(*sftpTarget).ssh.Close() },
			settle: srv.settle,
		})
	})
	t.Run("file", func(t *testing.T) {
		root := t.TempDir()
		test(t, &env{
			kind: "file", root: root, url: "file://" + filepath.ToSlash(root),
			open: func(t *testing.T) Target {
				f, err := openFolder(root)
				if err != nil {
					t.Fatal(err)
				}
				return &severable{Target: f}
			},
			cut:    func(tg Target) { tg.(*severable).cut.Store(true) },
			settle: func(*testing.T) {},
		})
	})
}

// site is a built site: path → content.
type site map[string]string

// baseSite is a small site with every kind of file: assets (one large
// enough for pipelined writes), pages, feeds, a sitemap, robots.txt and a
// search manifest.
func baseSite() site {
	s := site{
		"css/site.css":         "body { color: #333 }",
		"js/search.js":         "console.log('search')",
		"img/photo.jpg":        strings.Repeat("JPEGDATA", 40_000), // 320 KB
		"search/shard-ab.json": `{"党建":[1,2]}`,
		"search/manifest.json": `{"shards":["shard-ab.json"]}`,
		"index.html":           "<h1>首页</h1>",
		"index.xml":            "<rss></rss>",
		"sitemap.xml":          "<urlset></urlset>",
		"robots.txt":           "User-agent: *\n",
		"404.html":             "<h1>404</h1>",
	}
	for i := range 24 {
		s[fmt.Sprintf("news/item-%02d/index.html", i)] = fmt.Sprintf("<h1>新闻 %d</h1><img src=/img/photo.jpg>", i)
	}
	return s
}

func (s site) clone() site {
	c := site{}
	for k, v := range s {
		c[k] = v
	}
	return c
}

// write lays the site out in a new folder and returns it.
func (s site) write(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	for name, data := range s {
		mustWrite(t, filepath.Join(dir, filepath.FromSlash(name)), data)
	}
	return dir
}

// snapshot reads every file under a folder.
func snapshot(t *testing.T, root string) site {
	t.Helper()
	s := site{}
	err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(root, p)
		if d.Type()&fs.ModeSymlink != 0 {
			to, err := os.Readlink(p)
			s[filepath.ToSlash(rel)] = "symlink -> " + to
			return err
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		s[filepath.ToSlash(rel)] = string(data)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// withoutControl drops deploy's own files from a snapshot.
func withoutControl(s site) site {
	c := site{}
	for k, v := range s {
		if !isControl(k) {
			c[k] = v
		}
	}
	return c
}

// sameSite fails the test unless the target holds exactly the site, plus a
// manifest that lists it, and nothing of a deploy under way.
func sameSite(t *testing.T, root string, want site) {
	t.Helper()
	got := snapshot(t, root)
	for name := range got {
		if isControl(name) && name != ManifestName {
			t.Errorf("%s left on the target", name)
		}
	}
	if diff := compare(withoutControl(got), want); diff != "" {
		t.Errorf("target differs from the build:\n%s", diff)
	}
	files, err := readManifest(mustOpenFolder(t, root))
	if err != nil {
		t.Fatal(err)
	}
	if len(files) != len(want) {
		t.Errorf("manifest lists %d files, the build has %d", len(files), len(want))
	}
	for name, e := range files {
		h, _ := hashReader(strings.NewReader(want[name]))
		if h != e {
			t.Errorf("manifest: %s is %+v, want %+v", name, e, h)
		}
	}
}

func compare(got, want site) string {
	var lines []string
	for name, w := range want {
		g, ok := got[name]
		switch {
		case !ok:
			lines = append(lines, "missing "+name)
		case g != w:
			lines = append(lines, "differs "+name)
		}
	}
	for name := range got {
		if _, ok := want[name]; !ok {
			lines = append(lines, "extra   "+name)
		}
	}
	sort.Strings(lines)
	return strings.Join(lines, "\n")
}

// recorder records the files a deploy puts, in order.
type recorder struct {
	mu    sync.Mutex
	names []string
}

func (r *recorder) add(name string) {
	r.mu.Lock()
	r.names = append(r.names, name)
	r.mu.Unlock()
}

// testSite is the site the tests deploy, unless they say otherwise.
const testSite = "https://dangjian.example.edu.cn/"

// run deploys the folder to a new connection of the env.
func run(t *testing.T, e *env, dir string, opts Options) (*Result, error) {
	t.Helper()
	tg := e.open(t)
	defer tg.Close()
	opts.Source = dir
	if opts.Site == "" {
		opts.Site = testSite
	}
	if opts.MaxDeletes == 0 {
		opts.MaxDeletes = 256
	}
	return Deploy(context.Background(), tg, opts)
}

// mustRun deploys and fails the test on error.
func mustRun(t *testing.T, e *env, dir string, opts Options) *Result {
	t.Helper()
	res, err := run(t, e, dir, opts)
	if err != nil {
		if e.srv != nil {
			t.Logf("sshd:\n%s", e.srv.log)
		}
		t.Fatalf("deploy: %v", err)
	}
	return res
}

func sentPaths(r *Result) []string {
	var names []string
	for _, c := range r.Plan.Send {
		names = append(names, c.Path)
	}
	sort.Strings(names)
	return names
}

func fileEquals(t *testing.T, file, want string) bool {
	t.Helper()
	got, err := os.ReadFile(file)
	return err == nil && bytes.Equal(got, []byte(want))
}

// mustOpenFolder opens a folder as a file:// target.
func mustOpenFolder(t *testing.T, root string) *folderTarget {
	t.Helper()
	f, err := openFolder(root)
	if err != nil {
		t.Fatal(err)
	}
	return f
}
