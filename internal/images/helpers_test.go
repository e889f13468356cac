package images

import (
	"bytes"
	"encoding/binary"
	"hash/crc32"
	"image"
	"image/color"
	"image/color/palette"
	"image/gif"
	"image/jpeg"
	"image/png"
	"os"
	"path/filepath"
	"testing"
	"testing/fstest"
	"time"
)

// Colours of the corner marks in generated photos.
var (
	markRed   = color.NRGBA{255, 0, 0, 255}
	markGreen = color.NRGBA{0, 255, 0, 255}
	grey      = color.NRGBA{128, 128, 128, 255}
)

// longAgo is a modification time old enough for the cache index.
var longAgo = time.Date(2024, 5, 1, 8, 0, 0, 0, time.UTC)

// markedImage is a w×h grey picture whose stored top-left block is red and
// top-right block green, each a quarter of the height on a side.
func markedImage(w, h int) *image.NRGBA {
	img := image.NewNRGBA(image.Rect(0, 0, w, h))
	b := h / 4
	for y := range h {
		for x := range w {
			c := grey
			switch {
			case y < b && x < b:
				c = markRed
			case y < b && x >= w-b:
				c = markGreen
			}
			img.SetNRGBA(x, y, c)
		}
	}
	return img
}

// encodeJPEG encodes at quality 95.
func encodeJPEG(t testing.TB, img image.Image) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := jpeg.Encode(&b, img, &jpeg.Options{Quality: 95}); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// withSegment inserts a JPEG segment right after the SOI marker.
func withSegment(jpg, segment []byte) []byte {
	out := append([]byte{}, jpg[:2]...)
	out = append(out, segment...)
	return append(out, jpg[2:]...)
}

// secretMake is written into the test EXIF (camera make and a GPS-like
// note) so tests can check it never reaches an output.
const secretMake = "SECRETCAM GPS 31.2304N 121.4737E"

// exifSegment is an APP1 "Exif" segment whose first IFD holds the
// orientation (type SHORT) and the camera make (ASCII), in either byte order.
func exifSegment(order binary.ByteOrder, orientation uint16) []byte {
	var t bytes.Buffer
	if order == binary.ByteOrder(binary.LittleEndian) {
		t.WriteString("II")
	} else {
		t.WriteString("MM")
	}
	put16 := func(v uint16) { binary.Write(&t, order, v) }
	put32 := func(v uint32) { binary.Write(&t, order, v) }
	put16(42)
	put32(8) // first IFD right after the header
	put16(2) // two entries
	cam := []byte(secretMake + "\x00")
	put16(0x010F) // Make, ASCII, at the offset after the IFD
	put16(2)
	put32(uint32(len(cam)))
	put32(8 + 2 + 2*12 + 4)
	put16(0x0112) // Orientation, SHORT, value in the entry
	put16(3)
	put32(1)
	put16(orientation)
	put16(0)
	put32(0) // no next IFD
	t.Write(cam)
	body := append([]byte("Exif\x00\x00"), t.Bytes()...)
	n := len(body) + 2
	return append([]byte{0xFF, 0xE1, byte(n >> 8), byte(n)}, body...)
}

// photoJPEG is a marked w×h JPEG with an EXIF orientation (0: no EXIF).
func photoJPEG(t testing.TB, w, h int, orientation uint16) []byte {
	jpg := encodeJPEG(t, markedImage(w, h))
	if orientation == 0 {
		return jpg
	}
	return withSegment(jpg, exifSegment(binary.BigEndian, orientation))
}

// noiseJPEG is a JPEG of varied content, different for each seed.
func noiseJPEG(t testing.TB, w, h int, seed uint32) []byte {
	img := image.NewRGBA(image.Rect(0, 0, w, h))
	s := seed*2654435761 + 1
	for i := range img.Pix {
		s ^= s << 13
		s ^= s >> 17
		s ^= s << 5
		img.Pix[i] = byte(s)
		if i%4 == 3 {
			img.Pix[i] = 255
		}
	}
	return encodeJPEG(t, img)
}

// alphaPNG is a w×h PNG whose left half is transparent.
func alphaPNG(t testing.TB, w, h int) []byte {
	img := image.NewNRGBA(image.Rect(0, 0, w, h))
	for y := range h {
		for x := range w {
			if x >= w/2 {
				img.SetNRGBA(x, y, color.NRGBA{20, 90, 200, 255})
			}
		}
	}
	var b bytes.Buffer
	if err := png.Encode(&b, img); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// animatedGIF is a two-frame w×h GIF.
func animatedGIF(t testing.TB, w, h int) []byte {
	a := &gif.GIF{}
	for i := range 2 {
		fr := image.NewPaletted(image.Rect(0, 0, w, h), palette.Plan9)
		for j := range fr.Pix {
			fr.Pix[j] = uint8(i*40 + j%7)
		}
		a.Image = append(a.Image, fr)
		a.Delay = append(a.Delay, 20)
	}
	var b bytes.Buffer
	if err := gif.EncodeAll(&b, a); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// pngHeaderOnly is a PNG signature and a valid IHDR chunk claiming w×h,
// and nothing else: a decompression bomb's header in 33 bytes.
func pngHeaderOnly(w, h uint32) []byte {
	var ihdr bytes.Buffer
	ihdr.WriteString("IHDR")
	binary.Write(&ihdr, binary.BigEndian, w)
	binary.Write(&ihdr, binary.BigEndian, h)
	ihdr.Write([]byte{8, 2, 0, 0, 0}) // 8-bit RGB
	out := []byte("\x89PNG\r\n\x1a\n")
	out = binary.BigEndian.AppendUint32(out, 13)
	out = append(out, ihdr.Bytes()...)
	return binary.BigEndian.AppendUint32(out, crc32.ChecksumIEEE(ihdr.Bytes()))
}

// files makes a MapFS of old files.
func files(contents map[string][]byte) fstest.MapFS {
	fsys := fstest.MapFS{}
	for name, data := range contents {
		fsys[name] = &fstest.MapFile{Data: data, ModTime: longAgo, Mode: 0o644}
	}
	return fsys
}

// newPipeline makes a Pipeline on a cache folder (a new one if dir is "").
func newPipeline(t testing.TB, dir string, widths ...int) *Pipeline {
	t.Helper()
	if dir == "" {
		dir = t.TempDir()
	}
	p, err := New(Options{Widths: widths, CacheDir: dir})
	if err != nil {
		t.Fatal(err)
	}
	return p
}

// process runs Process and fails the test on any error.
func process(t testing.TB, p *Pipeline) {
	t.Helper()
	for _, err := range p.Process(nil) {
		t.Error(err)
	}
}

// readVariant reads a processed variant and decodes it.
func readVariant(t testing.TB, p *Pipeline, v Variant) ([]byte, image.Image, string) {
	t.Helper()
	data, err := os.ReadFile(p.CachePath(v))
	if err != nil {
		t.Fatal(err)
	}
	img, format, err := image.Decode(bytes.NewReader(data))
	if err != nil {
		t.Fatalf("%s: %v", v.Name, err)
	}
	return data, img, format
}

// cacheFiles lists the file names in a cache folder.
func cacheFiles(t testing.TB, dir string) []string {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, e := range entries {
		names = append(names, e.Name())
	}
	return names
}

func touchOld(t testing.TB, path string) {
	t.Helper()
	if err := os.Chtimes(filepath.Clean(path), longAgo, longAgo); err != nil {
		t.Fatal(err)
	}
}
