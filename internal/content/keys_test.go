package content

import "testing"

func TestNearestKey(t *testing.T) {
	names := []string{"title", "date", "photographer", "author", "reviewer", "editor", "tags", "cover_alt"}
	for key, want := range map[string]string{
		"photografer": "photographer", "photographor": "photographer", "titel": "title", "tittle": "title",
		"autor": "author", "reviewr": "reviewer", "editer": "editor", "tag": "tags", "coveralt": "cover_alt",
		"data": "date", "ti": "", "banner_color": "", "weibo": "", "pinned": "", "x": "",
	} {
		if got := nearest(key, names); got != want {
			t.Errorf("nearest(%q) = %q, want %q", key, got, want)
		}
	}
}

func TestEditDistance(t *testing.T) {
	for _, c := range []struct {
		a, b string
		d    int
	}{{"", "", 0}, {"abc", "", 3}, {"titel", "title", 1}, {"photografer", "photographer", 2}, {"kitten", "sitting", 3}} {
		if got := editDistance(c.a, c.b); got != c.d {
			t.Errorf("editDistance(%q, %q) = %d, want %d", c.a, c.b, got, c.d)
		}
	}
}
