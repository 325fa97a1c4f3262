package staff

import (
	"strings"
	"testing"
)

// FuzzPINPolicy checks that whatever is typed at the PIN pad, only 4 to 8 ASCII digits
// that are not trivially guessed are accepted, and that an accepted PIN's hash verifies
// it and nothing else. Seeds: testdata/fuzz/FuzzPINPolicy.
func FuzzPINPolicy(f *testing.F) {
	for _, s := range []string{"2468", "1234", "0000", "12345678", "123456789", "٤٨٢٩", "48 29", "4829\x00", ""} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, pin string) {
		if ValidatePIN(pin) != nil {
			return
		}
		if len(pin) < 4 || len(pin) > 8 || strings.Trim(pin, "0123456789") != "" {
			t.Fatalf("accepted %q", pin)
		}
		if repeatedDigit(pin) || digitRun(pin, 1) || digitRun(pin, 9) {
			t.Fatalf("accepted the guessable %q", pin)
		}
		h := cheapPINHash(t, pin)
		if !VerifyPIN(h, pin) || VerifyPIN(h, pin[:len(pin)-1]) || VerifyPIN(h, pin+"0") {
			t.Fatalf("hash of %q does not verify it alone", pin)
		}
	})
}

// FuzzParsePINHash checks that a stored hash, however damaged, is either refused or read
// with parameters inside the bounds that keep VerifyPIN from allocating gigabytes.
// Seeds: testdata/fuzz/FuzzParsePINHash.
func FuzzParsePINHash(f *testing.F) {
	f.Add(cheapPINHash(f, "4829"))
	f.Add("$argon2id$v=19$m=19456,t=2,p=1$c2FsdHNhbHRzYWx0c2FsdA$aGFzaGhhc2hoYXNoaGFzaGhhc2hoYXNoaGFzaGhhc2g")
	f.Add("$argon2id$v=19$m=4294967295,t=1,p=1$c2FsdHNhbHQ$aGFzaGhhc2hoYXNoaGFzaA")
	f.Add("$argon2i$v=19$m=64,t=1,p=1$c2FsdHNhbHQ$aGFzaGhhc2hoYXNoaGFzaA")
	f.Fuzz(func(t *testing.T, encoded string) {
		p, salt, key, ok := parsePINHash(encoded)
		if !ok {
			return
		}
		if p.memory < 8*uint32(p.threads) || p.memory > maxArgonMemory || p.time < 1 || p.time > maxArgonTime ||
			p.threads < 1 || p.threads > maxArgonThreads {
			t.Fatalf("parameters out of bounds: %+v", p)
		}
		if len(salt) < minArgonSalt || len(salt) > maxArgonSalt || len(key) < minArgonKey || len(key) > maxArgonKey ||
			p.keyLen != uint32(len(key)) {
			t.Fatalf("salt %d, key %d, keyLen %d", len(salt), len(key), p.keyLen)
		}
	})
}
