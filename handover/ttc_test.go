package handover

import (
	"bytes"
	"encoding/binary"
	"errors"
	"testing"

	"github.com/signintech/gopdf"
	"golang.org/x/image/font/gofont/gobold"
	"golang.org/x/image/font/gofont/goregular"
	"golang.org/x/image/font/sfnt"
)

// collection makes a TrueType collection of fonts, as Windows's msyh.ttc is made: each
// font's file whole, one after the other, its table offsets moved by where it starts.
func collection(fonts ...[]byte) []byte {
	out := []byte("ttcf\x00\x01\x00\x00")
	out = binary.BigEndian.AppendUint32(out, uint32(len(fonts)))
	at := len(out) + 4*len(fonts)
	for _, f := range fonts {
		out = binary.BigEndian.AppendUint32(out, uint32(at))
		at += len(f)
	}
	for _, f := range fonts {
		start := len(out)
		out = append(out, f...)
		n := int(binary.BigEndian.Uint16(f[4:]))
		for i := range n {
			e := out[start+sfntHeaderLen+i*tableEntryLen:]
			binary.BigEndian.PutUint32(e[8:], binary.BigEndian.Uint32(e[8:])+uint32(start))
		}
	}
	return out
}

func TestFirstFontOfACollectionIsEmbeddable(t *testing.T) {
	ttf, err := trueType(collection(goregular.TTF, gobold.TTF))
	if err != nil {
		t.Fatal(err)
	}
	f, err := sfnt.Parse(ttf)
	if err != nil {
		t.Fatalf("the extracted font does not parse: %v", err)
	}
	name, _ := f.Name(nil, sfnt.NameIDFull)
	if name != "Go Regular" {
		t.Fatalf("extracted %q, want the collection's first font, Go Regular", name)
	}
	gp := &gopdf.GoPdf{}
	gp.Start(gopdf.Config{PageSize: *gopdf.PageSizeA4})
	if err := gp.AddTTFFontData("fb0", ttf); err != nil {
		t.Fatalf("the PDF library refuses the extracted font: %v", err)
	}
	if err := gp.SetFont("fb0", "", 10); err != nil {
		t.Fatal(err)
	}
	if ok, _ := gp.IsCurrFontContainGlyph('é'); !ok {
		t.Fatal("the extracted font lost its glyphs")
	}
}

func TestSingleFontIsUsedAsItIs(t *testing.T) {
	ttf, err := trueType(goregular.TTF)
	if err != nil || !bytes.Equal(ttf, goregular.TTF) {
		t.Fatalf("a TrueType file was changed: %v", err)
	}
}

func TestDamagedCollectionIsRefused(t *testing.T) {
	c := collection(goregular.TTF)
	for _, n := range []int{20, 40, len(c) / 2} {
		if _, err := trueType(c[:n]); !errors.Is(err, errBadCollection) {
			t.Errorf("cut to %d bytes: got %v", n, err)
		}
	}
}
