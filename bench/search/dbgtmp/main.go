package main

import (
	"fmt"
	"os"
	"path/filepath"

	"showcase/internal/search"
)

func main() {
	dir := os.Args[1]
	ms, _ := filepath.Glob(filepath.Join(dir, "m-*.bin"))
	for _, q := range os.Args[2:] {
		total := 0
		ix, _ := search.Open(func(name string) ([]byte, error) {
			b, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(name)))
			if filepath.Base(filepath.Dir(name)) != "f" {
				fmt.Printf("  %-40s %6d\n", name, len(b))
				total += len(b)
			}
			return b, err
		}, filepath.Base(ms[0]))
		res, err := ix.Search(q)
		fmt.Println(q, len(res.Hits), err, "index bytes (Go reader, no fold)", total)
	}
}
