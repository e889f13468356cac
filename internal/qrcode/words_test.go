package qrcode

import (
	"math/rand"
	"testing"
)

func TestTranspose(t *testing.T) {
	r := rand.New(rand.NewSource(1))
	for range 100 {
		var a, want [64]uint64
		for y := range a {
			a[y] = r.Uint64()
		}
		for y := range 64 {
			for x := range 64 {
				want[x] |= (a[y] >> x & 1) << y
			}
		}
		transpose(&a)
		if a != want {
			t.Fatal("transpose differs from the module-by-module one")
		}
	}
}
