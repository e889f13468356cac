package main

import (
	"fmt"
	"io"
	"os"

	"showcase/internal/build"
	"showcase/internal/check"
	"showcase/internal/config"
	"showcase/internal/diag"
	"showcase/internal/lang"
	"showcase/internal/proofread"
)

// fixSite is "showcase check --fix": it corrects the punctuation and
// wording of the site's Markdown files in place and prints what it
// changed to w. A site.toml that does not load is left to the check that
// follows; an error means a file could not be rewritten.
func fixSite(source string, w io.Writer) error {
	var ignored diag.List
	cfg, err := build.LoadConfig(os.DirFS(source), &ignored)
	if err != nil {
		fmt.Fprintln(w, lang.Say("自动改正（--fix）：site.toml 有错误，未改正任何文件", "check --fix: site.toml does not load: nothing fixed"))
		return nil
	}
	fixes, err := check.Fix(source, cfg)
	check.WriteFixes(w, fixes)
	return err
}

// siteWords is the word list of the site in folder source, for import:
// the built-in list alone when its site.toml does not load.
func siteWords(source string) *proofread.Words {
	var ignored diag.List
	cfg, err := build.LoadConfig(os.DirFS(source), &ignored)
	if err != nil {
		cfg = config.Default()
	}
	return check.Words(cfg)
}
