package exif

import "encoding/binary"

// Tag numbers and TIFF field types Read knows.
const (
	tagOrientation        = 0x0112
	tagDateTime           = 0x0132
	tagExifIFD            = 0x8769
	tagDateTimeOriginal   = 0x9003
	tagDateTimeDigitized  = 0x9004
	tagOffsetTimeOriginal = 0x9011

	typeASCII = 2
	typeShort = 3
	typeLong  = 4
	typeIFD   = 13
)

// maxASCII bounds the ASCII values read: dates are 20 bytes, offsets 7.
const maxASCII = 64

// tiffReader reads one TIFF structure; every offset is checked against t.
type tiffReader struct {
	t               []byte
	order           binary.ByteOrder
	tags            Tags
	exifIFD         uint32 // where the Exif sub-IFD is, 0 when IFD0 names none
	seenOrientation bool   // an Orientation entry was read (the first one decides)
}

// readTIFF checks the TIFF header and reads IFD0, then the Exif sub-IFD
// it points to, if any. It follows no other offset, so its work is
// bounded by two IFDs of at most 65535 entries each.
func readTIFF(t []byte) (Tags, error) {
	if len(t) < 8 {
		return Tags{}, ErrCorrupt
	}
	r := tiffReader{t: t}
	switch string(t[:2]) {
	case "II":
		r.order = binary.LittleEndian
	case "MM":
		r.order = binary.BigEndian
	default:
		return Tags{}, ErrCorrupt
	}
	if r.order.Uint16(t[2:]) != 42 {
		return Tags{}, ErrCorrupt
	}
	r.readIFD(r.order.Uint32(t[4:]), true)
	if r.exifIFD != 0 {
		r.readIFD(r.exifIFD, false)
	}
	return r.tags, nil
}

// readIFD reads the entries of the IFD at off, stopping at the first one
// that lies past the end. Only IFD0 gives Orientation and the Exif pointer.
func (r *tiffReader) readIFD(off uint32, ifd0 bool) {
	t, order := r.t, r.order
	if off < 8 || uint64(off)+2 > uint64(len(t)) {
		return
	}
	count := int(order.Uint16(t[off:]))
	for k := range count {
		e := int(off) + 2 + 12*k
		if e+12 > len(t) {
			return
		}
		tag, typ := order.Uint16(t[e:]), order.Uint16(t[e+2:])
		switch {
		case ifd0 && tag == tagOrientation:
			if !r.seenOrientation {
				r.seenOrientation = true
				r.tags.Orientation = r.orientation(e, typ)
			}
		case ifd0 && tag == tagExifIFD:
			if typ == typeLong || typ == typeIFD {
				r.exifIFD = order.Uint32(t[e+8:])
			}
		case typ == typeASCII:
			if p := r.asciiField(tag); p != nil {
				if v, ok := r.ascii(e); ok {
					*p = v
				}
			}
		}
	}
}

// orientation is the value of the Orientation entry at e: 1-8, or 0 when
// it is of the wrong type, has no value, or is out of range.
func (r *tiffReader) orientation(e int, typ uint16) int {
	var v uint32
	switch typ {
	case typeShort: // the type the standard prescribes
		v = uint32(r.order.Uint16(r.t[e+8:]))
	case typeLong: // written by a few tools
		v = r.order.Uint32(r.t[e+8:])
	default:
		return 0
	}
	if r.order.Uint32(r.t[e+4:]) < 1 || v < 1 || v > 8 {
		return 0
	}
	return int(v)
}

// asciiField is where an ASCII tag's value goes, nil for tags not read.
func (r *tiffReader) asciiField(tag uint16) *string {
	switch tag {
	case tagDateTime:
		return &r.tags.DateTime
	case tagDateTimeOriginal:
		return &r.tags.DateTimeOriginal
	case tagDateTimeDigitized:
		return &r.tags.DateTimeDigitized
	case tagOffsetTimeOriginal:
		return &r.tags.OffsetTimeOriginal
	}
	return nil
}

// ascii is the value of the ASCII entry at e: inside the entry when it
// fits in four bytes, else at the offset the entry gives. false when it is
// empty, longer than maxASCII, or outside the structure.
func (r *tiffReader) ascii(e int) (string, bool) {
	count := r.order.Uint32(r.t[e+4:])
	if count == 0 || count >= maxASCII {
		return "", false
	}
	start := uint32(e + 8)
	if count > 4 {
		start = r.order.Uint32(r.t[e+8:])
	}
	if uint64(start)+uint64(count) > uint64(len(r.t)) {
		return "", false
	}
	return asciiValue(r.t[start : start+count]), true
}
