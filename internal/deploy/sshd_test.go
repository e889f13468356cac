package deploy

import (
	"bufio"
	"context"
	"crypto/ed25519"
	"crypto/rand"
	"encoding/pem"
	"errors"
	"fmt"
	"net"
	"os"
	"os/exec"
	"os/user"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"golang.org/x/crypto/ssh"
	"golang.org/x/crypto/ssh/knownhosts"

	"showcase/internal/browsertest"
	"showcase/internal/config"
)

// sshServer is a real OpenSSH server on 127.0.0.1, started for a test with
// its own host key and a key for the client, both generated in a temporary
// folder.
type sshServer struct {
	addr       string // 127.0.0.1:port
	user       string
	identity   string // the client's private key file
	knownHosts string // a known_hosts file that records the server's key
	home       string // an empty home folder: no default keys to stumble on
	dir        string
	log        *lockedLog
	pid        int // the listening sshd; each connection runs in its children
}

// lockedLog keeps sshd's log for a failing test.
type lockedLog struct {
	mu sync.Mutex
	b  strings.Builder
}

func (l *lockedLog) add(line string) {
	l.mu.Lock()
	l.b.WriteString(line + "\n")
	l.mu.Unlock()
}

func (l *lockedLog) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.String()
}

// startSSHD starts sshd -D -e for the test and stops it when the test ends.
// Without sshd the test is skipped (or fails, when SHOWCASE_REQUIRE_ALL is
// set, as in CI).
func startSSHD(t testing.TB) *sshServer {
	t.Helper()
	bin, err := exec.LookPath("sshd")
	if err != nil {
		if _, serr := os.Stat("/usr/sbin/sshd"); serr != nil {
			browsertest.Require(t, "sshd (apt-get install openssh-server)", err)
		}
		bin = "/usr/sbin/sshd"
	}
	u, err := user.Current()
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	s := &sshServer{user: u.Username, dir: dir, home: filepath.Join(dir, "home"), log: &lockedLog{}}
	hostKey := writeKey(t, filepath.Join(dir, "host_ed25519"))
	userKey := writeKey(t, filepath.Join(dir, "id_ed25519"))
	s.identity = filepath.Join(dir, "id_ed25519")
	mustWrite(t, filepath.Join(dir, "authorized_keys"), string(ssh.MarshalAuthorizedKey(userKey)))
	if err := os.MkdirAll(s.home, 0o700); err != nil {
		t.Fatal(err)
	}
	if os.Geteuid() == 0 {
		// Debian's sshd refuses to start as root without its privilege
		// separation folder (systemd makes it at boot)
		if err := os.MkdirAll("/run/sshd", 0o755); err != nil {
			t.Fatal(err)
		}
	}
	for attempt := 0; ; attempt++ {
		err := s.start(t, bin)
		if err == nil {
			break
		}
		if attempt == 2 {
			t.Fatalf("sshd did not start: %v\n%s", err, s.log)
		}
	}
	s.knownHosts = filepath.Join(dir, "known_hosts")
	mustWrite(t, s.knownHosts, knownhosts.Line([]string{knownhosts.Normalize(s.addr)}, hostKey)+"\n")
	return s
}

// start runs sshd on a free port and waits (at most 20 s) for the line in
// which it says it listens.
func (s *sshServer) start(t testing.TB, bin string) error {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return err
	}
	s.addr = l.Addr().String()
	l.Close()
	_, port, _ := net.SplitHostPort(s.addr)
	conf := filepath.Join(s.dir, "sshd_config")
	mustWrite(t, conf, strings.Join([]string{
		"Port " + port,
		"ListenAddress 127.0.0.1",
		"HostKey " + filepath.Join(s.dir, "host_ed25519"),
		"AuthorizedKeysFile " + filepath.Join(s.dir, "authorized_keys"),
		"PidFile " + filepath.Join(s.dir, "sshd.pid"),
		"StrictModes no",
		"UsePAM no",
		"PasswordAuthentication no",
		"KbdInteractiveAuthentication no",
		"PermitRootLogin prohibit-password",
		"Subsystem sftp internal-sftp",
		"",
	}, "\n"))
	cmd := exec.Command(bin, "-D", "-e", "-f", conf)
	stderr, err := cmd.StderrPipe()
	if err != nil {
		return err
	}
	if err := cmd.Start(); err != nil {
		return err
	}
	ready := make(chan struct{})
	exited := make(chan struct{})
	go func() {
		sc := bufio.NewScanner(stderr)
		once := sync.Once{}
		for sc.Scan() {
			line := sc.Text()
			s.log.add(line)
			if strings.Contains(line, "Server listening on 127.0.0.1 port "+port) {
				once.Do(func() { close(ready) })
			}
		}
		cmd.Wait()
		close(exited)
	}()
	select {
	case <-ready:
		s.pid = cmd.Process.Pid
		t.Cleanup(func() {
			cmd.Process.Kill()
			<-exited
		})
		return nil
	case <-exited:
		return errors.New("sshd exited")
	case <-time.After(20 * time.Second):
		cmd.Process.Kill()
		<-exited
		return errors.New("sshd did not say it was listening within 20 s")
	}
}

// settle waits (at most 10 s) until no connection is left on the server.
// A dropped connection's sshd goes on with the SFTP requests it had
// already received (a write, a rename) before it sees the end, so a test
// that looks at the target right after a cut must wait for it.
func (s *sshServer) settle(t *testing.T) {
	t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for {
		kids, err := childProcesses(s.pid)
		if err != nil {
			t.Fatalf("looking for sshd's connections: %v", err)
		}
		if kids == 0 {
			return
		}
		if time.Now().After(deadline) {
			t.Fatalf("sshd still has %d connection processes 10 s after the cut\n%s", kids, s.log)
		}
		time.Sleep(10 * time.Millisecond)
	}
}

// childProcesses counts, from /proc, the processes below pid (children,
// grandchildren …: with privilege separation the connection that serves
// SFTP is a grandchild), and sshd processes left to init by a connection
// whose parent ended first: any of them may still be serving requests.
func childProcesses(pid int) (int, error) {
	stats, err := filepath.Glob("/proc/[0-9]*/stat")
	if err != nil {
		return 0, err
	}
	parent := map[int]int{}
	orphans := 0
	for _, f := range stats {
		data, err := os.ReadFile(f)
		if err != nil {
			continue // the process ended while we looked
		}
		// pid (comm) state ppid ...; comm may hold spaces and parentheses
		s := string(data)
		open, close := strings.IndexByte(s, '('), strings.LastIndexByte(s, ')')
		if open < 0 || close < open {
			continue
		}
		me, _ := strconv.Atoi(strings.TrimSpace(s[:open]))
		fields := strings.Fields(s[close+1:])
		if len(fields) < 2 {
			continue
		}
		ppid, _ := strconv.Atoi(fields[1])
		parent[me] = ppid
		if ppid == 1 && strings.HasPrefix(s[open+1:close], "sshd") && servesConnection(me) {
			orphans++
		}
	}
	n := 0
	for p := range parent {
		for q, hops := parent[p], 0; q > 1 && hops < 64; q, hops = parent[q], hops+1 {
			if q == pid {
				n++
				break
			}
		}
	}
	return n + orphans, nil
}

// target is the deploy target for a folder of this server.
func (s *sshServer) target(folder string) config.DeployTarget {
	return config.DeployTarget{
		Name: "test", URL: fmt.Sprintf("sftp://%s@%s%s", s.user, s.addr, filepath.ToSlash(folder)),
		IdentityFile: s.identity, KnownHosts: s.knownHosts,
	}
}

// connect is how the tests connect: no agent, no home keys, no prompt.
func (s *sshServer) connect() Connect {
	return Connect{Home: s.home, Agent: "-"}
}

// open connects to a folder of this server.
func (s *sshServer) open(t testing.TB, folder string) Target {
	t.Helper()
	tg, err := Open(context.Background(), s.target(folder), s.connect())
	if err != nil {
		t.Fatalf("connecting: %v\n%s", err, s.log)
	}
	t.Cleanup(func() { tg.Close() })
	return tg
}

// writeKey generates an Ed25519 key, writes it in OpenSSH's format with
// mode 0600 (sshd refuses a readable host key) and returns its public half.
func writeKey(t testing.TB, file string) ssh.PublicKey {
	t.Helper()
	pub, priv, err := ed25519.GenerateKey(rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	block, err := ssh.MarshalPrivateKey(priv, "showcase test")
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(file, pem.EncodeToMemory(block), 0o600); err != nil {
		t.Fatal(err)
	}
	sp, err := ssh.NewPublicKey(pub)
	if err != nil {
		t.Fatal(err)
	}
	return sp
}

func mustWrite(t testing.TB, file, data string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(file), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(file, []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
}

// servesConnection tells an sshd process that serves a connection ("sshd:
// root@notty", "sshd: root [priv]") from a listener, such as a system's own
// sshd ("sshd: /usr/sbin/sshd -D [listener] …").
func servesConnection(pid int) bool {
	cmd, err := os.ReadFile("/proc/" + strconv.Itoa(pid) + "/cmdline")
	return err == nil && strings.HasPrefix(string(cmd), "sshd: ") && !strings.Contains(string(cmd), "[listener]")
}
