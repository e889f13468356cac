//go:build !unix

package build

import "time"

var benchStart = time.Now()

// cpuTime is the wall time since the tests began where getrusage is
// missing (Windows): differences of it still time a benchmark's loop.
func cpuTime() time.Duration { return time.Since(benchStart) }
