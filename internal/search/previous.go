package search

import (
	"encoding/json"
	"errors"
	"slices"
)

// previous is the index the last build wrote, as the next build reads it
// back: its manifest, the state of each segment and the URLs of its recent
// pages.
type previous struct {
	fetch  func(name string) ([]byte, error)
	m      manifest
	states []segmentState  // by m.Segments
	recent []string        // URLs of m.Recent
	frags  map[string]bool // the recent pages' fragments
	dict   []byte          // the base's dictionary (dict.go)
}

var errUnusable = errors.New("search: the previous index cannot be built on")

// readPrevious reads the previous index, or says why it cannot be built on:
// it is missing, damaged, of another version or made with other options.
func readPrevious(opts Options) (*previous, error) {
	if opts.Previous == nil || opts.PreviousManifest == "" {
		return nil, errUnusable
	}
	p := &previous{fetch: opts.Previous, frags: map[string]bool{}}
	if err := p.json(opts.PreviousManifest, &p.m); err != nil {
		return nil, err
	}
	if err := p.m.check(); err != nil {
		return nil, err
	}
	if p.m.Gram != opts.Gram || len(p.m.Segments) == 0 || p.m.Segments[0].Level != 0 || !sameFacets(p.m.Facets, opts.Facets) {
		return nil, errUnusable
	}
	if name := p.m.Segments[0].Dict; name != "" {
		data, err := p.fetch(name)
		if err == nil {
			p.dict, err = gunzip(data, sizeLimit)
		}
		if err == nil {
			_, _, err = dictParts(p.dict) // its deltas are coded with it
		}
		if err != nil {
			return nil, err
		}
	}
	levels := map[int]bool{}
	for _, seg := range p.m.Segments {
		var st segmentState
		if err := p.json(seg.Dir+"state.bin", &st); err != nil {
			return nil, err
		}
		if len(st.Docs) != seg.Docs || levels[seg.Level] {
			return nil, errUnusable
		}
		levels[seg.Level] = true
		p.states = append(p.states, st)
	}
	for _, r := range p.m.Recent {
		var f fragment
		if err := p.json(p.m.Fragments+r.Frag+".bin", &f); err != nil {
			return nil, err
		}
		p.recent = append(p.recent, f.URL)
		p.frags[r.Frag] = true
	}
	return p, nil
}

func (p *previous) json(name string, v any) error {
	data, err := p.fetch(name)
	if err != nil {
		return err
	}
	raw, err := gunzip(data, sizeLimit)
	if err == nil {
		raw, err = unpackText(raw) // a fragment's
	}
	if err != nil {
		return err
	}
	return json.Unmarshal(raw, v)
}

func sameFacets(a []nameTitle, b []Section) bool {
	return slices.EqualFunc(a, b, func(x nameTitle, y Section) bool { return x.Name == y.Name })
}
