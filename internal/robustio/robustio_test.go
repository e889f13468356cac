package robustio

import (
	"errors"
	"os"
	"path/filepath"
	"testing"
	"time"
)

var errBusy = errors.New("in use")

func isBusy(err error) bool { return errors.Is(err, errBusy) }

// TestRetryUntilFree: a file in use for the first tries is renamed once it
// is free.
func TestRetryUntilFree(t *testing.T) {
	tries := 0
	err := retry(func() error {
		tries++
		if tries < 4 {
			return errBusy
		}
		return nil
	}, isBusy, time.Minute)
	if err != nil || tries != 4 {
		t.Errorf("err %v after %d tries, want success at the 4th", err, tries)
	}
}

// TestRetryOtherError: an error that is not "in use" is given back at once.
func TestRetryOtherError(t *testing.T) {
	tries := 0
	err := retry(func() error { tries++; return os.ErrNotExist }, isBusy, time.Minute)
	if !errors.Is(err, os.ErrNotExist) || tries != 1 {
		t.Errorf("err %v after %d tries, want ErrNotExist after 1", err, tries)
	}
}

// TestRetryGivesUp: a file that stays in use is reported, with its error.
func TestRetryGivesUp(t *testing.T) {
	tries := 0
	err := retry(func() error { tries++; return errBusy }, isBusy, 0)
	if !errors.Is(err, errBusy) || tries != 1 {
		t.Errorf("err %v after %d tries, want errBusy after 1 with no budget", err, tries)
	}
}

func TestRename(t *testing.T) {
	dir := scratchDir(t)
	from, to := filepath.Join(dir, ".tmp-主题 党日.html"), filepath.Join(dir, "主题 党日.html")
	for name, text := range map[string]string{from: "new", to: "old"} {
		if err := os.WriteFile(name, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if err := Rename(from, to); err != nil {
		t.Fatal(err)
	}
	if data, err := os.ReadFile(to); err != nil || string(data) != "new" {
		t.Errorf("%s = %q, %v; want the renamed file", to, data, err)
	}
}

// scratchDir is a temporary folder for files the test names, removed one
// by one afterwards: t.TempDir's os.RemoveAll fails under Wine 8, where
// the Windows tests are run too.
func scratchDir(t *testing.T) string {
	dir, err := os.MkdirTemp("", "robustio-")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		entries, _ := os.ReadDir(dir)
		for _, e := range entries {
			os.Remove(filepath.Join(dir, e.Name()))
		}
		if err := os.Remove(dir); err != nil {
			t.Error(err)
		}
	})
	return dir
}

func TestRemove(t *testing.T) {
	name := filepath.Join(scratchDir(t), "党日.html")
	if err := os.WriteFile(name, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	if err := Remove(name); err != nil {
		t.Fatal(err)
	}
	if err := Remove(name); !os.IsNotExist(err) {
		t.Errorf("removing a missing file: %v, want not-exist at once", err)
	}
}
