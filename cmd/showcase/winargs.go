package main

import (
	"runtime"
	"strings"

	flag "github.com/spf13/pflag"
)

// A folder given on Windows as "D:\宣传 资料\网站\" (PowerShell's Tab key
// ends a quoted folder that way) reaches a program as D:\宣传 资料\网站" :
// by the rules every Windows program reads its command line with, the
// backslash before the closing quote makes the quote part of the argument.
// A Windows path never holds a quote, so the stray one is read as the
// backslash it was.

// windowsArgs says arguments come from a Windows command line.
var windowsArgs = runtime.GOOS == "windows"

// pathFlags are the flags that name a folder.
var pathFlags = []string{"source", "destination"}

// strayQuote is a path argument without a stray closing quote.
func strayQuote(arg string, windows bool) string {
	if !windows || !strings.HasSuffix(arg, `"`) {
		return arg
	}
	return strings.TrimSuffix(arg, `"`) + `\`
}

// fixPathFlags takes the stray quote off the parsed path flags of fs.
func fixPathFlags(fs *flag.FlagSet, windows bool) {
	for _, name := range pathFlags {
		if f := fs.Lookup(name); f != nil && f.Changed {
			f.Value.Set(strayQuote(f.Value.String(), windows))
		}
	}
}

// pathArgs is a command's file arguments, each without a stray quote.
func pathArgs(args []string, windows bool) []string {
	out := make([]string, len(args))
	for i, a := range args {
		out[i] = strayQuote(a, windows)
	}
	return out
}
