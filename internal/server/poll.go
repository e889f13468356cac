package server

import (
	"context"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"time"
)

// The polling fallback (--poll): on network drives and in WSL file events
// do not arrive, so the watched files' stamps are compared every interval.
// A save shows as a new size or modification time; an edit that keeps both
// (same size within the file system's time resolution) goes unseen until
// the next one.

// fileStamp is what tells two versions of a file apart without reading it.
type fileStamp struct {
	size    int64
	modTime time.Time
}

// fileStamps maps slash paths relative to the site folder to their stamps.
type fileStamps map[string]fileStamp

// poll compares the watched files' stamps every interval and reports what
// changed: for network drives and WSL, where file events do not arrive.
func (s *Server) poll(ctx context.Context, interval time.Duration, last fileStamps) {
	ticker := time.NewTicker(interval)
	defer ticker.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-ticker.C:
			last = s.pollOnce(last)
		}
	}
}

// pollOnce scans the site folder, reports the paths changed since last and
// returns the new listing.
func (s *Server) pollOnce(last fileStamps) fileStamps {
	now := scanSource(s.opts.Source)
	for _, rel := range changedFiles(last, now) {
		s.report(rel)
	}
	return now
}

// changedFiles lists, sorted, the paths added, removed or restamped
// between two scans.
func changedFiles(before, after fileStamps) []string {
	var changed []string
	for p, stamp := range after {
		if old, ok := before[p]; !ok || old.size != stamp.size || !old.modTime.Equal(stamp.modTime) {
			changed = append(changed, p)
		}
	}
	for p := range before {
		if _, ok := after[p]; !ok {
			changed = append(changed, p)
		}
	}
	sort.Strings(changed)
	return changed
}

// scanSource lists the files of the site folder that the preview watches:
// the watched folders (without editor litter) and the config files.
func scanSource(source string) fileStamps {
	files := fileStamps{}
	for _, name := range ConfigFiles {
		if info, err := os.Stat(filepath.Join(source, name)); err == nil && info.Mode().IsRegular() {
			files[name] = fileStamp{info.Size(), info.ModTime()}
		}
	}
	for _, folder := range WatchedFolders {
		filepath.WalkDir(filepath.Join(source, folder), func(p string, d fs.DirEntry, err error) error {
			if err != nil {
				return nil // missing or unreadable: nothing to list
			}
			rel, relErr := filepath.Rel(source, p)
			if relErr != nil {
				return nil
			}
			rel = filepath.ToSlash(rel)
			if isEditorLitter(d.Name()) {
				if d.IsDir() {
					return fs.SkipDir
				}
				return nil
			}
			if d.IsDir() {
				return nil
			}
			if info, err := d.Info(); err == nil {
				files[rel] = fileStamp{info.Size(), info.ModTime()}
			}
			return nil
		})
	}
	return files
}
