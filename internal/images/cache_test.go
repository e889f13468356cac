package images

import (
	"bytes"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"
)

// build plans every image of fsys like a site build would, processes, and
// returns the pipeline and the names of the variants planned.
func build(t *testing.T, dir string, fsys fs.FS) (*Pipeline, []string) {
	t.Helper()
	p := newPipeline(t, dir, 100, 200)
	var names []string
	err := fs.WalkDir(fsys, ".", func(name string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		img, err := p.Responsive(fsys, name)
		if err != nil {
			return err
		}
		for _, v := range img.Variants {
			names = append(names, v.Name)
		}
		fill, err := p.Fill(fsys, name, 50, 50)
		names = append(names, fill.Name)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	process(t, p)
	slices.Sort(names)
	return p, names
}

func TestSecondBuildDecodesNothing(t *testing.T) {
	photos := map[string][]byte{
		"a/one.jpg":   noiseJPEG(t, 300, 200, 1),
		"a/two.jpg":   photoJPEG(t, 240, 120, 6),
		"b/three.png": alphaPNG(t, 250, 250),
		"b/four.gif":  animatedGIF(t, 30, 30),
	}
	for _, kind := range []string{"MapFS", "DirFS"} {
		t.Run(kind, func(t *testing.T) {
			fsys := fs.FS(files(photos))
			if kind == "DirFS" {
				root := t.TempDir()
				for name, data := range photos {
					path := filepath.Join(root, name)
					os.MkdirAll(filepath.Dir(path), 0o755)
					if err := os.WriteFile(path, data, 0o644); err != nil {
						t.Fatal(err)
					}
					touchOld(t, path)
				}
				fsys = os.DirFS(root)
			}
			dir := t.TempDir()
			first, names := build(t, dir, fsys)
			if s := first.Stats(); s.Decodes != 3 || s.Probes != 4 || s.Written != len(names)-1 || s.Cached != 0 {
				// the GIF's responsive variant and fill are one copy
				t.Errorf("first build: %+v for %d variants", s, len(names))
			}
			second, again := build(t, dir, fsys)
			if !slices.Equal(names, again) {
				t.Errorf("names changed: %v, %v", names, again)
			}
			if s := second.Stats(); s.Decodes != 0 || s.Probes != 0 || s.Written != 0 || s.Cached != len(names)-1 {
				t.Errorf("second build: %+v, want no probe, decode or write", s)
			}
			for _, n := range names {
				if _, err := os.Stat(second.CachePath(Variant{Name: n})); err != nil {
					t.Error(err)
				}
			}
		})
	}
}

func TestChangedPhotoIsProbedAgain(t *testing.T) {
	dir := t.TempDir()
	fsys := files(map[string][]byte{"a.jpg": noiseJPEG(t, 300, 200, 1)})
	_, before := build(t, dir, fsys)
	fsys["a.jpg"].Data = noiseJPEG(t, 300, 200, 2)
	fsys["a.jpg"].ModTime = longAgo.Add(time.Minute)
	p, after := build(t, dir, fsys)
	if s := p.Stats(); s.Probes != 1 || s.Decodes != 1 {
		t.Errorf("stats %+v: the changed photo was not read again", s)
	}
	for i := range after {
		if after[i] == before[i] {
			t.Errorf("name %s did not change with the photo", after[i])
		}
	}
}

func TestRecentFilesAreNotIndexed(t *testing.T) {
	dir := t.TempDir()
	fsys := files(map[string][]byte{"new.jpg": noiseJPEG(t, 120, 80, 1), "zero.jpg": noiseJPEG(t, 120, 80, 2)})
	fsys["new.jpg"].ModTime = time.Now()
	fsys["zero.jpg"].ModTime = time.Time{}
	build(t, dir, fsys)
	p, _ := build(t, dir, fsys)
	if s := p.Stats(); s.Probes != 2 || s.Decodes != 0 {
		t.Errorf("stats %+v: want both read again (not trusted) but not decoded (cached)", s)
	}
}

func TestDamagedIndexIsIgnored(t *testing.T) {
	dir := t.TempDir()
	fsys := files(map[string][]byte{"a.jpg": noiseJPEG(t, 120, 80, 1)})
	_, names := build(t, dir, fsys)
	for _, junk := range []string{"{", `{"version":1,"entries":{"a.jpg":{"size":1,"format":"tiff"}}}`, `{"version":99}`} {
		if err := os.WriteFile(filepath.Join(dir, indexFile), []byte(junk), 0o644); err != nil {
			t.Fatal(err)
		}
		p, again := build(t, dir, fsys)
		if !slices.Equal(names, again) || p.Stats().Probes != 1 || p.Stats().Decodes != 0 {
			t.Errorf("index %q: %+v %v", junk, p.Stats(), again)
		}
	}
}

func TestPrune(t *testing.T) {
	dir := t.TempDir()
	fsys := files(map[string][]byte{"a.jpg": noiseJPEG(t, 300, 200, 1), "b.jpg": noiseJPEG(t, 300, 200, 2)})
	_, all := build(t, dir, fsys)
	keep := []string{"notes.txt", "IMG_1.jpg", indexFile, tempPrefix + "fresh-123"}
	for _, n := range keep {
		os.WriteFile(filepath.Join(dir, n), []byte("x"), 0o644)
	}
	stale := filepath.Join(dir, tempPrefix+"a_100w_0123456789.jpg-999")
	os.WriteFile(stale, []byte("x"), 0o644)
	touchOld(t, stale)

	delete(fsys, "b.jpg")
	p, used := build(t, dir, fsys)
	if err := p.Prune(); err != nil {
		t.Fatal(err)
	}
	got := cacheFiles(t, dir)
	want := append(append([]string{}, used...), keep...)
	slices.Sort(got)
	slices.Sort(want)
	if !slices.Equal(got, want) {
		t.Errorf("after Prune: %v\nwant %v", got, want)
	}
	if len(all) != 2*len(used) {
		t.Errorf("%d variants for two photos, %d for one", len(all), len(used))
	}
	for _, n := range got {
		if strings.HasPrefix(n, "b_") {
			t.Errorf("%s survived", n)
		}
	}
}

// TestPruneWithOthers: pipelines sharing a cache folder (the languages of
// one build) keep each other's variants.
func TestPruneWithOthers(t *testing.T) {
	dir := t.TempDir()
	_, usedA := build(t, dir, files(map[string][]byte{"a.jpg": noiseJPEG(t, 300, 200, 1)}))
	p, usedB := build(t, dir, files(map[string][]byte{"b.jpg": noiseJPEG(t, 300, 200, 2)}))
	other, _ := build(t, dir, files(map[string][]byte{"a.jpg": noiseJPEG(t, 300, 200, 1)}))
	if err := p.Prune(other, p, nil); err != nil {
		t.Fatal(err)
	}
	got := cacheFiles(t, dir)
	want := append(append([]string{indexFile}, usedA...), usedB...)
	slices.Sort(got)
	slices.Sort(want)
	if !slices.Equal(got, want) {
		t.Errorf("after Prune with the other pipeline: %v\nwant %v", got, want)
	}
}

func TestCacheFilesAreReadable(t *testing.T) {
	dir := t.TempDir()
	_, names := build(t, dir, files(map[string][]byte{"a.jpg": noiseJPEG(t, 120, 80, 1)}))
	for _, n := range append(names, indexFile) {
		info, err := os.Stat(filepath.Join(dir, n))
		if err != nil {
			t.Fatal(err)
		}
		if info.Mode().Perm() != 0o644 {
			t.Errorf("%s has mode %v, want 0644 (the web server must read it)", n, info.Mode())
		}
	}
}

func TestNewChecksOptions(t *testing.T) {
	dir := t.TempDir()
	for _, o := range []Options{
		{CacheDir: "relative/cache"},
		{CacheDir: dir, Widths: []int{0}},
		{CacheDir: dir, Widths: []int{20000}},
		{CacheDir: dir, Quality: 101},
		{CacheDir: dir, MaxPixels: -1},
		{CacheDir: filepath.Join(dir, indexFile, "x")}, // under a file
	} {
		os.WriteFile(filepath.Join(dir, indexFile), []byte("{}"), 0o644)
		if _, err := New(o); err == nil {
			t.Errorf("New(%+v): no error", o)
		}
	}
}

func TestProgressQuietUnlessTerminal(t *testing.T) {
	f, err := os.Create(t.TempDir() + "/log")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var buf bytes.Buffer
	for _, w := range []any{&buf, f, nil} {
		var ok bool
		switch w := w.(type) {
		case *bytes.Buffer:
			ok = isTerminal(w)
		case *os.File:
			ok = isTerminal(w)
		default:
			ok = isTerminal(nil)
		}
		if ok {
			t.Errorf("%T taken for a terminal", w)
		}
	}
	p := newPipeline(t, "")
	if _, err := p.Responsive(files(map[string][]byte{"a.jpg": noiseJPEG(t, 50, 50, 1)}), "a.jpg"); err != nil {
		t.Fatal(err)
	}
	if errs := p.Process(&buf); len(errs) > 0 || buf.Len() > 0 {
		t.Errorf("errors %v, printed %q", errs, buf.String())
	}
}

func TestProgressLine(t *testing.T) {
	var buf bytes.Buffer
	clock := make(chan time.Time)
	pl := startProgress(&buf, 3, func(time.Duration) <-chan time.Time { return clock })
	pl.step()
	pl.step()
	clock <- time.Now() // the delay ends: the line is drawn
	clock <- time.Now() // taken only after that drawing: a tick
	pl.step()
	pl.finish()
	out := buf.String()
	if !strings.HasPrefix(out, "\r\x1b[K处理图片 2/3 张 · ") || !strings.Contains(out, "处理图片 3/3 张 · ") ||
		!strings.HasSuffix(out, " 秒\n") {
		t.Errorf("progress line %q", out)
	}
	buf.Reset()
	quick := startProgress(&buf, 3, func(time.Duration) <-chan time.Time { return nil })
	quick.finish()
	if buf.Len() > 0 {
		t.Errorf("a run shorter than the delay printed %q", buf.String())
	}
}
