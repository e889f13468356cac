package deploy

import (
	"errors"
	"io"
	"sync/atomic"
)

// severable is a file:// target whose "connection" can be dropped: after
// the cut every operation fails, including those of the deploy's cleanup,
// as with a real network drop.
type severable struct {
	Target
	cut atomic.Bool
}

var errCut = errors.New("connection lost")

func (s *severable) check() error {
	if s.cut.Load() {
		return errCut
	}
	return nil
}

func (s *severable) ReadFile(name string) ([]byte, error) {
	if err := s.check(); err != nil {
		return nil, err
	}
	return s.Target.ReadFile(name)
}

func (s *severable) Size(name string) (int64, error) {
	if err := s.check(); err != nil {
		return 0, err
	}
	return s.Target.Size(name)
}

func (s *severable) Open(name string) (io.ReadCloser, error) {
	if err := s.check(); err != nil {
		return nil, err
	}
	return s.Target.Open(name)
}

func (s *severable) Put(name, part string, src io.Reader) error {
	if err := s.check(); err != nil {
		return err
	}
	return s.Target.Put(name, part, src)
}

func (s *severable) CreateExclusive(name string, data []byte) error {
	if err := s.check(); err != nil {
		return err
	}
	return s.Target.CreateExclusive(name, data)
}

func (s *severable) Create(name string) (io.WriteCloser, error) {
	if err := s.check(); err != nil {
		return nil, err
	}
	w, err := s.Target.Create(name)
	if err != nil {
		return nil, err
	}
	return severableWriter{w, s}, nil
}

type severableWriter struct {
	io.WriteCloser
	s *severable
}

func (w severableWriter) Write(p []byte) (int, error) {
	if err := w.s.check(); err != nil {
		return 0, err
	}
	return w.WriteCloser.Write(p)
}

func (s *severable) Remove(name string) error {
	if err := s.check(); err != nil {
		return err
	}
	return s.Target.Remove(name)
}

func (s *severable) MakeDir(name string) error {
	if err := s.check(); err != nil {
		return err
	}
	return s.Target.MakeDir(name)
}

func (s *severable) RemoveEmptyDir(name string) error {
	if err := s.check(); err != nil {
		return err
	}
	return s.Target.RemoveEmptyDir(name)
}

func (s *severable) Rename(from, to string) error {
	if err := s.check(); err != nil {
		return err
	}
	return s.Target.Rename(from, to)
}

func (s *severable) CheckPath(name string) error {
	if err := s.check(); err != nil {
		return err
	}
	return s.Target.CheckPath(name)
}
