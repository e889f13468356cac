package importer

import (
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"path"
	"sort"
	"strings"
	"time"
	"unicode"
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

// ReadPhotos lists the pictures at the top of fsys in the order they were
// taken (by EXIF time, then by name), with their names in the bundle.
func ReadPhotos(fsys fs.FS) ([]Photo, error) {
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
		ph := Photo{Name: e.Name(), Caption: captionFromName(e.Name())}
		if info, err := e.Info(); err == nil {
			ph.Taken = info.ModTime().In(cst)
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
	return PhotoTime(head)
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

// PhotoTime reads the time a JPEG was taken from its EXIF data:
// DateTimeOriginal, else DateTimeDigitized, else DateTime, with the
// OffsetTimeOriginal when the camera wrote one and +08:00 when it did not.
func PhotoTime(jpeg []byte) (time.Time, bool) {
	tiff, err := exifBlock(jpeg)
	if err != nil {
		return time.Time{}, false
	}
	tags := readExifTags(tiff)
	offset := tags[0x9011]
	for _, tag := range []uint16{0x9003, 0x9004, 0x0132} {
		v := strings.TrimRight(strings.TrimSpace(tags[tag]), "\x00")
		if v == "" {
			continue
		}
		loc := cst
		if t, err := time.Parse("-07:00", strings.TrimRight(offset, "\x00")); err == nil {
			_, secs := t.Zone()
			loc = time.FixedZone("", secs)
		}
		if t, err := time.ParseInLocation("2006:01:02 15:04:05", v, loc); err == nil && t.Year() > 1900 {
			return t.In(cst), true
		}
	}
	return time.Time{}, false
}

// exifBlock finds the TIFF structure of the APP1 Exif segment.
func exifBlock(b []byte) ([]byte, error) {
	if len(b) < 4 || b[0] != 0xFF || b[1] != 0xD8 {
		return nil, errors.New("not a JPEG")
	}
	for i := 2; i+4 <= len(b); {
		if b[i] != 0xFF {
			return nil, errors.New("bad JPEG segment")
		}
		marker := b[i+1]
		if marker == 0xD8 || marker == 0x01 || marker >= 0xD0 && marker <= 0xD7 || marker == 0xFF {
			i += 2
			continue
		}
		if marker == 0xDA || marker == 0xD9 { // image data or end: no EXIF before it
			break
		}
		size := int(binary.BigEndian.Uint16(b[i+2:]))
		if size < 2 || i+2+size > len(b) {
			return nil, errors.New("truncated JPEG segment")
		}
		seg := b[i+4 : i+2+size]
		if marker == 0xE1 && bytes.HasPrefix(seg, []byte("Exif\x00\x00")) {
			return seg[6:], nil
		}
		i += 2 + size
	}
	return nil, errors.New("no EXIF")
}

// readExifTags reads the ASCII tags of IFD0 and of the Exif IFD it points to.
func readExifTags(tiff []byte) map[uint16]string {
	tags := map[uint16]string{}
	if len(tiff) < 8 {
		return tags
	}
	var order binary.ByteOrder
	switch string(tiff[:2]) {
	case "II":
		order = binary.LittleEndian
	case "MM":
		order = binary.BigEndian
	default:
		return tags
	}
	var exifIFD uint32
	readIFD := func(off uint32) {
		if off < 8 || int(off)+2 > len(tiff) {
			return
		}
		n := int(order.Uint16(tiff[off:]))
		for k := 0; k < n && k < 512; k++ {
			e := int(off) + 2 + 12*k
			if e+12 > len(tiff) {
				return
			}
			tag, typ, count := order.Uint16(tiff[e:]), order.Uint16(tiff[e+2:]), order.Uint32(tiff[e+4:])
			switch {
			case tag == 0x8769 && (typ == 4 || typ == 13):
				exifIFD = order.Uint32(tiff[e+8:])
			case typ == 2 && count > 0 && count < 64:
				start := uint32(e + 8)
				if count > 4 {
					start = order.Uint32(tiff[e+8:])
				}
				if uint64(start)+uint64(count) <= uint64(len(tiff)) {
					tags[tag] = string(tiff[start : start+count])
				}
			}
		}
	}
	readIFD(order.Uint32(tiff[4:]))
	if exifIFD != 0 {
		readIFD(exifIFD)
	}
	return tags
}
