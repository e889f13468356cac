package proofread

import (
	"os"
	"testing"
)

// BenchmarkMarkdown proofreads the demo site's longest news item.
func BenchmarkMarkdown(b *testing.B) {
	src, err := os.ReadFile("../../content/news/2025-shuangchuang-jiaoliuhui/index.md")
	if err != nil {
		b.Fatal(err)
	}
	w := &Words{Variants: Standard()}
	b.SetBytes(int64(len(src)))
	for b.Loop() {
		Markdown(src, w)
	}
}
