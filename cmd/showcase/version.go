package main

import (
	"fmt"
	"io"
	"runtime"
	"runtime/debug"
	"time"

	"showcase"
	"showcase/internal/lang"
)

// The commit and the commit's date of a release binary, set by
// "go run ./cmd/release" with -ldflags "-X main.commit=… -X main.date=…".
// A binary built otherwise takes them from the Go toolchain's build
// information, when it was built in a git checkout.
var commit, date string

// runVersion prints the version, the commit and its date, and the platform.
func runVersion(stdout io.Writer) int {
	rev, when := commit, date
	if rev == "" {
		rev, when = buildVCS()
	}
	line := lang.Say("showcase 版本 %s", "showcase version %s", showcase.Version)
	if rev != "" {
		line += lang.Say(" · 提交 %s", " · commit %s", rev)
	}
	if t, err := time.Parse(time.RFC3339, when); err == nil {
		line += " · " + t.In(beijing).Format(lang.Say("2006年1月2日", "2006-01-02"))
	}
	fmt.Fprintf(stdout, "%s · %s/%s\n", line, runtime.GOOS, runtime.GOARCH)
	return 0
}

// beijing is China Standard Time, in which dates are shown.
var beijing = time.FixedZone("CST", 8*3600)

// buildVCS reads the commit (12 digits, "+" when the tree had changes) and
// its time from the build information.
func buildVCS() (rev, when string) {
	info, ok := debug.ReadBuildInfo()
	if !ok {
		return "", ""
	}
	modified := false
	for _, s := range info.Settings {
		switch s.Key {
		case "vcs.revision":
			rev = s.Value
		case "vcs.time":
			when = s.Value
		case "vcs.modified":
			modified = s.Value == "true"
		}
	}
	if len(rev) > 12 {
		rev = rev[:12]
	}
	if rev != "" && modified {
		rev += "+"
	}
	return rev, when
}
