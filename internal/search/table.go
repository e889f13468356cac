package search

// keyTable maps n-gram keys to int32 values with open addressing: indexing
// looks every n-gram of every page up twice, and a table made for this key
// is several times faster than a Go map with a struct key. A key and its
// value are side by side, so a look-up reads one place of memory. The zero
// key marks a free slot (a real key never has hi == 0: its first unit is
// set).
type keyTable struct {
	slots []slot
	used  []int32 // slots in use, in insertion order, for a cheap reset
	mask  uint64
}

type slot struct {
	k key
	v int32
}

func newKeyTable(size int) *keyTable {
	n := slotsFor(size)
	return &keyTable{slots: make([]slot, n), mask: uint64(n - 1)}
}

// slotsFor is the slots of a table for about size keys: a power of two,
// at least twice size, so that probes stay short.
func slotsFor(size int) int {
	n := 64
	for n < size*2 {
		n *= 2
	}
	return n
}

// home is the first place of k in a table of mask+1 slots.
func home(k key, mask uint64) uint64 {
	h := k.hi*0x9e3779b97f4a7c15 ^ k.lo*0xc2b2ae3d27d4eb4f
	h ^= h >> 31
	return h & mask
}

func (t *keyTable) slot(k key) uint64 {
	i := home(k, t.mask)
	for {
		if s := &t.slots[i]; s.k == k || s.k.hi == 0 {
			return i
		}
		i = (i + 1) & t.mask
	}
}

// get returns the value of k and whether it is present.
func (t *keyTable) get(k key) (int32, bool) {
	s := &t.slots[t.slot(k)]
	if s.k.hi == 0 {
		return 0, false
	}
	return s.v, true
}

// add returns the value of k when present, or else sets it to v.
func (t *keyTable) add(k key, v int32) (int32, bool) {
	i := t.slot(k)
	if t.slots[i].k.hi != 0 {
		return t.slots[i].v, true
	}
	if len(t.used)*2 >= len(t.slots) {
		t.grow()
		i = t.slot(k)
	}
	t.slots[i] = slot{k, v}
	t.used = append(t.used, int32(i))
	return v, false
}

// put sets the value of k.
func (t *keyTable) put(k key, v int32) {
	if _, ok := t.add(k, v); ok {
		t.slots[t.slot(k)].v = v
	}
}

func (t *keyTable) grow() {
	old := *t
	*t = *newKeyTable(len(old.slots))
	t.used = make([]int32, 0, cap(old.used)*2)
	for _, i := range old.used {
		j := t.slot(old.slots[i].k)
		t.slots[j] = old.slots[i]
		t.used = append(t.used, int32(j))
	}
}

// len is the number of keys in the table.
func (t *keyTable) len() int { return len(t.used) }

// reset empties the table, keeping its size: slot by slot when few are
// used, else all at once.
func (t *keyTable) reset() {
	if len(t.used) > len(t.slots)/16 {
		clear(t.slots)
	} else {
		for _, i := range t.used {
			t.slots[i] = slot{}
		}
	}
	t.used = t.used[:0]
}

// each calls f for every entry, in insertion order.
func (t *keyTable) each(f func(k key, v int32)) {
	for _, i := range t.used {
		f(t.slots[i].k, t.slots[i].v)
	}
}
