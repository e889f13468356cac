package deploy

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"showcase/internal/lang"
)

// forEach calls fn for every item on n goroutines and returns the first
// error; after an error (or the end of ctx) no new item is started.
func forEach(ctx context.Context, n int, items []string, fn func(string) error) error {
	if n < 1 {
		n = 1
	}
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	var (
		next  atomic.Int64
		once  sync.Once
		first error
		wg    sync.WaitGroup
	)
	for range min(n, len(items)) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for ctx.Err() == nil {
				i := int(next.Add(1) - 1)
				if i >= len(items) {
					return
				}
				if err := fn(items[i]); err != nil {
					once.Do(func() { first = err; cancel() })
					return
				}
			}
		}()
	}
	wg.Wait()
	if first != nil {
		return first
	}
	return context.Cause(ctx)
}

// sender sends the files of the plan and records them.
type sender struct {
	run         string // names the part files
	t           Target
	source      string
	journal     *journal
	progress    *progress
	afterChange func(name string) // a test hook: after each file sent or deleted
	sent        atomic.Int64
	bytes       atomic.Int64
}

// send sends the changes of one stage in parallel. Each file is hashed as
// it is read, so a build changed under the deploy is caught instead of
// being recorded with the wrong hash.
func (s *sender) send(ctx context.Context, workers int, changes []Change) error {
	byPath := make(map[string]Change, len(changes))
	names := make([]string, len(changes))
	for i, c := range changes {
		byPath[c.Path] = c
		names[i] = c.Path
	}
	return forEach(ctx, workers, names, func(name string) error {
		c := byPath[name]
		f, err := os.Open(filepath.Join(s.source, filepath.FromSlash(name)))
		if err != nil {
			return err
		}
		defer f.Close()
		h := sha256.New()
		if err := s.t.Put(name, partName(name, s.run), sizedReader{io.TeeReader(f, h), c.Size}); err != nil {
			return targetError(err, "上传 %[1]s 到 %[2]s 失败", "sending %[1]s to %[2]s: %[3]v", name, s.t, err)
		}
		if hex.EncodeToString(h.Sum(nil)) != c.SHA256 {
			return lang.Errorf("%[1]s 在发布过程中被改动了：请重新生成网站后再发布", "%[1]s changed while it was being deployed; build again and rerun", name)
		}
		s.journal.done(name)
		s.sent.Add(1)
		s.bytes.Add(c.Size)
		s.progress.add(c.Size)
		if s.afterChange != nil {
			s.afterChange(name)
		}
		return nil
	})
}

// makeFolders creates, parents first, the folders of the files to send in
// which no file of the manifest lives: they are most likely new, and making
// them up front, many at once, spares each such file a failed open and a
// folder-by-folder creation. A failure here is no error: Put makes the
// folders it finds missing.
func (s *sender) makeFolders(ctx context.Context, workers int, send []Change, known Files) {
	exists := map[string]bool{}
	for name := range known {
		for d := path.Dir(name); d != "." && !exists[d]; d = path.Dir(d) {
			exists[d] = true
		}
	}
	byDepth := map[int][]string{}
	maxDepth := 0
	for _, c := range send {
		for d := path.Dir(c.Path); d != "." && !exists[d]; d = path.Dir(d) {
			exists[d] = true
			depth := strings.Count(d, "/")
			byDepth[depth] = append(byDepth[depth], d)
			maxDepth = max(maxDepth, depth)
		}
	}
	for depth := 0; depth <= maxDepth; depth++ {
		forEach(ctx, workers, byDepth[depth], func(dir string) error {
			s.t.MakeDir(dir) // see above
			return nil
		})
	}
}

// sizedReader tells the target the size of what it reads: pkg/sftp then
// sends the parts of a large file concurrently, object storage the object
// in one request.
type sizedReader struct {
	io.Reader
	size int64
}

func (r sizedReader) Size() int64 { return r.size }

// remove deletes files in parallel, then the folders they leave empty.
func (s *sender) remove(ctx context.Context, workers int, removals []Removal, local Files) (int, error) {
	names := make([]string, len(removals))
	for i, r := range removals {
		names[i] = r.Path
	}
	var deleted atomic.Int64
	folded := caseTwins(local)
	err := forEach(ctx, workers, names, func(name string) error {
		if !renamedInCase(s.t, folded, name) { // else it is the file just sent under its new name
			if err := s.t.Remove(name); err == nil {
				deleted.Add(1)
			} else if !errors.Is(err, fs.ErrNotExist) {
				return targetError(err, "无法删除发布目标 %[2]s 上的 %[1]s", "deleting %[1]s on %[2]s: %[3]v", name, s.t, err)
			}
		}
		s.journal.done(name)
		if s.afterChange != nil {
			s.afterChange(name)
		}
		return nil
	})
	if err != nil {
		return int(deleted.Load()), err
	}
	s.removeEmptyDirs(ctx, workers, names, local)
	return int(deleted.Load()), nil
}

// removeEmptyDirs removes the folders of deleted files that are now empty,
// deepest first. A folder that still holds a file of the build is not
// tried; one holding anything else simply stays.
func (s *sender) removeEmptyDirs(ctx context.Context, workers int, deleted []string, local Files) {
	keep := map[string]bool{}
	for name := range local {
		for d := path.Dir(name); d != "."; d = path.Dir(d) {
			keep[d] = true
		}
	}
	byDepth := map[int][]string{}
	seen := map[string]bool{}
	for _, name := range deleted {
		for d := path.Dir(name); d != "." && !keep[d] && !seen[d]; d = path.Dir(d) {
			seen[d] = true
			depth := strings.Count(d, "/")
			byDepth[depth] = append(byDepth[depth], d)
		}
	}
	depths := make([]int, 0, len(byDepth))
	for d := range byDepth {
		depths = append(depths, d)
	}
	sort.Sort(sort.Reverse(sort.IntSlice(depths)))
	for _, d := range depths {
		forEach(ctx, workers, byDepth[d], func(dir string) error {
			s.t.RemoveEmptyDir(dir) // not empty: it stays
			return nil
		})
	}
}

// progress draws a progress bar on a terminal, at most ten times a second.
type progress struct {
	w         io.Writer // nil: no bar
	files     int
	total     int64
	mu        sync.Mutex
	doneFiles int
	doneBytes int64
	lastDrawn time.Time
	everDrawn bool
}

func (p *progress) add(size int64) {
	if p == nil || p.w == nil {
		return
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	p.doneFiles++
	p.doneBytes += size
	if now := time.Now(); now.Sub(p.lastDrawn) >= 100*time.Millisecond || p.doneFiles == p.files {
		p.lastDrawn = now
		p.draw()
	}
}

func (p *progress) draw() {
	const width = 30
	filled := width
	if p.total > 0 {
		filled = int(int64(width) * p.doneBytes / p.total)
	}
	fmt.Fprint(p.w, lang.Say("\r  [%s%s] %d/%d 个文件  %s/%s ", "\r  [%s%s] %d/%d files  %s/%s ", strings.Repeat("#", filled), strings.Repeat("-", width-filled),
		p.doneFiles, p.files, FormatSize(p.doneBytes), FormatSize(p.total)))
	p.everDrawn = true
}

// end ends the bar's line.
func (p *progress) end() {
	if p == nil || p.w == nil || !p.everDrawn {
		return
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	fmt.Fprintln(p.w)
}
