package search

import (
	"bytes"
	"slices"
	"testing"
	"unicode/utf8"
)

// testCodec has a table of 128 + 300 characters: one byte, two, and
// the rest escaped.
func testCodec() *codec {
	var table []rune
	for r := rune(0x4e00); r < 0x4e00+codeOne+300; r++ {
		table = append(table, r)
	}
	return newCodec(table)
}

// TestCodec: every kind of character codes in the bytes codec.go says and
// decodes back.
func TestCodec(t *testing.T) {
	c := testCodec()
	for _, tc := range []struct {
		text string
		want []byte
	}{
		{`{"x":"a"}`, []byte(`{"x":"a"}`)},
		{"\u4e00\u4e7f", []byte{0x80, 0xff}},
		{"\u4e80\u4fab", []byte{0, 0, 1, 0x2b}},
		{"党", []byte{codeEscape, 0x51, 0x5a}},
		{"𠀀", []byte{codeEscape, 0xd8, 0x40, codeEscape, 0xdc, 0x00}},
		{"\x7f\n", []byte{codeEscape, 0, 0x7f, codeEscape, 0, 0x0a}},
	} {
		got := c.encode(nil, []byte(tc.text))
		if !bytes.Equal(got, tc.want) {
			t.Errorf("%q: coded % x, want % x", tc.text, got, tc.want)
		}
		back, err := c.decode(got)
		if err != nil || string(back) != tc.text {
			t.Errorf("%q: decoded %q, %v", tc.text, back, err)
		}
	}
	for _, bad := range [][]byte{{2, 0}, {1}, {codeEscape, 0xd8}, {codeEscape, 0xd8, 0x40}, {codeEscape, 0xd8, 0x40, 'a'}, {codeEscape, 0xdc, 0, codeEscape, 0xd8, 0x40}} {
		if _, err := c.decode(bad); err == nil {
			t.Errorf("% x decoded without an error", bad)
		}
	}
}

// FuzzCodec: any text codes and decodes back; any bytes decode or fail,
// never panic, and what decodes codes back the same.
func FuzzCodec(f *testing.F) {
	f.Add([]byte("党建\u4e00\u4e80𠀀\x7f"))
	f.Add([]byte{0, 1, 0x80, codeEscape, 0xd8, 0x40, codeEscape, 0xdc, 0})
	c := testCodec()
	f.Fuzz(func(t *testing.T, data []byte) {
		if utf8.Valid(data) {
			back, err := c.decode(c.encode(nil, data))
			if err != nil || !bytes.Equal(back, data) {
				t.Fatalf("%q: back %q, %v", data, back, err)
			}
		}
		if text, err := c.decode(data); err == nil {
			if again, err := c.decode(c.encode(nil, text)); err != nil || !bytes.Equal(again, text) {
				t.Fatalf("% x: %q then %q, %v", data, text, again, err)
			}
		}
	})
}

// TestChainRuns: runs that continue one another share their characters,
// a run inside the chains takes nothing, and the chains keep to dictSize.
func TestChainRuns(t *testing.T) {
	c := newCodec(nil)
	runs := []runCount{{"abcdefgh", 9}, {"cdefghij", 8}, {"xyabcdef", 7}, {"efghijkl", 6}, {"12345678", 5}}
	got := chainRuns(runs, c)
	if want := []string{"xyabcdefghijkl", "12345678"}; len(got) != 2 || string(got[0]) != want[0] || string(got[1]) != want[1] {
		t.Errorf("chains %q, want %q", got, want)
	}
	defer func(n int) { dictSize = n }(dictSize)
	dictSize = 15
	if small := chainRuns(runs, c); len(small) != 1 || len(small[0]) != 14 {
		t.Errorf("in 15 bytes: chains %q, want one of 14", small)
	}
}

// TestTable: a table reads back as it was written, a code point a byte
// where the gaps are small, and a damaged one fails.
func TestTable(t *testing.T) {
	var table []rune
	for r := rune(0x4e00); len(table) < codeOne+300; r += 3 {
		table = append(table, r)
	}
	table[codeOne] = 0xa9 // a group starts again from 0
	table = append(table, 0xffff)
	b := putTable(nil, table)
	if len(b) > len(table)+12 {
		t.Errorf("%d characters in %d bytes", len(table), len(b))
	}
	got, err := readTable(b)
	if err != nil || !slices.Equal(got, table) {
		t.Errorf("read back %d characters, %v", len(got), err)
	}
	for _, bad := range [][]rune{{0x4e00, 0x4e00}, {0xd800}, {0x4e00, 0x10000}} {
		var b []byte
		prev := rune(0)
		for _, r := range bad {
			b = putUvarint(b, uint64(r-prev))
			prev = r
		}
		if _, err := readTable(b); err == nil {
			t.Errorf("%U read without an error", bad)
		}
	}
	if _, err := readTable([]byte{0x80}); err == nil {
		t.Error("a cut uvarint read without an error")
	}
}
