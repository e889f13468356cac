// Package robustio renames and removes files the way Windows needs: a
// file another program has open (a virus scanner or the search indexer
// looking at a file just written, a web server such as IIS still sending
// it) cannot be renamed over, moved or deleted on Windows until that
// program lets go, which is usually a few milliseconds later. (The
// preview's own server opens files through os.Root, which lets them be
// replaced while open.) Rename and Remove try again for a short while when Windows says
// the file is in use; elsewhere they are os.Rename and os.Remove.
package robustio

import (
	"os"
	"time"
)

// budget is how long Rename keeps trying a file that is in use.
const budget = 2 * time.Second

// Rename is os.Rename that waits, for up to two seconds, for a file or
// folder that another program holds on Windows. The error is os.Rename's
// last.
func Rename(from, to string) error {
	return retry(func() error { return os.Rename(from, to) }, inUse, budget)
}

// Remove is os.Remove that waits like Rename for a file in use.
func Remove(name string) error {
	return retry(func() error { return os.Remove(name) }, inUse, budget)
}

// retry runs op until it succeeds, fails for another reason than one
// transient says passes, or the budget is spent, waiting a little longer
// after each try.
func retry(op func() error, transient func(error) bool, budget time.Duration) error {
	deadline := time.Now().Add(budget)
	wait := time.Millisecond
	for {
		err := op()
		if err == nil || !transient(err) || time.Now().Add(wait).After(deadline) {
			return err
		}
		time.Sleep(wait)
		wait = min(2*wait, 100*time.Millisecond)
	}
}
