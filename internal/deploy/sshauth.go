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
	"showcase/internal/lang"
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
		return nil, nil, lang.Errorf("连接不上服务器 %[1]s：请检查网络，以及发布地址中的服务器名和端口",
			"cannot reach %[1]s: %[2]v", addr, err)
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
			return nil, nil, lang.Errorf("服务器 %[1]s 拒绝了用户 %[2]s 的登录，没有一个密钥或密码被接受：请把您的公钥加到服务器上的 ~%[2]s/.ssh/authorized_keys 中（可请服务器管理员帮忙），或在 site.toml 中用 identityFile 指定密钥",
				"%[1]s refused to log in %[2]s: no key or password was accepted (tried %[3]s); add your public key to ~%[2]s/.ssh/authorized_keys on the server, or name a key with identityFile in site.toml",
				addr, user, tried)
		}
		return nil, nil, lang.Errorf("与服务器 %[1]s 的 SSH 连接失败", "%[1]s: %[2]v", addr, err)
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
		return lang.Sprintf("未知主机，已停止发布：服务器 %[1]s 不在 %[2]s 中，无法核实它的身份。它出示的密钥指纹是 %[3]s：请向服务器管理员核对，确认无误后运行 `%[4]s >> %[2]s` 添加，或用 `%[5]s` 连接一次并回答 yes",
			"host %[1]s is not in %[2]s, so its identity cannot be checked. It shows the key %[3]s: confirm that fingerprint with the server's administrator, then add the host with `%[4]s >> %[2]s` or by connecting once with `%[5]s` and answering yes",
			e.Addr, e.KnownHosts, e.Fingerprint, scan, login)
	case "revoked":
		return lang.Sprintf("主机密钥已被吊销，已停止发布：服务器 %[1]s 出示的密钥 %[2]s 在 %[3]s 中被标为吊销，请联系服务器管理员",
			"host %[1]s shows the key %[2]s, which %[3]s marks as revoked", e.Addr, e.Fingerprint, e.KnownHosts)
	}
	return lang.Sprintf("主机密钥已变更，已停止发布：服务器 %[1]s 出示的密钥 %[2]s 与 %[3]s 中记录的不符，可能有人在截取连接。"+
		"如果服务器重装过，请向管理员核对新的指纹，再用 `ssh-keygen -R %[4]s -f %[3]s` 删去旧记录，用 `%[5]s >> %[3]s` 加入新的",
		"the host key of %[1]s has CHANGED: it shows %[2]s, which does not match %[3]s. Someone may be intercepting the connection; if the server was reinstalled, confirm the new fingerprint with its administrator, remove the old entry with `ssh-keygen -R %[4]s -f %[3]s` and add the new one with `%[5]s >> %[3]s`",
		e.Addr, e.Fingerprint, e.KnownHosts, knownHostsName(e.Addr), scan)
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
			return nil, nil, lang.Errorf("无法读取已知主机文件 %[1]s", "%[1]s: %[2]v", file, err)
		}
		known = cb
	} else if !errors.Is(err, fs.ErrNotExist) {
		return nil, nil, lang.Errorf("无法读取已知主机文件 %[1]s", "%[1]s: %[2]v", file, err)
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
		ask := func() (string, error) { return c.Prompt(lang.Say("%s 的密码：", "%s's password: ", who)) }
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
		return nil, lang.Errorf("无法读取 SSH 密钥文件 %[1]s：请检查 site.toml 中 identityFile 写的路径", "SSH key %[1]s: %[2]v", file, err)
	}
	s, err := ssh.ParsePrivateKey(data)
	var missing *ssh.PassphraseMissingError
	if errors.As(err, &missing) && prompt != nil {
		pass, perr := prompt(lang.Say("密钥 %s 的口令：", "passphrase for %s: ", file))
		if perr != nil {
			return nil, perr
		}
		s, err = ssh.ParsePrivateKeyWithPassphrase(data, []byte(pass))
	}
	if err != nil {
		return nil, lang.Errorf("SSH 密钥 %[1]s 无法使用（口令不对，或不是私钥文件）", "SSH key %[1]s: %[2]v", file, err)
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
