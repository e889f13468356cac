package search

// The recent filter, r-NAME.bin (gzip, named by its content): for each
// recent page in the manifest's order, filterBits bits, bit fnv1a(u) mod
// filterBits set for every unit u of its title, text, captions and
// credits. A page whose bits lack a unit of a term cannot hold the term,
// so a query reads the fragments of the recent pages that may hold its
// terms only, not of all of them.
const filterBits = 4096

// writeFilter returns the recent filter of the items.
func writeFilter(items []*item) []byte {
	out := make([]byte, 0, len(items)*filterBits/8)
	for _, it := range items {
		bm := newBitmap(filterBits)
		d := it.doc
		for _, text := range []string{d.Title, d.Body, d.Captions, d.Credits} {
			for _, seg := range Segments(text) {
				for _, u := range seg {
					bm.set(fnv1a(u) % filterBits)
				}
			}
		}
		out = append(out, bm...)
	}
	return out
}

// mayHold reports whether a recent page's filter bits allow it to hold a
// term: every unit of the term but a prefix's last.
func mayHold(bits bitmap, t Term) bool {
	segs := Segments(t.Text)
	if len(segs) != 1 {
		return true
	}
	for i, u := range segs[0] {
		if t.Prefix && i == len(segs[0])-1 {
			break
		}
		if !bits.has(fnv1a(u) % filterBits) {
			return false
		}
	}
	return true
}
