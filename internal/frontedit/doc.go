// Package frontedit edits one field of a page's front matter in place:
// TOML between "+++" lines or YAML between "---" lines, as the editor's
// form saves them. Only the lines of the field change: comments (the
// archetypes' 说明 after "#" too), the order of the keys, blank lines and
// the way every other value is written survive, so `git diff` shows the one
// line the author changed.
//
// Set gives a top-level key a new value, replacing the value's text and
// keeping the comment after it on the same line; a value written over
// several lines (a long list, a YAML block) becomes the new value's lines.
// A key the file does not have is added after the last top-level key
// (before the first TOML [table]). A file without front matter gets TOML
// front matter holding the key. Delete removes a key and its value's lines.
// A key with a dot, "params.kind", is a key of a table one level down: a
// TOML [params] table's key or dotted key, a YAML nested mapping's key
// (nested.go).
//
// Keys are matched without regard to case, as the build reads them; when a
// key is written twice, the last one (the one the build reads) is edited.
// Values are Go values: string, bool, int/int64, float64, []string,
// time.Time (written as RFC 3339) and Date (a day, written 2025-10-26).
// Strings are quoted as each format needs (escaping what must be), a YAML
// string plain when it reads back the same, and an existing value's quote
// style is kept where the new text allows it.
package frontedit
