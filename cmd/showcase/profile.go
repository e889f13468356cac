package main

import (
	"fmt"
	"io"
	"os"
	"runtime"
	"runtime/pprof"
)

// startProfile writes a CPU profile of the whole command to the file named
// by SHOWCASE_CPUPROFILE, for finding where a slow build spends its time
// (go tool pprof FILE), and a profile of what it allocated to the file
// named by SHOWCASE_MEMPROFILE. It returns the function that finishes them.
func startProfile(stderr io.Writer) func() {
	stopMem := startMemProfile(stderr)
	name := os.Getenv("SHOWCASE_CPUPROFILE")
	if name == "" {
		return stopMem
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
		stopMem()
	}
}

// startMemProfile samples allocations from now on, every 64 KB, and
// returns the function that writes them (pprof -sample_index=alloc_space).
func startMemProfile(stderr io.Writer) func() {
	name := os.Getenv("SHOWCASE_MEMPROFILE")
	if name == "" {
		return func() {}
	}
	runtime.MemProfileRate = 64 << 10
	return func() {
		// the profile is as of the last collection: one now counts what
		// was allocated since, the last steps of the build
		runtime.GC()
		f, err := os.Create(name)
		if err == nil {
			err = pprof.Lookup("allocs").WriteTo(f, 0)
			f.Close()
		}
		if err != nil {
			fmt.Fprintf(stderr, "showcase: 无法写内存剖析文件（memory profile）：%v\n", err)
		}
	}
}
