package images

import (
	"encoding/json"
	"io"
	"io/fs"
	"maps"
	"os"
	"path/filepath"
	"sync"
	"time"

	"showcase/internal/lang"
)

// indexFile is the cache index's name in the cache folder.
const indexFile = "index.json"

// indexVersion changes when the meaning of an entry changes; an index of
// another version is ignored.
const indexVersion = 1

// racyWindow: a file modified this recently is not indexed, since a change
// within the file system's time resolution (two seconds on FAT) might not
// change its modification time.
const racyWindow = 2 * time.Second

// index maps a source's name, size and modification time to its header
// and content hash, so an unchanged source costs a stat, not a read. It
// keeps the entries looked up or stored in this build, which is all that
// save writes: entries of sources no longer used drop out.
type index struct {
	path string

	mu   sync.Mutex
	old  map[string]indexEntry // as loaded or last saved
	seen map[string]indexEntry // used in this build
}

type indexEntry struct {
	Size    int64 `json:"size"`
	ModTime int64 `json:"mtime"` // Unix nanoseconds
	header
}

type indexFileContent struct {
	Version int                   `json:"version"`
	Entries map[string]indexEntry `json:"entries"`
}

// loadIndex reads the index; a missing, damaged or outdated one is empty.
func loadIndex(path string) *index {
	ix := &index{path: path, old: map[string]indexEntry{}, seen: map[string]indexEntry{}}
	data, err := os.ReadFile(path)
	if err != nil {
		return ix
	}
	var c indexFileContent
	if json.Unmarshal(data, &c) != nil || c.Version != indexVersion {
		return ix
	}
	for name, e := range c.Entries {
		if e.valid() {
			ix.old[name] = e
		}
	}
	return ix
}

// valid rejects entries that a damaged or hand-edited index might hold.
func (e indexEntry) valid() bool {
	switch e.Format {
	case formatJPEG, formatPNG, formatGIF:
	default:
		return false
	}
	return e.Width > 0 && e.Height > 0 && e.Orientation >= 1 && e.Orientation <= 8 && len(e.Hash) == 64
}

// lookup returns the header of a source whose size and modification time
// are those indexed.
func (ix *index) lookup(name string, info fs.FileInfo) (header, bool) {
	ix.mu.Lock()
	defer ix.mu.Unlock()
	e, ok := ix.old[name]
	mt := info.ModTime()
	if !ok || mt.IsZero() || e.Size != info.Size() || e.ModTime != mt.UnixNano() {
		return header{}, false
	}
	ix.seen[name] = e
	return e.header, true
}

// store records a source just probed, unless its modification time is
// unknown or too recent to be trusted.
func (ix *index) store(name string, info fs.FileInfo, h header) {
	mt := info.ModTime()
	if mt.IsZero() || time.Since(mt) < racyWindow {
		return
	}
	ix.mu.Lock()
	defer ix.mu.Unlock()
	ix.seen[name] = indexEntry{Size: info.Size(), ModTime: mt.UnixNano(), header: h}
}

// save writes the entries used in this build, atomically, if they differ
// from what the file holds.
func (ix *index) save() error {
	ix.mu.Lock()
	defer ix.mu.Unlock()
	if maps.Equal(ix.old, ix.seen) {
		return nil
	}
	data, err := json.Marshal(indexFileContent{Version: indexVersion, Entries: ix.seen})
	if err != nil {
		return err
	}
	err = writeAtomic(filepath.Dir(ix.path), filepath.Base(ix.path), func(w io.Writer) error {
		_, err := w.Write(data)
		return err
	})
	if err != nil {
		return lang.Errorf("无法写入图片缓存索引，请检查网站文件夹是否可写", "images: cannot write the cache index: %v", bare(err))
	}
	ix.old = maps.Clone(ix.seen)
	return nil
}
