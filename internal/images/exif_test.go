package images

import (
	"bufio"
	"bytes"
	"encoding/binary"
	"testing"
)

func TestExifOrientation(t *testing.T) {
	jpg := encodeJPEG(t, markedImage(16, 8))
	app0 := []byte{0xFF, 0xE0, 0x00, 0x07, 'J', 'F', 'I', 'F', 0}
	long := func(order binary.ByteOrder, v uint32) []byte { // Orientation written as LONG
		seg := exifSegment(order, 0)
		i := bytes.Index(seg, []byte{0x01, 0x12}) // big-endian tag
		if order == binary.ByteOrder(binary.LittleEndian) {
			i = bytes.Index(seg, []byte{0x12, 0x01})
		}
		order.PutUint16(seg[i+2:], 4)
		order.PutUint32(seg[i+8:], v)
		return seg
	}
	tests := []struct {
		name string
		data []byte
		want int
	}{
		{"no EXIF", jpg, 1},
		{"not a JPEG", []byte("hello"), 1},
		{"empty", nil, 1},
		{"after APP0", withSegment(withSegment(jpg, exifSegment(binary.LittleEndian, 6)), app0), 6},
		{"fill bytes before the marker", withSegment(jpg, append([]byte{0xFF, 0xFF}, exifSegment(binary.BigEndian, 8)...)), 8},
		{"value 0", withSegment(jpg, exifSegment(binary.BigEndian, 0)), 1},
		{"value 9", withSegment(jpg, exifSegment(binary.LittleEndian, 9)), 1},
		{"value 65535", withSegment(jpg, exifSegment(binary.LittleEndian, 0xFFFF)), 1},
		{"LONG type, big-endian", withSegment(jpg, long(binary.BigEndian, 3)), 3},
		{"LONG type, little-endian", withSegment(jpg, long(binary.LittleEndian, 7)), 7},
		{"truncated segment", withSegment(jpg, exifSegment(binary.BigEndian, 6))[:40], 1},
		{"segment length past the end", []byte{0xFF, 0xD8, 0xFF, 0xE1, 0xFF, 0xFF, 'E', 'x'}, 1},
		{"segment length 0", []byte{0xFF, 0xD8, 0xFF, 0xE1, 0x00, 0x00, 0xFF, 0xD9}, 1},
		{"after the scan", append(append([]byte{}, jpg...), exifSegment(binary.BigEndian, 6)...), 1},
	}
	for o := uint16(1); o <= 8; o++ {
		for _, order := range []binary.ByteOrder{binary.BigEndian, binary.LittleEndian} {
			tests = append(tests, struct {
				name string
				data []byte
				want int
			}{order.String() + " " + string(rune('0'+o)), withSegment(jpg, exifSegment(order, o)), int(o)})
		}
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := exifOrientation(tc.data); got != tc.want {
				t.Errorf("orientation %d, want %d", got, tc.want)
			}
		})
	}
}

func TestTIFFOrientationBadOffsets(t *testing.T) {
	seg := exifSegment(binary.LittleEndian, 6)[10:] // the TIFF structure
	for _, tc := range []struct {
		name  string
		patch func(b []byte)
	}{
		{"IFD offset past the end", func(b []byte) { binary.LittleEndian.PutUint32(b[4:], 1<<31) }},
		{"IFD offset inside the header", func(b []byte) { binary.LittleEndian.PutUint32(b[4:], 2) }},
		{"IFD offset 0xFFFFFFFF", func(b []byte) { binary.LittleEndian.PutUint32(b[4:], 0xFFFFFFFF) }},
		{"no entries", func(b []byte) { binary.LittleEndian.PutUint16(b[8:], 0) }},
		{"65535 entries, none the orientation", func(b []byte) {
			binary.LittleEndian.PutUint16(b[8:], 0xFFFF)
			b[10+12] = 0x13 // the orientation entry's tag becomes 0x0113
		}},
		{"not 42", func(b []byte) { binary.LittleEndian.PutUint16(b[2:], 43) }},
		{"byte order XX", func(b []byte) { b[0], b[1] = 'X', 'X' }},
	} {
		b := append([]byte{}, seg...)
		tc.patch(b)
		if got := tiffOrientation(b); got != 0 {
			t.Errorf("%s: orientation %d, want 0", tc.name, got)
		}
	}
}

func FuzzExifOrientation(f *testing.F) {
	jpg := encodeJPEG(f, markedImage(8, 8))
	for o := uint16(1); o <= 8; o++ {
		f.Add(withSegment(jpg, exifSegment(binary.LittleEndian, o))[:200])
		f.Add(withSegment(jpg, exifSegment(binary.BigEndian, o))[:200])
	}
	f.Add([]byte{0xFF, 0xD8, 0xFF, 0xE1, 0x00, 0x10, 'E', 'x', 'i', 'f', 0, 0, 'M', 'M', 0, 42, 0, 0, 0, 8})
	f.Fuzz(func(t *testing.T, data []byte) {
		if o := exifOrientation(data); o < 1 || o > 8 {
			t.Fatalf("orientation %d out of range", o)
		}
	})
}

func FuzzProbeHeader(f *testing.F) {
	f.Add(photoJPEG(f, 16, 8, 6))
	f.Add(alphaPNG(f, 8, 8))
	f.Add(animatedGIF(f, 8, 8))
	f.Add(pngHeaderOnly(100000, 100000))
	f.Add([]byte("\x00\x00\x00\x18ftypheic\x00\x00\x00\x00mif1heic"))
	f.Add([]byte("RIFF\x00\x00\x00\x00WEBPVP8 "))
	f.Fuzz(func(t *testing.T, data []byte) {
		h, err := probeHeader("f.jpg", bufio.NewReaderSize(bytes.NewReader(data), exifSearchLimit))
		if err != nil {
			return
		}
		if h.Width <= 0 || h.Height <= 0 || h.Orientation < 1 || h.Orientation > 8 {
			t.Fatalf("accepted a bad header: %+v", h)
		}
		switch h.Format {
		case formatJPEG, formatPNG, formatGIF:
		default:
			t.Fatalf("format %q", h.Format)
		}
	})
}
