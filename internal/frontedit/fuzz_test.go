package frontedit

import (
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"showcase/internal/content"
)

// decode parses a file with the build's own parser.
func decode(t *testing.T, file []byte) map[string]any {
	t.Helper()
	src, err := content.Split(file)
	if err != nil {
		t.Fatalf("no longer splits: %v\n%s", err, file)
	}
	m, err := src.Decode()
	if err != nil {
		t.Fatalf("no longer parses: %v\n%s", err, file)
	}
	return m
}

func checkParses(t *testing.T, file []byte) { decode(t, file) }

var fuzzKeys = []string{"title", "date", "tags", "draft", "weight", "summary", "reviewer", "author", "cover", "desc"}

// FuzzSet edits one field to a fuzzed value: only that field's lines
// change, the file still parses, every other key keeps its value and the
// field reads back as the new value.
func FuzzSet(f *testing.F) {
	f.Add(false, uint8(0), uint8(0), "新标题", int64(3), true)
	f.Add(true, uint8(2), uint8(1), "a # b", int64(-1), false)
	f.Add(true, uint8(9), uint8(0), "yes", int64(0), false)
	f.Add(false, uint8(5), uint8(0), "'''\n\"\\", int64(7), true)
	f.Add(true, uint8(7), uint8(4), "", int64(1), true)
	f.Add(false, uint8(1), uint8(3), "", int64(1e12), true)
	f.Fuzz(func(t *testing.T, yamlFormat bool, keyIndex, kind uint8, s string, n int64, b bool) {
		if !utf8.ValidString(s) {
			return
		}
		page := tomlPage
		if yamlFormat {
			page = yamlPage
		}
		key := fuzzKeys[int(keyIndex)%len(fuzzKeys)]
		var v, want any
		switch kind % 6 {
		case 0:
			v, want = s, s
		case 1:
			v = []string{s, "x" + s}
			want = []any{s, "x" + s}
		case 2:
			v, want = b, b
		case 3:
			v = n
			if yamlFormat {
				want = int(n)
			} else {
				want = n
			}
		case 4:
			if kind%2 == 0 { // delete
				v = nil
			} else {
				v, want = []string{}, []any{}
			}
		case 5:
			tm := time.Unix(n%253402300799, 0).In(time.FixedZone("", 8*3600))
			v, want = tm, tm
		}
		before := decode(t, []byte(page))
		var out []byte
		var err error
		if v == nil {
			out, err = Delete([]byte(page), key)
		} else {
			out, err = Set([]byte(page), key, v)
		}
		if err != nil {
			t.Fatal(err)
		}
		after := decode(t, out)
		for k, old := range before {
			if k != key && !reflect.DeepEqual(after[k], old) {
				t.Errorf("%s changed from %#v to %#v\n%s", k, old, after[k], out)
			}
		}
		got, ok := after[key]
		if v == nil {
			if ok {
				t.Errorf("%s still there after Delete: %#v", key, got)
			}
		} else if tm, isTime := want.(time.Time); isTime {
			gt, _ := got.(time.Time)
			if !gt.Equal(tm) {
				t.Errorf("%s = %#v, want %v", key, got, tm)
			}
		} else if !reflect.DeepEqual(got, want) {
			t.Errorf("%s = %#v, want %#v\n%s", key, got, want, out)
		}
		checkOnlyEntryChanged(t, page, string(out), key)
	})
}

// checkOnlyEntryChanged: the lines that differ lie within the key's lines
// of page (found here by the test's own simple reading of the fixtures),
// or, for a key page lacks, are one added line of that key.
func checkOnlyEntryChanged(t *testing.T, page, out, key string) {
	t.Helper()
	if page == out {
		return // the same value, or deleting a key page lacks
	}
	al, bl := strings.SplitAfter(page, "\n"), strings.SplitAfter(out, "\n")
	p := 0
	for p < len(al) && p < len(bl) && al[p] == bl[p] {
		p++
	}
	s := 0
	for s < len(al)-p && s < len(bl)-p && al[len(al)-1-s] == bl[len(bl)-1-s] {
		s++
	}
	start := -1
	for i, l := range al {
		if strings.HasPrefix(l, key+" =") || strings.HasPrefix(l, key+":") {
			start = i
		}
	}
	if start < 0 {
		if p != len(al)-s || !strings.HasPrefix(strings.Join(bl[p:len(bl)-s], ""), key) {
			t.Errorf("adding %s changed other lines:\n%s", key, out)
		}
		return
	}
	end := start + 1
	for end < len(al) && !topLevel(al[end]) {
		end++
	}
	if p < start || len(al)-s > end {
		t.Errorf("lines %d-%d changed, but %s is lines %d-%d:\n%s", p+1, len(al)-s, key, start+1, end, out)
	}
}

func topLevel(l string) bool {
	c := l[0]
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '"' || c == '#' || c == '[' || c == '\n' || l == "+++\n" || l == "---\n"
}

// FuzzSetAnyDocument edits a field of any front matter the build's parser
// reads: either Set refuses, or the result still parses, with the field's
// new value and every other key's old one.
func FuzzSetAnyDocument(f *testing.F) {
	f.Add(tomlPage, uint8(0), "x")
	f.Add(yamlPage, uint8(3), "x")
	f.Add("+++\na.b = 1\ntitle = 'x'\n+++\n", uint8(10), "y")
	f.Add("---\nlist:\n- a\n- b\nsummary: >\n  folded\n---\n", uint8(5), "z")
	f.Add("+++\nx = \"\"\"\na\n\"\"\"\ntags = [ # c\n 'a' ]\n+++\n", uint8(2), "w")
	keys := append(slices.Clone(fuzzKeys), "a", "list", "x", "params")
	f.Fuzz(func(t *testing.T, page string, keyIndex uint8, s string) {
		if !utf8.ValidString(s) || !utf8.ValidString(page) {
			return
		}
		src, err := content.Split([]byte(page))
		if err != nil || src.Format == "" {
			return
		}
		before, err := src.Decode()
		if err != nil {
			return
		}
		key := keys[int(keyIndex)%len(keys)]
		out, err := Set([]byte(page), key, s)
		if err != nil {
			return
		}
		after := decode(t, out)
		for k, old := range before {
			if !strings.EqualFold(k, key) && !reflect.DeepEqual(after[k], old) {
				t.Errorf("%s changed from %#v to %#v\n%s", k, old, after[k], out)
			}
		}
		got := after[key]
		for k, v := range after {
			if strings.EqualFold(k, key) {
				got = v
			}
		}
		if got != s {
			t.Errorf("%s = %#v, want %q\n%s", key, got, s, out)
		}
	})
}
