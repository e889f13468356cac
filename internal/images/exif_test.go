package images

import (
	"bufio"
	"bytes"
	"encoding/binary"
	"testing"
)

// TestExifOrientation: the reading itself is tested in package exif; here
// what the pipeline makes of it: 1 when there is no usable tag, and the
// search stops at exifSearchLimit.
func TestExifOrientation(t *testing.T) {
	jpg := encodeJPEG(t, markedImage(16, 8))
	padding := []byte{0xFF, 0xE2, 0xFF, 0xFF} // an APP2 segment of 64 KiB
	padding = append(padding, make([]byte, 0xFFFD)...)
	tests := []struct {
		name string
		data []byte
		want int
	}{
		{"no EXIF", jpg, 1},
		{"not a JPEG", []byte("hello"), 1},
		{"empty", nil, 1},
		{"value 0", withSegment(jpg, exifSegment(binary.BigEndian, 0)), 1},
		{"value 9", withSegment(jpg, exifSegment(binary.LittleEndian, 9)), 1},
		{"truncated segment", withSegment(jpg, exifSegment(binary.BigEndian, 6))[:40], 1},
		{"after the scan", append(append([]byte{}, jpg...), exifSegment(binary.BigEndian, 6)...), 1},
		{"within the limit", withSegment(jpg, append(padding, exifSegment(binary.BigEndian, 6)...)), 6},
		{"past the limit", withSegment(jpg, append(append(padding, padding...), exifSegment(binary.BigEndian, 6)...)), 1},
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
