//go:build ignore

// Command bcryptprimitives writes a bcryptprimitives.dll for Wine 8, which
// lacks it: Go programs since Go 1.22 call its ProcessPrng at start
// ("fatal error: bcryptprimitives.dll not found"), which Windows 10 and
// later have. The DLL holds no code: its one export, ProcessPrng, forwards
// to advapi32's SystemFunction036 (RtlGenRandom), which fills the buffer
// the same way and returns TRUE. Only for running showcase.exe under Wine;
// it is never shipped.
//
//	go run bench/wine/bcryptprimitives.go ~/.wine/drive_c/windows/system32/bcryptprimitives.dll
package main

import (
	"bytes"
	"encoding/binary"
	"log"
	"os"
)

func main() {
	if len(os.Args) != 2 {
		log.Fatal("usage: bcryptprimitives OUT.dll")
	}
	if err := os.WriteFile(os.Args[1], dll(), 0o644); err != nil {
		log.Fatal(err)
	}
}

const (
	fileAlign = 0x200
	rva       = 0x1000 // of the one section, the export data
)

// exports is the export directory and what it points at, laid out from rva.
func exports() []byte {
	const dirSize = 40
	eat := rva + dirSize
	names := eat + 4
	ordinals := names + 4
	dllName := ordinals + 2
	strs := []string{"bcryptprimitives.dll", "ProcessPrng", "advapi32.SystemFunction036"}
	at := []int{dllName}
	for _, s := range strs[:2] {
		at = append(at, at[len(at)-1]+len(s)+1)
	}
	var b bytes.Buffer
	w := func(v ...any) {
		for _, x := range v {
			binary.Write(&b, binary.LittleEndian, x)
		}
	}
	w(uint32(0), uint32(0), uint16(0), uint16(0), uint32(at[0]), uint32(1), uint32(1), uint32(1),
		uint32(eat), uint32(names), uint32(ordinals))
	w(uint32(at[2])) // the function: a forwarder, as its RVA lies in the export data
	w(uint32(at[1])) // its name
	w(uint16(0))     // its ordinal, from Base
	for _, s := range strs {
		b.WriteString(s)
		b.WriteByte(0)
	}
	return b.Bytes()
}

func dll() []byte {
	exp := exports()
	var b bytes.Buffer
	w := func(v ...any) {
		for _, x := range v {
			binary.Write(&b, binary.LittleEndian, x)
		}
	}
	dos := make([]byte, 0x40)
	copy(dos, "MZ")
	binary.LittleEndian.PutUint32(dos[0x3c:], 0x40)
	b.Write(dos)
	b.WriteString("PE\x00\x00")
	// COFF header: x86-64, one section, PE32+ optional header; an executable DLL
	w(uint16(0x8664), uint16(1), uint32(0), uint32(0), uint32(0), uint16(240), uint16(0x2022))
	// optional header (PE32+)
	w(uint16(0x20b), uint8(14), uint8(0), uint32(0), uint32(fileAlign), uint32(0), uint32(0), uint32(rva))
	w(uint64(0x180000000), uint32(0x1000), uint32(fileAlign))
	w(uint16(6), uint16(0), uint16(0), uint16(0), uint16(6), uint16(0), uint32(0))
	w(uint32(rva+0x1000), uint32(fileAlign), uint32(0), uint16(3), uint16(0))
	w(uint64(0x100000), uint64(0x1000), uint64(0x100000), uint64(0x1000), uint32(0), uint32(16))
	w(uint32(rva), uint32(len(exp))) // the export directory
	for i := 1; i < 16; i++ {
		w(uint32(0), uint32(0))
	}
	// the section: initialised, readable data
	name := [8]byte{'.', 'e', 'd', 'a', 't', 'a'}
	w(name, uint32(len(exp)), uint32(rva), uint32(fileAlign), uint32(fileAlign), uint32(0), uint32(0), uint16(0), uint16(0), uint32(0x40000040))
	b.Write(make([]byte, fileAlign-b.Len()))
	b.Write(exp)
	b.Write(make([]byte, 2*fileAlign-b.Len()))
	return b.Bytes()
}
