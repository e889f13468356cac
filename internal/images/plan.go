package images

import (
	"bufio"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"io/fs"
	"math"
	"path"
	"strings"

	"showcase/internal/lang"
)

// Image is a source image as shown, and its responsive variants.
type Image struct {
	Width, Height int       // after EXIF orientation
	Format        string    // "jpeg", "png" or "gif", the variants' format too
	Variants      []Variant // by increasing width; at least one
}

// Variant is one file that Process makes.
type Variant struct {
	Name          string // file name in the cache and the output: "IMG_0001_960w_3fa2c1d07b.jpg"
	Width, Height int
}

// The operations a variant can come from.
const (
	opResize = "resize" // the whole image at a width
	opFill   = "fill"   // a centred crop to a size
	opCopy   = "copy"   // the file as it is (GIF)
)

// renderVersion is part of every variant's hash: change it when the
// pixels an operation produces change, so that old cache entries and
// published files are replaced.
const renderVersion = "1"

// task is a variant and the operation making it.
type task struct {
	Variant
	op string
}

// source is one image file named by the build, probed once.
type source struct {
	name  string
	fsys  fs.FS
	ready chan struct{} // closed when head and err are set
	head  header
	err   error

	// Guarded by Pipeline.mu.
	tasks  map[string]bool // variant names planned
	todo   []task          // planned since the last Process
	queued bool            // in Pipeline.queue
}

// Responsive plans the responsive variants of one image: one per
// configured width below the image's upright width, plus one at that width
// if a configured width reaches it. It reads only the header, or finds it
// in the cache index, so it returns at once; Process does the work.
func (p *Pipeline) Responsive(fsys fs.FS, name string) (*Image, error) {
	s, err := p.source(fsys, name)
	if err != nil {
		return nil, err
	}
	w, h := s.head.upright()
	img := &Image{Width: w, Height: h, Format: s.head.Format}
	if s.head.Format == formatGIF {
		img.Variants = []Variant{p.plan(s, opCopy, w, h)}
		return img, nil
	}
	for _, tw := range p.widths {
		if tw >= w {
			img.Variants = append(img.Variants, p.plan(s, opResize, w, h))
			break
		}
		img.Variants = append(img.Variants, p.plan(s, opResize, tw, scaleSide(h, tw, w)))
	}
	return img, nil
}

// Fill plans a centred crop of one image to exactly w×h pixels (covers,
// album thumbnails). An image smaller than the box is not upscaled: the
// box shrinks, keeping its ratio, until it fits. A GIF is not cropped but
// copied, as with Responsive.
func (p *Pipeline) Fill(fsys fs.FS, name string, w, h int) (Variant, error) {
	if w < 1 || h < 1 || w > maxSide || h > maxSide {
		return Variant{}, &Error{Name: name, Msg: lang.Sprintf("裁剪尺寸 %[1]d×%[2]d 无效：每边应在 1 到 %[3]d 像素之间",
			"fill size %[1]d×%[2]d is not between 1 and %[3]d pixels a side", w, h, maxSide)}
	}
	s, err := p.source(fsys, name)
	if err != nil {
		return Variant{}, err
	}
	sw, sh := s.head.upright()
	if s.head.Format == formatGIF {
		return p.plan(s, opCopy, sw, sh), nil
	}
	w, h = fitBox(w, h, sw, sh)
	return p.plan(s, opFill, w, h), nil
}

// scaleSide is side scaled by num/den, rounded, at least 1.
func scaleSide(side, num, den int) int {
	return max(1, int(math.Round(float64(side)*float64(num)/float64(den))))
}

// fitBox shrinks a w×h box, keeping its ratio, until it fits in sw×sh.
func fitBox(w, h, sw, sh int) (int, int) {
	if w <= sw && h <= sh {
		return w, h
	}
	if int64(sw)*int64(h) <= int64(sh)*int64(w) { // the width limits
		return sw, min(sh, scaleSide(h, sw, w))
	}
	return min(sw, scaleSide(w, sh, h)), sh
}

// source returns the probed source of a name, probing it the first time.
func (p *Pipeline) source(fsys fs.FS, name string) (*source, error) {
	if !fs.ValidPath(name) || name == "." {
		return nil, errNotFound(name, &fs.PathError{Op: "open", Path: name, Err: fs.ErrInvalid})
	}
	p.mu.Lock()
	s, ok := p.sources[name]
	if !ok {
		s = &source{name: name, fsys: fsys, ready: make(chan struct{}), tasks: map[string]bool{}}
		p.sources[name] = s
	}
	p.mu.Unlock()
	if ok {
		<-s.ready
		return s, s.err
	}
	p.images.Add(1)
	s.head, s.err = p.probe(fsys, name)
	close(s.ready)
	return s, s.err
}

// probe reads a source's header from the cache index when its size and
// modification time are unchanged, else from the file, hashing it whole
// without holding it in memory.
func (p *Pipeline) probe(fsys fs.FS, name string) (header, error) {
	info, err := fs.Stat(fsys, name)
	if err != nil {
		return header{}, errNotFound(name, err)
	}
	if !info.Mode().IsRegular() {
		return header{}, errNotImage(name)
	}
	h, ok := p.index.lookup(name, info)
	if !ok {
		f, err := fsys.Open(name)
		if err != nil {
			return header{}, errNotFound(name, err)
		}
		defer f.Close()
		p.probes.Add(1)
		hash := sha256.New()
		r := bufio.NewReaderSize(io.TeeReader(f, hash), exifSearchLimit)
		if h, err = probeHeader(name, r); err != nil {
			return header{}, err
		}
		if _, err := io.Copy(io.Discard, r); err != nil {
			return header{}, errNotFound(name, err)
		}
		h.Hash = hex.EncodeToString(hash.Sum(nil))
		p.index.store(name, info, h)
	}
	if h.pixels() > int64(p.opts.MaxPixels) {
		return header{}, errTooLarge(name, h.Width, h.Height, p.opts.MaxPixels)
	}
	return h, nil
}

// plan names a variant of a source and queues it for Process.
func (p *Pipeline) plan(s *source, op string, w, h int) Variant {
	v := Variant{Name: variantName(s.name, s.head, op, w, h, p.opts.Quality), Width: w, Height: h}
	p.mu.Lock()
	defer p.mu.Unlock()
	p.planned[v.Name] = s.name
	if !s.tasks[v.Name] {
		s.tasks[v.Name] = true
		s.todo = append(s.todo, task{Variant: v, op: op})
		if !s.queued {
			s.queued = true
			p.queue = append(p.queue, s)
		}
	}
	return v
}

// variantName is "<base>_<op>_<hash>.<ext>": the source's base name made
// ASCII, the operation ("960w", "fill400x300", nothing for a copy) and a
// hash of everything the variant's bytes depend on.
func variantName(srcName string, h header, op string, w, ht, quality int) string {
	base := path.Base(srcName)
	base = asciiName(strings.TrimSuffix(base, path.Ext(base)))
	key := fmt.Sprintf("showcase-images v%s\x00%s\x00%s %dx%d", renderVersion, h.Hash, op, w, ht)
	if h.Format == formatJPEG {
		key += fmt.Sprintf(" q%d", quality)
	}
	sum := sha256.Sum256([]byte(key))
	hash := hex.EncodeToString(sum[:5])
	ext := map[string]string{formatJPEG: ".jpg", formatPNG: ".png", formatGIF: ".gif"}[h.Format]
	switch op {
	case opResize:
		return fmt.Sprintf("%s_%dw_%s%s", base, w, hash, ext)
	case opFill:
		return fmt.Sprintf("%s_fill%dx%d_%s%s", base, w, ht, hash, ext)
	}
	return base + "_" + hash + ext
}

// asciiName keeps ASCII letters, digits, '-' and '_', turns runs of
// anything else into one '-', and caps the length; "image" if nothing is
// left (a Chinese file name).
func asciiName(s string) string {
	var b strings.Builder
	dash := false
	for _, r := range s {
		switch {
		case r < 128 && (r == '-' || r == '_' || r >= '0' && r <= '9' || r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z'):
			b.WriteRune(r)
			dash = false
		case !dash:
			b.WriteByte('-')
			dash = true
		}
		if b.Len() >= 60 {
			break
		}
	}
	out := strings.Trim(b.String(), "-")
	if out == "" {
		return "image"
	}
	return out
}
