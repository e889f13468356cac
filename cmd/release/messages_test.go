package main

import (
	"testing"

	"showcase/internal/lang"
)

// TestPlatformMessage: a platform written wrong is refused, Chinese first,
// English alone with --lang en (or an English locale). No test of this
// package runs in parallel.
func TestPlatformMessage(t *testing.T) {
	err := run(t.TempDir(), "windows")
	if err == nil || err.Error() != `平台 "windows" 写法不对：请写成 系统/架构，例如 windows/amd64 (platform "windows": want os/arch, as windows/amd64)` {
		t.Errorf("Chinese: %v", err)
	}
	lang.SetEnglish(true)
	t.Cleanup(func() { lang.SetEnglish(false) })
	if err := run(t.TempDir(), "windows"); err == nil || err.Error() != `platform "windows": want os/arch, as windows/amd64` {
		t.Errorf("English: %v", err)
	}
}
