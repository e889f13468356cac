package exif

import (
	"bytes"
	"encoding/binary"
	"testing"
	"time"
)

// cst is the zone the importer assumes when a camera names none.
var cst = time.FixedZone("CST", 8*3600)

// dateSegment is an Exif segment whose Exif sub-IFD holds DateTimeOriginal
// and, when offset is not "", OffsetTimeOriginal.
func dateSegment(order byteOrder, taken, offset string) []byte {
	exif := []entry{text(tagDateTimeOriginal, taken)}
	if offset != "" {
		exif = append(exif, text(tagOffsetTimeOriginal, offset))
	}
	return app1(tiffOf(order, nil, exif))
}

func TestTaken(t *testing.T) {
	jpg := jpegWith(t)
	be, le := binary.BigEndian, binary.LittleEndian
	at := func(h, m, s int) time.Time { return time.Date(2025, 10, 18, h, m, s, 0, cst) }
	seg := func(ifd0, exif []entry) []byte { return jpegWith(t, app1(tiffOf(be, ifd0, exif))) }
	for _, tc := range []struct {
		name string
		data []byte
		want time.Time // zero: none
	}{
		{"DateTimeOriginal, little-endian", jpegWith(t, dateSegment(le, "2025:10:18 14:03:22", "")), at(14, 3, 22)},
		{"with the camera's offset, big-endian", jpegWith(t, dateSegment(be, "2025:10:18 08:03:22", "+02:00")), at(14, 3, 22)},
		{"an offset that is not one", jpegWith(t, dateSegment(be, "2025:10:18 08:03:22", "CEST")), at(8, 3, 22)},
		{"DateTimeDigitized only", seg(nil, []entry{text(tagDateTimeDigitized, "2025:10:18 09:00:00")}), at(9, 0, 0)},
		{"DateTime in IFD0 only", seg([]entry{text(tagDateTime, "2025:10:18 10:00:00")}, nil), at(10, 0, 0)},
		{"Original before DateTime", seg([]entry{text(tagDateTime, "2025:10:18 10:00:00")},
			[]entry{text(tagDateTimeOriginal, "2025:10:18 09:00:00")}), at(9, 0, 0)},
		{"a bad Original falls back", seg([]entry{text(tagDateTime, "2025:10:18 10:00:00")},
			[]entry{text(tagDateTimeOriginal, "2025-10-18 09:00")}), at(10, 0, 0)},
		{"zero date", seg(nil, []entry{text(tagDateTimeOriginal, "0000:00:00 00:00:00")}), time.Time{}},
		{"year 1900", seg(nil, []entry{text(tagDateTimeOriginal, "1900:12:31 23:59:59")}), time.Time{}},
		{"padding after the date", seg(nil, []entry{text(tagDateTimeOriginal, " 2025:10:18 11:00:00 \x00\x00")}), at(11, 0, 0)},
		{"64 bytes or more", seg(nil, []entry{text(tagDateTimeOriginal, "2025:10:18 11:00:00"+string(make([]byte, 44)))}), time.Time{}},
		{"value past the end", seg(nil, []entry{{tagDateTimeOriginal, typeASCII, 20, binary.BigEndian.AppendUint32(nil, 0xFFFFFFF0)}}), time.Time{}},
		{"no Exif", jpg, time.Time{}},
	} {
		tags, _ := Read(tc.data)
		got, ok := tags.Taken(cst)
		if ok != !tc.want.IsZero() || ok && !got.Equal(tc.want) {
			t.Errorf("%s: %v %v, want %v (tags %+v)", tc.name, got, ok, tc.want, tags)
		}
	}
}

func TestASCIIValues(t *testing.T) {
	be := binary.BigEndian
	tiff := tiffOf(be,
		[]entry{text(tagDateTime, "abc"), text(tagDateTimeOriginal, "from IFD0"), text(0x010F, "Canon")},
		[]entry{text(tagDateTimeOriginal, "from Exif"), text(tagDateTimeDigitized, "x\x00y"), text(tagOffsetTimeOriginal, "")})
	tags, err := readTIFF(tiff)
	want := Tags{DateTime: "abc", DateTimeOriginal: "from Exif", DateTimeDigitized: "x\x00y"}
	if err != nil || tags != want {
		t.Errorf("got %+v, %v; want %+v", tags, err, want)
	}
}

// TestTakenZone: the zone given is the default, the camera's offset wins.
func TestTakenZone(t *testing.T) {
	tags := Tags{DateTimeOriginal: "2025:10:18 14:03:22"}
	got, ok := tags.Taken(time.UTC)
	if want := time.Date(2025, 10, 18, 14, 3, 22, 0, time.UTC); !ok || !got.Equal(want) {
		t.Errorf("in UTC: %v %v, want %v", got, ok, want)
	}
	tags.OffsetTimeOriginal = "-05:00"
	got, ok = tags.Taken(time.UTC)
	if want := time.Date(2025, 10, 18, 19, 3, 22, 0, time.UTC); !ok || !got.Equal(want) {
		t.Errorf("at -05:00: %v %v, want %v", got, ok, want)
	}
	if _, ok := (Tags{}).Taken(cst); ok {
		t.Error("no dates give a time")
	}
}

// TestBoundedWork: inputs made to look enormous take time in proportion
// to their length, and the Exif pointer is followed once.
func TestBoundedWork(t *testing.T) {
	seg := orientationSegment(binary.LittleEndian, 6)
	fill := append(append([]byte{0xFF, 0xD8}, bytes.Repeat([]byte{0xFF}, 4<<20)...), seg[1:]...)
	if tags, err := Read(fill); err != nil || tags.Orientation != 6 {
		t.Errorf("after 4 MiB of fill bytes: %+v, %v", tags, err)
	}
	many := []byte{0xFF, 0xD8}
	for len(many) < 4<<20 {
		many = append(many, 0xFF, 0xE2, 0xFF, 0xFF)
		many = append(many, make([]byte, 0xFFFD)...)
	}
	if _, err := Read(many); err != ErrNoExif {
		t.Errorf("64 segments of 64 KiB: %v, want ErrNoExif", err)
	}
	// IFD0 of 65535 entries whose Exif pointers all lead back to IFD0.
	le := binary.LittleEndian
	tiff := le.AppendUint32([]byte("II*\x00"), 8)
	tiff = le.AppendUint16(tiff, 0xFFFF)
	for range 0xFFFF {
		tiff = append(tiff, 0x69, 0x87, typeLong, 0, 1, 0, 0, 0, 8, 0, 0, 0)
	}
	if tags, err := readTIFF(tiff); err != nil || tags != (Tags{}) {
		t.Errorf("looping IFD: %+v, %v", tags, err)
	}
}
