package images

import (
	"errors"
	"io/fs"
	"os"

	"showcase/internal/lang"
)

// The kinds of bad input, matched with errors.Is. A missing file matches
// fs.ErrNotExist.
var (
	ErrNotImage = errors.New("not an image")
	ErrHEIC     = errors.New("HEIC/HEIF photo")
	ErrFormat   = errors.New("unsupported image format")
	ErrTooLarge = errors.New("too many pixels")
	ErrCorrupt  = errors.New("damaged image")
	ErrNotMade  = errors.New("variant not made") // ReadVariant of a variant not in the cache
)

// Error is a problem with one image. Name is the image's name as the
// caller gave it (the site path, "content/news/a/x.jpg"); the caller adds
// the page that uses it. No message names a file of the cache: staff know
// their photos, not the build's internals.
type Error struct {
	Name string
	Msg  string // worded by package lang: Chinese first, the English detail after
	Kind error  // one of the Err values, fs.ErrNotExist, or nil
	Err  error  // the underlying error, if any
}

func (e *Error) Error() string { return e.Name + ": " + e.Msg }

// Unwrap lets errors.Is see both the kind and the underlying error.
func (e *Error) Unwrap() []error {
	var errs []error
	if e.Kind != nil {
		errs = append(errs, e.Kind)
	}
	if e.Err != nil {
		errs = append(errs, e.Err)
	}
	return errs
}

// bare is an error without the path it names (a *fs.PathError's, say of
// a file in the cache): "permission denied", not "open /…/x.jpg: …".
func bare(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	var le *os.LinkError
	if errors.As(err, &le) {
		return le.Err
	}
	return err
}

func errNotFound(name string, err error) error {
	if errors.Is(err, fs.ErrNotExist) {
		return &Error{Name: name, Kind: fs.ErrNotExist, Err: err,
			Msg: lang.Sprintf("找不到这张图片：请检查文件名（包括大小写和扩展名）是否写对，照片是否放在稿件的文件夹里", "image not found")}
	}
	return &Error{Name: name, Err: err,
		Msg: lang.Sprintf("无法读取这张图片", "cannot read the image: %v", withoutPath(err))}
}

func errNotImage(name string) error {
	return &Error{Name: name, Kind: ErrNotImage,
		Msg: lang.Sprintf("这个文件不是图片：请换成 JPEG、PNG 或 GIF 格式的照片", "not an image: a JPEG, PNG or GIF file was expected")}
}

func errHEIC(name string) error {
	return &Error{Name: name, Kind: ErrHEIC,
		Msg: lang.Sprintf("无法处理 HEIC 格式的照片，请改用 JPEG：在 iPhone 上选择 设置 > 相机 > 格式 > 兼容性最佳 后重新拍摄，"+
			"或在电脑上把照片另存为 JPEG",
			"HEIC/HEIF photos cannot be processed; send the photo as JPEG: on an iPhone set "+
				"Settings > Camera > Formats > Most Compatible, or convert it to JPEG on a computer")}
}

func errFormat(name, format string) error {
	return &Error{Name: name, Kind: ErrFormat,
		Msg: lang.Sprintf("不支持 %[1]s 格式的图片：请在电脑上把它另存为 JPEG 或 PNG", "%[1]s images cannot be processed; export it as JPEG or PNG", format)}
}

func errTooLarge(name string, w, h, limit int) error {
	mp := func(n int64) float64 { return float64(n) / 1e6 }
	return &Error{Name: name, Kind: ErrTooLarge,
		Msg: lang.Sprintf("图片像素过多：%[1]d×%[2]d，超过 %.1[4]f 百万像素的上限，请缩小后再使用",
			"%[1]d×%[2]d is %.1[3]f megapixels, more than the limit of %.1[4]f (maxPixels); reduce the image",
			w, h, mp(int64(w)*int64(h)), mp(int64(limit)))}
}

func errBadHeader(name string, err error) error {
	return &Error{Name: name, Kind: ErrCorrupt, Err: err,
		Msg: lang.Sprintf("图片文件已损坏，无法读取：请重新获取原图", "the image header cannot be read (%v): the file is damaged", withoutPath(err))}
}

func errBadData(name string, err error) error {
	return &Error{Name: name, Kind: ErrCorrupt, Err: err,
		Msg: lang.Sprintf("图片文件已损坏或不完整（可能没有传完）：请重新获取原图", "the image is damaged or truncated (%v); send the original file again", withoutPath(err))}
}

func errChanged(name string) error {
	return &Error{Name: name,
		Msg: lang.Sprintf("图片在生成网站的过程中被改动了：请重新生成", "the file changed during the build; build again")}
}

func errCacheWrite(name string, err error) error {
	return &Error{Name: name, Err: err,
		Msg: lang.Sprintf("无法保存这张图片缩小后的版本：请检查磁盘空间和网站文件夹能否写入", "cannot write its variants to the cache: %v", withoutPath(err))}
}

// withoutPath is an error's message without the file name a *fs.PathError
// puts in it: a message names the photo, never a file of the cache.
func withoutPath(err error) string {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Op + ": " + pe.Err.Error()
	}
	return err.Error()
}
