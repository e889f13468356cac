package deploy

import (
	"context"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

func httpClient() *http.Client { return &http.Client{} }

func TestParseS3URL(t *testing.T) {
	for _, c := range []struct {
		url, endpoint, bucket, prefix string
		path                          bool
	}{
		{"s3://site/dangjian?endpoint=http://127.0.0.1:8333", "http://127.0.0.1:8333", "site", "dangjian/", true},
		{"s3://site?endpoint=https://minio.campus.edu.cn&style=virtual", "https://minio.campus.edu.cn", "site", "", false},
		{"s3://site/a/b/?region=ap-east-1", "https://s3.ap-east-1.amazonaws.com", "site", "a/b/", false},
		{"oss://dangjian-web/www?region=cn-hangzhou", "https://s3.oss-cn-hangzhou.aliyuncs.com", "dangjian-web", "www/", false},
		{"oss://dangjian-web?region=oss-cn-beijing", "https://s3.oss-cn-beijing.aliyuncs.com", "dangjian-web", "", false},
		{"cos://web-1250000000/?region=ap-guangzhou", "https://cos.ap-guangzhou.myqcloud.com", "web-1250000000", "", false},
		{"s3://site/x?endpoint=https://oss-cn-shanghai.aliyuncs.com", "https://oss-cn-shanghai.aliyuncs.com", "site", "x/", false},
	} {
		u, _ := url.Parse(c.url)
		e, err := parseS3URL(u)
		if err != nil {
			t.Errorf("%s: %v", c.url, err)
			continue
		}
		if strings.HasPrefix(c.url, "oss:") && e.region != "cn-hangzhou" && e.region != "cn-beijing" {
			t.Errorf("%s: signs for region %q", c.url, e.region)
		}
		if got := e.endpoint.Scheme + "://" + e.endpoint.Host; got != c.endpoint || e.bucket != c.bucket || e.prefix != c.prefix || e.pathURLs != c.path {
			t.Errorf("%s: endpoint %s bucket %q prefix %q path-style %v", c.url, got, e.bucket, e.prefix, e.pathURLs)
		}
	}
	for _, c := range []struct{ url, says string }{
		{"s3://site/x?endpoint=http://h&secret_key=abc", "密钥"},
		{"s3://AKID:secret@site/x", "密钥"},
		{"oss://site/x", "region=cn-hangzhou"},
		{"cos://site/x", "region=ap-guangzhou"},
		{"s3:///x?endpoint=http://h", "存储桶"},
		{"s3://site/x?endpoint=ftp://h", "endpoint"},
		{"s3://site/x?endpoint=http://h/path", "endpoint"},
		{"s3://site/x?region=a&colour=red", "colour"},
	} {
		u, _ := url.Parse(c.url)
		if _, err := parseS3URL(u); err == nil || !strings.Contains(err.Error(), c.says) {
			t.Errorf("%s: want an error saying %q, got %v", c.url, c.says, err)
		}
	}
}

func TestObjectHeaders(t *testing.T) {
	for name, want := range wantHeaders {
		h := objectHeaders(name)
		if got := [3]string{h.ContentType, h.CacheControl, h.ContentEncoding}; got != want {
			t.Errorf("%s: %q, want %q", name, got, want)
		}
	}
	for name, want := range map[string]bool{
		"js/app.0123abcd.js": true, "search/f/0123456789abcdef.bin": true, "search/fold-0a1b2c3d/2.bin": true,
		"img/a-deadbeef00.png": true, "news/20240101/photo.jpg": false, "img/12345678.jpg": false,
		"img/cafe.jpg": false, "img/xdeadbeef0.jpg": false, "decade/photo.jpg": false,
	} {
		if got := contentAddressed(name); got != want {
			t.Errorf("contentAddressed(%q) = %v", name, got)
		}
	}
}

func TestCommandWords(t *testing.T) {
	for cmd, want := range map[string][]string{
		"purge": {"purge", "/l.txt"},
		"tccli cdn PurgeUrlsCache --urls-file {file}": {"tccli", "cdn", "PurgeUrlsCache", "--urls-file", "/l.txt"},
		`sh -c 'xargs echo < "$0"' {file}`:            {"sh", "-c", `xargs echo < "$0"`, "/l.txt"},
		`"C:\Program Files\cdn.exe" --in={file}`:      {`C:\Program Files\cdn.exe`, "--in=/l.txt"},
	} {
		got, err := commandWords(cmd, "/l.txt")
		if err != nil || !reflect.DeepEqual(got, want) {
			t.Errorf("%s: %q %v, want %q", cmd, got, err, want)
		}
	}
	for _, bad := range []string{"", "  ", `purge "unclosed`} {
		if _, err := commandWords(bad, "/l.txt"); err == nil {
			t.Errorf("%q: want an error", bad)
		}
	}
}

// TestCDNRefreshRetries: the URLs of a refresh that failed join the next
// one.
func TestCDNRefreshRetries(t *testing.T) {
	dir := t.TempDir()
	got := filepath.Join(dir, "got.txt")
	c := CDNRefresh{File: filepath.Join(dir, "refresh.txt"), Command: "false"}
	if _, err := c.Run(context.Background(), []string{"https://a/1"}); err == nil || !strings.Contains(err.Error(), "CDN") {
		t.Fatalf("a failing command: want an error, got %v", err)
	}
	c.Remember([]string{"https://a/2"}) // a deploy that stopped
	c.Command = "cp {file} " + got
	urls, err := c.Run(context.Background(), []string{"https://a/3"})
	if err != nil {
		t.Fatal(err)
	}
	data, _ := os.ReadFile(got)
	want := []string{"https://a/1", "https://a/2", "https://a/3"}
	if !reflect.DeepEqual(urls, want) || strings.Join(want, "\n")+"\n" != string(data) {
		t.Errorf("the refresh got %q (file %q), want %q", urls, data, want)
	}
	if _, err := os.Stat(c.File + ".pending"); !os.IsNotExist(err) {
		t.Errorf("the pending list stayed after a refresh: %v", err)
	}
	urls, _ = c.Run(context.Background(), []string{"https://a/4"})
	if !reflect.DeepEqual(urls, []string{"https://a/4"}) {
		t.Errorf("the next refresh got %q", urls)
	}
}

func TestCheckWebsite(t *testing.T) {
	dir := baseSite().write(t)
	site := httptest.NewServer(http.FileServer(http.Dir(dir)))
	defer site.Close()
	if err := CheckWebsite(context.Background(), site.Client(), site.URL+"/", dir); err != nil {
		t.Errorf("a server that serves folders: %v", err)
	}
	download := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("x-oss-force-download", "true")
		http.FileServer(http.Dir(dir)).ServeHTTP(w, r)
	}))
	defer download.Close()
	if err := CheckWebsite(context.Background(), download.Client(), download.URL+"/", dir); err == nil || !strings.Contains(err.Error(), "附件下载") {
		t.Errorf("OSS's default domain: want a warning about downloads, got %v", err)
	}
	listing := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Write([]byte(`<?xml version="1.0"?><ListBucketResult></ListBucketResult>`))
	}))
	defer listing.Close()
	if err := CheckWebsite(context.Background(), listing.Client(), listing.URL+"/", dir); err == nil || !strings.Contains(err.Error(), "文件列表") {
		t.Errorf("a bucket listing: want a warning, got %v", err)
	}
}

// TestS3Credentials: keys come from the store's own variables first, then
// AWS's, then the shared credentials file; with none, requests go unsigned.
func TestS3Credentials(t *testing.T) {
	home := t.TempDir()
	t.Setenv("HOME", home)
	for _, name := range []string{"AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN", "AWS_PROFILE",
		"AWS_CONFIG_FILE", "AWS_SHARED_CREDENTIALS_FILE", "OSS_ACCESS_KEY_ID", "OSS_ACCESS_KEY_SECRET",
		"ALIBABA_CLOUD_ACCESS_KEY_ID", "ALIBABA_CLOUD_ACCESS_KEY_SECRET", "COS_SECRET_ID", "COS_SECRET_KEY",
		"TENCENTCLOUD_SECRET_ID", "TENCENTCLOUD_SECRET_KEY"} {
		t.Setenv(name, "")
	}
	keyOf := func(raw string) string {
		u, _ := url.Parse(raw)
		e, err := parseS3URL(u)
		if err != nil {
			t.Fatal(err)
		}
		v, err := s3Credentials(e).GetWithContext(nil)
		if err != nil {
			t.Fatal(err)
		}
		return v.AccessKeyID
	}
	if k := keyOf("oss://b/p?region=cn-hangzhou"); k != "" {
		t.Errorf("no keys anywhere: got %q", k)
	}
	mustWrite(t, filepath.Join(home, ".aws", "credentials"),
		"[default]\naws_access_key_id = FILEKEY\naws_secret_access_key = s\n[campus]\naws_access_key_id = CAMPUSKEY\naws_secret_access_key = s\n")
	if k := keyOf("s3://b/p"); k != "FILEKEY" {
		t.Errorf("the shared credentials file: got %q", k)
	}
	if k := keyOf("s3://b/p?profile=campus"); k != "CAMPUSKEY" {
		t.Errorf("profile=campus: got %q", k)
	}
	t.Setenv("AWS_ACCESS_KEY_ID", "ENVKEY")
	t.Setenv("AWS_SECRET_ACCESS_KEY", "s")
	if k := keyOf("cos://b-125/p?region=ap-guangzhou"); k != "ENVKEY" {
		t.Errorf("AWS_ACCESS_KEY_ID before the file: got %q", k)
	}
	t.Setenv("OSS_ACCESS_KEY_ID", "OSSKEY")
	t.Setenv("OSS_ACCESS_KEY_SECRET", "s")
	if k := keyOf("oss://b/p?region=cn-hangzhou"); k != "OSSKEY" {
		t.Errorf("OSS_ACCESS_KEY_ID for oss://: got %q", k)
	}
	if k := keyOf("s3://b/p"); k != "ENVKEY" {
		t.Errorf("OSS_ keys are for oss:// only: got %q", k)
	}
}

func TestChangedURLs(t *testing.T) {
	p := &Plan{
		Send: []Change{{Path: "index.html"}, {Path: "news/x/index.html"}, {Path: "news/new/index.html", New: true},
			{Path: "files/通知 2.pdf"}},
		Delete: []Removal{{Path: "news/old/index.html"}, {Path: "img/a.jpg"}},
	}
	const base = "https://dj.example.edu.cn/site/"
	want := []string{base, base + "files/%E9%80%9A%E7%9F%A5%202.pdf", base + "img/a.jpg", base + "index.html",
		base + "news/old/", base + "news/old/index.html", base + "news/x/", base + "news/x/index.html"}
	if got := ChangedURLs(p, base); !reflect.DeepEqual(got, want) {
		t.Errorf("got %q\nwant %q", got, want)
	}
}
