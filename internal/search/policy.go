package search

import "sort"

// The merge policy. A build that can read the index the last one wrote
// keeps it and adds to it:
//
//   - a page whose fragment (everything its index depends on) is unchanged
//     stays where it is;
//   - a deleted page, or the old version of a changed one, becomes a
//     tombstone of its segment (in the manifest), or leaves the recent
//     pages;
//   - new and changed pages join the recent pages, which the reader checks
//     on their text: no index file changes;
//   - when there are more than recentMax recent pages, they are indexed
//     into the delta of level 1, which is written again with them; when
//     that would hold more than its cap (64 pages), it is merged into the
//     delta of level 2 (256 pages) instead;
//   - when that would pass its cap too, or the deltas, the recent pages and
//     the base's tombstones add up to more than a tenth of the base (and
//     more than recentMax), everything is indexed afresh into a new base.
//
// Deltas keep every n-gram as a term (prune.go), so a query reads one
// small shard of each, and never the text of their pages.
//
// So an edit changes the manifest, the recent filter and a fragment; every
// seventeenth changed page or so rewrites the small delta, every fourth
// time of those the larger one instead, and the base is written again
// after some 270 changed pages, or a tenth of it if fewer.
const (
	recentMax   = 16
	levelGrowth = 4
	maxLevel    = 2
	mergeShare  = 10 // the base is rewritten when the rest passes 1/mergeShare of it
)

// levelCap is the most pages a delta of a level holds.
func levelCap(level int) int {
	n := recentMax
	for range level {
		n *= levelGrowth
	}
	return n
}

// plan says what the new index is made of.
type plan struct {
	segs     []planSeg // the base, then the deltas by level
	recent   []*item
	avg      float64
	overflow bool // the deltas would pass their caps
}

// planSeg is a segment of the new index: a previous one kept, with its
// tombstones now, or a new one of the given pages.
type planSeg struct {
	level int
	old   int // the previous segment, or -1 for a new one
	dead  map[uint32]bool
	live  []*item // the pages it holds that are not dead
}

func freshPlan(items []*item) *plan {
	return &plan{segs: []planSeg{{level: 0, old: -1, live: items}}, avg: averageLength(items)}
}

// planIndex decides, from the previous index and the pages, what to keep
// and what to write (see the policy above).
func planIndex(prev *previous, items []*item) *plan {
	if prev == nil {
		return freshPlan(items)
	}
	cur := map[string]*item{}
	for _, it := range items {
		if cur[it.doc.URL] != nil {
			return freshPlan(items) // two pages, one URL: no identity to keep
		}
		cur[it.doc.URL] = it
	}
	placed := map[string]bool{}
	same := func(url, frag string) *item {
		if it := cur[url]; it != nil && it.frag == frag && !placed[url] {
			placed[url] = true
			return it
		}
		return nil
	}
	p := &plan{avg: prev.m.Avg}
	for si, seg := range prev.m.Segments {
		ps := planSeg{level: seg.Level, old: si, dead: seg.deadSet()}
		for id, d := range prev.states[si].Docs {
			if ps.dead[uint32(id)] {
				continue
			}
			if it := same(d[0], d[1]); it != nil {
				ps.live = append(ps.live, it)
			} else {
				ps.dead[uint32(id)] = true
			}
		}
		if seg.Level == 0 || len(ps.live) > 0 {
			p.segs = append(p.segs, ps)
		}
	}
	for i, r := range prev.m.Recent {
		if it := same(prev.recent[i], r.Frag); it != nil {
			p.recent = append(p.recent, it)
		}
	}
	for _, it := range items {
		if !placed[it.doc.URL] {
			p.recent = append(p.recent, it)
		}
	}
	if len(p.recent) > recentMax {
		p.cascade()
	}
	base, stored := p.segs[0], len(p.recent)
	stored += len(base.dead)
	for _, s := range p.segs[1:] {
		stored += len(s.live) + len(s.dead)
	}
	if p.overflow || stored > recentMax && stored*mergeShare > len(base.live)+len(base.dead) {
		return freshPlan(items)
	}
	return p
}

// cascade indexes the recent pages into the delta of level 1, or, when
// that would pass its cap, into the next level with the deltas below it.
func (p *plan) cascade() {
	carry := p.recent
	p.recent = nil
	for level := 1; ; level++ {
		for i, s := range p.segs {
			if s.level == level {
				carry = append(carry, s.live...)
				p.segs = append(p.segs[:i], p.segs[i+1:]...)
				break
			}
		}
		if len(carry) <= levelCap(level) {
			p.segs = append(p.segs, planSeg{level: level, old: -1, live: carry})
			break
		}
		if level == maxLevel {
			p.overflow = true
			return
		}
	}
	sort.SliceStable(p.segs, func(i, j int) bool { return p.segs[i].level < p.segs[j].level })
}
