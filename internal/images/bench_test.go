package images

import (
	"bytes"
	"image"
	"image/jpeg"
	"testing"

	"github.com/disintegration/imaging"
)

// phonePhoto is a 4032×3024 YCbCr 4:2:0 picture like a decoded phone
// photo: gradients with some texture.
func phonePhoto() *image.YCbCr {
	img := image.NewYCbCr(image.Rect(0, 0, 4032, 3024), image.YCbCrSubsampleRatio420)
	s := uint32(1)
	for y := range 3024 {
		for x := range 4032 {
			s ^= s << 13
			s ^= s >> 17
			s ^= s << 5
			img.Y[y*img.YStride+x] = byte(x/32+y/48) + byte(s&15)
		}
	}
	for i := range img.Cb {
		img.Cb[i], img.Cr[i] = byte(100+i%40), byte(140-i%30)
	}
	return img
}

// BenchmarkResample makes the 960 and 480 variants of a 12-megapixel
// photo, the second from the first, with each filter, straight from the
// decoded image or after the box pre-shrink (by 2, as makeVariants does).
//
//	go test -run - -bench Resample ./internal/images
func BenchmarkResample(b *testing.B) {
	src := phonePhoto()
	for _, f := range []struct {
		name   string
		filter imaging.ResampleFilter
	}{{"Lanczos", imaging.Lanczos}, {"CatmullRom", imaging.CatmullRom}, {"Linear", imaging.Linear}, {"Box", imaging.Box}} {
		for _, shrink := range []bool{false, true} {
			name := f.name + "/direct"
			if shrink {
				name = f.name + "/preshrink"
			}
			b.Run(name, func(b *testing.B) {
				for b.Loop() {
					var from image.Image = src
					if shrink {
						from = boxShrink(src, 2)
					}
					m := imaging.Resize(from, 960, 720, f.filter)
					imaging.Resize(m, 480, 360, f.filter)
				}
			})
		}
	}
}

// BenchmarkDecodeJPEG decodes a 12-megapixel JPEG (quality 90).
func BenchmarkDecodeJPEG(b *testing.B) {
	var buf bytes.Buffer
	if err := jpeg.Encode(&buf, phonePhoto(), &jpeg.Options{Quality: 90}); err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(buf.Len()))
	for b.Loop() {
		if _, err := jpeg.Decode(bytes.NewReader(buf.Bytes())); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkBoxShrink averages a 12-megapixel YCbCr photo by 2.
func BenchmarkBoxShrink(b *testing.B) {
	src := phonePhoto()
	for b.Loop() {
		boxShrink(src, 2)
	}
}
