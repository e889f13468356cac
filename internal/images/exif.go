package images

import (
	"image"

	"github.com/disintegration/imaging"

	"showcase/internal/exif"
)

// exifSearchLimit bounds the search for the EXIF segment: it comes before
// the image data, in practice within the first few kilobytes.
const exifSearchLimit = 128 << 10

// exifOrientation returns the EXIF Orientation tag (1-8) of a JPEG file,
// or 1 (upright) when there is none or it cannot be read; see package exif.
// Only the first exifSearchLimit bytes are searched.
func exifOrientation(data []byte) int {
	if len(data) > exifSearchLimit {
		data = data[:exifSearchLimit]
	}
	if tags, err := exif.Read(data); err == nil && tags.Orientation != 0 {
		return tags.Orientation
	}
	return 1
}

// swapsSides tells whether an orientation turns the image by a quarter,
// so that its upright width is its stored height.
func swapsSides(orientation int) bool { return orientation >= 5 && orientation <= 8 }

// orient turns an image stored with the given EXIF orientation upright.
//
// The tag says where the stored first row and column belong: 2 mirrored,
// 3 turned half round, 4 upside down mirrored, 5 transposed, 6 turned a
// quarter anticlockwise (so turn it clockwise), 7 transversed, 8 turned a
// quarter clockwise. imaging's Rotate90 and Rotate270 turn anticlockwise.
func orient(img *image.NRGBA, orientation int) *image.NRGBA {
	switch orientation {
	case 2:
		return imaging.FlipH(img)
	case 3:
		return imaging.Rotate180(img)
	case 4:
		return imaging.FlipV(img)
	case 5:
		return imaging.Transpose(img)
	case 6:
		return imaging.Rotate270(img)
	case 7:
		return imaging.Transverse(img)
	case 8:
		return imaging.Rotate90(img)
	}
	return img
}
