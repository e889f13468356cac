package deploy

import (
	"net"
	"sync"
	"sync/atomic"
	"time"

	"golang.org/x/crypto/ssh"
)

// meteredConn counts the bytes of the SSH connection, for the summary.
type meteredConn struct {
	net.Conn
	sent, received atomic.Int64
}

func (c *meteredConn) Read(p []byte) (int, error) {
	n, err := c.Conn.Read(p)
	c.received.Add(int64(n))
	return n, err
}

func (c *meteredConn) Write(p []byte) (int, error) {
	n, err := c.Conn.Write(p)
	c.sent.Add(int64(n))
	return n, err
}

// How often a deploy checks that the server still answers, and how long it
// waits for the answer before giving the connection up.
const (
	keepAliveEvery   = 20 * time.Second
	keepAliveTimeout = 90 * time.Second
)

// keepAlive closes the connection when the server stops answering, so a
// deploy over a network that silently dropped fails (and can be rerun)
// instead of hanging: every keepAliveEvery it sends the request OpenSSH
// clients send (ServerAliveInterval), and closes the connection when no
// answer comes within keepAliveTimeout. stop ends it (and may be called
// more than once).
func keepAlive(client *ssh.Client) (stop func()) {
	done := make(chan struct{})
	go func() {
		tick := time.NewTicker(keepAliveEvery)
		defer tick.Stop()
		for {
			select {
			case <-done:
				return
			case <-tick.C:
			}
			answer := make(chan error, 1)
			go func() {
				// any answer will do, "unsupported" included
				_, _, err := client.SendRequest("keepalive@openssh.com", true, nil)
				answer <- err
			}()
			timeout := time.NewTimer(keepAliveTimeout)
			select {
			case <-done:
				timeout.Stop()
				return
			case err := <-answer:
				timeout.Stop()
				if err != nil {
					client.Close()
					return
				}
			case <-timeout.C:
				client.Close()
				return
			}
		}
	}()
	var once sync.Once
	return func() { once.Do(func() { close(done) }) }
}
