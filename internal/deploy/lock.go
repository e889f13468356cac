package deploy

import (
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"os/user"
	"syscall"
	"time"
)

// StaleLockAge is the age after which --force-unlock may break a lock taken
// from another machine. A lock taken on this machine by a process that has
// ended may be broken at once.
const StaleLockAge = 2 * time.Hour

// lockInfo says who holds the lock (and who ran a journal's deploy).
type lockInfo struct {
	Host    string    `json:"host"`
	User    string    `json:"user"`
	PID     int       `json:"pid"`
	Started time.Time `json:"started"`
	Run     string    `json:"run"` // names the deploy's part files
}

// whoAmI describes this process for the lock and the journal.
func whoAmI(now time.Time) lockInfo {
	host, _ := os.Hostname()
	name := "unknown"
	if u, err := user.Current(); err == nil {
		name = u.Username
	}
	return lockInfo{Host: host, User: name, PID: os.Getpid(), Started: now.UTC(), Run: newRunID()}
}

func (l lockInfo) String() string {
	if l.Host == "" && l.PID == 0 {
		return "an unknown deploy (the lock file is damaged)"
	}
	return fmt.Sprintf("%s@%s (pid %d) since %s", l.User, l.Host, l.PID, l.Started.Local().Format("2006-01-02 15:04:05"))
}

// LockedError stops a deploy because another holds the target's lock.
type LockedError struct {
	Target string
	Holder lockInfo
	Age    time.Duration
	Forced bool   // --force-unlock was given but the lock is not stale
	Stale  string // why the lock may be broken, or ""
}

func (e *LockedError) Error() string {
	msg := fmt.Sprintf("%s is locked by another deploy: %s, %s ago (目标正被另一次发布占用)",
		e.Target, e.Holder, e.Age.Round(time.Second))
	switch {
	case e.Stale != "":
		return msg + "; " + e.Stale + ": if it is no longer running, rerun with --force-unlock (如确认该发布已停止，可加 --force-unlock 解锁)"
	case e.Forced:
		return msg + fmt.Sprintf("; --force-unlock breaks only a lock whose process on this machine has ended or one older than %s; wait for that deploy to finish, or, if you are certain it is dead, remove %s from the target by hand", StaleLockAge, LockName)
	}
	return msg + "; wait for it to finish and try again (请等待其完成后重试)"
}

// lock is a held target lock.
type lock struct {
	t Target
}

// takeLock creates the lock file, which fails when it exists (O_EXCL, also
// over SFTP). With force, a stale lock is removed and taken.
func takeLock(t Target, me lockInfo, force bool, now time.Time) (*lock, error) {
	data, _ := json.Marshal(me)
	for attempt := 0; ; attempt++ {
		err := t.CreateExclusive(LockName, data)
		if err == nil {
			return &lock{t: t}, nil
		}
		if !errors.Is(err, fs.ErrExist) {
			return nil, fmt.Errorf("creating %s on %s: %v (无法加锁)", LockName, t, err)
		}
		raw, err := t.ReadFile(LockName)
		if errors.Is(err, fs.ErrNotExist) && attempt < 3 {
			continue // released meanwhile
		}
		if err != nil {
			return nil, fmt.Errorf("reading %s on %s: %v (无法读取锁文件)", LockName, t, err)
		}
		var holder lockInfo
		json.Unmarshal(raw, &holder) // a damaged lock leaves holder empty, which is stale
		e := &LockedError{Target: t.String(), Holder: holder, Age: now.Sub(holder.Started), Forced: force, Stale: staleness(holder, me, now)}
		if !force || e.Stale == "" || attempt > 0 {
			return nil, e
		}
		if err := t.Remove(LockName); err != nil && !errors.Is(err, fs.ErrNotExist) {
			return nil, fmt.Errorf("breaking the lock %s on %s: %v (无法解锁)", LockName, t, err)
		}
	}
}

// staleness tells why a lock may be broken, or "" when it may not.
func staleness(holder, me lockInfo, now time.Time) string {
	switch {
	case holder.Started.IsZero():
		return "the lock file is damaged"
	case holder.Host == me.Host && !processAlive(holder.PID):
		return fmt.Sprintf("process %d on this machine has ended", holder.PID)
	case now.Sub(holder.Started) > StaleLockAge:
		return fmt.Sprintf("it is older than %s", StaleLockAge)
	}
	return ""
}

// processAlive reports whether a process of this machine runs; when it
// cannot tell, it says yes (so a lock is not broken by mistake).
func processAlive(pid int) bool {
	if pid <= 0 {
		return false
	}
	p, err := os.FindProcess(pid)
	if err != nil {
		return !errors.Is(err, os.ErrProcessDone)
	}
	return !errors.Is(p.Signal(syscall.Signal(0)), os.ErrProcessDone)
}

// release removes the lock.
func (l *lock) release() error {
	if err := l.t.Remove(LockName); err != nil {
		return fmt.Errorf("removing the lock %s on %s: %v; remove it by hand (无法解锁，请手动删除锁文件)", LockName, l.t, err)
	}
	return nil
}
