package desks

import (
	"crypto/sha256"
	"encoding/hex"
	"strings"
)

// Fingerprint is a certificate's SHA-256 in the form desks show and compare:
// "SHA256:AB:12:…".
func Fingerprint(der []byte) string {
	sum := sha256.Sum256(der)
	h := strings.ToUpper(hex.EncodeToString(sum[:]))
	var b strings.Builder
	b.WriteString("SHA256:")
	for i := 0; i < len(h); i += 2 {
		if i > 0 {
			b.WriteByte(':')
		}
		b.WriteString(h[i : i+2])
	}
	return b.String()
}
