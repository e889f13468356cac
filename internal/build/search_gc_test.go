package build

import (
	"runtime/debug"
	"testing"
)

// Two indexes built at once (the preview asks for a newer one while an
// older one is still being built) leave GOGC as it was, whichever ends first.
func TestLessGCOverlapping(t *testing.T) {
	before := debug.SetGCPercent(77)
	defer debug.SetGCPercent(before)
	first := lessGC()
	second := lessGC()
	if got := debug.SetGCPercent(-1); got != gcWhileIndexing {
		t.Errorf("GOGC while indexing = %d, want %d", got, gcWhileIndexing)
	}
	debug.SetGCPercent(gcWhileIndexing)
	first()
	if got := debug.SetGCPercent(gcWhileIndexing); got != gcWhileIndexing {
		t.Errorf("GOGC with one index still being built = %d, want %d", got, gcWhileIndexing)
	}
	second()
	if got := debug.SetGCPercent(-1); got != 77 {
		t.Errorf("GOGC after both = %d, want 77", got)
	}
}
