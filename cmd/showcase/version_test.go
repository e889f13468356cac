package main

import (
	"bytes"
	"runtime"
	"showcase"
	"testing"
)

// TestVersionStamp: a release binary says its version, commit and the
// commit's date in Beijing time, and its platform.
func TestVersionStamp(t *testing.T) {
	commit, date = "0123456789ab", "2026-12-02T20:00:00Z"
	defer func() { commit, date = "", "" }()
	var out bytes.Buffer
	if code := run([]string{"version"}, &out, &out); code != 0 {
		t.Fatalf("exit %d", code)
	}
	want := "showcase 版本 " + showcase.Version + " · 提交 0123456789ab · 2026年12月3日 · " + runtime.GOOS + "/" + runtime.GOARCH + "\n"
	if out.String() != want {
		t.Errorf("version:\n got %q\nwant %q", out.String(), want)
	}
}
