package images

import (
	"image"
	"image/color"
	"math"
	"slices"

	"github.com/disintegration/imaging"
)

// resampler is the filter for all resizing: Catmull-Rom is nearly as
// sharp as Lanczos when downscaling photos, at two thirds of its cost (see
// BenchmarkResample and bench/images/README.md).
var resampler = imaging.CatmullRom

// preShrink is how much reduction the filter is left after the box
// pre-shrink, at least: k = ⌊ratio / preShrink⌋. With 1.25 a 4032-pixel
// photo is boxed by 2 for 1600 (then 1.26×) and by 3 for 960 (1.4×): on
// the corpus photos the results stay at about 48 dB PSNR or more against
// Lanczos from the full image (Hugo's default box filter: 45-47 dB), for
// a fifth less CPU time than the filter alone.
const preShrink = 1.25

// maxBox bounds the box pre-shrink factor (sums stay in uint32).
const maxBox = 64

// target is a task's size in the stored orientation, and the size the
// whole image must have (at least) for the task to be cut from it.
type target struct {
	task
	w, h         int // output size before orientation
	needW, needH int // whole-image size the output is resampled from
}

// makeVariants makes the variants of one decoded image (stored
// orientation), largest first, each resampled from the smallest image
// already made that is large enough, oriented and handed to emit. It
// stops at emit's first error.
func makeVariants(src image.Image, orientation int, tasks []task, emit func(task, *image.NRGBA) error) error {
	sw, sh := src.Bounds().Dx(), src.Bounds().Dy()
	targets := make([]target, 0, len(tasks))
	for _, t := range tasks {
		g := target{task: t, w: t.Width, h: t.Height}
		if swapsSides(orientation) {
			g.w, g.h = g.h, g.w
		}
		g.needW, g.needH = g.w, g.h
		if t.op == opFill { // the crop is cut from the image scaled to cover the box
			scale := max(float64(g.w)/float64(sw), float64(g.h)/float64(sh))
			g.needW = min(sw, int(math.Ceil(float64(sw)*scale)))
			g.needH = min(sh, int(math.Ceil(float64(sh)*scale)))
		}
		targets = append(targets, g)
	}
	slices.SortStableFunc(targets, func(a, b target) int { return b.needW*b.needH - a.needW*a.needH })

	// A reduction by 2.5 or more starts with a box average by k, leaving
	// the filter a reduction of at least preShrink.
	ratio := min(float64(sw)/float64(targets[0].needW), float64(sh)/float64(targets[0].needH))
	if k := min(int(ratio/preShrink), maxBox); k >= 2 {
		src = boxShrink(src, k)
	}
	made := []image.Image{src} // whole images, largest first
	for _, g := range targets {
		from := made[0]
		for _, m := range made[1:] {
			if b := m.Bounds(); b.Dx() >= g.needW && b.Dy() >= g.needH {
				from = m
			}
		}
		var out *image.NRGBA
		if g.op == opFill {
			out = imaging.Fill(from, g.w, g.h, imaging.Center, resampler)
		} else {
			out = imaging.Resize(from, g.w, g.h, resampler)
			made = append(made, out)
		}
		if err := emit(g.task, orient(out, orientation)); err != nil {
			return err
		}
	}
	return nil
}

// boxShrink averages blocks of k×k pixels (smaller at the right and bottom
// edges): the cheap first step of a large reduction. A JPEG's YCbCr planes
// are averaged as they are, before conversion to RGB, which is exact since
// the conversion is linear; other images are averaged in NRGBA, weighted
// by alpha.
func boxShrink(src image.Image, k int) *image.NRGBA {
	if y, ok := src.(*image.YCbCr); ok && y.Rect.Min == (image.Point{}) {
		if hs, vs, ok := chromaShifts(y.SubsampleRatio); ok {
			return shrinkYCbCr(y, k, hs, vs)
		}
	}
	n, ok := src.(*image.NRGBA)
	if !ok || n.Rect.Min != (image.Point{}) {
		n = imaging.Clone(src)
	}
	return shrinkNRGBA(n, k)
}

// chromaShifts gives the horizontal and vertical chroma subsampling as
// shifts: a pixel's Cb and Cr are at (x>>hs, y>>vs).
func chromaShifts(r image.YCbCrSubsampleRatio) (hs, vs int, ok bool) {
	switch r {
	case image.YCbCrSubsampleRatio444:
		return 0, 0, true
	case image.YCbCrSubsampleRatio422:
		return 1, 0, true
	case image.YCbCrSubsampleRatio420:
		return 1, 1, true
	case image.YCbCrSubsampleRatio440:
		return 0, 1, true
	case image.YCbCrSubsampleRatio411:
		return 2, 0, true
	case image.YCbCrSubsampleRatio410:
		return 2, 1, true
	}
	return 0, 0, false
}

func shrinkYCbCr(src *image.YCbCr, k, hs, vs int) *image.NRGBA {
	sw, sh := src.Rect.Dx(), src.Rect.Dy()
	dw, dh := (sw+k-1)/k, (sh+k-1)/k
	dst := image.NewNRGBA(image.Rect(0, 0, dw, dh))
	sumY, sumCb, sumCr, nC := make([]uint32, dw), make([]uint32, dw), make([]uint32, dw), make([]uint32, dw)
	// When k is a multiple of the subsampling, each block covers whole
	// chroma samples, which are averaged on their own (smaller) plane.
	kx, ky := k>>hs, k>>vs
	aligned := kx<<hs == k && ky<<vs == k
	cw := (sw-1)>>hs + 1
	for oy := 0; oy < dh; oy++ {
		clear(sumY)
		clear(sumCb)
		clear(sumCr)
		clear(nC)
		y0, y1 := oy*k, min(oy*k+k, sh)
		for y := y0; y < y1; y++ {
			ys := src.Y[y*src.YStride:][:sw]
			if k == 2 { // the common case, twice as fast this way
				pairs := sumY[:sw/2]
				for i := range pairs {
					pairs[i] += uint32(ys[2*i]) + uint32(ys[2*i+1])
				}
				if sw%2 == 1 {
					sumY[dw-1] += uint32(ys[sw-1])
				}
			} else {
				for ox := range dw {
					var a uint32
					for _, v := range ys[ox*k : min(ox*k+k, sw)] {
						a += uint32(v)
					}
					sumY[ox] += a
				}
			}
			if aligned {
				continue
			}
			c := (y >> vs) * src.CStride
			cbs, crs := src.Cb[c:], src.Cr[c:]
			for x := range sw {
				sumCb[x/k] += uint32(cbs[x>>hs])
				sumCr[x/k] += uint32(crs[x>>hs])
				nC[x/k]++
			}
		}
		if aligned {
			for cy := y0 >> vs; cy <= (y1-1)>>vs; cy++ {
				cbs := src.Cb[cy*src.CStride:][:cw]
				crs := src.Cr[cy*src.CStride:][:cw]
				// the luma rows of the block this chroma row covers
				w := uint32(min(y1, (cy+1)<<vs) - max(y0, cy<<vs))
				if kx == 1 { // one chroma column per block (k = 2 on 4:2:0)
					for ox, v := range cbs[:dw] {
						sumCb[ox] += w * uint32(v)
						sumCr[ox] += w * uint32(crs[ox])
						nC[ox] += w
					}
					continue
				}
				for ox := range dw {
					x0, x1 := ox*kx, min(ox*kx+kx, cw)
					var b, d uint32
					for _, v := range cbs[x0:x1] {
						b += uint32(v)
					}
					for _, v := range crs[x0:x1] {
						d += uint32(v)
					}
					sumCb[ox] += w * b
					sumCr[ox] += w * d
					nC[ox] += w * uint32(x1-x0)
				}
			}
		}
		row := dst.Pix[oy*dst.Stride:]
		for ox := range dw {
			n := uint32((y1 - y0) * (min(ox*k+k, sw) - ox*k))
			m := nC[ox]
			r, g, b := color.YCbCrToRGB(uint8((sumY[ox]+n/2)/n), uint8((sumCb[ox]+m/2)/m), uint8((sumCr[ox]+m/2)/m))
			row[4*ox], row[4*ox+1], row[4*ox+2], row[4*ox+3] = r, g, b, 0xFF
		}
	}
	return dst
}

func shrinkNRGBA(src *image.NRGBA, k int) *image.NRGBA {
	sw, sh := src.Rect.Dx(), src.Rect.Dy()
	dw, dh := (sw+k-1)/k, (sh+k-1)/k
	dst := image.NewNRGBA(image.Rect(0, 0, dw, dh))
	sums := make([]uint64, 4*dw) // alpha-weighted r, g, b, and alpha
	for oy := 0; oy < dh; oy++ {
		clear(sums)
		y0, y1 := oy*k, min(oy*k+k, sh)
		for y := y0; y < y1; y++ {
			px := src.Pix[y*src.Stride:][:4*sw]
			for x := 0; x < sw; x++ {
				s := sums[4*(x/k):][:4]
				a := uint64(px[4*x+3])
				s[0] += uint64(px[4*x]) * a
				s[1] += uint64(px[4*x+1]) * a
				s[2] += uint64(px[4*x+2]) * a
				s[3] += a
			}
		}
		row := dst.Pix[oy*dst.Stride:]
		for ox := range dw {
			s := sums[4*ox:][:4]
			n := uint64((y1 - y0) * (min(ox*k+k, sw) - ox*k))
			if s[3] == 0 {
				continue // fully transparent: stays 0, 0, 0, 0
			}
			row[4*ox] = uint8((s[0] + s[3]/2) / s[3])
			row[4*ox+1] = uint8((s[1] + s[3]/2) / s[3])
			row[4*ox+2] = uint8((s[2] + s[3]/2) / s[3])
			row[4*ox+3] = uint8((s[3] + n/2) / n)
		}
	}
	return dst
}
