package deploy

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"sync"
	"time"

	"showcase/internal/lang"
)

// Entry is what the manifest knows of a file.
type Entry struct {
	Size   int64  `json:"size"`
	SHA256 string `json:"sha256"`
}

// Files maps slash-separated paths (relative to the site's root) to entries.
type Files map[string]Entry

// manifestVersion is the format of .showcase-manifest.json.
const manifestVersion = 1

// manifestHead is the manifest without its file list, which is written one
// entry a line so the file reads well in a terminal.
type manifestHead struct {
	Version   int       `json:"version"`
	Generator string    `json:"generator"`
	Site      string    `json:"site,omitempty"` // Options.Site of the deploy that wrote it
	Updated   time.Time `json:"updated"`
	Files     Files     `json:"files"`
}

// readManifest reads the target's manifest; an absent one is an empty list.
func readManifest(t Target) (Files, error) {
	m, err := readManifestHead(t)
	if err != nil || m == nil {
		return Files{}, err
	}
	return m.Files, nil
}

// readManifestHead reads the target's manifest; nil when there is none.
func readManifestHead(t Target) (*manifestHead, error) {
	data, err := t.ReadFile(ManifestName)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, targetError(err, "无法读取发布目标 %[2]s 上的发布清单 %[1]s", "reading %[1]s on %[2]s: %[3]v", ManifestName, t, err)
	}
	var m manifestHead
	if err := json.Unmarshal(data, &m); err != nil {
		return nil, lang.Errorf("发布目标 %[2]s 上的发布清单 %[1]s 已损坏：请在服务器上删除它，再发布一次（所有文件会重新上传）",
			"%[1]s on %[2]s is damaged: %[3]v; remove it to send every file again", ManifestName, t, err)
	}
	if m.Version != manifestVersion {
		return nil, lang.Errorf("发布目标 %[2]s 上的发布清单 %[1]s 由另一版本的 showcase 写成，本版本读不了：请用同一版本的 showcase 发布",
			"%[1]s on %[2]s has format %[3]d; this showcase reads format %[4]d", ManifestName, t, m.Version, manifestVersion)
	}
	for name := range m.Files {
		if err := checkName(name); err != nil {
			return nil, lang.Errorf("发布目标 %[2]s 上的发布清单 %[1]s 内容有误", "%[1]s on %[2]s: %[3]v", ManifestName, t, err)
		}
	}
	if m.Files == nil {
		m.Files = Files{}
	}
	return &m, nil
}

// writeManifest replaces the target's manifest (atomically, like any
// file), recording the site it lists.
func writeManifest(t Target, files Files, site string, now time.Time, run string) error {
	var b bytes.Buffer
	siteJSON, _ := json.Marshal(site)
	fmt.Fprintf(&b, "{\"version\": %d, \"generator\": \"showcase\", \"site\": %s, \"updated\": %q,\n\"files\": {",
		manifestVersion, siteJSON, now.UTC().Format(time.RFC3339))
	for i, name := range sortedNames(files) {
		if i > 0 {
			b.WriteByte(',')
		}
		key, _ := json.Marshal(name)
		val, _ := json.Marshal(files[name])
		fmt.Fprintf(&b, "\n%s: %s", key, val)
	}
	b.WriteString("\n}}\n")
	if err := t.Put(ManifestName, partName(ManifestName, run), &b); err != nil {
		return targetError(err, "无法在发布目标 %[2]s 上写入发布清单 %[1]s", "writing %[1]s on %[2]s: %[3]v", ManifestName, t, err)
	}
	return nil
}

func sortedNames(files Files) []string {
	names := make([]string, 0, len(files))
	for n := range files {
		names = append(names, n)
	}
	sort.Strings(names)
	return names
}

// ScanFolder lists the files of a built site with their sizes and SHA-256,
// hashing on all cores. Symbolic links to files count as files.
func ScanFolder(ctx context.Context, dir string) (Files, error) {
	var names []string
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			return nil
		}
		if d.Type()&fs.ModeSymlink != 0 {
			fi, err := os.Stat(p)
			if err != nil || !fi.Mode().IsRegular() {
				return nil // a dangling or folder link is not a page of the site
			}
		} else if !d.Type().IsRegular() {
			return nil
		}
		rel, err := filepath.Rel(dir, p)
		if err != nil {
			return err
		}
		if name := filepath.ToSlash(rel); !isControl(name) {
			names = append(names, name)
		}
		return nil
	})
	if err != nil {
		return nil, lang.Errorf("无法读取要发布的网站文件", "reading the site to publish: %v", err)
	}
	files := make(Files, len(names))
	var mu sync.Mutex
	err = forEach(ctx, runtime.GOMAXPROCS(0), names, func(name string) error {
		e, err := hashFile(filepath.Join(dir, filepath.FromSlash(name)))
		if err != nil {
			return err
		}
		mu.Lock()
		files[name] = e
		mu.Unlock()
		return nil
	})
	return files, err
}

func hashFile(file string) (Entry, error) {
	f, err := os.Open(file)
	if err != nil {
		return Entry{}, err
	}
	defer f.Close()
	return hashReader(f)
}

func hashReader(r io.Reader) (Entry, error) {
	h := sha256.New()
	n, err := io.Copy(h, r)
	if err != nil {
		return Entry{}, err
	}
	return Entry{Size: n, SHA256: hex.EncodeToString(h.Sum(nil))}, nil
}
