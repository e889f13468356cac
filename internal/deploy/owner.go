package deploy

import (
	"errors"
	"fmt"
	"os"
	"os/user"
	"strconv"
	"strings"
	"syscall"
	"time"
)

// lockInfo says who holds the lock (and who ran a journal's deploy).
type lockInfo struct {
	Host    string    `json:"host"`
	User    string    `json:"user"`
	PID     int       `json:"pid"`
	Started time.Time `json:"started"`
	Run     string    `json:"run"` // names the deploy's part files
	// Machine, Boot and PIDSpace name the computer, its current boot and
	// the process numbering PID belongs to (Linux's machine-id, boot_id and
	// PID namespace, which tells containers apart; "" where unknown);
	// ProcStart is when the process started (clock ticks after boot, 0
	// where unknown). With PID they prove that a holder has ended.
	Machine   string `json:"machine,omitempty"`
	Boot      string `json:"boot,omitempty"`
	PIDSpace  string `json:"pidSpace,omitempty"`
	ProcStart uint64 `json:"procStart,omitempty"`
	// Beat is the holder's last sign of life: it refreshes the lock every
	// lockBeatEvery while it deploys.
	Beat time.Time `json:"beat,omitzero"`
}

// whoAmI describes this process for the lock and the journal.
func whoAmI(now time.Time) lockInfo {
	host, _ := os.Hostname()
	name := "unknown"
	if u, err := user.Current(); err == nil {
		name = u.Username
	}
	start, _ := procStart(os.Getpid())
	return lockInfo{Host: host, User: name, PID: os.Getpid(), Started: now.UTC(), Run: newRunID(),
		Machine: machineID(), Boot: bootID(), PIDSpace: pidSpace(), ProcStart: start}
}

func (l lockInfo) String() string {
	if l.damaged() {
		return "an unknown deploy (the lock file is damaged)"
	}
	return fmt.Sprintf("%s@%s (pid %d) since %s", l.User, l.Host, l.PID, l.Started.Local().Format("2006-01-02 15:04:05"))
}

// chinese says whose deploy it is, for a Chinese message.
func (l lockInfo) chinese() string {
	if l.damaged() {
		return "一次身份不明的发布（锁文件已损坏）"
	}
	return fmt.Sprintf("%s 在电脑 %s 上的发布（进程 %d），自 %s 开始", l.User, l.Host, l.PID, chineseTime(l.Started))
}

func (l lockInfo) damaged() bool { return l.Started.IsZero() }

// lastSign is when the holder was last known to be alive.
func (l lockInfo) lastSign() time.Time {
	if l.Beat.After(l.Started) {
		return l.Beat
	}
	return l.Started
}

// reason is why something about a lock holds, for people: in Chinese and
// in English.
type reason struct{ zh, en string }

// ownerGone tells how it is known that the deploy holding a lock has
// ended, or the zero reason when that cannot be proven. Both need the same
// host name, and then either the same boot and process numbering as this
// process (so that its PID means the same process here) with the process
// ended, or its number now held by a process started at another time; or
// the same machine-id and another boot (the computer has restarted). A
// lock from another computer, or from a system without /proc (where
// nothing can be proven), is never judged here.
func ownerGone(holder, me lockInfo) reason {
	if holder.damaged() || holder.Host != me.Host {
		return reason{}
	}
	if holder.Boot != "" && holder.Boot == me.Boot && holder.PIDSpace == me.PIDSpace {
		if !processAlive(holder.PID) {
			return reason{fmt.Sprintf("本机的进程 %d 已结束", holder.PID), fmt.Sprintf("process %d on this machine has ended", holder.PID)}
		}
		if now, ok := procStart(holder.PID); ok && holder.ProcStart != 0 && now != holder.ProcStart {
			return reason{fmt.Sprintf("本机的进程 %d 已结束，这个进程号现属另一个程序", holder.PID),
				fmt.Sprintf("process %d has ended; its number now belongs to another process", holder.PID)}
		}
		return reason{}
	}
	if holder.Machine != "" && holder.Machine == me.Machine && holder.Boot != "" && me.Boot != "" && holder.Boot != me.Boot {
		return reason{"本机此后重启过", "this machine has restarted since"}
	}
	return reason{}
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

// procStart is when a process started, in clock ticks after boot (field
// 22 of /proc/PID/stat); false where there is no /proc.
func procStart(pid int) (uint64, bool) {
	data, err := os.ReadFile("/proc/" + strconv.Itoa(pid) + "/stat")
	if err != nil {
		return 0, false
	}
	// pid (comm) state ppid ...: comm may hold spaces and parentheses
	s := string(data)
	fields := strings.Fields(s[strings.LastIndexByte(s, ')')+1:])
	if len(fields) < 20 {
		return 0, false
	}
	n, err := strconv.ParseUint(fields[19], 10, 64)
	return n, err == nil
}

// machineID names this computer (systemd's machine-id), or "".
func machineID() string {
	for _, f := range []string{"/etc/machine-id", "/var/lib/dbus/machine-id"} {
		if data, err := os.ReadFile(f); err == nil {
			if id := strings.TrimSpace(string(data)); id != "" {
				return id
			}
		}
	}
	return ""
}

// bootID names this boot of the computer (Linux), or "".
func bootID() string {
	data, err := os.ReadFile("/proc/sys/kernel/random/boot_id")
	if err != nil {
		return ""
	}
	return strings.TrimSpace(string(data))
}

// pidSpace names the PID namespace of this process (Linux), or "".
func pidSpace() string {
	ns, err := os.Readlink("/proc/self/ns/pid")
	if err != nil {
		return ""
	}
	return ns
}
