//go:build unix

package build

import (
	"os"
	"syscall"
)

// lockWorks says lockDir keeps other processes out.
const lockWorks = true

// lockDir takes an exclusive lock on a folder without waiting, and says
// false when another process holds it. The lock goes with the process: a
// killed build holds nothing.
func lockDir(dir string) (unlock func(), ok bool) {
	f, err := os.Open(dir)
	if err != nil {
		return func() {}, false
	}
	if err := syscall.Flock(int(f.Fd()), syscall.LOCK_EX|syscall.LOCK_NB); err != nil {
		f.Close()
		return func() {}, false
	}
	return func() { f.Close() }, true
}
