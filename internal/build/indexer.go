package build

import (
	"sync"
	"time"

	"showcase/internal/content"
	"showcase/internal/diag"
	"showcase/internal/render"
	"showcase/internal/search"
)

// indexer writes the preview's search index behind its rebuilds. A rebuild
// hands it the site it made and returns at once; a goroutine takes the
// site's search documents (a snapshot of strings, which the next rebuild
// waits for before it edits pages in memory: see snapshotted; after a
// fast rebuild, start takes them itself from the last snapshot and the
// pages the rebuild edited, without a wait: takeDocs), and one
// goroutine builds the index of the newest documents and writes it in
// place. Documents handed over while it works replace those still waiting
// and stop the index it is building, so a quick series of saves costs one
// index, not one each, no save waits for an index, and an older index never
// overwrites a newer one.
//
// Each index builds on the last one written (internal/search, the merge
// policy): an edited page joins the index's recent pages, so an edit costs
// its fragment and a manifest, and the index of the whole site only when
// the changes pass a tenth of it.
type indexer struct {
	dest    string
	mu      sync.Mutex
	idle    *sync.Cond
	next    *indexJob       // the newest documents, not yet started
	handed  int             // sites handed over so far
	taken   int             // the newest of them whose documents were taken
	dropped int             // sites up to this one are abandoned (abandon)
	current int             // the site whose index is being built
	quiet   time.Duration   // how long saves must pause before an index starts
	pending int             // sites handed over whose documents are not yet taken
	running bool            // the goroutine that builds indexes runs
	files   map[string]bool // the index files in the destination
	err     error           // the first failure since the last wait
	// snapped is closed when the documents of the last site handed over
	// (or seeded) are taken
	snapped chan struct{}
	// docs are the documents of the last site handed over or seeded, which
	// the next fast rebuild's snapshot starts from
	docs   *docSnapshot
	closed bool // no more indexes: the session ends
	// wake tells a pausing indexer that newer documents came, or that the
	// index is abandoned or the session ends
	wake chan struct{}
}

// indexJob is what the index of one rebuild needs: its documents, and its
// site and templates for the search page, which names the index manifest.
type indexJob struct {
	site  *content.Site
	set   *render.Set
	docs  []search.Doc
	sopts search.Options
	opts  Options
	seq   int // the how-manieth site handed over
}

// indexQuiet is how long the preview waits after a rebuild before it
// starts the index: saves in quick succession then cost no index that the
// next save would stop, and leave both cores to their rebuilds.
const indexQuiet = 300 * time.Millisecond

func newIndexer(dest string) *indexer {
	x := &indexer{dest: dest, quiet: indexQuiet, wake: make(chan struct{}, 1)}
	x.idle = sync.NewCond(&x.mu)
	return x
}

// start hands over the site of the last rebuild. edited are the pages it
// changed in place: when the documents of the site before are at hand,
// start takes the new ones itself, deriving only those the edit changed
// (takeDocs), and the next rebuild need not wait. Otherwise (nil: a
// snapshot of every page) a goroutine takes them.
func (x *indexer) start(site *content.Site, set *render.Set, opts Options, edited map[*content.Page]bool) {
	job := &indexJob{site: site, set: set, opts: opts}
	x.mu.Lock()
	prev := x.docs // final: the rebuild waited for it (snapshotted)
	x.handed++
	seq := x.handed
	x.mu.Unlock()
	if prev != nil && edited != nil {
		snap := takeDocs(site, prev, edited)
		x.mu.Lock()
		x.docs = snap
		x.hand(seq, job, snap)
		x.mu.Unlock()
		return
	}
	x.snapshot(site, func(snap *docSnapshot) { x.hand(seq, job, snap) })
}

// seed takes the documents of a full build's site, behind it, for the
// fast rebuilds that follow: the first edit then derives one document too.
func (x *indexer) seed(site *content.Site) { x.snapshot(site, nil) }

// snapshot takes the documents of every page of site in a goroutine, keeps
// them for the next rebuild, and passes them to then (with x.mu held).
func (x *indexer) snapshot(site *content.Site, then func(*docSnapshot)) {
	snapped := make(chan struct{})
	x.mu.Lock()
	x.snapped = snapped
	x.pending++
	x.mu.Unlock()
	go func() {
		snap := takeDocs(site, nil, nil)
		x.mu.Lock()
		defer x.mu.Unlock()
		x.docs = snap
		close(snapped)
		x.pending--
		if then != nil {
			then(snap)
		}
		x.idle.Broadcast()
	}()
}

// hand gives the indexing goroutine the documents of the seq-th site
// handed over (x.mu is held).
func (x *indexer) hand(seq int, job *indexJob, snap *docSnapshot) {
	if x.closed || seq < x.taken || seq <= x.dropped {
		// the session ends, a newer site's documents came first, or a
		// full build writes the index
		return
	}
	job.docs, job.sopts = snap.docs, snap.sopts
	job.sopts.Stop = x.newer
	x.taken = seq
	job.seq = seq
	x.next = job
	x.alert()
	if !x.running {
		x.running = true
		go x.run()
	}
}

// snapshotted returns when the search documents of the last site handed
// over are taken: then the pages in memory may change.
func (x *indexer) snapshotted() {
	x.mu.Lock()
	snapped := x.snapped
	x.mu.Unlock()
	if snapped != nil {
		<-snapped
	}
}

// newer says whether newer documents wait, or the session ends, or the
// index is abandoned: the index being built is moot.
func (x *indexer) newer() bool {
	x.mu.Lock()
	defer x.mu.Unlock()
	return x.next != nil || x.closed || x.current <= x.dropped
}

// abandon drops the indexes being built or waiting, for a full build that
// writes its own, and returns when nothing more is written.
func (x *indexer) abandon() {
	x.mu.Lock()
	x.dropped = x.handed
	x.next = nil
	x.alert()
	x.mu.Unlock()
	x.wait()
	x.mu.Lock()
	x.docs = nil // the full build's pages are new ones (seed)
	x.mu.Unlock()
}

// alert wakes a pausing indexer (x.mu is held).
func (x *indexer) alert() {
	select {
	case x.wake <- struct{}{}:
	default: // a wake is already waiting
	}
}

// pause waits for the quiet time after a rebuild; it says false when newer
// documents came meanwhile (or the index was abandoned, or the session
// ends).
func (x *indexer) pause() bool {
	quiet := time.NewTimer(x.quiet)
	defer quiet.Stop()
	for {
		select {
		case <-quiet.C:
			return !x.newer()
		case <-x.wake: // perhaps an older wake: look
			if x.newer() {
				return false
			}
		}
	}
}

// close stops the index being built at its next step, drops any waiting,
// and returns when nothing more is written.
func (x *indexer) close() {
	x.mu.Lock()
	x.closed = true
	x.alert()
	x.mu.Unlock()
	x.wait()
}

func (x *indexer) run() {
	for {
		x.mu.Lock()
		job := x.next
		x.next = nil
		if job == nil || x.closed {
			x.running = false
			x.idle.Broadcast()
			x.mu.Unlock()
			return
		}
		x.current = job.seq
		x.mu.Unlock()
		if !x.pause() {
			continue
		}
		idx := buildSearch(job.docs, job.sopts, x.dest, job.sopts.Stop)
		if idx == nil || x.newer() {
			continue // the newer documents' index replaces this one
		}
		err := x.write(job, idx)
		x.mu.Lock()
		if err != nil && x.err == nil {
			x.err = err
		}
		x.mu.Unlock()
	}
}

// write puts an index and the search page in place and deletes the index
// files of the previous one.
func (x *indexer) write(job *indexJob, idx *search.Output) error {
	var errs diag.List
	out := newInPlaceOutput(x.dest)
	writeSearchIndex(job.site, job.set, idx, out, job.opts, func(file string, err error) { errs.Add(file, err) })
	if err := errs.Err(); err != nil {
		return err
	}
	files := out.claimsSince(0)
	x.mu.Lock()
	for rel := range x.files {
		if !files[rel] {
			out.remove(rel)
		}
	}
	x.mu.Unlock()
	if err := out.Commit(); err != nil {
		return err
	}
	x.mu.Lock()
	x.files = files
	x.mu.Unlock()
	return nil
}

// wait returns when no index is being built, with the first failure since
// the last wait.
func (x *indexer) wait() error {
	x.mu.Lock()
	defer x.mu.Unlock()
	for x.running || x.pending > 0 { // an index is being built or on its way
		x.idle.Wait()
	}
	err := x.err
	x.err = nil
	return err
}

// failed says whether an index failed since the last wait.
func (x *indexer) failed() bool {
	x.mu.Lock()
	defer x.mu.Unlock()
	return x.err != nil
}

// written records the index files a full build wrote (the indexer is idle).
func (x *indexer) written(files map[string]bool) {
	x.mu.Lock()
	x.files = files
	x.mu.Unlock()
}
