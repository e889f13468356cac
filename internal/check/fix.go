package check

import (
	"bytes"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"showcase/internal/config"
	"showcase/internal/content"
	"showcase/internal/lang"
	"showcase/internal/proofread"
	"showcase/internal/robustio"
)

// FileFix is what Fix changed in one file.
type FileFix struct {
	File    string              // from the site folder, "content/news/a.md"
	Changes []proofread.Finding // each with the line of the file
}

// Fix corrects the punctuation and wording of every Markdown file under
// the content folder of the site folder dir, in place ("showcase check
// --fix"): what the typography rule reports, and the words of the
// [check.words] fixed phrasings and the built-in standard forms. Only the
// body changes: the front matter, a byte-order mark and the line endings
// (CRLF stays CRLF) are kept byte for byte. Each file is written to a
// temporary file beside it and renamed over it, so that a file is either
// the old one or the new one. Files that are not UTF-8 or whose front
// matter does not close are left alone (check reports them), and so are
// symbolic links. It returns the files it changed, in path order.
func Fix(dir string, cfg *config.Config) ([]FileFix, error) {
	words := Words(cfg)
	var out []FileFix
	root := filepath.Join(dir, "content")
	err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			if path == root && os.IsNotExist(err) {
				return filepath.SkipDir
			}
			return err
		}
		if !d.Type().IsRegular() || !strings.HasSuffix(strings.ToLower(d.Name()), ".md") {
			return nil
		}
		rel, err := filepath.Rel(dir, path)
		if err != nil {
			return err
		}
		changes, err := fixFile(path, words)
		if err != nil {
			return fmt.Errorf("%s: 无法改写（cannot rewrite）: %w", filepath.ToSlash(rel), err)
		}
		if len(changes) > 0 {
			out = append(out, FileFix{File: filepath.ToSlash(rel), Changes: changes})
		}
		return nil
	})
	return out, err
}

var bom = []byte("\xef\xbb\xbf")

// fixFile corrects one file and returns what it changed.
func fixFile(path string, words *proofread.Words) ([]proofread.Finding, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	normalized, err := content.Normalize(data)
	if err != nil {
		return nil, nil
	}
	src, err := content.Split(normalized)
	if err != nil {
		return nil, nil
	}
	raw := bytes.TrimPrefix(data, bom)
	head := len(data) - len(raw) + lineOffset(raw, src.BodyLine)
	found, fixed := proofread.Markdown(data[head:], words)
	var changes []proofread.Finding
	for _, f := range found {
		if f.Fixable() {
			f.Line += src.BodyLine - 1
			changes = append(changes, f)
		}
	}
	if len(changes) == 0 {
		return nil, nil
	}
	info, err := os.Stat(path)
	if err != nil {
		return nil, err
	}
	return changes, writeAtomically(path, append(data[:head:head], fixed...), info.Mode().Perm())
}

// lineOffset returns the offset of the first byte of line n (1-based),
// counting "\r\n", "\n" and a lone "\r" as line ends, as
// content.Normalize does.
func lineOffset(data []byte, n int) int {
	line, i := 1, 0
	for ; i < len(data) && line < n; i++ {
		switch {
		case data[i] == '\n':
			line++
		case data[i] == '\r' && (i+1 >= len(data) || data[i+1] != '\n'):
			line++
		}
	}
	return i
}

// writeAtomically replaces the file at path by data: a temporary file in
// the same folder, synced, then renamed over it.
func writeAtomically(path string, data []byte, perm fs.FileMode) error {
	tmp, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".*.tmp")
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name()) // after a successful rename there is nothing to remove
	_, err = tmp.Write(data)
	if err == nil {
		err = tmp.Chmod(perm)
	}
	if err == nil {
		err = tmp.Sync()
	}
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return err
	}
	return robustio.Rename(tmp.Name(), path)
}

// WriteFixes prints what Fix changed: each line of each file with its
// corrections, and a closing count.
func WriteFixes(w io.Writer, fixes []FileFix) {
	total := 0
	for _, ff := range fixes {
		var lines []int
		byLine := map[int][]proofread.Finding{}
		for _, f := range ff.Changes {
			if byLine[f.Line] == nil {
				lines = append(lines, f.Line)
			}
			byLine[f.Line] = append(byLine[f.Line], f)
		}
		for _, line := range lines {
			fmt.Fprintf(w, "%s:%d: %s\n", ff.File, line, lang.Say("已改正 %s", "fixed %s", Describe(byLine[line])))
		}
		total += len(ff.Changes)
	}
	if total == 0 {
		fmt.Fprintln(w, lang.Say("自动改正（--fix）：没有需要自动改正的标点和用词", "check --fix: nothing to fix"))
		return
	}
	fmt.Fprintf(w, "%s\n\n", lang.Say("自动改正（--fix）：已在 %[1]d 个文件中改正 %[2]d 处标点和用词，请在预览中核对", "check --fix: fixed %[2]d in %[1]d file(s); review them in the preview", len(fixes), total))
}
