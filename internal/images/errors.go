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
)

// Error is a problem with one image. Name is the image's name as the
// caller gave it (the site path, "content/news/a/x.jpg"); the caller adds
// the page that uses it. No message names a file of the cache: staff know
// their photos, not the build's internals.
type Error struct {
	Name string
	Msg  string // Chinese first, the technical detail after (internal/lang)
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
			Msg: lang.Sprintf("找不到图片文件，请检查文件名和位置", "image not found")}
	}
	return &Error{Name: name, Err: err,
		Msg: lang.Sprintf("无法读取图片文件", "cannot read the image: %v", err)}
}

func errNotImage(name string) error {
	return &Error{Name: name, Kind: ErrNotImage,
		Msg: lang.Sprintf("不是图片文件，应为 JPEG、PNG 或 GIF 格式", "not an image: a JPEG, PNG or GIF file was expected")}
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
		Msg: lang.Sprintf("不支持 %s 格式的图片，请另存为 JPEG 或 PNG", "%s images cannot be processed; export it as JPEG or PNG", format)}
}

func errTooLarge(name string, w, h, limit int) error {
	mp := func(n int64) float64 { return float64(n) / 1e6 }
	return &Error{Name: name, Kind: ErrTooLarge,
		Msg: lang.Sprintf("图片像素过多：%[1]d×%[2]d，超过 %.1[4]f 百万像素的上限，请缩小后再使用",
			"%d×%d is %.1f megapixels, more than the limit of %.1f (maxPixels); reduce the image",
			w, h, mp(int64(w)*int64(h)), mp(int64(limit)))}
}

func errBadHeader(name string, err error) error {
	return &Error{Name: name, Kind: ErrCorrupt, Err: err,
		Msg: lang.Sprintf("图片文件已损坏，无法读取", "the file is damaged: its header cannot be read: %v", err)}
}

func errBadData(name string, err error) error {
	return &Error{Name: name, Kind: ErrCorrupt, Err: err,
		Msg: lang.Sprintf("图片文件已损坏或不完整，请重新获取原图", "the image is damaged or truncated: %v; send the original file again", err)}
}

func errChanged(name string) error {
	return &Error{Name: name,
		Msg: lang.Sprintf("图片在生成过程中被修改，请重新生成", "the file changed during the build; build again")}
}

func errCacheWrite(name string, err error) error {
	return &Error{Name: name, Err: err,
		Msg: lang.Sprintf("无法把处理好的图片写入缓存，请检查网站文件夹是否可写、磁盘是否已满",
			"cannot write its variants to the image cache: %v", bare(err))}
}
