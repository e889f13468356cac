package search

// Reading the positions of the terms of Gram units (terms.go, rice.go),
// which check a piece longer than Gram units.

// occurrences returns where a term of Gram units occurs: docid (in the
// index) → positions, docid → the unit after each of them (for list terms;
// "" when the term that starts one unit later is not dense), and the pages
// of its rare forms, which have none.
func (s *segment) occurrences(t Term) (map[uint32][]int, map[uint32][]string, map[uint32]bool, error) {
	ix := s.ix
	recs, err := s.records(t)
	if err != nil {
		return nil, nil, nil, err
	}
	out, next, unknown := map[uint32][]int{}, map[uint32][]string{}, map[uint32]bool{}
	for _, rec := range recs {
		if rec.df <= s.info.Rare {
			for _, d := range rec.docs {
				unknown[s.base+d] = true
			}
			continue
		}
		var e posEntry
		if rec.posAt != "" {
			var data []byte
			if data, err = ix.file(rec.posAt); err == nil {
				br := &bitReader{b: data}
				if e.at = br.positions(rec.df); br.failed {
					err = errCorrupt
				}
			}
		} else {
			e, err = s.positionsOf(rec)
		}
		if err != nil {
			return nil, nil, nil, err
		}
		if len(e.at) != len(rec.docs) {
			return nil, nil, nil, errCorrupt
		}
		k := 0
		for i, d := range rec.docs {
			out[s.base+d] = append(out[s.base+d], e.at[i]...)
			for range e.at[i] {
				if e.next != nil && k < len(e.next) {
					next[s.base+d] = append(next[s.base+d], e.next[k])
				}
				k++
			}
		}
	}
	return out, next, unknown, nil
}

// positionsOf returns a list term's part of the positions at the end of
// its shard, which holds those of the shard's terms with positions, in
// shard order.
func (s *segment) positionsOf(rec record) (posEntry, error) {
	m, ok := s.positions[rec.bucket]
	if !ok {
		data := s.tails[rec.bucket]
		var terms []record
		for _, t := range s.shards[rec.bucket] {
			if s.hasPositions(t) {
				terms = append(terms, t)
			}
		}
		r := &reader{b: data}
		if r.uvarint() != uint64(len(terms)) {
			return posEntry{}, errCorrupt
		}
		entries, counts := make([]posEntry, len(terms)), make([]int, len(terms))
		br := &bitReader{b: r.b}
		for i, t := range terms {
			entries[i].at = br.positions(t.df)
			for _, at := range entries[i].at {
				counts[i] += len(at)
			}
		}
		if br.failed {
			return posEntry{}, errCorrupt
		}
		r.b = br.rest()
		for i := range terms {
			units := make([]string, r.uvarint())
			if len(units) > len(data) {
				return posEntry{}, errCorrupt
			}
			for j := range units {
				units[j] = r.string()
			}
			if len(units) == 0 {
				continue
			}
			entries[i].next = make([]string, counts[i])
			for j := range entries[i].next {
				if u := r.uvarint(); u > 0 && u <= uint64(len(units)) {
					entries[i].next[j] = units[u-1]
				} else if u > 0 {
					r.err = errCorrupt
				}
			}
		}
		if r.err != nil {
			return posEntry{}, r.err
		}
		m = map[string]posEntry{}
		for i, t := range terms {
			m[t.text] = entries[i]
		}
		s.positions[rec.bucket] = m
	}
	e, ok := m[rec.text]
	if !ok {
		return posEntry{}, errCorrupt
	}
	return e, nil
}
