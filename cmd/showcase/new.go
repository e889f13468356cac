package main

import (
	"fmt"
	"io"
)

// runNew is being written (its issue is open).
func runNew(args []string, stdout, stderr io.Writer) int {
	fmt.Fprintln(stderr, "showcase: this command is not available yet (该命令尚未提供)")
	return 2
}
