package main

import (
	"fmt"
	"io"
)

// runDeploy is being written (its issue is open).
func runDeploy(args []string, stdout, stderr io.Writer) int {
	fmt.Fprintln(stderr, "showcase: this command is not available yet (该命令尚未提供)")
	return 2
}
