// Command images runs the photo pipeline (showcase/internal/images) on
// every JPEG, PNG and GIF under a folder, as a site build would: plan all
// of them, then process. compare.sh times it against Hugo; run alone:
//
//	go run ./bench/images -src /tmp/img-corpus/content -cache /tmp/img-cache -widths 480,960
//
// It prints one line of counts and timings; the cache folder decides
// whether the run is cold (empty) or warm.
package main

import (
	"flag"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"runtime/pprof"
	"strconv"
	"strings"
	"time"

	"showcase/internal/images"
)

func main() {
	src := flag.String("src", "", "folder holding the photos (searched recursively)")
	cache := flag.String("cache", "", "cache folder")
	widths := flag.String("widths", "480,960", "responsive widths, comma-separated")
	fill := flag.String("fill", "", "also a centred crop of each photo, e.g. 400x300")
	quality := flag.Int("quality", 80, "JPEG quality")
	workers := flag.Int("workers", 0, "images decoded at once (0: GOMAXPROCS)")
	prune := flag.Bool("prune", false, "prune the cache after processing")
	profile := flag.String("cpuprofile", "", "write a CPU profile to this file")
	flag.Parse()
	if *profile != "" {
		f, err := os.Create(*profile)
		if err == nil {
			err = pprof.StartCPUProfile(f)
		}
		if err != nil {
			fmt.Fprintln(os.Stderr, "images:", err)
			os.Exit(1)
		}
		defer pprof.StopCPUProfile()
	}
	if err := run(*src, *cache, *widths, *fill, *quality, *workers, *prune); err != nil {
		fmt.Fprintln(os.Stderr, "images:", err)
		pprof.StopCPUProfile()
		os.Exit(1)
	}
}

func run(src, cache, widthList, fill string, quality, workers int, prune bool) error {
	if src == "" || cache == "" {
		return fmt.Errorf("-src and -cache are required")
	}
	var ws []int
	for _, f := range strings.Split(widthList, ",") {
		w, err := strconv.Atoi(strings.TrimSpace(f))
		if err != nil {
			return fmt.Errorf("-widths: %v", err)
		}
		ws = append(ws, w)
	}
	var fw, fh int
	if fill != "" {
		if _, err := fmt.Sscanf(fill, "%dx%d", &fw, &fh); err != nil {
			return fmt.Errorf("-fill: %v", err)
		}
	}
	cacheDir, err := filepath.Abs(cache)
	if err != nil {
		return err
	}
	start := time.Now()
	p, err := images.New(images.Options{Widths: ws, Quality: quality, CacheDir: cacheDir, Workers: workers})
	if err != nil {
		return err
	}
	fsys := os.DirFS(src)
	variants := 0
	err = fs.WalkDir(fsys, ".", func(name string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		switch strings.ToLower(path.Ext(name)) {
		case ".jpg", ".jpeg", ".png", ".gif":
		default:
			return nil
		}
		img, err := p.Responsive(fsys, name)
		if err != nil {
			return err
		}
		variants += len(img.Variants)
		if fw > 0 {
			if _, err := p.Fill(fsys, name, fw, fh); err != nil {
				return err
			}
			variants++
		}
		return nil
	})
	if err != nil {
		return err
	}
	planned := time.Since(start)
	if errs := p.Process(os.Stderr); len(errs) > 0 {
		return errs[0]
	}
	processed := time.Since(start) - planned
	if prune {
		if err := p.Prune(); err != nil {
			return err
		}
	}
	s := p.Stats()
	fmt.Printf("images=%d variants=%d probes=%d decodes=%d written=%d cached=%d plan=%.3fs process=%.3fs total=%.3fs\n",
		s.Images, variants, s.Probes, s.Decodes, s.Written, s.Cached,
		planned.Seconds(), processed.Seconds(), time.Since(start).Seconds())
	return nil
}
