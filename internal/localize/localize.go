// Package localize brings a site's remote pictures home: it downloads each
// picture a page shows from another site (![…](https://…), a cover
// "https://…") into the page's own folder and rewrites the page's file to
// name the copy, so that the picture no longer vanishes with the other
// site, loads fast from campus and tells no third party who reads what.
// "showcase check --localize" runs it before checking.
//
// It knows nothing of pages: it is given, per content file, the folder to
// save into and the addresses to fetch (Job). A download that fails leaves
// the page as it was and is reported; nothing is half-written: pictures
// and rewritten pages go to a temporary file renamed into place.
package localize

import (
	"bytes"
	"context"
	"crypto/sha256"
	"errors"
	"fmt"
	"io"
	"mime"
	"net/http"
	"net/url"
	"os"
	"path"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"showcase/internal/lang"
	"showcase/internal/robustio"
)

// Job is one content file and the remote pictures it names.
type Job struct {
	File string   // the page's file, a slash path from the site folder ("content/news/a.md")
	Dir  string   // the folder to save into, a slash path from the site folder ("content/news/a")
	URLs []string // the addresses as written in the file
}

// Options tune Run.
type Options struct {
	Client   *http.Client  // default: http.DefaultClient with Timeout
	Timeout  time.Duration // per download, default 30 s
	MaxBytes int64         // largest picture, default 20 MB
}

// Result is what became of one address of one file.
type Result struct {
	File  string // the page's file
	URL   string
	Saved string // the file saved, a slash path from the site folder; "" when Err
	Err   error
}

// Run downloads the pictures of every job into its folder below root (the
// site folder) and rewrites each file to name them. A picture two pages
// show is fetched once per folder; a file already saved with the same
// bytes is used again.
func Run(ctx context.Context, root string, jobs []Job, opts Options) []Result {
	if opts.Timeout == 0 {
		opts.Timeout = 30 * time.Second
	}
	if opts.MaxBytes == 0 {
		opts.MaxBytes = 20 << 20
	}
	if opts.Client == nil {
		opts.Client = &http.Client{Timeout: opts.Timeout}
	}
	var results []Result
	for _, job := range jobs {
		saved := map[string]string{} // URL → name in job.Dir
		for _, u := range job.URLs {
			if _, done := saved[u]; done {
				continue
			}
			name, err := fetch(ctx, root, job.Dir, u, opts)
			res := Result{File: job.File, URL: u, Err: err}
			if err == nil {
				saved[u] = name
				res.Saved = job.Dir + "/" + name
			}
			results = append(results, res)
		}
		if len(saved) == 0 {
			continue
		}
		if err := rewrite(root, job, saved); err != nil {
			for i := range results {
				if results[i].File == job.File && results[i].Err == nil {
					results[i].Err, results[i].Saved = err, ""
				}
			}
		}
	}
	return results
}

// fetch downloads one picture into dir and returns its file name.
func fetch(ctx context.Context, root, dir, rawURL string, opts Options) (string, error) {
	u, err := url.Parse(rawURL)
	if err != nil || u.Scheme != "http" && u.Scheme != "https" && !strings.HasPrefix(rawURL, "//") {
		return "", lang.Errorf("不是 http 或 https 网址", "not an http or https address")
	}
	if u.Scheme == "" {
		u.Scheme = "https"
	}
	ctx, cancel := context.WithTimeout(ctx, opts.Timeout)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u.String(), nil)
	if err != nil {
		return "", err
	}
	resp, err := opts.Client.Do(req)
	if err != nil {
		return "", lang.Errorf("无法下载", "cannot download: %v", err)
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return "", lang.Errorf("对方网站回答 %[1]d，图片已不在", "the server answered %[1]d", resp.StatusCode)
	}
	ctype, _, _ := mime.ParseMediaType(resp.Header.Get("Content-Type"))
	ext, ok := imageTypes[ctype]
	if !ok {
		return "", lang.Errorf("下载到的不是图片（%[1]s）", "not a picture: %[1]s", ctype)
	}
	data, err := io.ReadAll(io.LimitReader(resp.Body, opts.MaxBytes+1))
	if err != nil {
		return "", lang.Errorf("下载中断", "download broke off: %v", err)
	}
	if int64(len(data)) > opts.MaxBytes {
		return "", lang.Errorf("图片大于 %[1]d MB，未下载", "larger than %[1]d MB", opts.MaxBytes>>20)
	}
	return save(root, dir, fileName(u, ext), data)
}

// imageTypes are the pictures fetched, by media type, with their extension.
var imageTypes = map[string]string{
	"image/jpeg": ".jpg", "image/png": ".png", "image/gif": ".gif", "image/webp": ".webp",
	"image/svg+xml": ".svg", "image/avif": ".avif", "image/bmp": ".bmp",
}

// fileName is an ASCII file name for a picture from its address: the last
// segment of its path, else "image", with the extension of its type.
func fileName(u *url.URL, ext string) string {
	base := path.Base(u.Path)
	base = strings.TrimSuffix(base, path.Ext(base))
	var b strings.Builder
	for _, r := range base {
		switch {
		case r >= 'a' && r <= 'z', r >= '0' && r <= '9', r == '-', r == '_':
			b.WriteRune(r)
		case r >= 'A' && r <= 'Z':
			b.WriteRune(r + 'a' - 'A')
		default:
			if b.Len() > 0 && !strings.HasSuffix(b.String(), "-") {
				b.WriteByte('-')
			}
		}
	}
	name := strings.Trim(b.String(), "-")
	if len(name) > 60 {
		name = name[:60]
	}
	if name == "" || name == "." {
		name = "image"
	}
	return name + ext
}

// save writes data into dir as name, or as name-2, name-3 … when another
// picture has that name; a file with the same bytes is used as it is.
func save(root, dir, name string, data []byte) (string, error) {
	folder := filepath.Join(root, filepath.FromSlash(dir))
	if err := os.MkdirAll(folder, 0o755); err != nil {
		return "", err
	}
	ext := path.Ext(name)
	stem := strings.TrimSuffix(name, ext)
	for n := 1; n < 1000; n++ {
		cand := name
		if n > 1 {
			cand = fmt.Sprintf("%s-%d%s", stem, n, ext)
		}
		target := filepath.Join(folder, cand)
		old, err := os.ReadFile(target)
		switch {
		case err == nil && sha256.Sum256(old) == sha256.Sum256(data):
			return cand, nil
		case err == nil:
			continue
		case !errors.Is(err, os.ErrNotExist):
			return "", err
		}
		return cand, writeAtomic(target, data, 0o644)
	}
	return "", lang.Errorf("文件夹中同名图片过多", "too many pictures named %s", name)
}

// rewrite replaces, in the page's file, each address saved by the name of
// its copy (the file is in the folder the pictures went to, or its parent
// for a page that is not a bundle: then the name carries the folder).
func rewrite(root string, job Job, saved map[string]string) error {
	file := filepath.Join(root, filepath.FromSlash(job.File))
	data, err := os.ReadFile(file)
	if err != nil {
		return err
	}
	info, err := os.Stat(file)
	if err != nil {
		return err
	}
	rel, err := filepath.Rel(filepath.Dir(file), filepath.Join(root, filepath.FromSlash(job.Dir)))
	if err != nil {
		return err
	}
	urls := make([]string, 0, len(saved))
	for u := range saved {
		urls = append(urls, u)
	}
	sort.Slice(urls, func(i, j int) bool { return len(urls[i]) > len(urls[j]) }) // longer first: a prefix must not eat them
	for _, u := range urls {
		name := saved[u]
		if rel != "." {
			name = filepath.ToSlash(filepath.Join(rel, name))
		}
		data = replaceURL(data, u, name)
	}
	return writeAtomic(file, data, info.Mode().Perm())
}

// replaceURL replaces each whole occurrence of u in data (not one that is
// the start of a longer address).
func replaceURL(data []byte, u, name string) []byte {
	var out bytes.Buffer
	for {
		i := bytes.Index(data, []byte(u))
		if i < 0 {
			out.Write(data)
			return out.Bytes()
		}
		end := i + len(u)
		out.Write(data[:i])
		if end < len(data) && urlByte(data[end]) {
			out.Write(data[i:end])
		} else {
			out.WriteString(name)
		}
		data = data[end:]
	}
}

// urlByte reports a byte that may continue an address (not a quote, a
// parenthesis or a space, which end one in Markdown and YAML).
func urlByte(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || strings.IndexByte("-._~:/?#[]@!$&*+,;=%", c) >= 0
}

// writeAtomic writes a file through a temporary file renamed into place.
func writeAtomic(target string, data []byte, mode os.FileMode) error {
	tmp, err := os.CreateTemp(filepath.Dir(target), ".localize-*")
	if err != nil {
		return err
	}
	if _, err := tmp.Write(data); err != nil {
		tmp.Close()
		os.Remove(tmp.Name())
		return err
	}
	if err := tmp.Close(); err != nil {
		os.Remove(tmp.Name())
		return err
	}
	if err := os.Chmod(tmp.Name(), mode); err != nil {
		os.Remove(tmp.Name())
		return err
	}
	if err := robustio.Rename(tmp.Name(), target); err != nil {
		os.Remove(tmp.Name())
		return err
	}
	return nil
}
