//go:build unix

package build

import (
	"io"
	"io/fs"
	"os"
	"syscall"
)

// The output's files are opened with the system calls themselves: os.Open
// and os.Create first try to register each file with Go's network poller,
// which for a regular file costs four fcntl calls and a failing epoll_ctl,
// for each of the thousands of files a build writes.

// openRaw opens name with flags as a blocking *os.File that the poller
// never sees.
func openRaw(name string, flags int, perm uint32) (*os.File, error) {
	fd, err := openFD(name, flags, perm)
	if err != nil {
		return nil, err
	}
	return os.NewFile(uintptr(fd), name), nil
}

// openFD opens name with flags, retrying when interrupted.
func openFD(name string, flags int, perm uint32) (int, error) {
	for {
		fd, err := syscall.Open(name, flags|syscall.O_CLOEXEC, perm)
		if err == syscall.EINTR {
			continue
		}
		if err != nil {
			op := "open"
			if flags&syscall.O_CREAT != 0 {
				op = "create"
			}
			return -1, &fs.PathError{Op: op, Path: name, Err: err}
		}
		return fd, nil
	}
}

// openRead opens the file name for reading.
func openRead(name string) (*os.File, error) { return openRaw(name, syscall.O_RDONLY, 0) }

// writeNewFile writes data to the file name, created or truncated: an
// open, a write and a close, nothing else.
func writeNewFile(name string, data []byte) error {
	fd, err := openFD(name, syscall.O_WRONLY|syscall.O_CREAT|syscall.O_TRUNC, 0o644)
	if err != nil {
		return err
	}
	for len(data) > 0 {
		n, err := syscall.Write(fd, data)
		if err == syscall.EINTR {
			continue
		}
		if err == nil && n == 0 {
			err = io.ErrShortWrite
		}
		if err != nil {
			syscall.Close(fd)
			return &fs.PathError{Op: "write", Path: name, Err: err}
		}
		data = data[n:]
	}
	if err := syscall.Close(fd); err != nil {
		return &fs.PathError{Op: "close", Path: name, Err: err}
	}
	return nil
}

// createFile creates or truncates the file name for writing.
func createFile(name string) (*os.File, error) {
	return openRaw(name, syscall.O_WRONLY|syscall.O_CREAT|syscall.O_TRUNC, 0o644)
}
