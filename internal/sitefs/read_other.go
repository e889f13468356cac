//go:build !unix

package sitefs

// readNoFollow leaves every read to the general way on systems without
// O_NOFOLLOW.
func readNoFollow(name string) (data []byte, ok bool) { return nil, false }
