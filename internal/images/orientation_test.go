package images

import (
	"bytes"
	"encoding/binary"
	"fmt"
	"image"
	"testing"
)

// corner names the four corners of an image.
type corner string

const (
	topLeft     corner = "top-left"
	topRight    corner = "top-right"
	bottomLeft  corner = "bottom-left"
	bottomRight corner = "bottom-right"
)

// markAt tells which mark, "red", "green" or "", a corner of img shows,
// sampled a little inside the corner.
func markAt(img image.Image, c corner) string {
	b := img.Bounds()
	in := min(b.Dx(), b.Dy()) / 10
	x, y := b.Min.X+in, b.Min.Y+in
	if c == topRight || c == bottomRight {
		x = b.Max.X - 1 - in
	}
	if c == bottomLeft || c == bottomRight {
		y = b.Max.Y - 1 - in
	}
	r, g, bl, _ := img.At(x, y).RGBA()
	r, g, bl = r>>8, g>>8, bl>>8
	switch {
	case r > 180 && g < 90 && bl < 90:
		return "red"
	case g > 180 && r < 90 && bl < 90:
		return "green"
	}
	return ""
}

// TestOrientation generates a 96×48 photo whose stored top-left corner is
// red and top-right green, with each EXIF orientation in both byte
// orders, and checks the variants' size and where the marks are shown.
// The expectations follow the EXIF standard's wording: for 6, "the 0th
// row is the visual right-hand side, the 0th column the visual top".
func TestOrientation(t *testing.T) {
	tests := []struct {
		orientation uint16
		red, green  corner
	}{
		{1, topLeft, topRight},
		{2, topRight, topLeft},
		{3, bottomRight, bottomLeft},
		{4, bottomLeft, bottomRight},
		{5, topLeft, bottomLeft},
		{6, topRight, bottomRight},
		{7, bottomRight, topRight},
		{8, bottomLeft, topLeft},
	}
	jpg := encodeJPEG(t, markedImage(96, 48))
	for _, tc := range tests {
		for _, order := range []binary.ByteOrder{binary.BigEndian, binary.LittleEndian} {
			t.Run(fmt.Sprintf("%d %v", tc.orientation, order), func(t *testing.T) {
				data := withSegment(jpg, exifSegment(order, tc.orientation))
				p := newPipeline(t, "", 48, 1000)
				img, err := p.Responsive(files(map[string][]byte{"p.jpg": data}), "p.jpg")
				if err != nil {
					t.Fatal(err)
				}
				wantW, wantH := 96, 48
				if tc.orientation >= 5 {
					wantW, wantH = 48, 96
				}
				if img.Width != wantW || img.Height != wantH {
					t.Fatalf("image %d×%d, want %d×%d", img.Width, img.Height, wantW, wantH)
				}
				fill, err := p.Fill(files(map[string][]byte{"p.jpg": data}), "p.jpg", 40, 40)
				if err != nil {
					t.Fatal(err)
				}
				process(t, p)
				for _, v := range img.Variants {
					_, out, _ := readVariant(t, p, v)
					if b := out.Bounds(); b.Dx() != v.Width || b.Dy() != v.Height || v.Width*wantH != v.Height*wantW {
						t.Errorf("%s is %d×%d, planned %d×%d, ratio of %d×%d", v.Name, b.Dx(), b.Dy(), v.Width, v.Height, wantW, wantH)
					}
					if got := markAt(out, tc.red); got != "red" {
						t.Errorf("%s: %s shows %q, want red", v.Name, tc.red, got)
					}
					if got := markAt(out, tc.green); got != "green" {
						t.Errorf("%s: %s shows %q, want green", v.Name, tc.green, got)
					}
				}
				data2, out, _ := readVariant(t, p, fill)
				if b := out.Bounds(); b.Dx() != 40 || b.Dy() != 40 {
					t.Errorf("fill is %d×%d, want 40×40", b.Dx(), b.Dy())
				}
				for _, leak := range []string{"Exif", "SECRETCAM", "GPS"} {
					if bytes.Contains(data2, []byte(leak)) {
						t.Errorf("fill output contains %q", leak)
					}
				}
			})
		}
	}
}
