package main

import (
	"strings"
	"testing"

	"showcase/internal/build"
)

func TestEditorTokenOnlyOffLoopback(t *testing.T) {
	site := t.TempDir()
	for _, c := range []struct {
		bind      string
		wantToken bool
	}{{"127.0.0.1", false}, {"localhost", false}, {"::1", false}, {"0.0.0.0", true}, {"192.168.1.5", true}} {
		h, token, err := newEditor(serveFlags{bind: c.bind, editor: true}, build.Options{Source: site}, "/", nil)
		if err != nil || h == nil {
			t.Fatalf("%s: %v", c.bind, err)
		}
		if (token != "") != c.wantToken || (token != "" && len(token) < 32) {
			t.Errorf("bound to %s: token %q", c.bind, token)
		}
	}
	if h, _, _ := newEditor(serveFlags{bind: "127.0.0.1", editor: false}, build.Options{Source: site}, "/", nil); h != nil {
		t.Error("--editor=false still serves the editor")
	}
}

func TestEditorAddressCarriesToken(t *testing.T) {
	var b strings.Builder
	printEditorAddresses(&b, "127.0.0.1", 1313, "/dj/", "")
	if !strings.Contains(b.String(), "http://127.0.0.1:1313/dj/_edit/") || strings.Contains(b.String(), "token") {
		t.Errorf("loopback: %q", b.String())
	}
}
