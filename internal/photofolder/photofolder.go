// Package photofolder reads the folder of pictures a photographer sends,
// for an album ("showcase new album FOLDER"): which files are
// photos, in what order they were taken, what to call them in the page
// bundle, and the caption a file name already gives.
//
// # What Read does
//
//   - It takes the .jpg, .jpeg, .png, .webp and .gif files at the top of
//     the folder (not hidden ones, not sub-folders); a symbolic link that
//     leaves the folder or is broken is an error, not a silent skip.
//   - The time a photo was taken is its EXIF DateTimeOriginal (with the
//     camera's offset, else +08:00; see TakenAt), else the file's
//     modification time (FromExif false: the album marks it as such).
//   - Photos are ordered by that time, then by name.
//   - A clean ASCII name (IMG_0001.JPG) is kept in the bundle; any other
//     (a Chinese name, spaces, a name taken twice when case is ignored)
//     becomes photo-01.jpg, photo-02.png … by position, .jpeg as .jpg.
//   - A Chinese file name gives the caption: "02-书记领誓.jpg" → 书记领誓,
//     without its numbering; names WeChat or a screenshot tool made
//     (微信图片_…, 截图) give none.
//
// Times are in China Standard Time (internal/dates.CST).
package photofolder

import (
	"fmt"
	"io"
	"io/fs"
	"path"
	"sort"
	"strings"
	"time"
	"unicode"

	"showcase/internal/dates"
	"showcase/internal/exif"
)

// Photo is one picture of a folder a photographer sent.
type Photo struct {
	Name     string    // the file's name in the folder
	Target   string    // its name in the bundle: Name when it is a clean ASCII name, else photo-01.jpg …
	Taken    time.Time // when it was taken: EXIF DateTimeOriginal, else the file's modification time
	FromExif bool
	Caption  string // from a Chinese file name ("01-书记领誓.jpg" → 书记领誓), else ""
}

// photoExts are the picture types an album takes.
var photoExts = map[string]bool{".jpg": true, ".jpeg": true, ".png": true, ".webp": true, ".gif": true}

// Read lists the pictures at the top of fsys in the order they were
// taken (by EXIF time, then by name), with their names in the bundle.
func Read(fsys fs.FS) ([]Photo, error) {
	entries, err := fs.ReadDir(fsys, ".")
	if err != nil {
		return nil, err
	}
	var photos []Photo
	for _, e := range entries {
		ext := strings.ToLower(path.Ext(e.Name()))
		if e.IsDir() || !photoExts[ext] || strings.HasPrefix(e.Name(), ".") {
			continue
		}
		if e.Type()&fs.ModeSymlink != 0 {
			if _, err := fs.Stat(fsys, e.Name()); err != nil {
				return nil, err // a link leaving the folder (with a sitefs.FS), or a broken one
			}
		}
		ph := Photo{Name: e.Name(), Caption: captionFromName(e.Name())}
		if info, err := e.Info(); err == nil {
			ph.Taken = info.ModTime().In(dates.CST)
		}
		if ext == ".jpg" || ext == ".jpeg" {
			if t, ok := photoTimeOf(fsys, e.Name()); ok {
				ph.Taken, ph.FromExif = t, true
			}
		}
		photos = append(photos, ph)
	}
	sort.SliceStable(photos, func(i, j int) bool {
		a, b := photos[i], photos[j]
		if !a.Taken.Equal(b.Taken) {
			return a.Taken.Before(b.Taken)
		}
		return a.Name < b.Name
	})
	used := map[string]bool{}
	for i := range photos {
		ph := &photos[i]
		ext := strings.ToLower(path.Ext(ph.Name))
		if ext == ".jpeg" {
			ext = ".jpg"
		}
		ph.Target = ph.Name
		if !cleanFileName(ph.Name) || used[strings.ToLower(ph.Name)] {
			ph.Target = fmt.Sprintf("photo-%02d%s", i+1, ext)
		}
		used[strings.ToLower(ph.Target)] = true
	}
	return photos, nil
}

func photoTimeOf(fsys fs.FS, name string) (time.Time, bool) {
	f, err := fsys.Open(name)
	if err != nil {
		return time.Time{}, false
	}
	defer f.Close()
	head, err := io.ReadAll(io.LimitReader(f, 256<<10)) // EXIF sits in the first 64 KB
	if err != nil {
		return time.Time{}, false
	}
	return TakenAt(head)
}

// cleanFileName reports a name fit for a URL as it is: ASCII letters,
// digits, "-", "_" and one ".".
func cleanFileName(name string) bool {
	if strings.Count(name, ".") != 1 || strings.HasPrefix(name, ".") {
		return false
	}
	for _, r := range name {
		if !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == '-' || r == '_' || r == '.') {
			return false
		}
	}
	return true
}

// captionFromName is the Chinese words of a file name, without numbering.
func captionFromName(name string) string {
	base := strings.TrimSuffix(name, path.Ext(name))
	hasHan := false
	for _, r := range base {
		if unicode.Is(unicode.Han, r) {
			hasHan = true
		}
	}
	if !hasHan || strings.Contains(base, "微信图片") || strings.Contains(base, "截图") {
		return ""
	}
	return strings.TrimLeftFunc(base, func(r rune) bool {
		return r < unicode.MaxASCII && !unicode.IsLetter(r) || r == '、' || r == '．'
	})
}

// TakenAt reads the time a JPEG was taken from its EXIF data:
// DateTimeOriginal, else DateTimeDigitized, else DateTime, with the
// OffsetTimeOriginal when the camera wrote one and +08:00 when it did not
// (see exif.Tags.Taken). The time is given in China Standard Time.
func TakenAt(jpeg []byte) (time.Time, bool) {
	tags, err := exif.Read(jpeg)
	if err != nil {
		return time.Time{}, false
	}
	t, ok := tags.Taken(dates.CST)
	if !ok {
		return time.Time{}, false
	}
	return t.In(dates.CST), true
}
