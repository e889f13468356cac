package deploy

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"sync"
	"time"

	"showcase/internal/lang"
)

// StaleLockAge is how long a lock from another machine must have shown no
// sign of life (its start, or its holder's last refresh) before
// --force-unlock may break it. A lock whose holder has provably ended (on
// this machine, see ownerGone) is taken over without being asked.
const StaleLockAge = 15 * time.Minute

// lockBeatEvery is how often a deploy refreshes its lock, so that others
// can tell a running deploy from one that died.
const lockBeatEvery = time.Minute

// LockedError stops a deploy because another holds the target's lock.
type LockedError struct {
	Target string
	Holder lockInfo
	Age    time.Duration // since the holder started
	Silent time.Duration // since its last sign of life
	Here   bool          // the holder runs on this machine, and has not ended
	Forced bool          // --force-unlock was given but the lock is not stale
	Stale  string        // why --force-unlock may break the lock (in English), or ""

	staleZh string // Stale in Chinese
}

func (e *LockedError) Error() string {
	return lang.Sprintf("%[1]s", "%[2]s", e.chinese(), e.english())
}

// chinese says who holds the lock and since when, and what to do.
func (e *LockedError) chinese() string {
	h := e.Holder
	who := "一次身份不明的发布（锁文件已损坏）"
	if !h.damaged() {
		where := "电脑 " + h.Host + " "
		if e.Here {
			where = "本机"
		}
		who = fmt.Sprintf("%s 在%s上的发布（进程 %d），自 %s 开始，已进行 %s", h.User, where, h.PID,
			chineseTime(h.Started), chineseDuration(roundAge(e.Age)))
		if !h.Beat.IsZero() {
			who += fmt.Sprintf("，最后一次活动在 %s前", chineseDuration(roundAge(e.Silent)))
		}
	}
	msg := fmt.Sprintf("发布目标 %s 正被占用：%s。", e.Target, who)
	switch {
	case e.Stale != "":
		return msg + "由于" + e.staleZh + "，如确认它已停止，加 --force-unlock 重新运行即可解锁。"
	case e.Forced:
		return msg + fmt.Sprintf("--force-unlock 只解除本机已结束的发布留下的锁，或超过 %s没有活动的锁：请等它完成；"+
			"如确定它已停止，可在目标上手动删除 %s。", chineseDuration(StaleLockAge), LockName)
	case e.Here:
		return msg + "它仍在本机运行：请等它完成后重试。"
	}
	return msg + fmt.Sprintf("它不在本机运行（或在另一个容器中），本机无法确认它是否已停止：请等它完成后重试；"+
		"如确认它已停止（例如那台电脑已关机或断网），在它超过 %s没有活动后加 --force-unlock 解锁。", chineseDuration(StaleLockAge))
}

func (e *LockedError) english() string {
	msg := fmt.Sprintf("%s is locked by another deploy: %s, %s ago", e.Target, e.Holder, roundAge(e.Age))
	switch {
	case e.Stale != "":
		return msg + "; " + e.Stale + ": if it is no longer running, rerun with --force-unlock"
	case e.Forced:
		return msg + fmt.Sprintf("; --force-unlock breaks only a lock whose process on this machine has ended or one silent for %s; wait for that deploy to finish, or, if you are certain it is dead, remove %s from the target by hand", StaleLockAge, LockName)
	}
	return msg + "; wait for it to finish and try again"
}

func roundAge(d time.Duration) time.Duration {
	if d < 0 {
		return 0 // the other machine's clock is ahead
	}
	return d.Round(time.Second)
}

// lock is a held target lock.
type lock struct {
	t        Target
	me       lockInfo
	tookOver string // the holder of a dead deploy's lock this one replaced, or ""
	stopBeat func()
}

// takeLock creates the lock file, which fails when it exists (O_EXCL, also
// over SFTP). A lock whose holder has provably ended is taken over; with
// force, so is a stale one (see staleness).
func takeLock(t Target, me lockInfo, force bool, now time.Time) (*lock, error) {
	data, _ := json.Marshal(me)
	l := &lock{t: t, me: me, stopBeat: func() {}}
	for attempt := 0; ; attempt++ {
		err := t.CreateExclusive(LockName, data)
		if err == nil {
			return l, nil
		}
		if !errors.Is(err, fs.ErrExist) {
			return nil, targetError(err, "无法在发布目标 %[2]s 上加锁（锁文件 %[1]s），没有发布任何文件", "creating %[1]s on %[2]s: %[3]v", LockName, t, err)
		}
		raw, err := t.ReadFile(LockName)
		if errors.Is(err, fs.ErrNotExist) && attempt < 3 {
			continue // released meanwhile
		}
		if err != nil {
			return nil, targetError(err, "无法读取发布目标 %[2]s 上的锁文件 %[1]s，没有发布任何文件", "reading %[1]s on %[2]s: %[3]v", LockName, t, err)
		}
		var holder lockInfo
		json.Unmarshal(raw, &holder) // a damaged lock leaves holder empty, which is stale
		gone := ownerGone(holder, me)
		e := &LockedError{Target: t.String(), Holder: holder, Age: now.Sub(holder.Started),
			Silent: now.Sub(holder.lastSign()), Forced: force}
		if gone.en == "" {
			e.Here = holder.Host == me.Host && holder.Boot != "" && holder.Boot == me.Boot && holder.PIDSpace == me.PIDSpace
			stale := staleness(holder, me, now)
			e.Stale, e.staleZh = stale.en, stale.zh
		}
		if attempt >= 3 || (gone.en == "" && (!force || e.Stale == "" || attempt > 0)) {
			return nil, e
		}
		if err := breakLock(t, me, raw); err != nil {
			return nil, lang.Errorf("无法解除发布目标 %[2]s 上的锁（锁文件 %[1]s），没有发布任何文件", "breaking the lock %[1]s on %[2]s: %[3]v", LockName, t, err)
		}
		if gone.en != "" {
			l.tookOver = lang.Sprintf("已接管一次已结束的发布留下的锁（%[3]s 于 %[4]s 开始的发布；%[5]s）",
				"took over the lock of %[1]s: %[2]s", holder, gone.en, holder.User, chineseTime(holder.Started), gone.zh)
		}
	}
}

// staleness tells why --force-unlock may break a lock, or the zero reason
// when it may not.
func staleness(holder, me lockInfo, now time.Time) reason {
	switch {
	case holder.damaged():
		return reason{"锁文件已损坏", "the lock file is damaged"}
	case holder.Boot == "" && holder.Host == me.Host && !processAlive(holder.PID):
		// a lock of an older showcase, or of a system without /proc
		return reason{fmt.Sprintf("在名为 %s 的电脑上的进程 %d 已结束", holder.Host, holder.PID),
			fmt.Sprintf("process %d on a machine named %s has ended", holder.PID, holder.Host)}
	case now.Sub(holder.lastSign()) > StaleLockAge:
		return reason{fmt.Sprintf("已超过 %s没有活动", chineseDuration(StaleLockAge)), fmt.Sprintf("it has shown no sign of life for more than %s", StaleLockAge)}
	}
	return reason{}
}

// breakLock removes the lock whose content is raw, and only that one. It is
// first renamed to a name of this deploy's own, which only one of several
// deploys breaking it at once can do; should the renamed lock turn out to
// be another (a deploy that took the lock meanwhile, or a holder that
// refreshed it), it is put back, and the caller's next attempt finds it.
func breakLock(t Target, me lockInfo, raw []byte) error {
	aside := partPrefix + me.Run + ".broken-lock"
	if err := t.Rename(LockName, aside); err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			return nil // another deploy broke it first
		}
		return err
	}
	got, err := t.ReadFile(aside)
	if err == nil && !bytes.Equal(got, raw) {
		t.CreateExclusive(LockName, got) // fails only if yet another deploy holds it
	}
	if rerr := t.Remove(aside); err == nil {
		err = rerr
	}
	return err
}

// beat refreshes the lock every lockBeatEvery until release.
func (l *lock) beat() {
	stop, done := make(chan struct{}), make(chan struct{})
	go func() {
		defer close(done)
		tick := time.NewTicker(lockBeatEvery)
		defer tick.Stop()
		for {
			select {
			case <-stop:
				return
			case now := <-tick.C:
				if !l.refresh(now) {
					return
				}
			}
		}
	}()
	l.stopBeat = sync.OnceFunc(func() { close(stop); <-done })
}

// refresh records a sign of life in the lock; false once the lock is no
// longer this deploy's (then it is left alone). A failed refresh (a
// network hiccup) is simply tried again at the next beat.
func (l *lock) refresh(now time.Time) bool {
	raw, err := l.t.ReadFile(LockName)
	if err != nil {
		return !errors.Is(err, fs.ErrNotExist)
	}
	var holder lockInfo
	if json.Unmarshal(raw, &holder) != nil || holder.Run != l.me.Run {
		return false
	}
	l.me.Beat = now.UTC()
	data, _ := json.Marshal(l.me)
	part := partName(LockName, l.me.Run)
	if l.t.Put(LockName, part, bytes.NewReader(data)) != nil {
		l.t.Remove(part) // so that the next beat can create it
	}
	return true
}

// release stops the refreshes and removes the lock, if it is still this
// deploy's.
func (l *lock) release() error {
	l.stopBeat()
	raw, err := l.t.ReadFile(LockName)
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	if err == nil {
		var holder lockInfo
		if json.Unmarshal(raw, &holder) == nil && holder.Run != l.me.Run {
			return lang.Errorf("发布期间，目标 %[1]s 上的锁被解除，现由另一次发布持有：%[3]s；请核对两次发布的结果",
				"the lock on %[1]s was broken during this deploy and is now held by %[2]s", l.t, holder, holder.chinese())
		}
		err = l.t.Remove(LockName)
	}
	if err != nil {
		return lang.Errorf("无法解除发布目标 %[2]s 上的锁：请在服务器上手动删除锁文件 %[1]s，否则下次发布会被挡住",
			"removing the lock %[1]s on %[2]s: %[3]v; remove it by hand", LockName, l.t, err)
	}
	return nil
}
