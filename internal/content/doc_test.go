package content

import (
	"os"
	"regexp"
	"testing"
)

// TestDocListsEveryKey: the package doc, the manual of front matter, names
// every key the build reads, with its type.
func TestDocListsEveryKey(t *testing.T) {
	doc, err := os.ReadFile("doc.go")
	if err != nil {
		t.Fatal(err)
	}
	for _, k := range Keys {
		if k.Meaning == "" || k.Type == "" {
			t.Errorf("key %s has no meaning or type", k.Name)
		}
		if regexp.MustCompile(`(?m)^//\t` + k.Name + ` +` + regexp.QuoteMeta(k.Type) + ` `).Match(doc) {
			continue
		}
		if !regexp.MustCompile(`\b` + k.Name + `\b`).Match(doc) {
			t.Errorf("doc.go does not document the key %s", k.Name)
		}
	}
}
