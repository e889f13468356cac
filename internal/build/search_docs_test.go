package build

import "testing"

func TestHasTag(t *testing.T) {
	for _, c := range []struct {
		s, name string
		want    bool
	}{
		{`<p>a <img src="x.jpg" alt="合影"></p>`, "img", true},
		{`<IMG SRC=x>`, "img", true},
		{`<img/>`, "img", true},
		{`<figure><figcaption>领誓</figcaption>`, "figcaption", true},
		{`text <img`, "img", true},
		{`<p>an <imgx> and <i>img</i></p>`, "img", false},
		{`a < img`, "img", false},
		{``, "img", false},
	} {
		if got := hasTag(c.s, c.name); got != c.want {
			t.Errorf("hasTag(%q, %q) = %v, want %v", c.s, c.name, got, c.want)
		}
	}
}
