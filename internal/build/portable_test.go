package build

import "testing"

func TestUnportable(t *testing.T) {
	for name, bad := range map[string]bool{
		"index.html": false, "主题 党日 合影.jpg": false, "con-shi.html": false, "console": false, "com10": false, ".showcase-output": false,
		"CON": true, "aux.html": true, "nul.tar.gz": true, "Com1": true, "lpt9.txt": true, "prn .txt": true,
		"问答:一": true, "a?b": true, "a*": true, `a"b`: true, "a<b>": true, "a|b": true, "a\tb": true,
		"说明.": true, "说明 ": true,
	} {
		if zh, en := unportable(name); (zh != "") != bad || (en != "") != bad {
			t.Errorf("unportable(%q) = %q, %q; want refused: %v", name, zh, en, bad)
		}
	}
}
