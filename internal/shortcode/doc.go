// Package shortcode finds Hugo shortcode calls in a Markdown document. It
// parses and knows nothing of templates, pages or HTML: the build runs the
// calls (internal/build/shortcodes.go) with the site's templates
// (internal/render, layouts/_shortcodes/) and puts their output back.
//
// # Use
//
//	doc := shortcode.Parse(body)
//	for _, part := range doc.Parts { … part.Text, part.Literal, part.Call … }
//	// doc.Problems: calls that could not be read, closing tags with no opening
//	// doc.InCode: calls written inside code, which are left as written
//
// Parse never panics and never fails: what it cannot read stays text, with a
// Problem at its line.
//
// # Syntax
//
// As in Hugo:
//
//	{{< name arg1 "arg 2" >}}                  positional arguments
//	{{< name key="value" n=3 open=true >}}      named arguments (not both kinds at once)
//	{{< name >}}inner text{{< /name >}}         with inner content (Call.Inner)
//	{{< name />}}                               self-closing: no inner content
//	{{% name %}}**Markdown**{{% /name %}}       Call.Markdown: inner and output are Markdown
//	{{</* name */>}}                            an escaped call: published as "{{< name >}}"
//
// Arguments are "quoted" (\" inside stands for "), `raw` (backquotes, may
// span lines) or bare words. An unquoted true or false is a bool, an
// unquoted integer an int and an unquoted decimal a float64, as in Hugo;
// everything else is a string. Calls may span lines and nest. An opening
// tag whose closing tag never comes is a call without inner content, so
// {{< figure >}} needs no "/>}}"; a closing tag pairs with the nearest open
// call of its name.
//
// # Code
//
// A call written inside a code span or a code block (fenced or indented) is
// left as written: Markdown code shows text as it is. Hugo runs such calls
// anyway; here they are listed in Doc.InCode so that the build can tell an
// author whose call was meant to run. The escaped form {{</* x */>}} becomes
// {{< x >}} everywhere, in code too (that is what it is for: showing a
// call in an example). Code is found by goldmark's own parser, so indented
// lines in lists and fences in block quotes count as they do in the page.
package shortcode
