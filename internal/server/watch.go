package server

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"syscall"

	"github.com/fsnotify/fsnotify"

	"showcase/internal/lang"
)

// Watch starts looking for changes in the site folder until ctx ends, with
// the system's file events, or by polling when Options.Poll is set. Call it
// before the first build, so no save is missed; Run acts on the changes.
func (s *Server) Watch(ctx context.Context) error {
	if s.opts.Poll > 0 {
		go s.poll(ctx, s.opts.Poll, scanSource(s.opts.Source))
		return nil
	}
	w, err := fsnotify.NewWatcher()
	if err != nil {
		return fmt.Errorf("%s: %w", lang.Sprintf("无法监视文件变化，请加上 --poll 重新启动预览", "cannot watch for file changes"), err)
	}
	// the site folder itself, for site.toml and watched folders created later
	if err := w.Add(s.opts.Source); err != nil {
		w.Close()
		return fmt.Errorf("%s: %w", lang.Sprintf("无法监视网站文件夹 %[1]s，请加上 --poll 重新启动预览", "cannot watch %[1]s", s.opts.Source), err)
	}
	for _, folder := range WatchedFolders {
		if err := s.watchTree(w, filepath.Join(s.opts.Source, folder)); err != nil {
			w.Close()
			return err
		}
	}
	go s.watchEvents(ctx, w)
	return nil
}

// watchTree watches dir and every folder under it (editor litter aside).
func (s *Server) watchTree(w *fsnotify.Watcher, dir string) error {
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			if p == dir && errors.Is(err, fs.ErrNotExist) {
				return fs.SkipAll // not there (yet): watched once created
			}
			return nil // vanished meanwhile
		}
		if !d.IsDir() {
			return nil
		}
		if p != dir && isEditorLitter(d.Name()) {
			return fs.SkipDir
		}
		if err := w.Add(p); err != nil {
			if errors.Is(err, syscall.ENOSPC) || errors.Is(err, syscall.EMFILE) {
				return fmt.Errorf("%s: %w", lang.Sprintf("要监视的文件夹超出系统限制，请加上 --poll 重新启动预览，或请技术人员调高 fs.inotify.max_user_watches", "too many folders to watch"), err)
			}
			if !errors.Is(err, fs.ErrNotExist) {
				return fmt.Errorf("%s: %w", lang.Sprintf("无法监视文件夹 %[1]s，请加上 --poll 重新启动预览", "cannot watch %[1]s", p), err)
			}
		}
		return nil
	})
	return err
}

// watchEvents hands each relevant event to Run until ctx ends.
func (s *Server) watchEvents(ctx context.Context, w *fsnotify.Watcher) {
	defer w.Close()
	for {
		select {
		case <-ctx.Done():
			return
		case ev, ok := <-w.Events:
			if !ok {
				return
			}
			s.handleEvent(w, ev)
		case err, ok := <-w.Errors:
			if !ok {
				return
			}
			if errors.Is(err, fsnotify.ErrEventOverflow) {
				fmt.Fprintln(s.opts.Log, "文件变化太多，部分通知丢失，将重新生成整个网站 (events lost: rebuilding everything)")
				s.reportLost()
				continue
			}
			fmt.Fprintf(s.opts.Log, "%s\n", lang.Sprintf("监视文件时出错", "watch error: %v", err))
		}
	}
}

// handleEvent reports the path of one event. A folder created (or moved in)
// is watched from now on, and the files already in it are reported, since
// they may have arrived before the watch. Changes of permissions alone are
// not changes of content.
func (s *Server) handleEvent(w *fsnotify.Watcher, ev fsnotify.Event) {
	if ev.Op == fsnotify.Chmod {
		return
	}
	rel, ok := s.relative(ev.Name)
	if !ok || Classify(rel) == Ignored {
		return
	}
	if ev.Has(fsnotify.Create) {
		if info, err := os.Lstat(ev.Name); err == nil && info.IsDir() {
			if err := s.watchTree(w, ev.Name); err != nil {
				fmt.Fprintln(s.opts.Log, err)
			}
			s.reportTree(ev.Name)
		}
	}
	s.report(rel)
}

// reportTree reports every file under dir.
func (s *Server) reportTree(dir string) {
	filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			if rel, ok := s.relative(p); ok {
				s.report(rel)
			}
		}
		return nil
	})
}

// relative is name as a slash path relative to the site folder.
func (s *Server) relative(name string) (string, bool) {
	rel, err := filepath.Rel(s.opts.Source, name)
	if err != nil || rel == "." || !filepath.IsLocal(rel) {
		return "", false
	}
	return filepath.ToSlash(rel), true
}
