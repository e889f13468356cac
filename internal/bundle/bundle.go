// Package bundle writes new page bundles safely: the folder of a page
// (content/news/SLUG/ with index.md and its pictures), named from the
// page's title, made without ever touching what is already there.
//
// # Naming the folder
//
// ShortSlug spells a title in pinyin (internal/slug), drops a leading
// 【栏目】 tag and cuts the result at a syllable boundary to at most
// MaxSlugLength characters:
//
//	学校召开党建“双创”工作推进会           → xue-xiao-zhao-kai-dang-jian
//	【图片新闻】“码上先锋”志愿服务队走进社区 → ma-shang-xian-feng-zhi-yuan-fu
//
// A title with nothing to spell gives "": the caller chooses the fallback
// ("showcase new" uses the date, an import the file's name).
//
// # Never overwriting
//
// NewDir creates parent/NAME, or NAME-2, NAME-3 … when that name is taken
// by a folder or by a page file NAME.md; it never reuses a folder, even
// when two imports run at the same moment. WriteNew writes a file that must
// not exist yet, atomically where the file system allows it: the data goes
// to a hidden temporary file first and is linked into place only when
// complete, so a full disk or a crash never leaves a half-written index.md.
//
// # TOML values
//
// TOMLString and TOMLList write front-matter values that stay valid
// whatever the title holds: quotation marks, backslashes, line breaks and
// control characters are escaped ("推进“双创”" stays as it is, `a"b`
// becomes "a\"b").
package bundle

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"showcase/internal/lang"
	"showcase/internal/slug"
)

// MaxSlugLength is the longest slug ShortSlug makes from a title.
const MaxSlugLength = 32

// ShortSlug makes a page's folder name from its title: its pinyin, without
// a leading 【栏目】 tag, cut at a syllable boundary to at most
// MaxSlugLength characters; "" when the title has nothing to spell.
func ShortSlug(title string) string {
	title = strings.TrimSpace(title)
	if rest, ok := strings.CutPrefix(title, "【"); ok {
		if i := strings.Index(rest, "】"); i >= 0 && strings.TrimSpace(rest[i+len("】"):]) != "" {
			title = rest[i+len("】"):]
		}
	}
	s := slug.Make(title)
	if len(s) > MaxSlugLength {
		cut := strings.LastIndexByte(s[:MaxSlugLength+1], '-')
		if cut <= 0 {
			cut = MaxSlugLength
		}
		s = strings.Trim(s[:cut], "-_")
	}
	return s
}

// NewDir creates the folder of a new page bundle, parent/name, or
// parent/name-2, -3 … when that name is taken by a folder or by a page
// file name.md, and returns it. It never reuses an existing folder.
func NewDir(parent, name string) (string, error) {
	if !slug.Valid(name) {
		return "", lang.Errorf("文件夹名 %[1]q 不合适：只能包含小写字母、数字和 -", "%[1]q is not a slug of lower-case letters, digits and -", name)
	}
	if err := os.MkdirAll(parent, 0o755); err != nil {
		return "", err
	}
	for n := 1; n < 1000; n++ {
		candidate := name
		if n > 1 {
			candidate = name + "-" + strconv.Itoa(n)
		}
		dir := filepath.Join(parent, candidate)
		if _, err := os.Stat(dir + ".md"); err == nil {
			continue
		}
		err := os.Mkdir(dir, 0o755)
		if err == nil {
			return dir, nil
		}
		if !errors.Is(err, fs.ErrExist) {
			return "", err
		}
	}
	return "", lang.Errorf("%[2]s 中找不到可用的文件夹名（%[1]s、%[1]s-2 … 都已被占用）：请用 --slug 另起一个", "no free folder name for %[1]s in %[2]s", name, parent)
}

// WriteNew writes data to a file that must not exist yet. The data is
// written to a temporary file beside it and hard-linked into place, so the
// file appears whole or not at all; where the file system cannot link
// (some USB drives), the file is created exclusively and removed again if
// writing it fails. Either way an existing file is never replaced.
func WriteNew(name string, data []byte) error {
	tmp, err := os.CreateTemp(filepath.Dir(name), ".new-*")
	if err != nil {
		return writeExclusive(name, data)
	}
	defer os.Remove(tmp.Name())
	if _, err := tmp.Write(data); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	if err := os.Chmod(tmp.Name(), 0o644); err != nil {
		return err
	}
	err = os.Link(tmp.Name(), name)
	switch {
	case err == nil:
		return nil
	case errors.Is(err, fs.ErrExist):
		return &fs.PathError{Op: "create", Path: name, Err: fs.ErrExist}
	}
	return writeExclusive(name, data)
}

// writeExclusive creates name, which must not exist, and writes data into
// it; a failed write removes the file again.
func writeExclusive(name string, data []byte) error {
	f, err := os.OpenFile(name, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if err != nil {
		return err
	}
	_, err = f.Write(data)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		os.Remove(name)
	}
	return err
}
