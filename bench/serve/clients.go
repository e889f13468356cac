package main

import (
	"bufio"
	"crypto/rand"
	"encoding/base64"
	"encoding/binary"
	"encoding/json"
	"fmt"
	"io"
	"net"
	"net/http"
	"strings"
	"time"
)

// reloadMessage is a reload message as an open page receives it.
type reloadMessage struct {
	at   time.Time
	data string
}

// listenSSE follows showcase's event stream and passes on each "reload".
func listenSSE(url string) (<-chan reloadMessage, error) {
	resp, err := http.Get(url)
	if err != nil {
		return nil, err
	}
	if resp.StatusCode != 200 {
		resp.Body.Close()
		return nil, fmt.Errorf("events: status %d", resp.StatusCode)
	}
	out := make(chan reloadMessage, 64)
	go func() {
		defer resp.Body.Close()
		r := bufio.NewReader(resp.Body)
		event := ""
		for {
			line, err := r.ReadString('\n')
			if err != nil {
				return
			}
			line = strings.TrimRight(line, "\n")
			switch {
			case strings.HasPrefix(line, "event: "):
				event = strings.TrimPrefix(line, "event: ")
			case strings.HasPrefix(line, "data: ") && event == "reload":
				out <- reloadMessage{time.Now(), strings.TrimPrefix(line, "data: ")}
			}
		}
	}()
	return out, nil
}

// listenLiveReload speaks Hugo's LiveReload protocol over a WebSocket (a
// minimal client: handshake, masked text frames out, text frames in) and
// passes on each "reload" command.
func listenLiveReload(addr, path string) (<-chan reloadMessage, error) {
	conn, err := net.Dial("tcp", addr)
	if err != nil {
		return nil, err
	}
	var key [16]byte
	rand.Read(key[:])
	fmt.Fprintf(conn, "GET %s HTTP/1.1\r\nHost: %s\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"+
		"Sec-WebSocket-Key: %s\r\nSec-WebSocket-Version: 13\r\nOrigin: http://%s\r\n\r\n",
		path, addr, base64.StdEncoding.EncodeToString(key[:]), addr)
	r := bufio.NewReader(conn)
	resp, err := http.ReadResponse(r, nil)
	if err != nil {
		conn.Close()
		return nil, err
	}
	if resp.StatusCode != http.StatusSwitchingProtocols {
		conn.Close()
		return nil, fmt.Errorf("livereload: status %d", resp.StatusCode)
	}
	hello := `{"command":"hello","protocols":["http://livereload.com/protocols/official-7"]}`
	if err := writeTextFrame(conn, []byte(hello)); err != nil {
		conn.Close()
		return nil, err
	}
	out := make(chan reloadMessage, 64)
	go func() {
		defer conn.Close()
		for {
			payload, err := readFrame(r)
			if err != nil {
				return
			}
			var msg struct{ Command string }
			if json.Unmarshal(payload, &msg) == nil && msg.Command == "reload" {
				out <- reloadMessage{time.Now(), string(payload)}
			}
		}
	}()
	return out, nil
}

// writeTextFrame sends one masked text frame (clients must mask).
func writeTextFrame(w io.Writer, payload []byte) error {
	header := []byte{0x81}
	switch n := len(payload); {
	case n < 126:
		header = append(header, 0x80|byte(n))
	default:
		header = append(header, 0x80|126, byte(n>>8), byte(n))
	}
	var mask [4]byte
	rand.Read(mask[:])
	header = append(header, mask[:]...)
	masked := make([]byte, len(payload))
	for i, b := range payload {
		masked[i] = b ^ mask[i%4]
	}
	_, err := w.Write(append(header, masked...))
	return err
}

// readFrame reads one frame's payload (the server's frames are unmasked).
func readFrame(r *bufio.Reader) ([]byte, error) {
	var head [2]byte
	if _, err := io.ReadFull(r, head[:]); err != nil {
		return nil, err
	}
	if head[0]&0x0f == 0x8 {
		return nil, io.EOF // close
	}
	n := uint64(head[1] & 0x7f)
	switch n {
	case 126:
		var ext [2]byte
		if _, err := io.ReadFull(r, ext[:]); err != nil {
			return nil, err
		}
		n = uint64(binary.BigEndian.Uint16(ext[:]))
	case 127:
		var ext [8]byte
		if _, err := io.ReadFull(r, ext[:]); err != nil {
			return nil, err
		}
		n = binary.BigEndian.Uint64(ext[:])
	}
	if head[1]&0x80 != 0 {
		var mask [4]byte
		if _, err := io.ReadFull(r, mask[:]); err != nil {
			return nil, err
		}
	}
	payload := make([]byte, n)
	_, err := io.ReadFull(r, payload)
	return payload, err
}
