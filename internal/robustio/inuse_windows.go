package robustio

import (
	"errors"
	"syscall"
)

// Windows' answers for a file that another program holds.
const (
	errorSharingViolation syscall.Errno = 32
	errorLockViolation    syscall.Errno = 33
)

// inUse reports an error Windows gives while another program has the file
// open: access denied (for a rename over an open file, or of a folder
// holding one), sharing or lock violation.
func inUse(err error) bool {
	return errors.Is(err, syscall.ERROR_ACCESS_DENIED) || errors.Is(err, errorSharingViolation) || errors.Is(err, errorLockViolation)
}
