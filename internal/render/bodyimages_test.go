package render

import (
	"regexp"
	"slices"
	"testing"
)

// bodyImageAnywhere is the pattern bodyImages tries at "![" and "{{",
// unanchored: what it finds over the whole body is what bodyImages finds.
var bodyImageAnywhere = regexp.MustCompile(`!\[[^\]]*\]\(\s*<?([^)\s>]+)|\{\{[<%]\s*figure\b[^}]*?\bsrc="([^"]+)"`)

func bodyImagesAnywhere(body []byte) []string {
	var srcs []string
	for _, m := range bodyImageAnywhere.FindAllSubmatch(body, -1) {
		srcs = append(srcs, string(m[1])+string(m[2]))
	}
	return srcs
}

var bodyImageSamples = []string{
	"",
	"![a](b.jpg)",
	"text ![alt](<c d.png>) and ![](./e.jpg \"t\") !![x](y.gif)",
	`{{< figure src="f.jpg" title="x" >}} {{% figure class="c" src="g.png" %}}`,
	"{{{< figure src=\"h.jpg\" >}} ![![i.jpg](j.jpg)",
	"![unclosed (k.jpg) {{< figure >}} {{< figure title=\"}\" src=\"l.jpg\" >}}",
	"![a]( \n m.jpg)![b](n.jpg)",
}

func TestBodyImagesFindWhatThePatternFindsAnywhere(t *testing.T) {
	for _, s := range bodyImageSamples {
		if got, want := bodyImages([]byte(s)), bodyImagesAnywhere([]byte(s)); !slices.Equal(got, want) {
			t.Errorf("bodyImages(%q) = %q, want %q", s, got, want)
		}
	}
}

func FuzzBodyImages(f *testing.F) {
	for _, s := range bodyImageSamples {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := bodyImages([]byte(s)), bodyImagesAnywhere([]byte(s)); !slices.Equal(got, want) {
			t.Errorf("bodyImages(%q) = %q, want %q", s, got, want)
		}
	})
}
