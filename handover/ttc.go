package handover

import (
	"encoding/binary"
	"errors"
)

// Windows keeps its Chinese and Japanese fonts (Microsoft YaHei, SimSun, MS Gothic) in
// TrueType collections (.ttc): several fonts sharing one file. The PDF library embeds
// only a single TrueType font, so the first font of a collection is copied out into a
// file of its own: its table directory, then each of its tables, the offsets rewritten.

// errBadCollection is a .ttc file too short for the tables it lists.
var errBadCollection = errors.New("handover: damaged TrueType collection")

// Sizes in the sfnt layout: the collection header up to the first font's offset, a
// font's offset table, one entry of its table directory.
const (
	ttcHeaderLen  = 16
	sfntHeaderLen = 12
	tableEntryLen = 16
)

// trueType returns data as a single TrueType font: the first font of a collection, or
// data itself when it is not one.
func trueType(data []byte) ([]byte, error) {
	if len(data) < ttcHeaderLen || string(data[:4]) != "ttcf" {
		return data, nil
	}
	return collectionFont(data, int(binary.BigEndian.Uint32(data[12:16])))
}

// collectionFont copies the font whose offset table starts at off in the collection data.
func collectionFont(data []byte, off int) ([]byte, error) {
	if off < 0 || off+sfntHeaderLen > len(data) {
		return nil, errBadCollection
	}
	n := int(binary.BigEndian.Uint16(data[off+4:]))
	dir := off + sfntHeaderLen
	if dir+n*tableEntryLen > len(data) {
		return nil, errBadCollection
	}
	out := make([]byte, sfntHeaderLen+n*tableEntryLen, len(data)/2)
	copy(out, data[off:dir+n*tableEntryLen])
	for i := range n {
		entry := out[sfntHeaderLen+i*tableEntryLen:]
		start := int(binary.BigEndian.Uint32(entry[8:]))
		length := int(binary.BigEndian.Uint32(entry[12:]))
		if start < 0 || length < 0 || start+length > len(data) {
			return nil, errBadCollection
		}
		binary.BigEndian.PutUint32(entry[8:], uint32(len(out)))
		out = append(out, data[start:start+length]...)
		out = append(out, make([]byte, (4-length%4)%4)...) // tables start on 4-byte boundaries
	}
	return out, nil
}
