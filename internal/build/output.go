package build

import (
	"bytes"
	"errors"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"sync/atomic"

	"showcase/internal/lang"
	"showcase/internal/robustio"
)

// output writes a build into a staging folder beside the destination. A file
// whose bytes equal the previous build's is hard-linked from it instead of
// written, so a repeated build costs a comparison, not a disk write. Swap puts
// the staging folder in place only when the whole build succeeded; Discard
// removes it and leaves the previous output untouched.
//
// An in-place output (the preview's small rebuilds) keeps the files that
// changed in memory and writes them into the destination, each through a
// temporary file and a rename, only at Commit.
//
// A dry output (showcase check's dry run) writes nothing: it claims every
// path, so that two sources of one file are still an error, and opens
// every file it would copy, so that an unreadable one is still an error.
type output struct {
	dest, stage string
	inPlace     bool
	dry         bool
	mu          sync.Mutex
	claimed     map[string]string // output path → what wrote it
	folded      map[string]string // claimed paths in lower case → as claimed
	order       []string          // claimed paths in claim order, for claimsSince
	removals    []string          // in place: stale files to delete at Commit
	changed     []string          // output paths whose bytes changed
	pending     map[string][]byte // in place: changed files not yet written
	written     atomic.Int64
	linked      atomic.Int64
	unlock      func()   // releases the lock on the staging folder
	made        sync.Map // folders of the staging folder made so far
	// fresh says there is no previous output to compare with: no file is
	// looked for there
	fresh bool
	// prefix is put before every path written: a language's folder ("en/")
	// while that language of a multilingual site is written
	prefix string
}

func newInPlaceOutput(dest string) *output {
	return &output{dest: dest, stage: dest, inPlace: true, claimed: map[string]string{}, pending: map[string][]byte{}}
}

func newDryOutput() *output { return &output{dry: true, claimed: map[string]string{}} }

func newOutput(dest string) (*output, error) {
	parent := filepath.Dir(dest)
	if err := os.MkdirAll(parent, 0o755); err != nil {
		return nil, err
	}
	cleanStaging(dest)
	stage, err := os.MkdirTemp(parent, stagingPrefix(dest))
	if err != nil {
		return nil, lang.Errorf("无法在 %[1]s 旁边建立临时文件夹，没有生成：请检查磁盘空间和写入权限", "cannot create a staging folder beside %[1]s: %[2]v", dest, err)
	}
	unlock, _ := lockDir(stage) // only ever contended by a cleanStaging, which then skips it
	o := &output{dest: dest, stage: stage, claimed: map[string]string{}, unlock: unlock}
	if _, err := os.Lstat(dest); errors.Is(err, fs.ErrNotExist) {
		o.fresh = true
	}
	if err := os.Chmod(stage, 0o755); err != nil {
		o.Discard()
		return nil, err
	}
	return o, nil
}

// claim reserves an output path; two writers of one path is an error naming both.
func (o *output) claim(rel, by string) error {
	if rel == "" || strings.HasPrefix(rel, "/") || strings.Contains(rel, "\\") || path.Clean(rel) != rel || rel == ".." || strings.HasPrefix(rel, "../") {
		return lang.Errorf("输出路径 %[1]q 越出了网站文件夹", "output path %[1]q escapes the site", rel)
	}
	if err := checkPortable(rel, by); err != nil {
		return err
	}
	o.mu.Lock()
	defer o.mu.Unlock()
	if prev, ok := o.claimed[rel]; ok {
		return lang.Errorf("%[2]s 和 %[3]s 生成了同一个文件 %[1]s：请改掉其中一个的网址或文件名", "%[1]s is written by both %[2]s and %[3]s", rel, prev, by)
	}
	if err := o.claimFolded(rel, by); err != nil {
		return err
	}
	o.claimed[rel] = by
	o.order = append(o.order, rel)
	return nil
}

// mark and claimsSince tell which paths one step of the build claimed; the
// step must run alone (not beside other writers).
func (o *output) mark() int {
	o.mu.Lock()
	defer o.mu.Unlock()
	return len(o.order)
}

func (o *output) claimsSince(mark int) map[string]bool {
	o.mu.Lock()
	defer o.mu.Unlock()
	set := map[string]bool{}
	for _, rel := range o.order[mark:] {
		set[rel] = true
	}
	return set
}

// remove schedules a file of an in-place output for deletion at Commit.
func (o *output) remove(rel string) {
	o.mu.Lock()
	o.removals = append(o.removals, rel)
	o.changed = append(o.changed, rel)
	o.mu.Unlock()
}

// keeps says whether the output holds on to the bytes given to Write
// (an in-place output, until Commit); else the writer may use them again.
func (o *output) keeps() bool { return o.inPlace }

// Write puts data at rel (a slash path) in the staging folder.
func (o *output) Write(rel, by string, data []byte) error {
	return o.WriteRoot(o.prefix+rel, by, data)
}

// WriteRoot is Write at the site's root, whatever language is written
// (see prefix).
func (o *output) WriteRoot(rel, by string, data []byte) error {
	if err := o.claim(rel, by); err != nil {
		return err
	}
	if o.dry {
		return nil
	}
	old := filepath.Join(o.dest, filepath.FromSlash(rel))
	same := false
	if o.fresh {
		// nothing to compare with
	} else if info, err := os.Lstat(old); err == nil && info.Mode().IsRegular() && info.Size() == int64(len(data)) {
		prev, err := os.ReadFile(old)
		same = err == nil && bytes.Equal(prev, data)
	}
	if o.inPlace {
		if same {
			o.linked.Add(1)
			return nil
		}
		o.mu.Lock()
		o.pending[rel] = data
		o.changed = append(o.changed, rel)
		o.mu.Unlock()
		return nil
	}
	target := filepath.Join(o.stage, filepath.FromSlash(rel))
	if err := o.makeFolder(filepath.Dir(target)); err != nil {
		return err
	}
	if same {
		if err := os.Link(old, target); err == nil {
			o.linked.Add(1)
			return nil
		}
	}
	if err := writeNewFile(target, data); err != nil {
		return err
	}
	o.wrote(rel)
	return nil
}

// wrote counts a file written because new or changed.
func (o *output) wrote(rel string) {
	o.written.Add(1)
	o.mu.Lock()
	o.changed = append(o.changed, rel)
	o.mu.Unlock()
}

// makeFolder makes a folder of the staging folder and those above it. Most
// pages have a folder of their own below one made already: one mkdir
// makes it, where os.MkdirAll would first stat it and its parent. A folder
// above not made yet is made first, so that no mkdir fails for want of it.
func (o *output) makeFolder(dir string) error {
	if _, ok := o.made.Load(dir); ok {
		return nil
	}
	if parent := filepath.Dir(dir); parent != o.stage && len(parent) > len(o.stage) {
		if err := o.makeFolder(parent); err != nil {
			return err
		}
	}
	if err := os.Mkdir(dir, 0o755); err != nil {
		if err := os.MkdirAll(dir, 0o755); err != nil {
			return err
		}
	}
	o.made.Store(dir, true)
	return nil
}

// Commit writes the pending files of an in-place output, each atomically.
func (o *output) Commit() error {
	rels := make([]string, 0, len(o.pending))
	for rel := range o.pending {
		rels = append(rels, rel)
	}
	sort.Strings(rels)
	for _, rel := range rels {
		target := filepath.Join(o.dest, filepath.FromSlash(rel))
		if err := os.MkdirAll(filepath.Dir(target), 0o755); err != nil {
			return err
		}
		tmp := filepath.Join(filepath.Dir(target), ".tmp-"+filepath.Base(target))
		if err := os.WriteFile(tmp, o.pending[rel], 0o644); err != nil {
			return err
		}
		if err := robustio.Rename(tmp, target); err != nil {
			os.Remove(tmp)
			return err
		}
		o.written.Add(1)
	}
	o.pending = map[string][]byte{}
	for _, rel := range o.removals {
		if err := robustio.Remove(filepath.Join(o.dest, filepath.FromSlash(rel))); err != nil && !os.IsNotExist(err) {
			return err
		}
	}
	o.removals = nil
	return nil
}

// Changed returns the output paths whose bytes changed, sorted.
func (o *output) Changed() []string {
	out := append([]string(nil), o.changed...)
	sort.Strings(out)
	return out
}

// Copy copies a file of fsys to rel.
func (o *output) Copy(rel, by string, fsys fs.FS, name string) error {
	if o.dry {
		f, err := fsys.Open(name)
		if err != nil {
			return err
		}
		f.Close()
		return o.Write(rel, by, nil)
	}
	if o.fresh && !o.inPlace {
		return o.copyFresh(rel, by, fsys, name)
	}
	data, err := fs.ReadFile(fsys, name)
	if err != nil {
		return err
	}
	return o.Write(rel, by, data)
}

// copyFresh is Copy with no previous output to compare with: a file of the
// operating system is copied by the kernel (copyNewFile), without passing
// through the build's memory.
func (o *output) copyFresh(rel, by string, fsys fs.FS, name string) error {
	f, err := fsys.Open(name)
	if err != nil {
		return err
	}
	defer f.Close()
	src, ok := f.(*os.File)
	if !ok { // an embedded theme's file
		data, err := io.ReadAll(f)
		if err != nil {
			return err
		}
		return o.Write(rel, by, data)
	}
	return o.copyFile(rel, by, src)
}

// copyFile publishes the open file src as rel: compared with the previous
// output's file like Write unless the output is fresh, when the kernel
// copies it (copyNewFile).
func (o *output) copyFile(rel, by string, src *os.File) error {
	if o.dry || o.inPlace || !o.fresh {
		data, err := io.ReadAll(src)
		if err != nil {
			return err
		}
		return o.Write(rel, by, data)
	}
	rel = o.prefix + rel
	if err := o.claim(rel, by); err != nil {
		return err
	}
	target := filepath.Join(o.stage, filepath.FromSlash(rel))
	if err := o.makeFolder(filepath.Dir(target)); err != nil {
		return err
	}
	if err := copyNewFile(target, src); err != nil {
		return err
	}
	o.wrote(rel)
	return nil
}

// Swap replaces the destination by the staging folder. The previous output,
// set aside for the moment of the swap, stays locked like the staging folder.
func (o *output) Swap() error {
	defer o.release()
	old := ""
	if _, err := os.Lstat(o.dest); err == nil {
		unlockOld, _ := lockDir(o.dest)
		defer unlockOld()
		old = o.stage + ".old"
		if err := robustio.Rename(o.dest, old); err != nil {
			o.Discard()
			return lang.Errorf("无法移开原有的网站文件夹，新网站没有放进去，原有网站没有改动：请关闭正在使用其中文件的程序后重试", "cannot move the previous output aside: %v", err)
		}
	}
	if err := robustio.Rename(o.stage, o.dest); err != nil {
		if old != "" {
			robustio.Rename(old, o.dest)
		}
		o.Discard()
		return lang.Errorf("无法把新生成的网站放进输出文件夹，原有网站没有改动：请关闭正在使用其中文件的程序后重试", "cannot put the new output in place: %v", err)
	}
	if old != "" {
		// the new output is in place: a previous one that will not go now
		// (a file of it still open) is removed by the next build
		removeTree(old)
	}
	return nil
}

// Discard removes the staging folder.
func (o *output) Discard() {
	removeTree(o.stage)
	o.release()
}

// release lets go of the staging folder's lock (once).
func (o *output) release() {
	if o.unlock != nil {
		o.unlock()
		o.unlock = nil
	}
}

// outputFile is the file of a URL path: "news/a/" → "news/a/index.html".
func outputFile(urlPath string) string {
	if urlPath == "" || strings.HasSuffix(urlPath, "/") {
		return urlPath + "index.html"
	}
	return urlPath
}

// copyNewFile copies the rest of the open file in to dst (created or
// truncated); on Linux io.Copy lets the kernel copy the bytes
// (copy_file_range), which never pass through the build's memory.
func copyNewFile(dst string, in *os.File) error {
	out, err := createFile(dst)
	if err != nil {
		return err
	}
	_, err = io.Copy(out, in)
	if err1 := out.Close(); err == nil {
		err = err1
	}
	return err
}
