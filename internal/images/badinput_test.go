package images

import (
	"bytes"
	"errors"
	"io/fs"
	"strings"
	"testing"
	"testing/fstest"
)

func TestBadInput(t *testing.T) {
	jpg := noiseJPEG(t, 200, 150, 1)
	badSOF := append([]byte{}, jpg...)
	if i := bytes.Index(badSOF, []byte{0xFF, 0xC0}); i > 0 {
		copy(badSOF[i+4:], []byte{0, 0, 0, 0, 0, 0}) // precision, height and width all zero
	}
	fsys := files(map[string][]byte{
		"text.jpg":       []byte("这不是图片 this is not an image"),
		"empty.jpg":      {},
		"heic.jpg":       []byte("\x00\x00\x00\x18ftypheic\x00\x00\x00\x00mif1heic" + strings.Repeat("\x00", 64)),
		"IMG_0042.HEIC":  []byte("\x00\x00\x00\x1cftypmif1\x00\x00\x00\x00mif1miafheic" + strings.Repeat("\x00", 64)),
		"avif.jpg":       []byte("\x00\x00\x00\x1cftypavif\x00\x00\x00\x00avifmif1miaf" + strings.Repeat("\x00", 64)),
		"video.jpg":      []byte("\x00\x00\x00\x18ftypisom\x00\x00\x02\x00isomiso2" + strings.Repeat("\x00", 64)),
		"webp.jpg":       []byte("RIFF\x24\x00\x00\x00WEBPVP8 " + strings.Repeat("\x00", 64)),
		"bomb.png":       pngHeaderOnly(100000, 100000),
		"bad-header.jpg": badSOF,
		"truncated.jpg":  jpg[:len(jpg)*6/10],
		"half-png.png":   alphaPNG(t, 300, 300)[:60],
	})
	fsys["folder.jpg"] = &fstest.MapFile{Mode: fs.ModeDir}
	tests := []struct {
		name    string
		kind    error
		process bool   // found by Process, not when planning
		says    string // part of the message
	}{
		{"missing.jpg", fs.ErrNotExist, false, "找不到这张图片"},
		{"../outside.jpg", fs.ErrInvalid, false, "invalid"},
		{"folder.jpg", ErrNotImage, false, "not an image"},
		{"text.jpg", ErrNotImage, false, "这个文件不是图片"},
		{"empty.jpg", ErrNotImage, false, "JPEG, PNG or GIF"},
		{"video.jpg", ErrNotImage, false, "not an image"},
		{"heic.jpg", ErrHEIC, false, "设置 > 相机 > 格式 > 兼容性最佳"},
		{"IMG_0042.HEIC", ErrHEIC, false, "convert it to JPEG"},
		{"avif.jpg", ErrFormat, false, "AVIF"},
		{"webp.jpg", ErrFormat, false, "WebP"},
		{"bomb.png", ErrTooLarge, false, "100000×100000"},
		{"bad-header.jpg", ErrCorrupt, false, "damaged"},
		{"half-png.png", ErrCorrupt, true, "truncated"},
		{"truncated.jpg", ErrCorrupt, true, "不完整"},
	}
	dir := t.TempDir()
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			p := newPipeline(t, dir)
			_, err := p.Responsive(fsys, tc.name)
			if _, ferr := p.Fill(fsys, tc.name, 10, 10); (ferr == nil) != (err == nil) {
				t.Errorf("Responsive says %v, Fill says %v", err, ferr)
			}
			if tc.process {
				if err != nil {
					t.Fatalf("planning failed: %v", err)
				}
				errs := p.Process(nil)
				if len(errs) != 1 {
					t.Fatalf("Process returned %v, want one error", errs)
				}
				err = errs[0]
				if s := p.Stats(); s.Written != 0 {
					t.Errorf("%d variants written for a broken image", s.Written)
				}
			}
			if err == nil {
				t.Fatal("no error")
			}
			if !errors.Is(err, tc.kind) {
				t.Errorf("error %q is not %v", err, tc.kind)
			}
			if msg := err.Error(); !strings.HasPrefix(msg, tc.name+": ") || !strings.Contains(msg, tc.says) {
				t.Errorf("error %q does not start with the name or lacks %q", msg, tc.says)
			}
		})
	}
	for _, n := range cacheFiles(t, dir) {
		if n != indexFile {
			t.Errorf("%s left in the cache", n)
		}
	}
}

func TestMaxPixels(t *testing.T) {
	fsys := files(map[string][]byte{"a.jpg": noiseJPEG(t, 100, 50, 1)})
	p, err := New(Options{CacheDir: t.TempDir(), MaxPixels: 5000})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := p.Responsive(fsys, "a.jpg"); err != nil {
		t.Errorf("5000 pixels refused at a limit of 5000: %v", err)
	}
	p, _ = New(Options{CacheDir: t.TempDir(), MaxPixels: 4999})
	if _, err := p.Responsive(fsys, "a.jpg"); !errors.Is(err, ErrTooLarge) {
		t.Errorf("over the limit: %v", err)
	}
}

func TestFileChangedDuringBuild(t *testing.T) {
	fsys := files(map[string][]byte{"a.jpg": noiseJPEG(t, 100, 50, 1)})
	p := newPipeline(t, "")
	if _, err := p.Responsive(fsys, "a.jpg"); err != nil {
		t.Fatal(err)
	}
	fsys["a.jpg"].Data = noiseJPEG(t, 100, 50, 2)
	errs := p.Process(nil)
	if len(errs) != 1 || !strings.Contains(errs[0].Error(), "重新生成") {
		t.Errorf("errors %v", errs)
	}
}
