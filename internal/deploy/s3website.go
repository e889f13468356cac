package deploy

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"showcase/internal/lang"
)

// ObjectStorage reports whether a target URL is object storage (s3://,
// oss://, cos://), whose public address needs the website check.
func ObjectStorage(targetURL string) bool {
	u, err := url.Parse(targetURL)
	return err == nil && (u.Scheme == "s3" || u.Scheme == "oss" || u.Scheme == "cos")
}

// CheckWebsite asks the site's public address (base, ending in "/") for
// the URL of a folder of the built site (…/news/x/), as a reader's link
// does, and returns an error, to be shown as a warning, when the answer is
// not that folder's index.html. Object storage serves a folder URL only in
// its static-website mode: Aliyun OSS and Tencent COS need it switched on
// (index document index.html, with sub-folder index pages) and a custom
// domain bound to the bucket, for their default domains send pages as
// downloads; the error says so.
func CheckWebsite(ctx context.Context, client *http.Client, base, source string) error {
	folder, err := someFolder(source)
	if err != nil {
		return err
	}
	want, err := os.ReadFile(filepath.Join(source, filepath.FromSlash(folder), "index.html"))
	if err != nil {
		return err
	}
	address := base + escapePath(folder)
	if folder != "" {
		address += "/"
	}
	ctx, cancel := context.WithTimeout(ctx, 15*time.Second)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, address, nil)
	if err != nil {
		return err
	}
	resp, err := client.Do(req)
	if err != nil {
		return lang.Errorf("无法访问网站地址 %[1]s，没能检查它是否正确显示网页（%[2]v）",
			"could not reach %[1]s to check that it serves the site: %[2]v", address, err)
	}
	defer resp.Body.Close()
	got, _ := io.ReadAll(io.LimitReader(resp.Body, int64(len(want))+1))
	var zh, en string // what the store answered
	switch {
	case resp.StatusCode == http.StatusOK && bytes.Equal(got, want) && !download(resp):
		return nil
	case resp.StatusCode == http.StatusOK && bytes.Equal(got, want):
		zh, en = "网页被作为附件下载（Content-Disposition 或 x-oss-force-download），这是 OSS、COS 默认域名的做法",
			"the page comes as a download (Content-Disposition or x-oss-force-download), as on the OSS and COS default domains"
	case resp.StatusCode == http.StatusOK && bytes.Contains(got, []byte("<ListBucketResult")):
		zh, en = "返回的是存储桶的文件列表", "it answers with a listing of the bucket"
	default:
		zh = fmt.Sprintf("HTTP %d，返回的不是该文件夹的 index.html", resp.StatusCode)
		en = fmt.Sprintf("HTTP %d, not the folder's index.html", resp.StatusCode)
	}
	return lang.Errorf("网站地址 %[1]s 没有显示 %[2]s 的内容（%[3]s）：读者打开文件夹网址会看到错误或下载。"+
		"阿里云 OSS 和腾讯云 COS 需要在控制台开启“静态网站托管”（默认首页 index.html，并开启子目录首页），再为存储桶绑定自定义域名（默认域名会把网页作为附件下载）；"+
		"其他 S3 兼容存储请在其网站设置或 CDN 上设置默认首页 index.html。site.toml 中发布目标的 domain（没写时为 baseURL）应是这个自定义域名",
		"%[1]s does not serve %[2]s (%[4]s): OSS and COS need static website hosting (index document index.html, sub-folder index pages) and a custom domain (their default domains send pages as downloads); other stores need their website mode or a CDN that maps folders to index.html. The target's domain (default: baseURL) should be that custom domain",
		address, folderIndex(folder), zh, en)
}

func folderIndex(folder string) string {
	if folder == "" {
		return "index.html"
	}
	return folder + "/index.html"
}

// download reports whether a response tells the browser to save the page.
func download(resp *http.Response) bool {
	return strings.HasPrefix(strings.ToLower(resp.Header.Get("Content-Disposition")), "attachment") ||
		strings.EqualFold(resp.Header.Get("x-oss-force-download"), "true")
}

// someFolder picks a folder of the site with an index.html, as a page's
// (news/x) rather than a section's or a list's second page: of those two
// levels below the top, or else one, or else any, the first by name; the
// top ("") when there is none.
func someFolder(source string) (string, error) {
	var folders []string
	err := filepath.WalkDir(source, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() || d.Name() != "index.html" {
			return err
		}
		rel, _ := filepath.Rel(source, filepath.Dir(p))
		if rel != "." {
			folders = append(folders, filepath.ToSlash(rel))
		}
		return nil
	})
	if err != nil || len(folders) == 0 {
		return "", err
	}
	rank := func(folder string) int {
		switch strings.Count(folder, "/") {
		case 1:
			return 0
		case 0:
			return 1
		}
		return 2
	}
	sort.Slice(folders, func(i, j int) bool {
		if a, b := rank(folders[i]), rank(folders[j]); a != b {
			return a < b
		}
		return folders[i] < folders[j]
	})
	return folders[0], nil
}
