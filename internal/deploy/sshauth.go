package deploy

import (
	"context"
	"crypto/ed25519"
	"errors"
	"fmt"
	"io/fs"
	"net"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"time"

	"golang.org/x/crypto/ssh"
	"golang.org/x/crypto/ssh/agent"
	"golang.org/x/crypto/ssh/knownhosts"

	"showcase/internal/config"
)

// handshakeTimeout bounds connecting and logging in.
const handshakeTimeout = 30 * time.Second

// dialSSH connects and logs in, checking the server's host key against
// known_hosts the way ssh does, and trying keys the way ssh finds them.
func dialSSH(ctx context.Context, u *url.URL, t config.DeployTarget, c Connect) (*ssh.Client, *meteredConn, error) {
	home := c.Home
	if home == "" {
		home, _ = os.UserHomeDir()
	}
	port := u.Port()
	if port == "" {
		port = "22"
	}
	addr := net.JoinHostPort(u.Hostname(), port)
	knownHosts := expandHome(t.KnownHosts, home)
	if knownHosts == "" {
		knownHosts = filepath.Join(home, ".ssh", "known_hosts")
	}
	hostKeys, algorithms, err := hostKeyCheck(knownHosts, addr)
	if err != nil {
		return nil, nil, err
	}
	user := u.User.Username()
	auth, tried, done, err := authMethods(c, expandHome(t.IdentityFile, home), home, user+"@"+u.Hostname())
	if err != nil {
		return nil, nil, err
	}
	defer done()
	cfg := &ssh.ClientConfig{
		User: user, Auth: auth, HostKeyCallback: hostKeys, HostKeyAlgorithms: algorithms,
		Timeout: handshakeTimeout,
	}
	d := net.Dialer{Timeout: handshakeTimeout}
	raw, err := d.DialContext(ctx, "tcp", addr)
	if err != nil {
		return nil, nil, fmt.Errorf("cannot reach %s: %v (无法连接服务器)", addr, err)
	}
	conn := &meteredConn{Conn: raw}
	conn.SetDeadline(time.Now().Add(handshakeTimeout))
	sc, chans, reqs, err := ssh.NewClientConn(conn, addr, cfg)
	if err != nil {
		conn.Close()
		var hk *HostKeyError
		if errors.As(err, &hk) {
			return nil, nil, hk
		}
		if strings.Contains(err.Error(), "unable to authenticate") {
			return nil, nil, fmt.Errorf("%s refused to log in %s: no key or password was accepted (tried %s); add your public key to ~%s/.ssh/authorized_keys on the server, or name a key with identityFile in site.toml (登录被拒绝)",
				addr, user, tried, user)
		}
		return nil, nil, fmt.Errorf("%s: %v (SSH 连接失败)", addr, err)
	}
	conn.SetDeadline(time.Time{})
	return ssh.NewClient(sc, chans, reqs), conn, nil
}

// HostKeyError stops a deploy whose server is not the one known_hosts
// names: its key is unknown, changed, or revoked.
type HostKeyError struct {
	Addr        string // host:port
	Kind        string // "unknown", "changed" or "revoked"
	Fingerprint string // of the key the server showed
	KnownHosts  string // the file consulted
}

func (e *HostKeyError) Error() string {
	host, port, _ := net.SplitHostPort(e.Addr)
	scan := "ssh-keyscan " + host
	login := "ssh " + host
	if port != "22" {
		scan = "ssh-keyscan -p " + port + " " + host
		login = "ssh -p " + port + " " + host
	}
	switch e.Kind {
	case "unknown":
		return fmt.Sprintf("host %s is not in %s, so its identity cannot be checked (未知主机，已停止发布). It shows the key %s: confirm that fingerprint with the server's administrator, then add the host with `%s >> %s` or by connecting once with `%s` and answering yes",
			e.Addr, e.KnownHosts, e.Fingerprint, scan, e.KnownHosts, login)
	case "revoked":
		return fmt.Sprintf("host %s shows the key %s, which %s marks as revoked (主机密钥已被吊销，已停止发布)", e.Addr, e.Fingerprint, e.KnownHosts)
	}
	return fmt.Sprintf("the host key of %s has CHANGED: it shows %s, which does not match %s (主机密钥已变更，已停止发布). Someone may be intercepting the connection; if the server was reinstalled, confirm the new fingerprint with its administrator, remove the old entry with `ssh-keygen -R %s -f %s` and add the new one with `%s >> %s`",
		e.Addr, e.Fingerprint, e.KnownHosts, knownHostsName(e.Addr), e.KnownHosts, scan, e.KnownHosts)
}

// knownHostsName is how known_hosts writes an address: host, or [host]:port.
func knownHostsName(addr string) string {
	host, port, _ := net.SplitHostPort(addr)
	if port == "22" {
		return host
	}
	return "[" + host + "]:" + port
}

// hostKeyCheck returns the host key callback for addr and the key
// algorithms to ask the server for: those known_hosts holds for it, so a
// server with several host keys shows the one we know (not, say, its ECDSA
// key when we recorded its Ed25519 one, which would look like a change).
func hostKeyCheck(file, addr string) (ssh.HostKeyCallback, []string, error) {
	known := func(string, net.Addr, ssh.PublicKey) error { return &knownhosts.KeyError{} }
	if _, err := os.Stat(file); err == nil {
		cb, err := knownhosts.New(file)
		if err != nil {
			return nil, nil, fmt.Errorf("%s: %v (known_hosts 文件无法读取)", file, err)
		}
		known = cb
	} else if !errors.Is(err, fs.ErrNotExist) {
		return nil, nil, fmt.Errorf("%s: %v (known_hosts 文件无法读取)", file, err)
	}
	check := func(hostname string, remote net.Addr, key ssh.PublicKey) error {
		err := known(hostname, remote, key)
		if err == nil {
			return nil
		}
		e := &HostKeyError{Addr: addr, Fingerprint: ssh.FingerprintSHA256(key), KnownHosts: file}
		var ke *knownhosts.KeyError
		var re *knownhosts.RevokedError
		switch {
		case errors.As(err, &ke) && len(ke.Want) == 0:
			e.Kind = "unknown"
		case errors.As(err, &ke):
			e.Kind = "changed"
		case errors.As(err, &re):
			e.Kind = "revoked"
		default:
			return err
		}
		return e
	}
	// ask with a key no one holds: the mismatch lists the keys on record
	probe, _ := ssh.NewPublicKey(ed25519.NewKeyFromSeed(make([]byte, ed25519.SeedSize)).Public())
	var algorithms []string
	var ke *knownhosts.KeyError
	if err := known(addr, &net.TCPAddr{IP: net.IPv4zero}, probe); errors.As(err, &ke) {
		seen := map[string]bool{}
		for _, k := range ke.Want {
			for _, a := range algorithmsFor(k.Key.Type()) {
				if !seen[a] {
					seen[a] = true
					algorithms = append(algorithms, a)
				}
			}
		}
	}
	return check, algorithms, nil
}

// algorithmsFor lists the signature algorithms a host key of that type
// signs with.
func algorithmsFor(keyType string) []string {
	if keyType == ssh.KeyAlgoRSA {
		return []string{ssh.KeyAlgoRSASHA512, ssh.KeyAlgoRSASHA256, ssh.KeyAlgoRSA}
	}
	return []string{keyType}
}

// authMethods gathers the keys ssh would offer (the target's identity file,
// then the agent's keys, then ~/.ssh/id_ed25519 and ~/.ssh/id_rsa), and a
// password prompt when c.Prompt is set. tried describes them for an error;
// done closes the agent connection.
func authMethods(c Connect, identity, home, who string) (methods []ssh.AuthMethod, tried string, done func(), err error) {
	done = func() {}
	var signers []ssh.Signer
	var names []string
	if identity != "" {
		s, err := loadKey(identity, c.Prompt)
		if err != nil {
			return nil, "", done, err
		}
		signers = append(signers, s)
		names = append(names, identity)
	}
	sock := c.Agent
	if sock == "" {
		sock = os.Getenv("SSH_AUTH_SOCK")
	}
	if sock != "" && sock != "-" {
		if conn, err := net.Dial("unix", sock); err == nil {
			done = func() { conn.Close() }
			if keys, err := agent.NewClient(conn).Signers(); err == nil && len(keys) > 0 {
				signers = append(signers, keys...)
				names = append(names, fmt.Sprintf("%d key(s) of ssh-agent", len(keys)))
			}
		}
	}
	for _, name := range []string{"id_ed25519", "id_rsa"} {
		file := filepath.Join(home, ".ssh", name)
		if file == identity {
			continue
		}
		if s, err := loadKey(file, c.Prompt); err == nil {
			signers = append(signers, s)
			names = append(names, file)
		}
	}
	if len(signers) > 0 {
		// one "publickey" method: x/crypto/ssh tries each method name once
		methods = append(methods, ssh.PublicKeys(signers...))
	}
	if c.Prompt != nil {
		ask := func() (string, error) { return c.Prompt(who + "'s password: ") }
		methods = append(methods, ssh.PasswordCallback(ask),
			ssh.KeyboardInteractive(func(_, _ string, questions []string, _ []bool) ([]string, error) {
				answers := make([]string, len(questions))
				for i, q := range questions {
					a, err := c.Prompt(who + ": " + q)
					if err != nil {
						return nil, err
					}
					answers[i] = a
				}
				return answers, nil
			}))
		names = append(names, "a password")
	}
	if len(names) == 0 {
		names = append(names, "nothing: no ssh-agent, no ~/.ssh/id_ed25519 or id_rsa, and no terminal to ask a password on")
	}
	return methods, strings.Join(names, ", "), done, nil
}

// loadKey reads a private key file, asking for its passphrase if needed and
// possible.
func loadKey(file string, prompt func(string) (string, error)) (ssh.Signer, error) {
	data, err := os.ReadFile(file)
	if err != nil {
		return nil, fmt.Errorf("SSH key %s: %v (无法读取密钥文件)", file, err)
	}
	s, err := ssh.ParsePrivateKey(data)
	var missing *ssh.PassphraseMissingError
	if errors.As(err, &missing) && prompt != nil {
		pass, perr := prompt("passphrase for " + file + ": ")
		if perr != nil {
			return nil, perr
		}
		s, err = ssh.ParsePrivateKeyWithPassphrase(data, []byte(pass))
	}
	if err != nil {
		return nil, fmt.Errorf("SSH key %s: %v (密钥无法使用)", file, err)
	}
	return s, nil
}

// expandHome turns a leading ~/ into the home folder.
func expandHome(p, home string) string {
	if p == "~" {
		return home
	}
	if strings.HasPrefix(p, "~/") {
		return filepath.Join(home, p[2:])
	}
	return p
}
