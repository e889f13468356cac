package images

import (
	"fmt"
	"io"
	"os"
	"sync"
	"sync/atomic"
	"time"

	"showcase/internal/lang"
)

// progressLine redraws "图片 images N/M · 3.4s" on a terminal while
// Process runs. It starts drawing after a short delay, so quick runs
// (a warm cache) print nothing, and ends with a newline if it drew.
type progressLine struct {
	w       io.Writer
	total   int
	start   time.Time
	done    atomic.Int64
	stop    chan struct{}
	stopped sync.WaitGroup
	drawn   bool
	// after is the clock: time.After, or the tests' own channel.
	after func(time.Duration) <-chan time.Time
}

// Drawing starts after progressDelay and is redrawn every progressTick.
const (
	progressDelay = 500 * time.Millisecond
	progressTick  = 200 * time.Millisecond
)

// newProgress returns a progress line drawn on w if w is a terminal, or
// one that draws nothing.
func newProgress(w io.Writer, total int) *progressLine {
	if !isTerminal(w) {
		w = nil
	}
	return startProgress(w, total, time.After)
}

// startProgress starts a line that waits progressDelay, then draws every
// progressTick, each wait timed by after.
func startProgress(w io.Writer, total int, after func(time.Duration) <-chan time.Time) *progressLine {
	pl := &progressLine{w: w, total: total, start: time.Now(), stop: make(chan struct{}), after: after}
	if w == nil || total == 0 {
		return pl
	}
	pl.stopped.Add(1)
	go func() {
		defer pl.stopped.Done()
		wait := progressDelay
		for {
			select {
			case <-pl.stop:
				return
			case <-pl.after(wait):
			}
			pl.draw()
			wait = progressTick
		}
	}()
	return pl
}

// isTerminal tells whether w is a character device (a terminal), not a
// file, pipe or buffer.
func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	if !ok || f == nil {
		return false
	}
	info, err := f.Stat()
	return err == nil && info.Mode()&os.ModeCharDevice != 0
}

func (pl *progressLine) step() { pl.done.Add(1) }

func (pl *progressLine) draw() {
	pl.drawn = true
	fmt.Fprint(pl.w, "\r\x1b[K"+lang.Say("处理图片 %d/%d 张 · %.1f 秒", "images %d/%d · %.1fs", pl.done.Load(), pl.total,
		time.Since(pl.start).Seconds()))
}

// finish stops the line; if it was drawn, it is drawn a last time, complete.
func (pl *progressLine) finish() {
	close(pl.stop)
	pl.stopped.Wait()
	if pl.drawn {
		pl.draw()
		fmt.Fprintln(pl.w)
	}
}
