package server

import (
	"sort"
	"time"
)

// Batching: one save is often several events (an atomic save writes a temp
// file, renames it over the page and removes a backup, all within a few
// milliseconds; a "save all" or a copied folder is dozens). The batch
// gathers the events of a burst and is due once nothing relevant happened
// for a quiet window, or at the latest a while after its first event, so a
// long copy still shows progress. The quiet window is all the latency the
// batching adds to a save: 50 ms leaves half of a 100 ms save-to-reload
// budget to the rebuild, and is still ten times the spread of one save's
// events.
const (
	QuietWindow = 50 * time.Millisecond
	LongestWait = 2 * time.Second
)

// batch gathers the changed paths of one burst of events. It is pure: the
// caller says what time it is, so tests drive it with explicit instants.
type batch struct {
	quiet, longest time.Duration
	changes        map[string]Change
	everything     bool // events were lost: rebuild the whole site
	first, last    time.Time
}

func newBatch(quiet, longest time.Duration) *batch {
	if quiet <= 0 {
		quiet = QuietWindow
	}
	if longest < quiet {
		longest = quiet
	}
	return &batch{quiet: quiet, longest: longest, changes: map[string]Change{}}
}

// add records an event on rel (a slash path relative to the site folder)
// at now. Ignored files neither join the batch nor delay it; add reports
// whether the event counted.
func (b *batch) add(rel string, now time.Time) bool {
	change := Classify(rel)
	if change == Ignored {
		return false
	}
	b.touch(now)
	b.changes[cleanSlash(rel)] = change
	return true
}

// addEverything records that events were lost (the system's event queue
// overflowed): the next rebuild covers the whole site.
func (b *batch) addEverything(now time.Time) {
	b.touch(now)
	b.everything = true
}

func (b *batch) touch(now time.Time) {
	if b.empty() {
		b.first = now
	}
	b.last = now
}

func (b *batch) empty() bool { return len(b.changes) == 0 && !b.everything }

// due tells when the batch is to be taken; ok is false when it is empty.
func (b *batch) due() (at time.Time, ok bool) {
	if b.empty() {
		return time.Time{}, false
	}
	at = b.last.Add(b.quiet)
	if latest := b.first.Add(b.longest); latest.Before(at) {
		at = latest
	}
	return at, true
}

// take empties a batch that is due at now and returns its paths, sorted; a
// nil list with ok means "everything". ok is false when nothing is due yet.
func (b *batch) take(now time.Time) (paths []string, ok bool) {
	at, pending := b.due()
	if !pending || now.Before(at) {
		return nil, false
	}
	if !b.everything {
		paths = make([]string, 0, len(b.changes))
		for p := range b.changes {
			paths = append(paths, p)
		}
		sort.Strings(paths)
	}
	b.changes = map[string]Change{}
	b.everything = false
	return paths, true
}
