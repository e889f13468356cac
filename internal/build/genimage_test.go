package build

import (
	"bytes"
	"encoding/binary"
	"fmt"
	"image"
	"image/color"
	"image/jpeg"
	"image/png"
	"strings"
	"testing"
)

// generateImage makes a test image from a spec such as
// "GEN jpeg 1200x900 orientation=6": a gradient of that size, in JPEG or PNG,
// with an EXIF Orientation tag when one is given.
func generateImage(t *testing.T, spec string) []byte {
	t.Helper()
	var format string
	var w, h, orientation int
	fields := strings.Fields(spec)
	if len(fields) < 3 {
		t.Fatalf("bad image spec %q", spec)
	}
	format = fields[1]
	if _, err := fmt.Sscanf(fields[2], "%dx%d", &w, &h); err != nil {
		t.Fatalf("bad image size in %q", spec)
	}
	for _, f := range fields[3:] {
		fmt.Sscanf(f, "orientation=%d", &orientation)
	}
	img := image.NewRGBA(image.Rect(0, 0, w, h))
	for y := 0; y < h; y++ {
		for x := 0; x < w; x++ {
			img.Set(x, y, color.RGBA{uint8(x * 255 / w), uint8(y * 255 / h), 120, 255})
		}
	}
	var buf bytes.Buffer
	switch format {
	case "jpeg":
		if err := jpeg.Encode(&buf, img, &jpeg.Options{Quality: 70}); err != nil {
			t.Fatal(err)
		}
		if orientation > 0 {
			return withOrientation(buf.Bytes(), orientation)
		}
	case "png":
		if err := png.Encode(&buf, img); err != nil {
			t.Fatal(err)
		}
	default:
		t.Fatalf("unknown format in %q", spec)
	}
	return buf.Bytes()
}

// withOrientation inserts an APP1 EXIF segment with one Orientation tag
// after the JPEG's SOI marker.
func withOrientation(jpg []byte, orientation int) []byte {
	var tiff bytes.Buffer
	tiff.WriteString("MM\x00\x2a\x00\x00\x00\x08") // big endian, IFD0 at 8
	binary.Write(&tiff, binary.BigEndian, uint16(1))
	binary.Write(&tiff, binary.BigEndian, []uint16{0x0112, 3})
	binary.Write(&tiff, binary.BigEndian, uint32(1))
	binary.Write(&tiff, binary.BigEndian, []uint16{uint16(orientation), 0})
	binary.Write(&tiff, binary.BigEndian, uint32(0))
	payload := append([]byte("Exif\x00\x00"), tiff.Bytes()...)
	seg := []byte{0xFF, 0xE1, byte((len(payload) + 2) >> 8), byte(len(payload) + 2)}
	out := append([]byte{}, jpg[:2]...)
	out = append(out, seg...)
	out = append(out, payload...)
	return append(out, jpg[2:]...)
}
