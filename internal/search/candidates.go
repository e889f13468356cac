package search

import "slices"

// x returns what the segment knows of a term (prune.go): its records when
// it is a term, else, for a longer n-gram, its candidates (docids of the
// segment, dead ones included, at most candidateMax); neither when it
// occurs nowhere.
func (s *segment) x(t Term) ([]record, []uint32, error) {
	recs, err := s.records(t)
	if err != nil || len(recs) > 0 || t.Units <= 2 || t.Prefix || s.info.Candidates == 0 {
		return recs, nil, err
	}
	segs := Segments(t.Text)
	if len(segs) != 1 || len(segs[0]) != t.Units || isWordUnit(segs[0][t.Units-1]) {
		return nil, nil, nil // a term ending with a word is always a term
	}
	u := segs[0]
	a, err := s.xDocs(Term{Text: joinUnits(u[:len(u)-1]), Units: len(u) - 1})
	if err != nil || len(a) == 0 {
		return nil, nil, err
	}
	b, err := s.xDocs(Term{Text: joinUnits(u[1:]), Units: len(u) - 1})
	if err != nil {
		return nil, nil, err
	}
	c := intersectMax(a, b, s.info.Candidates)
	if len(c) > s.info.Candidates {
		return nil, nil, nil // it would be a term
	}
	return nil, c, nil
}

// xDocs is X of a term: the docids of its records, or its candidates.
func (s *segment) xDocs(t Term) ([]uint32, error) {
	recs, cand, err := s.x(t)
	if err != nil || len(recs) == 0 {
		return cand, err
	}
	if len(recs) == 1 {
		return recs[0].docs, nil
	}
	var all []uint32
	for _, r := range recs {
		all = append(all, r.docs...)
	}
	slices.Sort(all)
	return slices.Compact(all), nil
}
