package main

import (
	"syscall"
	"unsafe"
)

// startedByExplorer reports a showcase.exe double-clicked in Windows
// Explorer: the console window was made for it alone, so no other process
// (cmd.exe, PowerShell) shares it.
func startedByExplorer() bool {
	list := syscall.NewLazyDLL("kernel32.dll").NewProc("GetConsoleProcessList")
	if list.Find() != nil {
		return false
	}
	var pids [2]uint32
	n, _, _ := list.Call(uintptr(unsafe.Pointer(&pids[0])), uintptr(len(pids)))
	return n == 1
}
