// Package deploy publishes a built site — a folder of files — to the campus
// web host, incrementally, in a safe order, and without ever leaving the
// live site broken. It knows nothing of pages: it pushes files.
//
// # Targets
//
// A target is a folder reached one of three ways, all behind the Target
// interface so that everything below is written (and tested) once:
//
//   - sftp://user@host[:port]/path — over SSH (golang.org/x/crypto/ssh and
//     github.com/pkg/sftp). The path is absolute; /~/path is relative to the
//     login folder. Keys are found as ssh finds them: the target's
//     identityFile, then ssh-agent ($SSH_AUTH_SOCK), then ~/.ssh/id_ed25519
//     and ~/.ssh/id_rsa; a password (or a key's passphrase) is asked only
//     when the caller can ask (Connect.Prompt, set by the CLI on a
//     terminal). The server's host key must be in ~/.ssh/known_hosts (or the
//     target's knownHosts): an unknown or changed key stops the deploy with
//     a HostKeyError telling how to add it (ssh-keyscan, or ssh once). There
//     is no option to skip the check.
//   - file:///mnt/www/site — a local folder or a mounted share. Written
//     without file:// too (/mnt/www/site). On Windows: file:///D:/发布/网站,
//     file://D:/发布/网站, D:\发布\网站, and a share as
//     file://server/share/网站 or \\server\share\网站. On a folder where case
//     does not matter (Windows, macOS) a file renamed only in case is kept,
//     not deleted as the old name.
//   - s3://bucket/prefix?endpoint=https://host&region=R,
//     oss://bucket/prefix?region=cn-hangzhou,
//     cos://bucket-appid/prefix?region=ap-guangzhou — a prefix of a bucket of
//     object storage (see Object storage).
//
// The target folder must exist; it is never created, so a missing mount or
// a typo in the path is an error, not a new empty site.
//
// # Object storage
//
// An s3:// target is a prefix of a bucket of any S3-compatible store (AWS,
// Aliyun OSS, Tencent COS, MinIO, Ceph, SeaweedFS), through minio-go; oss://
// and cos:// fill in their S3-compatible endpoints
// (https://s3.oss-REGION.aliyuncs.com, https://cos.REGION.myqcloud.com) and
// use the bucket in the host name, as those stores want; an s3:// endpoint
// given by address takes it in the path (style=path|virtual overrides).
// A bucket reached only through its custom domain (OSS accounts opened
// since March 2025, in mainland regions) cannot be deployed to: the client
// always names the bucket in the host or the path. Keys come from the environment
// (AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY; for oss:// also
// OSS_ACCESS_KEY_ID and OSS_ACCESS_KEY_SECRET, for cos:// COS_SECRET_ID and
// COS_SECRET_KEY) or the shared credentials file (~/.aws/credentials, profile
// AWS_PROFILE or the URL's profile=); keys in the URL are refused; with none,
// requests go unsigned. The bucket must exist. Everything below holds, with
// these differences: the manifest, journal and lock are objects beside the
// site's; an object is written by one PUT, which replaces it whole (no part
// name, no rename); there are no links or folders to check or remove; the
// lock is written with If-None-Match: * (and a HEAD before and a read back
// after, for a store that ignores the condition), and breaking a stale one
// copies it aside then deletes it; the journal object is rewritten at most
// once a second (object storage cannot append), so a cut may lose its last
// "done" lines, whose objects the rerun reads back. Every object gets its
// headers (objectHeaders): Content-Type (charset=utf-8 for text);
// Cache-Control no-cache for pages, feeds, sitemap, robots.txt and manifests,
// a year immutable for files named by their content (main.3f2a9c1b.css, the
// search index's files), ten minutes for other assets; Content-Encoding gzip
// for .svgz (the search index's gzip files are unpacked by its script and are
// served as they are). After a deploy, CheckWebsite asks the site's public
// address for a folder URL (…/news/x/) and warns unless it gets that folder's
// index.html: OSS and COS need their static-website mode and a custom domain.
// ChangedURLs and CDNRefresh hand the URLs a deploy replaced or deleted to a
// CDN purge command (for any target).
//
// # Links on the target
//
// Deploy never follows a symbolic link below the target folder. Before it
// writes, renames, deletes or reads a path, it looks at each folder between
// the target folder and the path with lstat (os.Lstat for file://, SFTP's
// LSTAT for sftp://), once per folder per deploy, and refuses a link with a
// SymlinkError naming it: a planted css -> /elsewhere cannot take the
// stylesheets out of the target, nor a manifest entry under a linked folder
// delete a file outside it. The deploy's own files (manifest, journal)
// that are links are refused too. Every folder the plan touches is checked
// before anything changes, so a link stops the deploy whole. The target
// folder itself may be a link (servers often have /var/www/site ->
// /srv/site): it is what the operator named, and is resolved once when the
// target is opened. A link planted during a deploy, between the check and
// the use, is not caught.
//
// # What the target holds
//
// Beside the site, in its root:
//
//	.showcase-manifest.json    every file deploy placed: path, size, SHA-256;
//	                           and the site (Options.Site) whose deploy wrote it
//	.showcase-deploy-journal   only while a deploy is under way (or was cut off)
//	.showcase-deploy.lock      only while a deploy is under way
//	.showcase-part.RUN.NAME    a file being written, beside its final NAME
//	                           (RUN names the deploy, recorded in the journal)
//
// # A deploy, step by step
//
//  1. hash the build (all cores);
//  2. take the lock (see Locks below); a second deploy fails with a
//     LockedError naming the holder;
//  3. read the manifest (and the journal of a deploy that was cut off, see
//     below) and plan: files whose size or SHA-256 differ from the manifest
//     are sent; files the manifest lists that the build no longer has are
//     deleted; files the manifest never listed are left alone, unless
//     Prune — and Prune only on a target whose manifest names this site
//     (Options.Site; the CLI passes site.toml's baseURL, or its title when
//     it has none). A target without a manifest (another site's folder, a
//     site's sources), or whose manifest is another site's or predates
//     manifests naming their site, is refused with a PruneRefusedError
//     listing what Prune would remove; a deploy without Prune writes the
//     manifest, adopting the target, after which Prune works. More
//     deletions than MaxDeletes (256 by default in site.toml) stop the
//     deploy before it changes anything: a wrong target or an empty build
//     folder cannot wipe a host. Every folder the plan writes or deletes in
//     is checked for links (above). A dry run (DryRun) stops here, listing
//     the plan (Plan.Describe, and Result.PruneRefused), and takes no lock;
//  4. write the journal: the files about to be sent (with their new size
//     and hash) and deleted;
//  5. send, in stages, each stage finished before the next begins: assets
//     (images, CSS, JS, fonts, search shards, everything else), then pages
//     (.html), then indexes (.xml feeds and sitemap, .txt such as
//     robots.txt, and any file named *manifest*, such as the search
//     manifest) — so no page points at an image not yet there, and no feed
//     at a page. Several files are in flight at once (Workers, default 16)
//     over the one SSH connection, each file's writes pipelined too; new
//     folders are made first, parents before children, many at once. Every file is
//     written under its part name in its own folder and renamed into place:
//     readers get the old file or the new one, never half of one. SFTP
//     renames with posix-rename@openssh.com, which replaces atomically;
//     on a server without it the old file is removed just before the
//     rename, and for that one round trip the path is missing (never
//     partial). After each file a "done" line is appended to the journal;
//  6. write the manifest, listing exactly the build (every file of which is
//     now in place);
//  7. delete the files that left the build, then the folders that left
//     empty;
//  8. remove the journal, then the lock.
//
// # Interruptions
//
// A deploy cut off at any point (network drop, Ctrl-C, kill -9, power loss
// of the laptop) leaves every live file whole, old or new, because files
// only ever appear by rename. The manifest never claims a file that is not
// there: until step 6 it is the previous deploy's, whose files are all
// still present (step 5 only adds and replaces), and step 6 writes it only
// once every file it lists has arrived; deletions come after it, and only
// remove files it no longer lists.
//
// The journal tells the next run what was in flight. A rerun that finds a
// journal trusts the manifest for every path the journal does not name; a
// path the journal marks done has the content the journal recorded; any
// other path the journal names is looked at on the target: a file there
// with the build's size and SHA-256 (read back) is kept, not sent again.
// The rerun then records this corrected state as the manifest before
// writing its own journal, so a rerun that is itself cut off loses nothing,
// and removes the part files the interrupted deploy may have left. Reruns
// converge to the build without re-sending what already arrived.
//
// Ctrl-C (the end of ctx) lets the files in flight land, keeps the journal
// and releases the lock. The lock of a deploy that was killed or whose
// connection dropped stays on the target, for the rerun to judge (see
// Locks). A connection that silently stops answering is closed after a
// keepalive goes unanswered (keepAliveTimeout), so a deploy fails rather
// than hangs.
//
// # Locks
//
// A deploy creates .showcase-deploy.lock with O_EXCL (SFTP has the same
// flag), holding user, host name, pid and start time, and, where Linux
// tells them, the machine-id, boot_id, PID namespace and the process's own
// start time (/proc/PID/stat); it rewrites the lock every lockBeatEvery (a
// minute) with a heartbeat, and removes it at the end if it is still its
// own. A deploy finding a lock:
//
//   - takes it over without being asked when its holder has provably ended:
//     same host name, boot and PID namespace as this process, and the pid
//     no longer runs or now belongs to a process started at another time;
//     or same machine-id and another boot (the computer restarted). The
//     summary says whose lock it took over. Breaking a lock renames it
//     aside first, so of several deploys breaking it at once only one can,
//     and a lock that turns out to be another's is put back;
//   - refuses any other lock with a LockedError saying, Chinese first, who
//     holds it, on which computer, since when and when it last showed life.
//     --force-unlock breaks a lock that is damaged, one of an older showcase
//     (no boot recorded) whose pid has ended on a computer of the same host
//     name, or one silent for StaleLockAge (15 minutes); never a lock whose
//     holder may be running. Where nothing can be proven (Windows, macOS: no
//     /proc), a dead deploy's lock needs --force-unlock, as before.
//
// # What it does not do
//
// The manifest is trusted: a file removed or edited on the host by hand
// behind deploy's back is not noticed until its build file changes (delete
// the manifest to make the next deploy send everything). Files are not
// fsynced: a crash of the host itself (not of the deploy) may lose the
// last files, as with any copy.
package deploy
