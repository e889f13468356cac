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

// endedPID is the number of a process of this machine that has ended.
func endedPID(t *testing.T) int {
	t.Helper()
	cmd := exec.Command(os.Args[0], "-test.run=^$")
	if err := cmd.Run(); err != nil {
		t.Fatal(err)
	}
	return cmd.Process.Pid
}

// plantLock writes a lock as a deploy holding it would have.
func plantLock(t *testing.T, root string, holder lockInfo) string {
	t.Helper()
	data, err := json.Marshal(holder)
	if err != nil {
		t.Fatal(err)
	}
	mustWrite(t, filepath.Join(root, LockName), string(data))
	return string(data)
}

// TestLockOfEndedDeployTakenOver: a lock left by a deploy that provably
// ended — its process gone, its number now another process's, or the
// computer restarted since — is taken over without --force-unlock, and the
// summary says so.
func TestLockOfEndedDeployTakenOver(t *testing.T) {
	me := whoAmI(time.Now().Add(-time.Minute))
	if me.Boot == "" {
		t.Skip("no /proc/sys/kernel/random/boot_id: nothing can be proven on this system")
	}
	ended := me
	ended.PID, ended.ProcStart = endedPID(t), 12345
	reused := me
	reused.ProcStart++ // this process's number, but another start
	restarted := me
	restarted.Boot = "00000000-0000-0000-0000-000000000000"
	cases := []struct {
		name   string
		holder lockInfo
		says   string
	}{
		{"process ended", ended, "本机的进程 " + strconv.Itoa(ended.PID) + " 已结束"},
		{"number reused", reused, "这个进程号现属另一个程序"},
		{"machine restarted", restarted, "本机此后重启过"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if c.holder.Machine == "" && c.name == "machine restarted" {
				t.Skip("no machine-id: a restart cannot be told from another computer")
			}
			eachTarget(t, func(t *testing.T, e *env) {
				plantLock(t, e.root, c.holder)
				s := baseSite()
				res := mustRun(t, e, s.write(t), Options{})
				if !strings.Contains(res.Summary(), "已接管一次已结束的发布留下的锁") || !strings.Contains(res.Summary(), c.says) {
					t.Errorf("the summary should say whose lock was taken over, and why (%s): %s", c.says, res.Summary())
				}
				sameSite(t, e.root, s)
			})
		})
	}
}

// TestLiveLockKept: a lock whose holder may still run is refused, without
// --force-unlock, and left as it was: this very process (alive, its start
// matching), one of another PID namespace (a container, where the number
// means nothing here), and one of another computer, whose message says in
// Chinese who holds it, since when, and when it last showed life.
func TestLiveLockKept(t *testing.T) {
	me := whoAmI(time.Now().Add(-5 * time.Minute))
	container := me
	container.PID, container.PIDSpace = endedPID(t), "pid:[1]"
	elsewhere := lockInfo{Host: "laptop-17", User: "li", PID: 4242, Started: me.Started, Run: "cafe0001",
		Machine: "0123456789abcdef", Boot: me.Boot, Beat: time.Now().Add(-2 * time.Minute)}
	cases := []struct {
		name   string
		holder lockInfo
		says   []string
	}{
		{"this process", me, []string{"在本机上的发布（进程 " + strconv.Itoa(os.Getpid()) + "）", "它仍在本机运行：请等它完成后重试"}},
		{"another container", container, []string{"它不在本机运行（或在另一个容器中）", "请等它完成后重试"}},
		{"another computer", elsewhere, []string{"发布目标 ", "正被占用：li 在电脑 laptop-17 上的发布（进程 4242），自 " +
			me.Started.Local().Format("2006年1月2日 15:04:05") + " 开始，已进行 5 分", "，最后一次活动在 2 分",
			"本机无法确认它是否已停止", "li@laptop-17 (pid 4242)"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			eachTarget(t, func(t *testing.T, e *env) {
				planted := plantLock(t, e.root, c.holder)
				_, err := run(t, e, baseSite().write(t), Options{})
				var locked *LockedError
				if !errors.As(err, &locked) {
					t.Fatalf("want the lock refused, got %v", err)
				}
				if !strings.HasPrefix(err.Error(), "发布目标 ") {
					t.Errorf("the message should speak Chinese first: %v", err)
				}
				for _, want := range c.says {
					if !strings.Contains(err.Error(), want) {
						t.Errorf("the message lacks %q:\n%v", want, err)
					}
				}
				if got, _ := os.ReadFile(filepath.Join(e.root, LockName)); string(got) != planted {
					t.Error("the lock was changed")
				}
				if _, err := os.Stat(filepath.Join(e.root, "index.html")); !errors.Is(err, os.ErrNotExist) {
					t.Error("a locked-out deploy sent files")
				}
			})
		})
	}
}

// TestLockRefreshed: a deploy's heartbeat records its last sign of life in
// the lock, which the message of a locked-out deploy reports; once another
// holds the lock, neither the heartbeat nor the release touches it.
func TestLockRefreshed(t *testing.T) {
	root := t.TempDir()
	tg := mustOpenFolder(t, root)
	start := time.Now().Add(-10 * time.Minute)
	l, err := takeLock(tg, whoAmI(start), false, start)
	if err != nil {
		t.Fatal(err)
	}
	if !l.refresh(start.Add(7 * time.Minute)) {
		t.Fatal("refresh gave up on its own lock")
	}
	now := start.Add(10 * time.Minute)
	_, err = takeLock(tg, whoAmI(now), false, now)
	if err == nil || !strings.Contains(err.Error(), "已进行 10 分钟，最后一次活动在 3 分钟前") {
		t.Errorf("want the holder's last sign of life, got %v", err)
	}
	other := plantLock(t, root, lockInfo{Host: "laptop-17", User: "li", PID: 4242, Started: time.Now(), Run: "cafe0002"})
	if l.refresh(time.Now()) {
		t.Error("refresh went on after another took the lock")
	}
	if err := l.release(); err == nil || !strings.Contains(err.Error(), "现由另一次发布持有") {
		t.Errorf("release should say the lock was taken: %v", err)
	}
	if got, _ := os.ReadFile(filepath.Join(root, LockName)); string(got) != other {
		t.Error("the other deploy's lock was changed")
	}
}

// TestTwoDeploysTakeOverOnce: two deploys finding the same dead lock at
// once: one takes it over, the other is refused by the live one.
func TestTwoDeploysTakeOverOnce(t *testing.T) {
	eachTarget(t, func(t *testing.T, e *env) {
		dead := whoAmI(time.Now())
		dead.PID = endedPID(t)
		plantLock(t, e.root, dead)
		dir := baseSite().write(t)
		events := make(chan error, 2)
		release := make(chan struct{})
		done := make(chan struct{}, 2)
		for range 2 {
			go func() {
				defer func() { done <- struct{}{} }()
				tg := e.open(t)
				_, err := Deploy(context.Background(), tg, Options{Source: dir, MaxDeletes: 256,
					lockedHook: func() { events <- nil; <-release }})
				if err != nil {
					events <- err
				}
			}()
		}
		held := 0
		for range 2 {
			if err := <-events; err == nil {
				held++
			} else if le := (*LockedError)(nil); !errors.As(err, &le) {
				t.Errorf("the second deploy: want the lock refused, got %v", err)
			}
		}
		close(release)
		<-done
		<-done
		if held != 1 {
			t.Errorf("%d deploys held the lock at once, want 1", held)
		}
	})
}
