package render

import "showcase/internal/content"

// Images gives templates the photo pipeline: responsive pictures and
// cropped thumbnails of a page's images. The build provides it; without it
// (nil) the functions return the original file.
type Images interface {
	// Picture plans the responsive variants of src, a file of page p.
	Picture(p *content.Page, src string) (*Picture, error)
	// Fill plans a centred crop of src to w×h (covers, album thumbnails).
	Fill(p *content.Page, src string, w, h int) (*Thumb, error)
}

// Picture is a responsive image. Its URLs carry the base path already:
// use them as they are, not through url.
type Picture struct {
	Src    string // the variant for browsers without srcset (about 960 wide)
	Srcset string // "/dangjian/news/a/x_480w_ab.jpg 480w, …"
	Large  string // the largest variant, for links and the lightbox
	Width  int    // of Large, after EXIF orientation
	Height int
	Remote bool // an image of another site (https://…), shown as it is: no srcset, no size
}

// Thumb is one cropped variant; Src carries the base path.
type Thumb struct {
	Src           string
	Width, Height int
	Remote        bool // an image of another site, shown as it is in a Width×Height box
}
