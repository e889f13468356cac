package build

import (
	"fmt"
	"os"
	"time"
)

// tracer prints how long each step of a build took when SHOWCASE_TRACE is
// set, for finding where time goes on big sites.
type tracer struct {
	on   bool
	last time.Time
}

func newTracer() *tracer { return &tracer{on: os.Getenv("SHOWCASE_TRACE") != "", last: time.Now()} }

func (t *tracer) step(name string) {
	if !t.on {
		return
	}
	now := time.Now()
	fmt.Fprintf(os.Stderr, "trace: %-10s %7.1f ms\n", name, float64(now.Sub(t.last).Microseconds())/1000)
	t.last = now
}
