package search

import "sort"

// Options say how to index.
type Options struct {
	// Sections in display order, with their titles; docs of other sections
	// come after them, by name.
	Sections []Section
	// Facets are the multi-valued filters read from Doc.Facets.
	Facets []Section
	// Gram is the longest n-gram indexed, in units (default 4): queries of
	// up to Gram units are answered exactly by one term.
	Gram int
	// Stop, when set, is asked between the steps of Build; when it says
	// true, Build gives up and returns nil (the preview asks for a newer
	// index while an older one is still being built).
	Stop func() bool
	// Previous reads a file of the index the last build wrote (a path
	// below search/), and PreviousManifest names that index's manifest:
	// Build then keeps what has not changed.
	Previous         func(name string) ([]byte, error)
	PreviousManifest string
}

// Section names a section or a facet and gives its title.
type Section struct{ Name, Title string }

// Output is a built index: the files to publish under the site's search/
// folder.
type Output struct {
	Files    map[string][]byte // path below search/ → content, of the files written
	Kept     map[string]bool   // paths of the files kept from the previous index
	Manifest string            // path below search/ of the manifest
	Stats    Stats
}

// Stats describe an index: its pages, and what this build wrote.
type Stats struct {
	Docs             int  // pages in the index
	Segments, Recent int  // segments, and pages checked on their text
	Fresh            bool // the base was written: nothing was kept
	// Of the segments written: terms, dense terms, buckets.
	Terms, Dense, Buckets     int
	IndexBytes, FragmentBytes int64 // gzip sizes of the files written
}

const (
	shardTarget      = 4 << 10 // raw bytes a shard of the base aims at, positions not counted
	deltaShardTarget = 4 << 10 // and of a delta, which a query reads too
	packDocs         = 64      // fragments per pack (files.go)
	maxBuckets       = 1 << 16
)

// Build indexes docs. It never fails: text of any kind becomes units or is
// ignored. It returns nil only when opts.Stop says so.
//
// With opts.Previous, it builds on the index the last build wrote (see
// policy.go) and lists the files of that index it keeps in Output.Kept.
// When that index cannot be read, the index is made afresh.
func Build(docs []Doc, opts Options) *Output {
	if opts.Gram < 1 || opts.Gram > 4 {
		opts.Gram = 4
	}
	stop := func() bool { return opts.Stop != nil && opts.Stop() }
	items := makeItems(docs, opts.Facets)
	prev, err := readPrevious(opts)
	if err != nil {
		return assemble(freshPlan(items), nil, opts, stop)
	}
	return assemble(planIndex(prev, items), prev, opts, stop)
}

// assemble writes the new segments, reads the files kept from the previous
// index, and writes the fragments and the manifest.
func assemble(p *plan, prev *previous, opts Options, stop func() bool) *Output {
	out := &Output{Files: map[string][]byte{}, Kept: map[string]bool{}}
	m := manifest{Version: manifestVersion, Gram: opts.Gram, Pack: packDocs, Avg: p.avg,
		Fragments: "f/", Dense: "d/", Root: "../"}
	for _, f := range opts.Facets {
		m.Facets = append(m.Facets, nameTitle(f))
	}
	var dict []byte // the base's
	for _, s := range p.segs {
		if s.old >= 0 {
			info := prev.m.Segments[s.old]
			if info.Level == 0 {
				dict = prev.dict
			}
			info.setDead(s.dead)
			st := prev.states[s.old]
			for _, name := range append(st.Files, info.Dir+"state.bin") {
				out.Kept[name] = true
			}
			m.Segments = append(m.Segments, info)
			continue
		}
		secs := orderItems(s.live, opts.Sections)
		if s.level == 0 {
			dict = makeDict(s.live)
		}
		so := writeSegment(s.live, secs, s.level, opts, p.avg, dict, stop)
		if so == nil {
			return nil
		}
		for name, data := range so.files {
			out.Files[name] = data
		}
		m.Segments = append(m.Segments, so.info)
		out.Stats.Terms += so.terms
		out.Stats.Dense += so.dense
		out.Stats.Buckets += so.info.Buckets
		out.Stats.IndexBytes += so.bytes
	}
	orderItems(p.recent, opts.Sections)
	for _, it := range p.recent {
		m.Recent = append(m.Recent, recentInfo{Frag: it.frag, Section: it.doc.Section, Month: monthOf(it.doc.Date)})
	}
	if len(p.recent) > 0 {
		raw := writeFilter(p.recent)
		m.RecentFilter = "r-" + contentName(raw)[:12] + ".bin"
		out.Files[m.RecentFilter] = gz(raw)
	}
	if prev != nil && prev.m.RecentFilter != "" && prev.m.RecentFilter != m.RecentFilter {
		m.Keep = append(m.Keep, prev.m.RecentFilter)
		out.Kept[prev.m.RecentFilter] = true
	}
	// the recent pages' fragments are files of their own, f/NAME.bin; those
	// of the last build's recent pages that are in a segment now stay one
	// build longer, for readers of the last manifest
	recent := map[string]bool{}
	for _, it := range p.recent {
		recent[it.frag] = true
		file := m.Fragments + it.frag + ".bin"
		if prev != nil && prev.frags[it.frag] {
			out.Kept[file] = true
			continue
		}
		out.Files[file] = gz(packText(it.json))
		out.Stats.FragmentBytes += int64(len(out.Files[file]))
	}
	if prev != nil {
		indexed := map[string]bool{} // the fragments of the new segments' pages
		for _, s := range p.segs {
			if s.old < 0 {
				for _, it := range s.live {
					indexed[it.frag] = true
				}
			}
		}
		for _, r := range prev.m.Recent {
			if file := m.Fragments + r.Frag + ".bin"; indexed[r.Frag] && !recent[r.Frag] && !out.Kept[file] {
				m.Keep = append(m.Keep, file)
				out.Kept[file] = true
			}
		}
	}
	foldFiles := map[string][]byte{}
	fold := writeFold(foldFiles)
	m.Fold, m.FoldBlocks = fold.dir, fold.blocks
	for name, data := range foldFiles {
		if prev != nil && prev.m.Fold == fold.dir && prev.m.FoldBlocks == fold.blocks {
			out.Kept[name] = true // the table does not change
		} else {
			out.Files[name] = data
		}
	}
	m.Sections = sectionList(&m, opts.Sections)
	mj, name := encodeManifest(&m)
	out.Manifest = name
	out.Files[name] = gz(mj)
	out.Stats.Docs = len(p.recent)
	for _, s := range p.segs {
		out.Stats.Docs += len(s.live)
	}
	out.Stats.Segments, out.Stats.Recent, out.Stats.Fresh = len(m.Segments), len(m.Recent), prev == nil || p.segs[0].old < 0
	for name := range out.Files {
		delete(out.Kept, name) // content-named: rewritten with the same bytes
	}
	return out
}

// sectionList lists the sections of the index's pages for the manifest:
// those of secs in their order, with their titles, then the others by name.
func sectionList(m *manifest, secs []Section) []nameTitle {
	have := map[string]bool{}
	for _, s := range m.Segments {
		for _, sec := range s.Sections {
			have[sec.Name] = true
		}
	}
	for _, r := range m.Recent {
		have[r.Section] = true
	}
	var out []nameTitle
	for _, s := range secs {
		if have[s.Name] {
			delete(have, s.Name)
			out = append(out, nameTitle(s))
		}
	}
	var rest []string
	for name := range have {
		rest = append(rest, name)
	}
	sort.Strings(rest)
	for _, name := range rest {
		out = append(out, nameTitle{name, name})
	}
	return out
}
