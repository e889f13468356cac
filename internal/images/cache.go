package images

import (
	"bufio"
	"errors"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"time"

	"showcase/internal/lang"
	"showcase/internal/robustio"
)

// tempPrefix starts the names of files being written into the cache.
const tempPrefix = ".tmp-"

// staleTemp is the age after which Prune removes a temporary file: one
// left by a build that was interrupted, not one being written now.
const staleTemp = time.Hour

// variantFile matches the names variantName makes, and only those: Prune
// deletes nothing else, whatever the cache folder is set to.
var variantFile = regexp.MustCompile(`^[A-Za-z0-9_-]+_[0-9a-f]{10}\.(jpg|png|gif)$`)

// writeAtomic writes a file in dir through a temporary file that is
// synced and renamed into place, so the file is either complete or
// absent, even after a crash. The file is readable by all (0644), since
// the build may link it into the published site.
func writeAtomic(dir, name string, write func(io.Writer) error) (err error) {
	f, err := os.CreateTemp(dir, tempPrefix+name+"-*")
	if err != nil {
		return err
	}
	defer func() {
		if err != nil {
			f.Close()
			os.Remove(f.Name())
		}
	}()
	w := bufio.NewWriterSize(f, 64<<10)
	if err = write(w); err != nil {
		return err
	}
	if err = w.Flush(); err != nil {
		return err
	}
	if err = f.Chmod(0o644); err != nil {
		return err
	}
	if err = f.Sync(); err != nil {
		return err
	}
	if err = f.Close(); err != nil {
		return err
	}
	return robustio.Rename(f.Name(), filepath.Join(dir, name))
}

// Prune removes from the cache folder the variants that this build did
// not plan, and temporary files an interrupted build left behind. Call it
// after Process; it waits for a running Process. It touches only files
// named as this package names them, so a mistaken cache folder loses
// nothing else. Cache folders shared by simultaneous builds with
// different plans would lose each other's variants (made again next time).
//
// others are the pipelines of the other parts of one build sharing the
// cache folder (the languages of a multilingual site, each with a
// pipeline of its own): what any of them planned is kept too.
func (p *Pipeline) Prune(others ...*Pipeline) error {
	keep := map[string]bool{}
	for _, o := range others {
		if o != nil && o != p {
			o.plannedNames(keep)
		}
	}
	p.work.Lock()
	defer p.work.Unlock()
	entries, err := os.ReadDir(p.opts.CacheDir)
	if err != nil {
		return lang.Errorf("无法读取图片缓存文件夹", "images: cannot read the cache folder: %v", bare(err))
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	var errs []error
	for _, e := range entries {
		name := e.Name()
		if !e.Type().IsRegular() {
			continue
		}
		switch {
		case strings.HasPrefix(name, tempPrefix):
			info, err := e.Info()
			if err != nil || time.Since(info.ModTime()) < staleTemp {
				continue
			}
		case !variantFile.MatchString(name) || p.planned[name] != "" || keep[name]:
			continue
		}
		if err := os.Remove(filepath.Join(p.opts.CacheDir, name)); err != nil && !errors.Is(err, os.ErrNotExist) {
			errs = append(errs, err)
		}
	}
	if len(errs) > 0 {
		return lang.Errorf("无法清理图片缓存中不再使用的文件", "images: cannot remove %d unused cache files: %v", len(errs), bare(errs[0]))
	}
	return nil
}

// plannedNames adds to names the variants p planned, once its running
// Process is done.
func (p *Pipeline) plannedNames(names map[string]bool) {
	p.work.Lock()
	defer p.work.Unlock()
	p.mu.Lock()
	defer p.mu.Unlock()
	for name := range p.planned {
		names[name] = true
	}
}
