package images

import (
	"errors"
	"image"
	"image/color"
	"os"
	"strings"
	"testing"

	"github.com/disintegration/imaging"
)

// TestBoxShrinkYCbCr checks the fast path on the YCbCr planes against
// averaging the same picture converted to NRGBA, for every chroma
// subsampling a JPEG can have and sizes that leave partial blocks.
func TestBoxShrinkYCbCr(t *testing.T) {
	for _, ratio := range []image.YCbCrSubsampleRatio{
		image.YCbCrSubsampleRatio444, image.YCbCrSubsampleRatio422, image.YCbCrSubsampleRatio420,
		image.YCbCrSubsampleRatio440, image.YCbCrSubsampleRatio411, image.YCbCrSubsampleRatio410,
	} {
		src := image.NewYCbCr(image.Rect(0, 0, 103, 61), ratio)
		s := uint32(7)
		for i, plane := range [][]byte{src.Y, src.Cb, src.Cr} {
			for j := range plane { // inside the RGB gamut: no clamping
				s = s*1664525 + 1013904223
				if i == 0 {
					plane[j] = 80 + byte(s>>24)%96
				} else {
					plane[j] = 112 + byte(s>>24)%32
				}
			}
		}
		for _, k := range []int{2, 3, 8} {
			fast := boxShrink(src, k)
			slow := shrinkNRGBA(imaging.Clone(src), k)
			if fast.Rect != slow.Rect || fast.Rect.Dx() != (103+k-1)/k {
				t.Fatalf("%v k=%d: %v, want %v", ratio, k, fast.Rect, slow.Rect)
			}
			for i := range fast.Pix {
				if d := int(fast.Pix[i]) - int(slow.Pix[i]); d < -3 || d > 3 {
					t.Fatalf("%v k=%d: byte %d is %d, want %d", ratio, k, i, fast.Pix[i], slow.Pix[i])
				}
			}
		}
	}
}

func TestBoxShrinkWeighsAlpha(t *testing.T) {
	src := image.NewNRGBA(image.Rect(0, 0, 4, 2))
	src.SetNRGBA(0, 0, color.NRGBA{255, 0, 0, 255}) // one red pixel, three transparent black
	src.SetNRGBA(2, 0, color.NRGBA{0, 0, 255, 255})
	for x := 2; x < 4; x++ {
		for y := 0; y < 2; y++ {
			src.SetNRGBA(x, y, color.NRGBA{0, 0, 255, 255})
		}
	}
	got := boxShrink(src, 2)
	if c := got.NRGBAAt(0, 0); c != (color.NRGBA{255, 0, 0, 64}) {
		t.Errorf("partly transparent block: %v, want red at quarter alpha", c)
	}
	if c := got.NRGBAAt(1, 0); c != (color.NRGBA{0, 0, 255, 255}) {
		t.Errorf("opaque block: %v", c)
	}
}

// TestLargeReductionKeepsMarks runs the box pre-shrink path end to end.
func TestLargeReductionKeepsMarks(t *testing.T) {
	p := newPipeline(t, "", 48, 96)
	img, err := p.Responsive(files(map[string][]byte{"big.jpg": photoJPEG(t, 1200, 600, 6)}), "big.jpg")
	if err != nil {
		t.Fatal(err)
	}
	process(t, p)
	for _, v := range img.Variants {
		_, out, _ := readVariant(t, p, v)
		if out.Bounds().Dx() != v.Width || v.Height != 2*v.Width {
			t.Errorf("%s: %v", v.Name, out.Bounds())
		}
		if markAt(out, topRight) != "red" || markAt(out, bottomRight) != "green" {
			t.Errorf("%s: marks lost or misplaced", v.Name)
		}
	}
}

func TestCacheWriteFailure(t *testing.T) {
	dir := t.TempDir() + "/cache"
	p := newPipeline(t, dir)
	if _, err := p.Responsive(files(map[string][]byte{"a.jpg": noiseJPEG(t, 50, 50, 1)}), "a.jpg"); err != nil {
		t.Fatal(err)
	}
	os.RemoveAll(dir)
	errs := p.Process(nil)
	if len(errs) != 2 || !strings.HasPrefix(errs[0].Error(), "a.jpg: ") || !errors.Is(errs[0], os.ErrNotExist) {
		t.Errorf("errors %v: want the image's and the index's", errs)
	}
}
