//go:build !windows

package main

// startedByExplorer is false: only Windows starts a command by double-click
// in a window of its own.
func startedByExplorer() bool { return false }
