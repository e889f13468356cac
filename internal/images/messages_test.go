package images

import (
	"errors"
	"io/fs"
	"strings"
	"testing"

	"showcase/internal/lang"
)

// TestMessagesInBothLanguages: the errors staff meet name the photo, say
// in Chinese first what is wrong and what to do, with the English detail
// after it; English alone with --lang en. No test of this package runs in
// parallel, so none reads a message while the language is English.
func TestMessagesInBothLanguages(t *testing.T) {
	jpg := noiseJPEG(t, 200, 150, 1)
	fsys := files(map[string][]byte{
		"news/a/IMG_0042.HEIC": []byte("\x00\x00\x00\x1cftypmif1\x00\x00\x00\x00mif1miafheic" + strings.Repeat("\x00", 64)),
		"news/a/bomb.png":      pngHeaderOnly(100000, 100000),
		"news/a/cut.jpg":       jpg[:len(jpg)*6/10],
	})
	messages := func() map[string]string {
		p := newPipeline(t, t.TempDir())
		got := map[string]string{}
		for _, name := range []string{"news/a/missing.jpg", "news/a/IMG_0042.HEIC", "news/a/bomb.png"} {
			_, err := p.Responsive(fsys, name)
			got[name] = err.Error()
		}
		if _, err := p.Responsive(fsys, "news/a/cut.jpg"); err != nil {
			t.Fatal(err)
		}
		for _, err := range p.Process(nil) {
			got["news/a/cut.jpg"] = err.Error()
		}
		return got
	}
	chinese := map[string]string{
		"news/a/missing.jpg":   "news/a/missing.jpg: 找不到这张图片：请检查文件名（包括大小写和扩展名）是否写对，照片是否放在稿件的文件夹里 (image not found)",
		"news/a/IMG_0042.HEIC": "news/a/IMG_0042.HEIC: 无法处理 HEIC 格式的照片，请改用 JPEG：在 iPhone 上选择 设置 > 相机 > 格式 > 兼容性最佳 后重新拍摄，或在电脑上把照片另存为 JPEG (HEIC/HEIF photos cannot be processed; ",
		"news/a/bomb.png":      "news/a/bomb.png: 图片像素过多：100000×100000，超过 60.0 百万像素的上限，请缩小后再使用 (100000×100000 is 10000.0 megapixels, more than the limit of 60.0 (maxPixels); reduce the image)",
		"news/a/cut.jpg":       "news/a/cut.jpg: 图片文件已损坏或不完整（可能没有传完）：请重新获取原图 (the image is damaged or truncated (",
	}
	english := map[string]string{
		"news/a/missing.jpg":   "news/a/missing.jpg: image not found",
		"news/a/IMG_0042.HEIC": "news/a/IMG_0042.HEIC: HEIC/HEIF photos cannot be processed; send the photo as JPEG: on an iPhone set Settings > Camera > Formats > Most Compatible, or convert it to JPEG on a computer",
		"news/a/bomb.png":      "news/a/bomb.png: 100000×100000 is 10000.0 megapixels, more than the limit of 60.0 (maxPixels); reduce the image",
		"news/a/cut.jpg":       "news/a/cut.jpg: the image is damaged or truncated (",
	}
	check := func(got, want map[string]string) {
		t.Helper()
		for name, w := range want {
			if !strings.HasPrefix(got[name], w) {
				t.Errorf("%s:\n got %s\nwant %s…", name, got[name], w)
			}
		}
	}
	check(messages(), chinese)
	lang.SetEnglish(true)
	t.Cleanup(func() { lang.SetEnglish(false) })
	check(messages(), english)
}

// TestMessagesNameNoCacheFile: the file name an operating-system error
// carries (a file of the cache) is left out of the message.
func TestMessagesNameNoCacheFile(t *testing.T) {
	cause := &fs.PathError{Op: "open", Path: "/site/.showcase-cache/images/a_960w_0123456789.jpg", Err: errors.New("no space left on device")}
	err := errCacheWrite("news/a/a.jpg", cause)
	if msg := err.Error(); strings.Contains(msg, ".showcase-cache") || !strings.HasPrefix(msg, "news/a/a.jpg: ") ||
		!strings.Contains(msg, "open: no space left on device") {
		t.Errorf("message %q", msg)
	}
	if !errors.Is(err, cause) {
		t.Error("the cause is lost")
	}
}

// TestReadVariantOfFailedPhoto: the variants of a photo that Process could
// not make are reported as that photo's, never as a file of the cache; the
// variants of a good photo are read.
func TestReadVariantOfFailedPhoto(t *testing.T) {
	jpg := noiseJPEG(t, 200, 150, 1)
	fsys := files(map[string][]byte{"news/a/good.jpg": jpg, "news/a/cut.jpg": jpg[:len(jpg)*6/10]})
	cache := t.TempDir()
	p := newPipeline(t, cache)
	good, err := p.Responsive(fsys, "news/a/good.jpg")
	if err != nil {
		t.Fatal(err)
	}
	cut, err := p.Responsive(fsys, "news/a/cut.jpg")
	if err != nil {
		t.Fatal(err)
	}
	if errs := p.Process(nil); len(errs) != 1 {
		t.Fatalf("Process: %v", errs)
	}
	if data, err := p.ReadVariant(good.Variants[0]); err != nil || len(data) == 0 {
		t.Errorf("a good variant: %d bytes, %v", len(data), err)
	}
	_, err = p.ReadVariant(cut.Variants[0])
	if !errors.Is(err, ErrNotMade) || !strings.HasPrefix(err.Error(), "news/a/cut.jpg: 这张图片没有处理成功") ||
		strings.Contains(err.Error(), cache) {
		t.Errorf("a failed photo's variant: %v", err)
	}
}
