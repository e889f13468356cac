package deploy

import (
	"context"
	"encoding/json"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"
)

// TestLockStopsASecondDeploy: while a deploy holds the target, a second one
// fails at once, naming the holder, and changes nothing.
func TestLockStopsASecondDeploy(t *testing.T) {
	eachTarget(t, func(t *testing.T, e *env) {
		s := baseSite()
		dir := s.write(t)
		first := e.open(t)
		held, release := make(chan struct{}), make(chan struct{})
		done := make(chan error, 1)
		go func() {
			_, err := Deploy(context.Background(), first, Options{Source: dir, MaxDeletes: 256,
				lockedHook: func() { close(held); <-release }})
			done <- err
		}()
		<-held
		_, err := run(t, e, dir, Options{})
		close(release)
		var locked *LockedError
		host, _ := os.Hostname()
		if !errors.As(err, &locked) || !strings.Contains(err.Error(), "@"+host+" (pid "+strconv.Itoa(os.Getpid())+")") ||
			!strings.Contains(err.Error(), "wait for it to finish") {
			t.Fatalf("want a lock error naming the holder, got %v", err)
		}
		if err := <-done; err != nil {
			t.Fatalf("the first deploy: %v", err)
		}
		sameSite(t, e.root, s)
	})
}

// TestForceUnlock breaks only stale locks: one from a process of a
// machine named like this one that has ended (a lock that does not say in
// which boot and process numbering, so is not taken over unasked), one
// silent for longer than StaleLockAge; never a fresh lock from elsewhere.
func TestForceUnlock(t *testing.T) {
	host, _ := os.Hostname()
	dead := exec.Command(os.Args[0], "-test.run=^$")
	if err := dead.Run(); err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		name   string
		holder lockInfo
		stale  string // "" when --force-unlock must refuse
	}{
		{"ended process here", lockInfo{Host: host, User: "li", PID: dead.Process.Pid, Started: time.Now().Add(-time.Minute)}, "has ended"},
		{"old lock elsewhere", lockInfo{Host: "laptop-17", User: "li", PID: 4242, Started: time.Now().Add(-3 * time.Hour)}, "more than 15m0s"},
		{"fresh lock elsewhere", lockInfo{Host: "laptop-17", User: "li", PID: 4242, Started: time.Now().Add(-5 * time.Minute)}, ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			root := t.TempDir()
			lockFile := filepath.Join(root, LockName)
			data, _ := json.Marshal(c.holder)
			mustWrite(t, lockFile, string(data))
			tg, err := openFolder(root)
			if err != nil {
				t.Fatal(err)
			}
			dir := site{"index.html": "<h1>首页</h1>"}.write(t)
			_, err = Deploy(context.Background(), tg, Options{Source: dir})
			var locked *LockedError
			if !errors.As(err, &locked) || !strings.Contains(err.Error(), "li@"+c.holder.Host) {
				t.Fatalf("without --force-unlock: want the lock error, got %v", err)
			}
			if c.stale != "" && !strings.Contains(err.Error(), c.stale+": if it is no longer running, rerun with --force-unlock") {
				t.Errorf("the error should offer --force-unlock: %v", err)
			}
			_, err = Deploy(context.Background(), tg, Options{Source: dir, ForceUnlock: true})
			if c.stale == "" {
				if err == nil || !strings.Contains(err.Error(), "remove "+LockName+" from the target by hand") {
					t.Fatalf("--force-unlock broke a fresh lock, or said nothing useful: %v", err)
				}
				if got, _ := os.ReadFile(lockFile); string(got) != string(data) {
					t.Error("the fresh lock was changed")
				}
				return
			}
			if err != nil {
				t.Fatalf("--force-unlock: %v", err)
			}
			if _, err := os.Stat(lockFile); !errors.Is(err, os.ErrNotExist) {
				t.Error("the lock is still there after the deploy")
			}
		})
	}
}
