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
// a quarter of a build's system time on a site of small pages.

// openRaw opens name with flags, retrying when interrupted, as a blocking
// *os.File that the poller never sees.
func openRaw(name string, flags int, perm uint32) (*os.File, error) {
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
			return nil, &fs.PathError{Op: op, Path: name, Err: err}
		}
		return os.NewFile(uintptr(fd), name), nil
	}
}

// openRead opens the file name for reading.
func openRead(name string) (*os.File, error) { return openRaw(name, syscall.O_RDONLY, 0) }

// writeNewFile writes data to the file name, created or truncated.
func writeNewFile(name string, data []byte) error {
	f, err := openRaw(name, syscall.O_WRONLY|syscall.O_CREAT|syscall.O_TRUNC, 0o644)
	if err != nil {
		return err
	}
	_, err = f.Write(data)
	if err1 := f.Close(); err == nil {
		err = err1
	}
	return err
}

// copyNewFile copies the rest of the open file in to dst (created or
// truncated); on Linux the kernel copies the bytes (copy_file_range), which
// never pass through the build's memory.
func copyNewFile(dst string, in *os.File) error {
	out, err := openRaw(dst, syscall.O_WRONLY|syscall.O_CREAT|syscall.O_TRUNC, 0o644)
	if err != nil {
		return err
	}
	_, err = io.Copy(out, in)
	if err1 := out.Close(); err == nil {
		err = err1
	}
	return err
}
