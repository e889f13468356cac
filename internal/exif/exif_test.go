package exif

import (
	"bytes"
	"encoding/binary"
	"errors"
	"image"
	"image/jpeg"
	"testing"
)

// byteOrder is binary.BigEndian or binary.LittleEndian.
type byteOrder interface {
	binary.ByteOrder
	binary.AppendByteOrder
}

// entry is one IFD entry for tiffOf: value is written inside the entry
// when it fits in four bytes, else after the IFDs with its offset inside.
type entry struct {
	tag, typ uint16
	count    uint32
	value    []byte
}

// short, long and text make entries in the given byte order.
func short(order byteOrder, tag, v uint16) entry {
	return entry{tag, typeShort, 1, order.AppendUint16(nil, v)}
}

func long(order byteOrder, tag uint16, v uint32) entry {
	return entry{tag, typeLong, 1, order.AppendUint32(nil, v)}
}

func text(tag uint16, s string) entry {
	return entry{tag, typeASCII, uint32(len(s) + 1), []byte(s + "\x00")}
}

// tiffOf lays out a TIFF structure: IFD0 at 8 with ifd0, then, when exif
// is not nil, a pointer entry in IFD0 and the Exif sub-IFD holding exif.
func tiffOf(order byteOrder, ifd0, exif []entry) []byte {
	if exif != nil {
		ifd0 = append(ifd0[:len(ifd0):len(ifd0)], long(order, tagExifIFD, 0)) // patched below
	}
	size := func(es []entry) int { return 2 + 12*len(es) + 4 }
	exifAt := 8 + size(ifd0)
	dataAt := exifAt
	if exif != nil {
		ifd0[len(ifd0)-1] = long(order, tagExifIFD, uint32(exifAt))
		dataAt += size(exif)
	}
	b := []byte("MM")
	if order == byteOrder(binary.LittleEndian) {
		b = []byte("II")
	}
	b = order.AppendUint16(b, 42)
	b = order.AppendUint32(b, 8)
	var data []byte
	for _, es := range [][]entry{ifd0, exif} {
		if es == nil {
			continue
		}
		b = order.AppendUint16(b, uint16(len(es)))
		for _, e := range es {
			b = order.AppendUint16(b, e.tag)
			b = order.AppendUint16(b, e.typ)
			b = order.AppendUint32(b, e.count)
			if len(e.value) <= 4 {
				b = append(b, append(e.value, make([]byte, 4-len(e.value))...)...)
				continue
			}
			b = order.AppendUint32(b, uint32(dataAt+len(data)))
			data = append(data, e.value...)
		}
		b = order.AppendUint32(b, 0) // no next IFD
	}
	return append(b, data...)
}

// app1 is an APP1 Exif segment around a TIFF structure.
func app1(tiff []byte) []byte {
	n := len(tiff) + 8
	return append([]byte{0xFF, 0xE1, byte(n >> 8), byte(n), 'E', 'x', 'i', 'f', 0, 0}, tiff...)
}

// orientationSegment is an Exif segment whose IFD0 holds the orientation
// (SHORT) and a camera make (ASCII, stored after the IFD).
func orientationSegment(order byteOrder, o uint16) []byte {
	return app1(tiffOf(order, []entry{text(0x010F, "SECRETCAM GPS 31.2304N"), short(order, tagOrientation, o)}, nil))
}

// jpegWith is a real 8×8 JPEG, as image/jpeg writes it (with no Exif),
// with the given segments put in, in order, right after its SOI marker.
func jpegWith(t testing.TB, segments ...[]byte) []byte {
	var encoded bytes.Buffer
	if err := jpeg.Encode(&encoded, image.NewGray(image.Rect(0, 0, 8, 8)), nil); err != nil {
		t.Fatal(err)
	}
	out := []byte{0xFF, 0xD8}
	for _, s := range segments {
		out = append(out, s...)
	}
	return append(out, encoded.Bytes()[2:]...)
}

func TestReadOrientation(t *testing.T) {
	jpg := jpegWith(t)
	app0 := []byte{0xFF, 0xE0, 0x00, 0x07, 'J', 'F', 'I', 'F', 0}
	be, le := binary.BigEndian, binary.LittleEndian
	longO := func(order byteOrder, v uint32) []byte {
		return app1(tiffOf(order, []entry{long(order, tagOrientation, v)}, nil))
	}
	tests := []struct {
		name string
		data []byte
		want int
		err  error
	}{
		{"no Exif", jpg, 0, ErrNoExif},
		{"not a JPEG", []byte("hello"), 0, ErrNotJPEG},
		{"empty", nil, 0, ErrNotJPEG},
		{"after APP0", jpegWith(t, app0, orientationSegment(le, 6)), 6, nil},
		{"fill bytes before the marker", jpegWith(t, append([]byte{0xFF, 0xFF}, orientationSegment(be, 8)...)), 8, nil},
		{"value 0", jpegWith(t, orientationSegment(be, 0)), 0, nil},
		{"value 9", jpegWith(t, orientationSegment(le, 9)), 0, nil},
		{"value 65535", jpegWith(t, orientationSegment(le, 0xFFFF)), 0, nil},
		{"LONG type, big-endian", jpegWith(t, longO(be, 3)), 3, nil},
		{"LONG type, little-endian", jpegWith(t, longO(le, 7)), 7, nil},
		{"ASCII type", jpegWith(t, app1(tiffOf(be, []entry{text(tagOrientation, "6")}, nil))), 0, nil},
		{"count 0", jpegWith(t, app1(tiffOf(be, []entry{{tagOrientation, typeShort, 0, []byte{0, 6}}}, nil))), 0, nil},
		{"the first entry decides", jpegWith(t, app1(tiffOf(be, []entry{short(be, tagOrientation, 9), short(be, tagOrientation, 6)}, nil))), 0, nil},
		{"only IFD0 counts", jpegWith(t, app1(tiffOf(be, nil, []entry{short(be, tagOrientation, 6)}))), 0, nil},
		{"truncated segment", jpegWith(t, orientationSegment(be, 6))[:40], 0, ErrCorrupt},
		{"segment length past the end", []byte{0xFF, 0xD8, 0xFF, 0xE1, 0xFF, 0xFF, 'E', 'x'}, 0, ErrCorrupt},
		{"segment length 0", []byte{0xFF, 0xD8, 0xFF, 0xE1, 0x00, 0x00, 0xFF, 0xD9}, 0, ErrCorrupt},
		{"not at a marker", []byte{0xFF, 0xD8, 0x00, 0xE1, 0x00, 0x02, 0xFF, 0xD9}, 0, ErrCorrupt},
		{"after the scan", append(append([]byte{}, jpg...), orientationSegment(be, 6)...), 0, ErrNoExif},
		{"APP1 that is not Exif", jpegWith(t, []byte{0xFF, 0xE1, 0x00, 0x06, 'h', 't', 't', 'p'}), 0, ErrNoExif},
		{"ends before a scan", []byte{0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x02}, 0, ErrNoExif},
	}
	for o := uint16(1); o <= 8; o++ {
		for _, order := range []byteOrder{be, le} {
			tests = append(tests, struct {
				name string
				data []byte
				want int
				err  error
			}{order.String() + " " + string(rune('0'+o)), jpegWith(t, orientationSegment(order, o)), int(o), nil})
		}
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			tags, err := Read(tc.data)
			if tags.Orientation != tc.want || !errors.Is(err, tc.err) {
				t.Errorf("orientation %d, %v; want %d, %v", tags.Orientation, err, tc.want, tc.err)
			}
		})
	}
}

func TestReadTIFFBadOffsets(t *testing.T) {
	le := binary.LittleEndian
	good := tiffOf(le, []entry{short(le, tagOrientation, 6)}, []entry{text(tagDateTimeOriginal, "2025:10:18 14:03:22")})
	if tags, err := readTIFF(good); err != nil || tags.Orientation != 6 || tags.DateTimeOriginal == "" {
		t.Fatalf("the unpatched structure reads as %+v, %v", tags, err)
	}
	exifPointer := 8 + 2 + 12 + 8 // the value of IFD0's second entry
	for _, tc := range []struct {
		name  string
		patch func(b []byte)
		err   error
	}{
		{"IFD offset past the end", func(b []byte) { le.PutUint32(b[4:], 1<<31) }, nil},
		{"IFD offset inside the header", func(b []byte) { le.PutUint32(b[4:], 2) }, nil},
		{"IFD offset 0xFFFFFFFF", func(b []byte) { le.PutUint32(b[4:], 0xFFFFFFFF) }, nil},
		{"no entries", func(b []byte) { le.PutUint16(b[8:], 0) }, nil},
		{"65535 entries, none the orientation", func(b []byte) {
			le.PutUint16(b[8:], 0xFFFF)
			b[10] = 0x13    // the orientation entry's tag becomes 0x0113
			b[10+12] = 0x68 // and the Exif pointer's 0x8768
		}, nil},
		{"Exif pointer past the end", func(b []byte) { le.PutUint32(b[exifPointer:], 0xFFFFFFF0); b[10] = 0x13 }, nil},
		{"Exif pointer back to IFD0", func(b []byte) { le.PutUint32(b[exifPointer:], 8); b[10] = 0x13 }, nil},
		{"not 42", func(b []byte) { le.PutUint16(b[2:], 43) }, ErrCorrupt},
		{"byte order XX", func(b []byte) { b[0], b[1] = 'X', 'X' }, ErrCorrupt},
	} {
		b := append([]byte{}, good...)
		tc.patch(b)
		tags, err := readTIFF(b)
		if tags != (Tags{}) || !errors.Is(err, tc.err) {
			t.Errorf("%s: %+v, %v; want nothing, %v", tc.name, tags, err, tc.err)
		}
	}
	if _, err := readTIFF(good[:7]); err != ErrCorrupt {
		t.Errorf("7 bytes: %v, want ErrCorrupt", err)
	}
}

// FuzzRead: Read never panics and never reports an orientation outside
// 0-8, whatever the bytes, as a file or as the body of an Exif segment.
func FuzzRead(f *testing.F) {
	be, le := binary.BigEndian, binary.LittleEndian
	for o := uint16(1); o <= 8; o++ {
		f.Add(jpegWith(f, orientationSegment(le, o))[:120])
		f.Add(jpegWith(f, orientationSegment(be, o))[:120])
	}
	f.Add(jpegWith(f, dateSegment(le, "2025:10:18 14:03:22", "+02:00"))[:160])
	f.Add([]byte{0xFF, 0xD8, 0xFF, 0xE1, 0x00, 0x10, 'E', 'x', 'i', 'f', 0, 0, 'M', 'M', 0, 42, 0, 0, 0, 8})
	f.Add(tiffOf(be, []entry{short(be, tagOrientation, 6), text(tagDateTime, "2025:10:18 14:03:22")}, []entry{text(tagOffsetTimeOriginal, "+08:00")}))
	f.Fuzz(func(t *testing.T, b []byte) {
		check := func(tags Tags) {
			if tags.Orientation < 0 || tags.Orientation > 8 {
				t.Fatalf("orientation %d out of range", tags.Orientation)
			}
			tags.Taken(cst)
		}
		tags, _ := Read(b)
		check(tags)
		tags, _ = Read(append([]byte{0xFF, 0xD8}, app1(b)...))
		check(tags)
	})
}
