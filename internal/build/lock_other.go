//go:build !unix

package build

// lockWorks says lockDir keeps other processes out.
const lockWorks = false

// lockDir locks nothing where flock is missing: two builds of one
// destination at the same time may then remove each other's staging folder
// (a build that loses its folder fails).
func lockDir(dir string) (unlock func(), ok bool) { return func() {}, true }
