package proofread_test

import (
	"testing"

	"showcase/internal/opencc"
	"showcase/internal/proofread"
)

// TestOpenCCMisses: the built-in list holds only what OpenCC, which the
// importer runs first, leaves as it is.
func TestOpenCCMisses(t *testing.T) {
	for _, v := range proofread.Standard() {
		out, n := opencc.Default().Convert(v.Wrong)
		if n > 0 || out != v.Wrong {
			t.Errorf("OpenCC changes %s → %s", v.Wrong, out)
		}
	}
}
