// Package images turns the photos a site uses into upright, metadata-free,
// responsive variants, cached by content hash across builds. It knows
// nothing of pages or sites: it is given an fs.FS, file names and sizes,
// and answers with variant names, widths and heights.
//
// # Use
//
//	p, err := images.New(images.Options{Widths: []int{480, 960, 1600}, Quality: 80,
//		MaxPixels: 60_000_000, CacheDir: "/abs/site/.showcase-cache/images"})
//	img, err := p.Responsive(fsys, "content/news/a/IMG_0001.jpg") // plans; reads no pixels
//	cover, err := p.Fill(fsys, "content/photos/b/IMG_0002.jpg", 400, 300)
//	// … render pages with img.Width, img.Height and img.Variants (names, sizes) …
//	errs := p.Process(os.Stderr) // does the queued work on all cores
//	data, err := p.ReadVariant(img.Variants[0]) // publish it under its Name
//	err = p.Prune()                              // drop cache entries this build did not plan
//
// (CachePath names the variant's file, for a build that links it instead;
// ReadVariant's error names the photo, never that file.)
//
// Responsive and Fill are safe for concurrent use and return at once: they
// read the image header (or find it in the cache index), so a page can be
// rendered with its srcset, width and height before any pixel is decoded.
// Process then decodes each image once and writes the variants it lacks.
// A Pipeline serves one build; make a new one for the next. Within it a
// name means one file: give every call the same fs.FS (the site folder),
// or names that do not collide.
//
// # Variants
//
// Responsive makes one variant for each configured width below the image's
// width, plus one at the image's own width when a configured width reaches
// or passes it: images are never upscaled, so a 700-pixel image gets 480
// and 700, not 960 and 1600. The aspect ratio is kept and heights are
// rounded. Fill makes a centred crop to exactly w×h (covers, album
// thumbnails); when the image is smaller than the box, the box is scaled
// down, keeping its ratio, until it fits.
//
// JPEG stays JPEG (Options.Quality), PNG stays PNG, and a GIF is copied
// byte for byte (one variant at its own size, for Responsive and Fill
// alike), so animations survive. The format is read from the file's
// content, not from its extension. WebP is not produced: the only lossy
// encoder without cgo (libwebp in WebAssembly) takes 3 to 30 times as long
// as Go's JPEG encoder and did not show a saving at equal quality; see
// bench/images/README.md.
//
// # Orientation and metadata
//
// A JPEG's EXIF Orientation tag (all eight values) is applied to every
// variant, so phone portraits stored sideways come out upright, and
// Image.Width and Image.Height are the upright size. Outputs are encoded
// afresh and carry no metadata: no EXIF, no GPS position, no camera data.
//
// # Names and the cache
//
// A variant is named after its source, the operation and a hash:
// "IMG_0001_960w_3fa2c1d07b.jpg", "IMG_0001_fill400x300_9c0e14aa25.jpg",
// "anim_5be0f2a913.gif". The hash covers the source bytes, the operation,
// the JPEG quality and this package's rendering version, so a name changes
// exactly when its bytes would. Characters other than ASCII letters,
// digits, '-' and '_' in the source name become '-' (URLs stay ASCII).
//
// Variants live in Options.CacheDir, each written to a temporary file and
// renamed into place, so an interrupted build leaves no half-written
// variant. An index file there (index.json) maps each source's name, size
// and modification time to its content hash and header, so an unchanged
// photo costs a stat and a lookup: no read, no hash, no decode. A file
// modified less than two seconds before it was indexed, or whose
// modification time is unknown, is not indexed (its next change might not
// change the time). Prune removes the variants and temporary files that
// this build did not plan, and nothing else: only names of the form above.
//
// # Work and memory
//
// Process runs Options.Workers workers (default GOMAXPROCS). Each worker
// holds one decoded image at a time and makes all of that image's variants
// from it, largest first, each from the smallest result already made that
// is large enough, so memory is bounded by the workers whatever the number
// of photos. A reduction by 2.5 or more starts with a cheap box average
// straight from the decoder's YCbCr planes, then resamples with
// Catmull-Rom; orientation is applied to each small result rather
// than to the full image. When progress is a terminal, Process shows
// "N/M images" and the elapsed time on one line; otherwise it is quiet.
//
// # Bad input
//
// Every error names the image (the caller adds the page using it) and
// matches one of the Err values with errors.Is: a missing file
// (fs.ErrNotExist), a file that is not an image whatever its extension
// (ErrNotImage), a HEIC/HEIF photo, with how to export JPEG instead
// (ErrHEIC), another format such as WebP or AVIF (ErrFormat), an image
// over Options.MaxPixels refused from its header before any decoding
// (ErrTooLarge, against decompression bombs), and a damaged or truncated
// file (ErrCorrupt). Responsive and Fill report what the header shows;
// Process reports what decoding finds; ReadVariant reports a variant of a
// failed photo (ErrNotMade). No input makes the package panic. Messages
// are worded by package lang: Chinese first, for the staff who chose the
// photo, with the technical detail in English after it; none shows a file
// of the cache.
package images
