package photofolder

import (
	"bytes"
	"encoding/binary"
	"image"
	"image/color"
	"image/jpeg"
	"testing"
	"testing/fstest"
	"time"

	"showcase/internal/dates"
)

// withExif puts an APP1 Exif segment holding DateTimeOriginal (and an
// offset, when given) right after the SOI of a JPEG.
func withExif(jpeg []byte, taken, offset string, order binary.ByteOrder) []byte {
	var tiff bytes.Buffer
	if order == binary.LittleEndian {
		tiff.WriteString("II")
	} else {
		tiff.WriteString("MM")
	}
	w := func(v any) { binary.Write(&tiff, order, v) }
	w(uint16(42))
	w(uint32(8))
	// IFD0: one entry, the Exif IFD pointer, at 8; the Exif IFD at 26.
	w(uint16(1))
	w(uint16(0x8769))
	w(uint16(4))
	w(uint32(1))
	w(uint32(26))
	w(uint32(0))
	entries := uint16(1)
	if offset != "" {
		entries = 2
	}
	dataAt := uint32(26 + 2 + 12*int(entries) + 4)
	w(entries)
	w(uint16(0x9003))
	w(uint16(2))
	w(uint32(len(taken) + 1))
	w(dataAt)
	if offset != "" {
		w(uint16(0x9011))
		w(uint16(2))
		w(uint32(len(offset) + 1))
		w(dataAt + uint32(len(taken)+1))
	}
	w(uint32(0))
	tiff.WriteString(taken + "\x00")
	if offset != "" {
		tiff.WriteString(offset + "\x00")
	}
	seg := append([]byte("Exif\x00\x00"), tiff.Bytes()...)
	var out bytes.Buffer
	out.Write([]byte{0xFF, 0xD8, 0xFF, 0xE1})
	binary.Write(&out, binary.BigEndian, uint16(len(seg)+2))
	out.Write(seg)
	out.Write(jpeg[2:])
	return out.Bytes()
}

func TestTakenAt(t *testing.T) {
	jpegData := testJPEG(t)
	got, ok := TakenAt(withExif(jpegData, "2025:10:18 14:03:22", "", binary.LittleEndian))
	if want := time.Date(2025, 10, 18, 14, 3, 22, 0, dates.CST); !ok || !got.Equal(want) {
		t.Errorf("TakenAt = %v %v, want %v", got, ok, want)
	}
	got, ok = TakenAt(withExif(jpegData, "2025:10:18 08:03:22", "+02:00", binary.BigEndian))
	if want := time.Date(2025, 10, 18, 14, 3, 22, 0, dates.CST); !ok || !got.Equal(want) {
		t.Errorf("TakenAt with an offset = %v %v, want %v", got, ok, want)
	}
	if _, ok := TakenAt(jpegData); ok {
		t.Error("a JPEG without EXIF has a time")
	}
}

func TestRead(t *testing.T) {
	jpegData := testJPEG(t)
	mod := time.Date(2025, 10, 19, 0, 0, 0, 0, dates.CST)
	fsys := fstest.MapFS{
		"IMG_0002.jpg":      {Data: withExif(jpegData, "2025:10:18 09:00:00", "", binary.LittleEndian), ModTime: mod},
		"IMG_0001.JPG":      {Data: withExif(jpegData, "2025:10:18 10:30:00", "", binary.LittleEndian), ModTime: mod},
		"02-书记领誓.jpeg":      {Data: withExif(jpegData, "2025:10:18 09:30:00", "", binary.BigEndian), ModTime: mod},
		"notes.txt":         {Data: []byte("x")},
		"微信图片_20251018.jpg": {Data: jpegData, ModTime: mod},
	}
	photos, err := Read(fsys)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, p := range photos {
		got = append(got, p.Name+">"+p.Target+":"+p.Caption)
	}
	want := []string{"IMG_0002.jpg>IMG_0002.jpg:", "02-书记领誓.jpeg>photo-02.jpg:书记领誓", "IMG_0001.JPG>IMG_0001.JPG:", "微信图片_20251018.jpg>photo-04.jpg:"}
	if len(got) != len(want) {
		t.Fatalf("got %q", got)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("photo %d = %q, want %q", i, got[i], want[i])
		}
	}
}

func testJPEG(t *testing.T) []byte {
	img := image.NewRGBA(image.Rect(0, 0, 4, 3))
	img.Set(1, 1, color.RGBA{200, 0, 0, 255})
	var j bytes.Buffer
	if err := jpeg.Encode(&j, img, nil); err != nil {
		t.Fatal(err)
	}
	return j.Bytes()
}
