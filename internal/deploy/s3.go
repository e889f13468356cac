package deploy

import (
	"context"
	"net/http"
	"net/url"
	"os"
	"path"
	"strings"

	"github.com/minio/minio-go/v7"
	"github.com/minio/minio-go/v7/pkg/credentials"

	"showcase/internal/lang"
)

// s3Target is an s3:// (oss://, cos://) target: objects under a prefix of
// a bucket, reached over HTTP(S) by one minio-go client whose connections
// the parallel transfers share. Object storage has no folders, no links
// and no rename, so:
//
//   - Put writes the object itself (a PUT replaces an object whole: a reader
//     gets the old object or the new one, never a part), with the headers of
//     objectHeaders; the part name is not used;
//   - MakeDir, CheckPath and RemoveEmptyDir do nothing;
//   - Rename (used only to break a lock) copies and deletes;
//   - CreateExclusive (the lock) writes with If-None-Match: *, after a HEAD
//     and followed by a read back, so a store that ignores the condition
//     still refuses a lock that was there;
//   - Create (the journal) rewrites the journal object, at most once every
//     journalEvery and when it is closed (see s3Journal).
type s3Target struct {
	display string // for messages
	bucket  string
	prefix  string // "" or "dir/" (ends with a slash)
	client  *minio.Client
}

// s3Endpoint is what an s3://, oss:// or cos:// URL says.
type s3Endpoint struct {
	scheme   string
	bucket   string
	prefix   string
	endpoint *url.URL
	region   string
	pathURLs bool // the bucket goes in the path (MinIO, SeaweedFS), not the host name
	profile  string
}

// parseS3URL reads s3://bucket/prefix?endpoint=https://host&region=R,
// oss://bucket/prefix?region=cn-hangzhou and cos://bucket-appid/prefix?region=ap-guangzhou.
// Keys in the URL are refused: they would sit in site.toml in plain text.
func parseS3URL(u *url.URL) (*s3Endpoint, error) {
	q := u.Query()
	for k := range q {
		switch strings.ToLower(k) {
		case "endpoint", "region", "style", "profile":
		case "access_key", "accesskey", "access_key_id", "secret", "secret_key", "secretkey", "secret_access_key", "key", "token":
			return nil, lang.Errorf("发布地址 %[1]s 里写了密钥，这样不安全：请从 site.toml 中删去，改用环境变量（如 AWS_ACCESS_KEY_ID 和 AWS_SECRET_ACCESS_KEY）或 ~/.aws/credentials",
				"deploy target %[1]s: do not write keys in the URL; use AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY or ~/.aws/credentials", u.Scheme+"://"+u.Host+u.Path)
		default:
			return nil, lang.Errorf("发布地址 %[1]s 中的参数 %[2]q 无法识别：可用的参数有 endpoint、region、style（path 或 virtual）、profile",
				"deploy target %[1]s: unknown parameter %[2]q (known: endpoint, region, style, profile)", u.Scheme+"://"+u.Host+u.Path, k)
		}
	}
	if u.User != nil {
		return nil, lang.Errorf("发布地址 %[1]s 里写了用户名或密钥，这样不安全：请改用环境变量或 ~/.aws/credentials",
			"deploy target %[1]s: do not write credentials in the URL", u.Scheme+"://"+u.Host+u.Path)
	}
	e := &s3Endpoint{scheme: u.Scheme, bucket: u.Host, region: q.Get("region"), profile: q.Get("profile")}
	if e.bucket == "" {
		return nil, lang.Errorf("发布地址 %[1]s 没有写存储桶（bucket）：请写成 %[2]s://存储桶名/网站所在的目录",
			"deploy target %[1]s: name the bucket, as in %[2]s://bucket/prefix", u.String(), u.Scheme)
	}
	if p := strings.Trim(path.Clean("/"+u.Path), "/"); p != "" {
		e.prefix = p + "/"
	}
	endpoint := q.Get("endpoint")
	switch u.Scheme {
	case "oss":
		if endpoint == "" && e.region == "" {
			return nil, lang.Errorf("发布地址 %[1]s 没有写地域：请写成 oss://存储桶名/目录?region=cn-hangzhou 这样",
				"deploy target %[1]s: name the region, as in oss://bucket/prefix?region=cn-hangzhou", u.String())
		}
		e.region = strings.TrimPrefix(e.region, "oss-") // V4 signatures name cn-hangzhou, not oss-cn-hangzhou
		if endpoint == "" {
			endpoint = "https://s3.oss-" + e.region + ".aliyuncs.com" // OSS's S3-compatible endpoint
		}
	case "cos":
		if endpoint == "" && e.region == "" {
			return nil, lang.Errorf("发布地址 %[1]s 没有写地域：请写成 cos://存储桶名-APPID/目录?region=ap-guangzhou 这样",
				"deploy target %[1]s: name the region, as in cos://bucket-appid/prefix?region=ap-guangzhou", u.String())
		}
		if endpoint == "" {
			endpoint = "https://cos." + e.region + ".myqcloud.com"
		}
	default:
		if endpoint == "" {
			region := e.region
			if region == "" {
				region = "us-east-1"
			}
			endpoint = "https://s3." + region + ".amazonaws.com"
		}
	}
	ep, err := url.Parse(endpoint)
	if err != nil || (ep.Scheme != "http" && ep.Scheme != "https") || ep.Host == "" || (ep.Path != "" && ep.Path != "/") {
		return nil, lang.Errorf("发布地址 %[1]s 中的 endpoint %[2]q 写法不对：应写成 https://服务器地址（不带路径），例如 https://s3.oss-cn-hangzhou.aliyuncs.com",
			"deploy target %[1]s: endpoint %[2]q must be http(s)://host[:port]", u.Scheme+"://"+u.Host+u.Path, endpoint)
	}
	e.endpoint = ep
	switch q.Get("style") {
	case "path":
		e.pathURLs = true
	case "virtual":
	case "":
		// OSS and COS want the bucket in the host name; an endpoint given
		// by address (an on-campus MinIO, SeaweedFS) takes it in the path
		e.pathURLs = u.Scheme == "s3" && q.Get("endpoint") != "" && !strings.Contains(ep.Hostname(), "amazonaws.com") &&
			!strings.Contains(ep.Hostname(), "aliyuncs.com") && !strings.Contains(ep.Hostname(), "myqcloud.com")
	default:
		return nil, lang.Errorf("发布地址 %[1]s 中的 style 只能是 path 或 virtual", "deploy target %[1]s: style is path or virtual", u.Scheme+"://"+u.Host+u.Path)
	}
	return e, nil
}

func (e *s3Endpoint) String() string {
	s := e.scheme + "://" + e.bucket + "/" + e.prefix
	if e.scheme == "s3" {
		s += " (" + e.endpoint.Scheme + "://" + e.endpoint.Host + ")"
	}
	return s
}

// s3Credentials finds the keys: the environment (AWS_ACCESS_KEY_ID and
// AWS_SECRET_ACCESS_KEY, or OSS_ACCESS_KEY_ID and OSS_ACCESS_KEY_SECRET
// for oss://, COS_SECRET_ID and COS_SECRET_KEY for cos://), then the shared
// credentials file (~/.aws/credentials, profile AWS_PROFILE or the URL's
// profile). Without any, requests go unsigned (a store open to anonymous
// writes, such as a test server).
func s3Credentials(e *s3Endpoint) *credentials.Credentials {
	env := func(id, secret, token string) credentials.Provider {
		return &credentials.Static{Value: credentials.Value{AccessKeyID: os.Getenv(id), SecretAccessKey: os.Getenv(secret),
			SessionToken: os.Getenv(token), SignerType: credentials.SignatureV4}}
	}
	var chain []credentials.Provider
	switch e.scheme {
	case "oss":
		chain = append(chain, env("OSS_ACCESS_KEY_ID", "OSS_ACCESS_KEY_SECRET", "OSS_SESSION_TOKEN"),
			env("ALIBABA_CLOUD_ACCESS_KEY_ID", "ALIBABA_CLOUD_ACCESS_KEY_SECRET", "ALIBABA_CLOUD_SECURITY_TOKEN"))
	case "cos":
		chain = append(chain, env("COS_SECRET_ID", "COS_SECRET_KEY", "COS_SESSION_TOKEN"),
			env("TENCENTCLOUD_SECRET_ID", "TENCENTCLOUD_SECRET_KEY", "TENCENTCLOUD_SESSION_TOKEN"))
	}
	chain = append(chain, env("AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN"),
		&credentials.FileAWSCredentials{Profile: e.profile})
	return credentials.NewChainCredentials(chain)
}

// dialS3 opens an object storage target and checks that its bucket exists
// (a typo is reported, never created; keys not allowed to look are let
// through). A request that fails is tried
// again up to retries times (0: minio-go's default, 10, with growing
// pauses: a network hiccup does not stop a deploy); transport nil is
// minio-go's.
func dialS3(ctx context.Context, u *url.URL, transport http.RoundTripper, retries int) (*s3Target, error) {
	e, err := parseS3URL(u)
	if err != nil {
		return nil, err
	}
	lookup := minio.BucketLookupDNS
	if e.pathURLs {
		lookup = minio.BucketLookupPath
	}
	if transport == nil {
		tr, _ := minio.DefaultTransport(e.endpoint.Scheme == "https")
		tr.MaxIdleConnsPerHost = 64
		transport = tr
	}
	client, err := minio.New(e.endpoint.Host, &minio.Options{
		Creds: s3Credentials(e), Secure: e.endpoint.Scheme == "https", Region: e.region,
		BucketLookup: lookup, Transport: transport, MaxRetries: retries,
	})
	if err != nil {
		return nil, lang.Errorf("发布地址 %[1]s 无法使用", "deploy target %[1]s: %[2]v", e, err)
	}
	t := &s3Target{display: e.String(), bucket: e.bucket, prefix: e.prefix, client: client}
	ok, err := client.BucketExists(ctx, e.bucket)
	if code := minio.ToErrorResponse(err).Code; code == "AccessDenied" {
		// keys allowed only the objects under the prefix may not look at
		// the bucket: the first request of the deploy tells the rest
		return t, nil
	}
	if err != nil {
		return nil, s3Error(err, t, "无法连接对象存储 %[2]s%[1]s", "reaching %[2]s%[1]s: %[3]v", "")
	}
	if !ok {
		return nil, lang.Errorf("对象存储上没有存储桶 %[1]q（%[2]s）：请核对发布地址；存储桶需先在控制台创建，showcase 不会自动创建",
			"bucket %[1]q does not exist at %[2]s; create it first (deploy never creates one)", e.bucket, e.endpoint.Host)
	}
	return t, nil
}

// s3Error turns an error of the store into a message for staff: a missing
// object is fs.ErrNotExist (wrapped), refused keys tell where keys come from.
func s3Error(err error, t *s3Target, zh, en, name string) error {
	resp := minio.ToErrorResponse(err)
	switch resp.Code {
	case "AccessDenied", "InvalidAccessKeyId", "SignatureDoesNotMatch", "InvalidSecurity":
		return lang.Errorf(zh+"：对象存储拒绝了访问（%[4]s）。请检查密钥：环境变量 AWS_ACCESS_KEY_ID 和 AWS_SECRET_ACCESS_KEY"+
			"（阿里云 OSS 也可用 OSS_ACCESS_KEY_ID、OSS_ACCESS_KEY_SECRET，腾讯云 COS 也可用 COS_SECRET_ID、COS_SECRET_KEY），"+
			"或 ~/.aws/credentials；并确认该密钥有写这个存储桶的权限",
			en+" (check the keys: AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY, OSS_…, COS_…, or ~/.aws/credentials)", name, t, err, resp.Code)
	}
	return lang.Errorf(zh, en, name, t, err)
}

// notFound reports whether the store said the object (or bucket) is not there.
func notFound(err error) bool {
	resp := minio.ToErrorResponse(err)
	return resp.Code == "NoSuchKey" || resp.StatusCode == http.StatusNotFound
}
