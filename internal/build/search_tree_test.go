package build

import (
	"fmt"
	"io/fs"
	"maps"
	"regexp"
	"slices"
	"strings"
	"testing"

	"showcase/internal/search"
)

var dataIndex = regexp.MustCompile(`data-index="[^"]*search/([^"]+)"`)

// treeIndex opens the search index of an output read by readTree.
func treeIndex(t *testing.T, tree map[string][]byte) *search.Index {
	t.Helper()
	m := dataIndex.FindSubmatch(tree["search/index.html"])
	if m == nil {
		t.Fatalf("search/index.html has no data-index")
	}
	ix, err := search.Open(func(name string) ([]byte, error) {
		if data, ok := tree["search/"+name]; ok {
			return data, nil
		}
		return nil, fmt.Errorf("%s: %w", name, fs.ErrNotExist)
	}, string(m[1]))
	if err != nil {
		t.Fatal(err)
	}
	return ix
}

// treePages: URL → fragment name of the pages an output's index holds.
func treePages(t *testing.T, tree map[string][]byte) map[string]string {
	t.Helper()
	pages, err := treeIndex(t, tree).Pages()
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]string{}
	for _, p := range pages {
		out[p.URL] = p.Fragment
	}
	return out
}

// sameSearch compares the search indexes of two outputs and takes their
// files out of both trees. An index depends on the builds before it (an
// edit adds to the last index, see internal/search), so two outputs of one
// site may hold different files for one index: they must hold the same
// pages, each output exactly the files its index uses, and the same search
// page but for the manifest it names.
func sameSearch(t *testing.T, step string, got, want map[string][]byte) {
	t.Helper()
	pa, pb := treePages(t, got), treePages(t, want)
	if !maps.Equal(pa, pb) {
		t.Errorf("%s: the index holds %v, a full build's %v", step, pa, pb)
	}
	for _, tree := range []map[string][]byte{got, want} {
		ix := treeIndex(t, tree)
		files, err := ix.Files()
		if err != nil {
			t.Fatalf("%s: %v", step, err)
		}
		var have []string
		for f := range tree {
			if rel, ok := strings.CutPrefix(f, "search/"); ok && rel != "index.html" {
				have = append(have, rel)
			}
		}
		slices.Sort(have)
		if !slices.Equal(have, files) {
			t.Errorf("%s: search/ holds %d files, its index uses %d", step, len(have), len(files))
		}
		tree["search/index.html"] = dataIndex.ReplaceAll(tree["search/index.html"], nil)
	}
	if string(got["search/index.html"]) != string(want["search/index.html"]) {
		t.Errorf("%s: search/index.html differs from a full build's", step)
	}
	for _, tree := range []map[string][]byte{got, want} {
		for f := range tree {
			if strings.HasPrefix(f, "search/") {
				delete(tree, f)
			}
		}
	}
}
