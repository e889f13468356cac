package deploy

import (
	"bytes"
	"context"
	"io"
	"io/fs"
	"net/http"
	"strings"
	"sync"
	"time"

	"github.com/minio/minio-go/v7"
)

// The Target methods of s3Target. Object storage calls are not bound to
// the deploy's context: like the SFTP ones, a call under way when Ctrl-C
// comes finishes, and no new one starts.

func (t *s3Target) String() string { return t.display }

func (t *s3Target) key(name string) string { return t.prefix + name }

func (t *s3Target) ReadFile(name string) ([]byte, error) {
	r, err := t.Open(name)
	if err != nil {
		return nil, err
	}
	defer r.Close()
	return io.ReadAll(r)
}

func (t *s3Target) Size(name string) (int64, error) {
	info, err := t.client.StatObject(context.Background(), t.bucket, t.key(name), minio.StatObjectOptions{})
	if err != nil {
		return 0, t.objectError(err, name)
	}
	return info.Size, nil
}

func (t *s3Target) Open(name string) (io.ReadCloser, error) {
	obj, err := t.client.GetObject(context.Background(), t.bucket, t.key(name), minio.GetObjectOptions{})
	if err != nil {
		return nil, t.objectError(err, name)
	}
	// minio-go sends the request on the first read: a missing object is
	// told then; Stat makes it tell now
	if _, err := obj.Stat(); err != nil {
		obj.Close()
		return nil, t.objectError(err, name)
	}
	return obj, nil
}

// objectError wraps fs.ErrNotExist for a missing object.
func (t *s3Target) objectError(err error, name string) error {
	if notFound(err) {
		return &fs.PathError{Op: "get", Path: t.key(name), Err: fs.ErrNotExist}
	}
	return err
}

// Put uploads the object with its headers (objectHeaders). One PUT
// replaces an object whole, so the part name is not needed.
func (t *s3Target) Put(name, _ string, src io.Reader) error {
	size := int64(-1)
	if s, ok := src.(interface{ Size() int64 }); ok {
		size = s.Size()
	} else {
		data, err := io.ReadAll(src)
		if err != nil {
			return err
		}
		src, size = bytes.NewReader(data), int64(len(data))
	}
	_, err := t.client.PutObject(context.Background(), t.bucket, t.key(name), src, size, putOptions(name, size))
	return err
}

// putOptions are the headers of an object and the way it is sent: in one
// request up to 64 MB (a larger file goes in parts, one at a time); up to
// md5Max with the MD5 the store checks the body against (minio-go holds
// such a file in memory to hash it first; a larger one is streamed).
func putOptions(name string, size int64) minio.PutObjectOptions {
	h := objectHeaders(name)
	return minio.PutObjectOptions{ContentType: h.ContentType, CacheControl: h.CacheControl,
		ContentEncoding: h.ContentEncoding, SendContentMd5: size <= md5Max, PartSize: 64 << 20, NumThreads: 1}
}

// md5Max is the largest object sent with its MD5.
const md5Max = 8 << 20

// CreateExclusive writes the object only if there is none: If-None-Match: *
// (AWS S3, OSS, COS, MinIO and SeaweedFS refuse the write when the object
// exists). A store that ignores the condition is covered by a HEAD before
// and a read back after: of two deploys racing there, the one whose lock
// is not the one read back gives way.
func (t *s3Target) CreateExclusive(name string, data []byte) error {
	ctx := context.Background()
	if _, err := t.client.StatObject(ctx, t.bucket, t.key(name), minio.StatObjectOptions{}); err == nil {
		return fs.ErrExist
	} else if !notFound(err) {
		return err
	}
	opts := putOptions(name, int64(len(data)))
	opts.SetMatchETagExcept("*")
	_, err := t.client.PutObject(ctx, t.bucket, t.key(name), bytes.NewReader(data), int64(len(data)), opts)
	resp := minio.ToErrorResponse(err)
	switch {
	case resp.StatusCode == http.StatusPreconditionFailed || resp.StatusCode == http.StatusConflict:
		return fs.ErrExist
	case resp.StatusCode == http.StatusNotImplemented || resp.StatusCode >= 500:
		// a store without conditional writes, or one that failed the
		// request: HEAD, write, and rely on the read back
		if _, err := t.client.StatObject(ctx, t.bucket, t.key(name), minio.StatObjectOptions{}); err == nil {
			return fs.ErrExist
		}
		_, err = t.client.PutObject(ctx, t.bucket, t.key(name), bytes.NewReader(data), int64(len(data)), putOptions(name, int64(len(data))))
	}
	if err != nil {
		return err
	}
	got, err := t.ReadFile(name)
	if err != nil {
		return err
	}
	if !bytes.Equal(got, data) {
		return fs.ErrExist
	}
	return nil
}

// Create starts the journal object (see s3Journal).
func (t *s3Target) Create(name string) (io.WriteCloser, error) {
	return &s3Journal{t: t, name: name}, nil
}

// MakeDir does nothing: object storage has no folders.
func (t *s3Target) MakeDir(string) error { return nil }

// Remove deletes the object. Stores answer a deletion of a missing object
// as a success, so it is counted as deleted.
func (t *s3Target) Remove(name string) error {
	return t.client.RemoveObject(context.Background(), t.bucket, t.key(name), minio.RemoveObjectOptions{})
}

// Rename copies the object and deletes the original (object storage has no
// rename): only breakLock renames, and its lock is then taken with
// If-None-Match, which only one deploy wins.
func (t *s3Target) Rename(from, to string) error {
	ctx := context.Background()
	_, err := t.client.CopyObject(ctx, minio.CopyDestOptions{Bucket: t.bucket, Object: t.key(to)},
		minio.CopySrcOptions{Bucket: t.bucket, Object: t.key(from)})
	if err != nil {
		return t.objectError(err, from)
	}
	return t.Remove(from)
}

// CheckPath accepts every name: object storage has no links.
func (t *s3Target) CheckPath(string) error { return nil }

// RemoveEmptyDir does nothing: a "folder" of object storage ends with its
// last object.
func (t *s3Target) RemoveEmptyDir(string) error { return nil }

// Walk lists the objects under the prefix.
func (t *s3Target) Walk(ctx context.Context, fn func(name string, size int64) error) error {
	ctx, cancel := context.WithCancel(ctx)
	defer cancel() // ends the listing when fn stops the walk
	for obj := range t.client.ListObjects(ctx, t.bucket, minio.ListObjectsOptions{Prefix: t.prefix, Recursive: true}) {
		if obj.Err != nil {
			return obj.Err
		}
		name := strings.TrimPrefix(obj.Key, t.prefix)
		if name == "" || strings.HasSuffix(name, "/") || checkName(name) != nil {
			continue // a "folder" marker, or a key no site file can have
		}
		if err := fn(name, obj.Size); err != nil {
			return err
		}
	}
	return nil
}

// Close does nothing: net/http pools the connections and closes idle ones.
func (t *s3Target) Close() error { return nil }

// journalEvery is how often the journal object is rewritten while a
// deploy goes: object storage cannot append, so each write sends the whole
// journal. A "done" line lost to a cut only makes the rerun read that
// object back to check it.
const journalEvery = time.Second

// s3Journal is the journal on object storage: the first write (the
// deploy's intentions) is stored at once, later ones at most every
// journalEvery, and the rest on Close.
type s3Journal struct {
	t     *s3Target
	name  string
	mu    sync.Mutex
	buf   []byte
	saved time.Time // last upload; zero before the first
	dirty bool
}

func (j *s3Journal) Write(p []byte) (int, error) {
	j.mu.Lock()
	defer j.mu.Unlock()
	j.buf = append(j.buf, p...)
	j.dirty = true
	if !j.saved.IsZero() && time.Since(j.saved) < journalEvery {
		return len(p), nil
	}
	return len(p), j.save()
}

func (j *s3Journal) save() error {
	err := j.t.Put(j.name, "", bytes.NewReader(j.buf))
	if err == nil {
		j.saved, j.dirty = time.Now(), false
	}
	return err
}

func (j *s3Journal) Close() error {
	j.mu.Lock()
	defer j.mu.Unlock()
	if !j.dirty {
		return nil
	}
	return j.save()
}

var _ Target = (*s3Target)(nil)
