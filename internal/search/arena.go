package search

// Inverting makes millions of small lists, most of one posting; these keep
// them from costing an allocation each, and the lists of terms from being
// copied as they grow.

// slab hands out small slices of one large array, of their length as
// capacity: one that grows is copied out by append.
type slab[T any] struct{ free []T }

const slabSize = 1 << 14

// one returns a slice of v alone.
func (s *slab[T]) one(v T) []T {
	if len(s.free) == 0 {
		s.free = make([]T, slabSize)
	}
	out := s.free[:1:1]
	out[0] = v
	s.free = s.free[1:]
	return out
}

// copy returns a copy of v, nil when v is empty.
func (s *slab[T]) copy(v []T) []T {
	switch {
	case len(v) == 0:
		return nil
	case len(v) > slabSize/16:
		return append([]T(nil), v...)
	case len(v) > len(s.free):
		s.free = make([]T, slabSize)
	}
	out := s.free[:len(v):len(v)]
	copy(out, v)
	s.free = s.free[len(v):]
	return out
}

// chunked is a list that grows by chunks, never copying what it holds.
type chunked[T any] struct {
	chunks [][]T
	n      int
}

const chunkSize = 1 << 12

// add appends v. The first chunk grows as a slice does, up to chunkSize,
// so that a small list stays small.
func (c *chunked[T]) add(v T) {
	if len(c.chunks) == 0 || c.n%chunkSize == 0 && c.n > 0 {
		size := chunkSize
		if len(c.chunks) == 0 {
			size = 16
		}
		c.chunks = append(c.chunks, make([]T, 0, size))
	}
	last := &c.chunks[len(c.chunks)-1]
	*last = append(*last, v)
	c.n++
}

// at returns element i; the pointer is good until the next add.
func (c *chunked[T]) at(i int32) *T {
	return &c.chunks[i/chunkSize][i%chunkSize]
}
