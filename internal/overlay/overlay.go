// Package overlay stacks file systems: a site's own files over the theme
// embedded in the binary.
//
// A file in an upper layer replaces the file of the same path below it, one
// file at a time (a site overrides layouts/_partials/footer.html and keeps
// every other partial of the theme). Directories are merged.
package overlay

import (
	"errors"
	"io"
	"io/fs"
	"sort"
)

// FS is a stack of layers, the first on top. A nil layer is skipped.
type FS struct {
	layers []fs.FS
}

// New stacks layers, the first on top.
func New(layers ...fs.FS) *FS {
	o := &FS{}
	for _, l := range layers {
		if l != nil {
			o.layers = append(o.layers, l)
		}
	}
	return o
}

// Open opens the topmost layer's file of that name. A directory lists the
// merged entries of every layer.
func (o *FS) Open(name string) (fs.File, error) {
	var firstErr error
	for _, l := range o.layers {
		f, err := l.Open(name)
		if err == nil {
			if info, serr := f.Stat(); serr == nil && info.IsDir() {
				entries, derr := o.ReadDir(name)
				if derr != nil {
					f.Close()
					return nil, derr
				}
				return &dir{File: f, entries: entries}, nil
			}
			return f, nil
		}
		if firstErr == nil || !errors.Is(err, fs.ErrNotExist) {
			firstErr = err
		}
		if !errors.Is(err, fs.ErrNotExist) {
			return nil, err
		}
	}
	if firstErr == nil {
		firstErr = &fs.PathError{Op: "open", Path: name, Err: fs.ErrNotExist}
	}
	return nil, firstErr
}

// ReadDir merges the listings of every layer; an entry of an upper layer
// hides the one below.
func (o *FS) ReadDir(name string) ([]fs.DirEntry, error) {
	seen := map[string]bool{}
	var out []fs.DirEntry
	found := false
	for _, l := range o.layers {
		entries, err := fs.ReadDir(l, name)
		if err != nil {
			if errors.Is(err, fs.ErrNotExist) {
				continue
			}
			return nil, err
		}
		found = true
		for _, e := range entries {
			if !seen[e.Name()] {
				seen[e.Name()] = true
				out = append(out, e)
			}
		}
	}
	if !found {
		return nil, &fs.PathError{Op: "readdir", Path: name, Err: fs.ErrNotExist}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Name() < out[j].Name() })
	return out, nil
}

// dir is a directory of the stack: its own Stat, the merged listing.
type dir struct {
	fs.File
	entries []fs.DirEntry
	read    int
}

func (d *dir) ReadDir(n int) ([]fs.DirEntry, error) {
	rest := d.entries[d.read:]
	if n <= 0 {
		d.read = len(d.entries)
		return rest, nil
	}
	if len(rest) == 0 {
		return nil, io.EOF
	}
	if n > len(rest) {
		n = len(rest)
	}
	d.read += n
	return rest[:n], nil
}
