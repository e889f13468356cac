package images

import (
	"bytes"
	"encoding/binary"
	"image/gif"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"sync"
	"testing"
)

func TestWidthsNeverUpscale(t *testing.T) {
	tests := []struct {
		w, h   int
		widths []int
		want   [][2]int // variant sizes
	}{
		{700, 350, []int{480, 960, 1600}, [][2]int{{480, 240}, {700, 350}}},
		{480, 360, []int{480, 960, 1600}, [][2]int{{480, 360}}},
		{300, 200, []int{480, 960, 1600}, [][2]int{{300, 200}}},
		{2000, 1000, []int{480, 960, 1600}, [][2]int{{480, 240}, {960, 480}, {1600, 800}}},
		{1600, 1201, []int{1600, 480, 960, 960}, [][2]int{{480, 360}, {960, 721}, {1600, 1201}}},
		{999, 3, []int{100}, [][2]int{{100, 1}}}, // heights are at least 1
	}
	for _, tc := range tests {
		p := newPipeline(t, "", tc.widths...)
		fsys := files(map[string][]byte{"a.jpg": noiseJPEG(t, tc.w, tc.h, 1)})
		img, err := p.Responsive(fsys, "a.jpg")
		if err != nil {
			t.Fatal(err)
		}
		var got [][2]int
		for _, v := range img.Variants {
			got = append(got, [2]int{v.Width, v.Height})
		}
		if !slices.Equal(got, tc.want) || img.Width != tc.w || img.Height != tc.h || img.Format != "jpeg" {
			t.Errorf("%d×%d with widths %v: %d×%d %s %v, want %v", tc.w, tc.h, tc.widths, img.Width, img.Height, img.Format, got, tc.want)
		}
		process(t, p)
		for _, v := range img.Variants {
			_, out, format := readVariant(t, p, v)
			if b := out.Bounds(); b.Dx() != v.Width || b.Dy() != v.Height || format != "jpeg" {
				t.Errorf("%s: %s %d×%d", v.Name, format, b.Dx(), b.Dy())
			}
		}
	}
}

func TestFillSizes(t *testing.T) {
	fsys := files(map[string][]byte{"land.jpg": noiseJPEG(t, 400, 200, 1), "port.jpg": photoJPEG(t, 200, 100, 6)})
	tests := []struct {
		name       string
		w, h       int
		wantW, wan int
	}{
		{"land.jpg", 160, 120, 160, 120},
		{"land.jpg", 400, 300, 267, 200}, // too tall: the box shrinks to the height
		{"land.jpg", 800, 100, 400, 50},  // too wide: to the width
		{"land.jpg", 800, 600, 267, 200},
		{"port.jpg", 400, 300, 100, 75}, // upright 100×200
		{"port.jpg", 60, 160, 60, 160},
		{"land.jpg", 1, 1, 1, 1},
	}
	p := newPipeline(t, "")
	var vs []Variant
	for _, tc := range tests {
		v, err := p.Fill(fsys, tc.name, tc.w, tc.h)
		if err != nil {
			t.Fatal(err)
		}
		if v.Width != tc.wantW || v.Height != tc.wan {
			t.Errorf("Fill(%s, %d, %d) = %d×%d, want %d×%d", tc.name, tc.w, tc.h, v.Width, v.Height, tc.wantW, tc.wan)
		}
		vs = append(vs, v)
	}
	process(t, p)
	for _, v := range vs {
		if _, out, _ := readVariant(t, p, v); out.Bounds().Dx() != v.Width || out.Bounds().Dy() != v.Height {
			t.Errorf("%s is %v", v.Name, out.Bounds())
		}
	}
	for _, bad := range [][2]int{{0, 10}, {10, -1}, {10001, 10}} {
		if _, err := p.Fill(fsys, "land.jpg", bad[0], bad[1]); err == nil {
			t.Errorf("Fill %v: no error", bad)
		}
	}
}

func TestPNGStaysPNG(t *testing.T) {
	p := newPipeline(t, "", 100, 480)
	fsys := files(map[string][]byte{"logo.png": alphaPNG(t, 300, 200)})
	img, err := p.Responsive(fsys, "logo.png")
	if err != nil {
		t.Fatal(err)
	}
	if img.Format != "png" || len(img.Variants) != 2 || img.Variants[1].Width != 300 {
		t.Fatalf("%+v", img)
	}
	process(t, p)
	for _, v := range img.Variants {
		if filepath.Ext(v.Name) != ".png" {
			t.Errorf("%s: not .png", v.Name)
		}
		_, out, format := readVariant(t, p, v)
		if format != "png" {
			t.Errorf("%s is %s", v.Name, format)
		}
		if _, _, _, a := out.At(2, 2).RGBA(); a != 0 {
			t.Errorf("%s: the transparent half became opaque (alpha %d)", v.Name, a)
		}
		if _, _, _, a := out.At(v.Width-2, 2).RGBA(); a != 0xFFFF {
			t.Errorf("%s: the opaque half has alpha %d", v.Name, a)
		}
	}
}

func TestGIFPassesThrough(t *testing.T) {
	anim := animatedGIF(t, 64, 32)
	p := newPipeline(t, "", 16, 32)
	fsys := files(map[string][]byte{"anim.gif": anim})
	img, err := p.Responsive(fsys, "anim.gif")
	if err != nil {
		t.Fatal(err)
	}
	fill, err := p.Fill(fsys, "anim.gif", 10, 10)
	if err != nil {
		t.Fatal(err)
	}
	want := Variant{Name: img.Variants[0].Name, Width: 64, Height: 32}
	if len(img.Variants) != 1 || img.Variants[0] != want || fill != want || img.Format != "gif" {
		t.Fatalf("variants %+v, fill %+v", img.Variants, fill)
	}
	process(t, p)
	out, err := os.ReadFile(p.CachePath(want))
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(out, anim) {
		t.Error("the GIF was changed")
	}
	if g, err := gif.DecodeAll(bytes.NewReader(out)); err != nil || len(g.Image) != 2 {
		t.Errorf("animation lost: %v", err)
	}
	if s := p.Stats(); s.Decodes != 0 || s.Written != 1 {
		t.Errorf("stats %+v: a GIF is copied, not decoded", s)
	}
}

func TestNoMetadataInOutputs(t *testing.T) {
	p := newPipeline(t, "", 32, 64)
	fsys := files(map[string][]byte{"a.jpg": photoJPEG(t, 96, 48, 6)})
	img, err := p.Responsive(fsys, "a.jpg")
	if err != nil {
		t.Fatal(err)
	}
	if data := fsys["a.jpg"].Data; !bytes.Contains(data, []byte(secretMake)) {
		t.Fatal("the test photo lacks its EXIF")
	}
	process(t, p)
	for _, v := range img.Variants {
		data, _, _ := readVariant(t, p, v)
		for _, leak := range []string{"Exif", "SECRETCAM", "GPS", "121.4737"} {
			if bytes.Contains(data, []byte(leak)) {
				t.Errorf("%s contains %q", v.Name, leak)
			}
		}
	}
}

var nameForm = regexp.MustCompile(`^IMG_0001_(480w|960w|fill40x30)_[0-9a-f]{10}\.jpg$`)

func TestNames(t *testing.T) {
	photo := noiseJPEG(t, 1000, 750, 1)
	names := func(data []byte, quality int) []string {
		p, err := New(Options{Widths: []int{480, 960}, Quality: quality, CacheDir: t.TempDir()})
		if err != nil {
			t.Fatal(err)
		}
		fsys := files(map[string][]byte{"a/IMG_0001.JPG": data})
		img, err := p.Responsive(fsys, "a/IMG_0001.JPG")
		if err != nil {
			t.Fatal(err)
		}
		fill, err := p.Fill(fsys, "a/IMG_0001.JPG", 40, 30)
		if err != nil {
			t.Fatal(err)
		}
		return []string{img.Variants[0].Name, img.Variants[1].Name, fill.Name}
	}
	first := names(photo, 80)
	for _, n := range first {
		if !nameForm.MatchString(n) {
			t.Errorf("name %q", n)
		}
	}
	if again := names(photo, 80); !slices.Equal(first, again) {
		t.Errorf("names changed between runs: %v, %v", first, again)
	}
	changed := map[string][]string{
		"content":  names(noiseJPEG(t, 1000, 750, 2), 80),
		"quality":  names(photo, 81),
		"metadata": names(withSegment(photo, exifSegment(binary.BigEndian, 1)), 80),
	}
	for why, ns := range changed {
		for i := range ns {
			if ns[i] == first[i] {
				t.Errorf("%s changed but the name %s did not", why, ns[i])
			}
		}
	}
	if first[0][len("IMG_0001_480w_"):] == first[1][len("IMG_0001_960w_"):] {
		t.Error("two operations share a hash")
	}
	for in, want := range map[string]string{"活动照片 1.jpg": "1", "合影.png": "image", "a b+c.jpg": "a-b-c"} {
		if got := asciiName(in[:len(in)-len(filepath.Ext(in))]); got != want {
			t.Errorf("asciiName(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestConcurrentPlanning(t *testing.T) {
	p := newPipeline(t, "")
	fsys := files(map[string][]byte{"a.jpg": noiseJPEG(t, 500, 400, 1), "b.jpg": noiseJPEG(t, 500, 400, 2)})
	var wg sync.WaitGroup
	for i := range 16 {
		wg.Go(func() {
			name := []string{"a.jpg", "b.jpg"}[i%2]
			if _, err := p.Responsive(fsys, name); err != nil {
				t.Error(err)
			}
			if _, err := p.Fill(fsys, name, 100, 100); err != nil {
				t.Error(err)
			}
		})
	}
	wg.Wait()
	process(t, p)
	if s := p.Stats(); s.Images != 2 || s.Probes != 2 || s.Decodes != 2 || s.Written != 6 {
		t.Errorf("stats %+v, want 2 images probed and decoded once, 6 variants", s)
	}
}
