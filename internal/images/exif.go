package images

import (
	"encoding/binary"
	"image"

	"github.com/disintegration/imaging"
)

// exifSearchLimit bounds the search for the EXIF segment: it comes before
// the image data, in practice within the first few kilobytes.
const exifSearchLimit = 128 << 10

// exifOrientation returns the EXIF Orientation tag (1-8) of a JPEG file,
// or 1 (upright) when there is none or it cannot be read. It walks the
// JPEG segments up to the first scan, finds the APP1 segment starting
// "Exif\0\0", and reads tag 0x0112 from the first IFD of its TIFF
// structure, in either byte order. Corrupt data gives 1, never a panic.
func exifOrientation(data []byte) int {
	if len(data) > exifSearchLimit {
		data = data[:exifSearchLimit]
	}
	if len(data) < 4 || data[0] != 0xFF || data[1] != 0xD8 {
		return 1
	}
	i := 2
	for i+2 <= len(data) {
		if data[i] != 0xFF {
			return 1 // not at a marker: the file is damaged
		}
		marker := data[i+1]
		if marker == 0xFF { // fill byte before a marker
			i++
			continue
		}
		i += 2
		switch {
		case marker == 0x01 || marker == 0xD8 || (marker >= 0xD0 && marker <= 0xD7):
			continue // markers without a length
		case marker == 0xD9 || marker == 0xDA:
			return 1 // end of image, or start of scan: no metadata follows
		}
		if i+2 > len(data) {
			return 1
		}
		n := int(data[i])<<8 | int(data[i+1])
		if n < 2 || i+n > len(data) {
			return 1
		}
		seg := data[i+2 : i+n]
		if marker == 0xE1 && len(seg) >= 6 && string(seg[:6]) == "Exif\x00\x00" {
			if o := tiffOrientation(seg[6:]); o != 0 {
				return o
			}
			return 1
		}
		i += n
	}
	return 1
}

// tiffOrientation reads the Orientation tag from the first IFD of a TIFF
// structure (the body of an EXIF segment); 0 when absent or invalid.
func tiffOrientation(t []byte) int {
	if len(t) < 8 {
		return 0
	}
	var order binary.ByteOrder
	switch string(t[:2]) {
	case "II":
		order = binary.LittleEndian
	case "MM":
		order = binary.BigEndian
	default:
		return 0
	}
	if order.Uint16(t[2:]) != 42 {
		return 0
	}
	off := uint64(order.Uint32(t[4:]))
	if off < 8 || off+2 > uint64(len(t)) {
		return 0
	}
	count := int(order.Uint16(t[off:]))
	for k := 0; k < count; k++ {
		e := int(off) + 2 + 12*k
		if e+12 > len(t) {
			return 0
		}
		if order.Uint16(t[e:]) != 0x0112 {
			continue
		}
		var v uint32
		switch typ := order.Uint16(t[e+2:]); typ {
		case 3: // SHORT, the type the standard prescribes
			v = uint32(order.Uint16(t[e+8:]))
		case 4: // LONG, written by a few tools
			v = order.Uint32(t[e+8:])
		default:
			return 0
		}
		if order.Uint32(t[e+4:]) < 1 || v < 1 || v > 8 {
			return 0
		}
		return int(v)
	}
	return 0
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
