package sitetest

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

// Image makes a test image from a spec such as
// "GEN jpeg 1200x900 orientation=6 truncate=50": a gradient of that size,
// in JPEG or PNG, with an EXIF Orientation tag when one is given, cut to
// the given percentage of its bytes when truncate is given (a photo that
// arrived half-sent). WriteFiles writes a site file whose text is such a
// spec as the image.
func Image(t testing.TB, spec string) []byte {
	t.Helper()
	fields := strings.Fields(spec)
	if len(fields) < 3 || fields[0] != "GEN" {
		t.Fatalf("bad image spec %q", spec)
	}
	format := fields[1]
	var w, h, orientation, truncate int
	if _, err := fmt.Sscanf(fields[2], "%dx%d", &w, &h); err != nil || w < 1 || h < 1 {
		t.Fatalf("bad image size in %q", spec)
	}
	for _, f := range fields[3:] {
		switch {
		case strings.HasPrefix(f, "orientation="):
			fmt.Sscanf(f, "orientation=%d", &orientation)
		case strings.HasPrefix(f, "truncate="):
			fmt.Sscanf(f, "truncate=%d", &truncate)
		default:
			t.Fatalf("unknown %q in image spec %q", f, spec)
		}
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
	case "png":
		if err := png.Encode(&buf, img); err != nil {
			t.Fatal(err)
		}
	default:
		t.Fatalf("unknown format in %q", spec)
	}
	data := buf.Bytes()
	if orientation > 0 && format == "jpeg" {
		data = withOrientation(data, orientation)
	}
	if truncate > 0 && truncate < 100 {
		data = data[:len(data)*truncate/100]
	}
	return data
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
