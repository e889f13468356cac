package main

import (
	"fmt"
	"io"
	"os"
	"runtime/pprof"
)

// startProfile writes a CPU profile of the whole command to the file named
// by SHOWCASE_CPUPROFILE, for finding where a slow build spends its time
// (go tool pprof FILE). It returns the function that finishes the profile.
func startProfile(stderr io.Writer) func() {
	name := os.Getenv("SHOWCASE_CPUPROFILE")
	if name == "" {
		return func() {}
	}
	f, err := os.Create(name)
	if err == nil {
		err = pprof.StartCPUProfile(f)
	}
	if err != nil {
		fmt.Fprintf(stderr, "showcase: 无法写性能剖析文件（cpu profile）：%v\n", err)
		return func() {}
	}
	return func() {
		pprof.StopCPUProfile()
		f.Close()
	}
}
