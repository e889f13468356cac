package search

import "testing"

func TestStripScript(t *testing.T) {
	src := "/* head\n   more */\n(function () {\n  // a comment\n  var u = \"http://x/*y*/\"; // kept\n\n  /* one */ var r = /a\\/\\/b/;\n}());\n"
	want := "(function () {\nvar u = \"http://x/*y*/\"; // kept\nvar r = /a\\/\\/b/;\n}());\n"
	if got := string(StripScript([]byte(src))); got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
}
