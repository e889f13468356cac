package images

import (
	"bytes"
	"fmt"
	"image"
	"image/jpeg"
	"image/png"
	"io"
	"io/fs"
	"os"
	"slices"
	"strings"
	"sync"
)

// job is the work queued for one source.
type job struct {
	src   *source
	tasks []task
}

// Process makes the variants planned since the last call, on
// Options.Workers workers, skipping those already in the cache, and saves
// the cache index. It returns one error per image that failed, naming it
// (sorted by name), plus one if the index cannot be saved; the variants of
// a failed image are not in the cache. When progress is a terminal, a
// progress line is drawn on it; pass nil for silence.
func (p *Pipeline) Process(progress io.Writer) []error {
	p.work.Lock()
	defer p.work.Unlock()
	p.mu.Lock()
	jobs := make([]job, 0, len(p.queue))
	for _, s := range p.queue {
		jobs = append(jobs, job{src: s, tasks: s.todo})
		s.todo, s.queued = nil, false
	}
	p.queue = nil
	p.mu.Unlock()

	line := newProgress(progress, len(jobs))
	var (
		mu   sync.Mutex
		errs []error
		wg   sync.WaitGroup
		next = make(chan job)
	)
	for range min(p.opts.Workers, len(jobs)) {
		wg.Go(func() {
			for j := range next {
				if err := p.run(j); err != nil {
					mu.Lock()
					errs = append(errs, err)
					mu.Unlock()
				}
				line.step()
			}
		})
	}
	for _, j := range jobs {
		next <- j
	}
	close(next)
	wg.Wait()
	line.finish()
	slices.SortFunc(errs, func(a, b error) int { return strings.Compare(a.Error(), b.Error()) })
	if err := p.index.save(); err != nil {
		errs = append(errs, err)
	}
	return errs
}

// run makes the variants of one source that the cache lacks, from one
// read and at most one decode. A panic in a decoder becomes an error.
func (p *Pipeline) run(j job) (err error) {
	s := j.src
	defer func() {
		if r := recover(); r != nil {
			err = errBadData(s.name, fmt.Errorf("the decoder failed: %v", r))
		}
	}()
	var missing []task
	for _, t := range j.tasks {
		if _, err := os.Stat(p.CachePath(t.Variant)); err == nil {
			p.cached.Add(1)
		} else {
			missing = append(missing, t)
		}
	}
	if len(missing) == 0 {
		return nil
	}
	data, err := fs.ReadFile(s.fsys, s.name)
	if err != nil {
		return errNotFound(s.name, err)
	}
	if contentHash(data) != s.head.Hash {
		return errChanged(s.name)
	}
	if s.head.Format == formatGIF {
		for _, t := range missing {
			if err := p.write(s, t, func(w io.Writer) error { _, err := w.Write(data); return err }); err != nil {
				return err
			}
		}
		return nil
	}
	img, err := decode(s.head.Format, data)
	if err != nil {
		return errBadData(s.name, err)
	}
	p.decodes.Add(1)
	if b := img.Bounds(); b.Dx() != s.head.Width || b.Dy() != s.head.Height {
		return errBadData(s.name, fmt.Errorf("decoded %d×%d, the header said %d×%d", b.Dx(), b.Dy(), s.head.Width, s.head.Height))
	}
	data = nil // the decoded image is all that is needed now
	return makeVariants(img, s.head.Orientation, missing, func(t task, out *image.NRGBA) error {
		return p.write(s, t, func(w io.Writer) error { return encode(w, out, s.head.Format, p.opts.Quality) })
	})
}

// write puts one variant into the cache.
func (p *Pipeline) write(s *source, t task, content func(io.Writer) error) error {
	if err := writeAtomic(p.opts.CacheDir, t.Name, content); err != nil {
		return errCacheWrite(s.name, err)
	}
	p.written.Add(1)
	return nil
}

// decode decodes a JPEG or PNG file.
func decode(format string, data []byte) (image.Image, error) {
	if format == formatPNG {
		return png.Decode(bytes.NewReader(data))
	}
	return jpeg.Decode(bytes.NewReader(data))
}

// encode writes a variant in its source's format. Go's encoders write no
// metadata, so nothing of the source's EXIF survives.
func encode(w io.Writer, img *image.NRGBA, format string, quality int) error {
	if format == formatPNG {
		return png.Encode(w, img)
	}
	return jpeg.Encode(w, opaqueRGBA(img), &jpeg.Options{Quality: quality})
}

// opaqueRGBA views an opaque NRGBA image as RGBA (the same bytes when
// every alpha is 255), which Go's JPEG encoder converts much faster.
func opaqueRGBA(img *image.NRGBA) image.Image {
	for y := img.Rect.Min.Y; y < img.Rect.Max.Y; y++ {
		row := img.Pix[img.PixOffset(img.Rect.Min.X, y):][:4*img.Rect.Dx()]
		for i := 3; i < len(row); i += 4 {
			if row[i] != 0xFF {
				return img
			}
		}
	}
	return &image.RGBA{Pix: img.Pix, Stride: img.Stride, Rect: img.Rect}
}
