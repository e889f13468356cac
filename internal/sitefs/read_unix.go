//go:build unix

package sitefs

import "syscall"

// readNoFollow reads the file name with the system calls themselves, if
// it is not a symbolic link (O_NOFOLLOW): an open, a fstat, the reads and
// a close, where os.ReadFile would also register the file with Go's
// network poller (four fcntl and a failing epoll_ctl). ok is false for a
// link, and for any error, which the caller then meets the usual way.
func readNoFollow(name string) (data []byte, ok bool) {
	var fd int
	var err error
	for {
		fd, err = syscall.Open(name, syscall.O_RDONLY|syscall.O_CLOEXEC|syscall.O_NOFOLLOW, 0)
		if err != syscall.EINTR {
			break
		}
	}
	if err != nil {
		return nil, false
	}
	defer syscall.Close(fd)
	var st syscall.Stat_t
	if err := syscall.Fstat(fd, &st); err != nil || st.Mode&syscall.S_IFMT != syscall.S_IFREG {
		return nil, false
	}
	data = make([]byte, 0, st.Size+1) // one byte more: the read that finds the end
	for {
		n, err := syscall.Read(fd, data[len(data):cap(data)])
		if err == syscall.EINTR {
			continue
		}
		if err != nil {
			return nil, false
		}
		if n == 0 {
			return data, true
		}
		data = data[:len(data)+n]
		if len(data) == cap(data) {
			data = append(data, 0)[:len(data)] // the file grew: room for more
		}
	}
}
