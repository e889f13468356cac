package main

import (
	"strings"

	"showcase/internal/lang"
)

// usagesEn are the usage texts in English, by their Chinese text: -h and
// a wrong command line print the Chinese one, or the English one with
// --lang en (or an English LANG).
var usagesEn = map[string]string{
	usage:       usageEn,
	checkUsage:  checkUsageEn,
	newUsage:    newUsageEn,
	importUsage: importUsageEn,
	serveUsage:  serveUsageEn,
	deployUsage: deployUsageEn,
}

// localUsage is a usage text in the language of the messages.
func localUsage(zh string) string {
	if en, ok := usagesEn[zh]; ok && lang.English() {
		return en
	}
	return zh
}

// langFromArgs applies a --lang among a command's arguments before they
// are parsed, so that "-h --lang en" prints the English usage; a value it
// does not know is left to the parsed flag to report.
func langFromArgs(args []string) {
	for i, a := range args {
		if a == "--" {
			return
		}
		v, ok := strings.CutPrefix(a, "--lang=")
		if !ok && a == "--lang" && i+1 < len(args) {
			v, ok = args[i+1], true
		}
		if !ok {
			continue
		}
		if english, err := lang.Choose(v, func(string) string { return "" }); err == nil {
			lang.SetEnglish(english)
		}
	}
}
