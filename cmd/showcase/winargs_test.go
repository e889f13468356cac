package main

import (
	"slices"
	"testing"
)

// TestStrayQuote reads folders as PowerShell passes a Tab-completed one.
func TestStrayQuote(t *testing.T) {
	for _, c := range []struct {
		arg     string
		windows bool
		want    string
	}{
		{`D:\宣传 资料\网站"`, true, `D:\宣传 资料\网站\`},
		{`D:\宣传 资料\网站`, true, `D:\宣传 资料\网站`},
		{`.\示例网站"`, true, `.\示例网站\`},
		{`/srv/a"`, false, `/srv/a"`},
	} {
		if got := strayQuote(c.arg, c.windows); got != c.want {
			t.Errorf("strayQuote(%q, %v) = %q, want %q", c.arg, c.windows, got, c.want)
		}
	}
}

func TestFixPathFlags(t *testing.T) {
	fs := commandFlags("build", usage, nil)
	source := fs.StringP("source", "s", ".", "")
	dest := fs.StringP("destination", "d", "", "")
	base := fs.StringP("baseURL", "b", "", "")
	if err := fs.Parse([]string{"-s", `D:\宣传 资料\示例网站"`, "-b", `x"`, `D:\来稿\a.docx"`}); err != nil {
		t.Fatal(err)
	}
	fixPathFlags(fs, true)
	if *source != `D:\宣传 资料\示例网站\` || *dest != "" || *base != `x"` {
		t.Errorf("source %q, destination %q, baseURL %q", *source, *dest, *base)
	}
	if got := pathArgs(fs.Args(), true); !slices.Equal(got, []string{`D:\来稿\a.docx\`}) {
		t.Errorf("pathArgs = %q", got)
	}
}
