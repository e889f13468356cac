// Package exif reads the few Exif tags the site needs from a JPEG: how the
// picture is turned (Orientation) and when it was taken.
//
// # What it reads
//
// Read walks the JPEG's segments from the SOI marker up to the first scan
// (SOS) or the end (EOI), skipping fill bytes and markers without a
// length, and takes the first APP1 segment that starts "Exif\0\0". Its
// body is a TIFF structure, in either byte order ("II" or "MM", magic 42).
// From the first IFD (IFD0) alone Read takes
//
//   - Orientation (0x0112, SHORT or LONG, 1-8): the first entry decides;
//   - the pointer to the Exif sub-IFD (0x8769, LONG or IFD);
//
// and from IFD0 and that sub-IFD the ASCII tags DateTime (0x0132, which
// cameras put in IFD0), DateTimeOriginal (0x9003), DateTimeDigitized
// (0x9004) and OffsetTimeOriginal (0x9011). Such a tag found in both
// IFDs, or twice, keeps its last value; values lose their NUL terminator and the
// white space around them. Tags.Taken turns the dates into a time.
//
// # What it refuses
//
// Bytes that do not start with SOI give ErrNotJPEG; a JPEG without an
// Exif segment before its image data gives ErrNoExif; a damaged segment
// structure (no marker where one should be, a length that runs past the
// end) or a TIFF header that is not one gives ErrCorrupt. Within a
// readable TIFF structure Read returns what it could read: an IFD whose
// offset lies outside the segment is not read, the walk of an IFD ends at
// the first entry past the end, an Orientation of the wrong type or
// outside 1-8 gives 0, and an ASCII value of no bytes, of 64 bytes or
// longer, or outside the segment is skipped. Other tags, thumbnails
// (IFD1), GPS and maker notes are not read.
//
// # Limits
//
// Read never panics and never follows a chain: it reads IFD0 and at most
// one Exif sub-IFD, whatever the offsets say, so its work is linear in
// the length of its input, with at most 65535 entries per IFD. It does not
// cap the input: give it the start of the file (the Exif segment precedes
// the image data and is at most 64 KiB long). The returned strings are
// copies; Read keeps no reference to its input.
package exif

import (
	"bytes"
	"strings"
	"time"
	"unicode"

	"showcase/internal/lang"
)

// Tags are the values Read found; a zero value means absent or invalid.
type Tags struct {
	Orientation        int    // 1-8 as the Exif standard numbers them, 1 upright; 0 when absent
	DateTimeOriginal   string // when the picture was taken, "2006:01:02 15:04:05"
	DateTimeDigitized  string // when it was stored
	DateTime           string // when the file was last changed
	OffsetTimeOriginal string // the camera's time zone for DateTimeOriginal, "+08:00"
}

// The errors Read returns. Their messages are worded by package lang when
// they are read: Chinese first, the English detail after it.
var (
	ErrNotJPEG error = &readError{"这张照片不是 JPEG 文件，读不出拍摄信息（EXIF）", "exif: not a JPEG"}
	ErrNoExif  error = &readError{"这张照片里没有拍摄信息（EXIF）", "exif: no Exif segment before the image data"}
	ErrCorrupt error = &readError{"这张照片的拍摄信息（EXIF）已损坏", "exif: corrupt JPEG segment or TIFF header"}
)

// readError is an error of Read, in Chinese and in English.
type readError struct{ zh, en string }

func (e *readError) Error() string { return lang.Sprintf("%[1]s", "%[2]s", e.zh, e.en) }

// Read finds the Exif segment of a JPEG and reads its tags (see the
// package documentation). It never panics, whatever the bytes.
func Read(jpeg []byte) (Tags, error) {
	tiff, err := exifSegment(jpeg)
	if err != nil {
		return Tags{}, err
	}
	return readTIFF(tiff)
}

// exifSegment returns the body of the first APP1 Exif segment after its
// "Exif\0\0" header: the TIFF structure.
func exifSegment(data []byte) ([]byte, error) {
	if len(data) < 4 || data[0] != 0xFF || data[1] != 0xD8 {
		return nil, ErrNotJPEG
	}
	i := 2
	for i+2 <= len(data) {
		if data[i] != 0xFF {
			return nil, ErrCorrupt // not at a marker: the file is damaged
		}
		marker := data[i+1]
		if marker == 0xFF { // a fill byte before a marker
			i++
			continue
		}
		i += 2
		switch {
		case marker == 0x01 || marker == 0xD8 || (marker >= 0xD0 && marker <= 0xD7):
			continue // markers without a length
		case marker == 0xD9 || marker == 0xDA:
			return nil, ErrNoExif // end of image, or start of scan: no metadata follows
		}
		if i+2 > len(data) {
			return nil, ErrCorrupt
		}
		n := int(data[i])<<8 | int(data[i+1]) // the length counts its own two bytes
		if n < 2 || i+n > len(data) {
			return nil, ErrCorrupt
		}
		seg := data[i+2 : i+n]
		if marker == 0xE1 && bytes.HasPrefix(seg, []byte("Exif\x00\x00")) {
			return seg[6:], nil
		}
		i += n
	}
	return nil, ErrNoExif
}

// Taken is when the picture was taken: DateTimeOriginal, else
// DateTimeDigitized, else DateTime, the first that parses as an Exif date
// after the year 1900. The date is read in the zone OffsetTimeOriginal
// names when the camera wrote one, else in zone. false when none parses.
func (t Tags) Taken(zone *time.Location) (time.Time, bool) {
	loc := zone
	if o, err := time.Parse("-07:00", t.OffsetTimeOriginal); err == nil {
		_, secs := o.Zone()
		loc = time.FixedZone("", secs)
	}
	for _, v := range []string{t.DateTimeOriginal, t.DateTimeDigitized, t.DateTime} {
		if v == "" {
			continue
		}
		if d, err := time.ParseInLocation("2006:01:02 15:04:05", v, loc); err == nil && d.Year() > 1900 {
			return d, true
		}
	}
	return time.Time{}, false
}

// asciiValue is an ASCII tag's text without its NUL terminator and the
// white space around it.
func asciiValue(b []byte) string {
	return strings.TrimFunc(string(b), func(r rune) bool { return r == 0 || unicode.IsSpace(r) })
}
