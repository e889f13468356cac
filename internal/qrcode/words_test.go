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

// findersWord scores as penaltyFinders, module by module: random lines,
// and lines made of the patterns and pieces of them, back to back
func TestFindersWord(t *testing.T) {
	r := rand.New(rand.NewSource(1))
	pieces := []uint64{0x5d, 0x5d0, 0x05d, 0xf, 0x0, 0x1, 0x2e8, 0xba}
	for n := range 200000 {
		size := 21 + 4*r.Intn(11)
		var l uint64
		if n%2 == 0 {
			l = r.Uint64()
		} else {
			for at := 0; at < size; at += 4 + r.Intn(8) {
				l |= pieces[r.Intn(len(pieces))] << at
			}
		}
		l &= uint64(1)<<size - 1
		line := make([]bool, size)
		for i := range line {
			line[i] = l>>i&1 == 1
		}
		if got, want := findersWord(l, size), penaltyFinders(line); got != want {
			t.Fatalf("findersWord(%0*b, %d) = %d, penaltyFinders %d", size, l, size, got, want)
		}
	}
}
