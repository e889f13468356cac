package exif

import (
	"errors"
	"testing"

	"showcase/internal/lang"
)

// TestErrorsInBothLanguages: Read's errors read Chinese first, English
// alone with --lang en, and stay the same values for errors.Is. No test of
// this package runs in parallel.
func TestErrorsInBothLanguages(t *testing.T) {
	_, err := Read([]byte("not a jpeg"))
	if !errors.Is(err, ErrNotJPEG) || err.Error() != "这张照片不是 JPEG 文件，读不出拍摄信息（EXIF） (exif: not a JPEG)" {
		t.Errorf("Chinese: %v", err)
	}
	_, err = Read([]byte{0xFF, 0xD8, 0xFF, 0xD9})
	if !errors.Is(err, ErrNoExif) || err.Error() != "这张照片里没有拍摄信息（EXIF） (exif: no Exif segment before the image data)" {
		t.Errorf("Chinese: %v", err)
	}
	lang.SetEnglish(true)
	t.Cleanup(func() { lang.SetEnglish(false) })
	if got := ErrCorrupt.Error(); got != "exif: corrupt JPEG segment or TIFF header" {
		t.Errorf("English: %q", got)
	}
}
