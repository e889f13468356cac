package images

import (
	"bufio"
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"image"
	"image/gif"
	"image/jpeg"
	"image/png"
	"io"
)

// The formats a source can have; each variant keeps its source's format.
const (
	formatJPEG = "jpeg"
	formatPNG  = "png"
	formatGIF  = "gif"
)

// header is what the start of an image file tells: enough to plan its
// variants before any pixel is decoded. It is what the cache index keeps.
type header struct {
	Format      string `json:"format"`      // formatJPEG, formatPNG or formatGIF
	Width       int    `json:"w"`           // as stored, before orientation
	Height      int    `json:"h"`           // as stored
	Orientation int    `json:"orientation"` // EXIF orientation, 1-8 (1 for PNG and GIF)
	Hash        string `json:"hash"`        // SHA-256 of the file's bytes, hex
}

// upright is the size of the image as shown, after orientation.
func (h header) upright() (w, ht int) {
	if swapsSides(h.Orientation) {
		return h.Height, h.Width
	}
	return h.Width, h.Height
}

// pixels is the stored pixel count, without overflow.
func (h header) pixels() int64 { return int64(h.Width) * int64(h.Height) }

// contentHash is the hex SHA-256 of a file's bytes.
func contentHash(data []byte) string {
	sum := sha256.Sum256(data)
	return hex.EncodeToString(sum[:])
}

// probeHeader identifies an image by its content (never by its extension)
// and reads its size and orientation from the header, which it expects
// within the reader's buffer (make it exifSearchLimit bytes). name is only
// used in errors. It never decodes pixels and never panics.
func probeHeader(name string, r *bufio.Reader) (header, error) {
	var h header
	start, err := r.Peek(exifSearchLimit)
	if err != nil && err != io.EOF && err != bufio.ErrBufferFull {
		return h, errNotFound(name, err)
	}
	var decodeConfig func(io.Reader) (image.Config, error)
	switch {
	case bytes.HasPrefix(start, []byte{0xFF, 0xD8, 0xFF}):
		h.Format, decodeConfig = formatJPEG, jpeg.DecodeConfig
	case bytes.HasPrefix(start, []byte("\x89PNG\r\n\x1a\n")):
		h.Format, decodeConfig = formatPNG, png.DecodeConfig
	case bytes.HasPrefix(start, []byte("GIF87a")) || bytes.HasPrefix(start, []byte("GIF89a")):
		h.Format, decodeConfig = formatGIF, gif.DecodeConfig
	default:
		if f := otherFormat(start); f == "HEIC" {
			return h, errHEIC(name)
		} else if f != "" {
			return h, errFormat(name, f)
		}
		return h, errNotImage(name)
	}
	h.Orientation = 1
	if h.Format == formatJPEG {
		h.Orientation = exifOrientation(start) // before DecodeConfig moves on
	}
	cfg, err := decodeConfig(r)
	if err != nil {
		return h, errBadHeader(name, err)
	}
	if cfg.Width <= 0 || cfg.Height <= 0 {
		return h, errBadHeader(name, errEmptyImage)
	}
	h.Width, h.Height = cfg.Width, cfg.Height
	return h, nil
}

var errEmptyImage = errors.New("the header says the image has no pixels")

// otherFormat names image formats this package does not process, so the
// error can say what the file is: "HEIC", "AVIF", "WebP", "BMP", "TIFF",
// or "" when the content is not recognised.
func otherFormat(data []byte) string {
	switch {
	case len(data) >= 12 && string(data[4:8]) == "ftyp":
		return isoBrand(data)
	case len(data) >= 12 && string(data[:4]) == "RIFF" && string(data[8:12]) == "WEBP":
		return "WebP"
	case bytes.HasPrefix(data, []byte("BM")) && len(data) >= 26:
		return "BMP"
	case bytes.HasPrefix(data, []byte("II*\x00")) || bytes.HasPrefix(data, []byte("MM\x00*")):
		return "TIFF"
	}
	return ""
}

// isoBrand reads the brands of an ISO media file's ftyp box (HEIC, AVIF,
// or a video): the major brand at offset 8, the compatible ones from 16
// to the end of the box.
func isoBrand(data []byte) string {
	size := int(data[0])<<24 | int(data[1])<<16 | int(data[2])<<8 | int(data[3])
	if size < 12 || size > len(data) {
		size = len(data)
	}
	brands := []string{string(data[8:12])}
	for i := 16; i+4 <= size; i += 4 {
		brands = append(brands, string(data[i:i+4]))
	}
	for _, b := range brands {
		switch b {
		case "avif", "avis":
			return "AVIF"
		case "heic", "heix", "hevc", "hevx", "heim", "heis", "hevm", "hevs":
			return "HEIC"
		}
	}
	switch brands[0] {
	case "mif1", "msf1": // plain HEIF
		return "HEIC"
	}
	return ""
}
