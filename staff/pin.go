package staff

import (
	"crypto/rand"
	"crypto/subtle"
	"encoding/base64"
	"fmt"
	"strconv"
	"strings"
	"time"

	"golang.org/x/crypto/argon2"

	"frontdesk/errs"
)

// Lock-out rules for PIN sign-in. A 4-digit PIN has only 10,000 values, so wrong
// guesses must be slowed down; 5 tries then 5 minutes keeps a fumbling agent working.
const (
	MaxPINFailures = 5
	LockDuration   = 5 * time.Minute // the wrong-PIN message says "5 minutes": change both
)

// Messages for PIN problems. They are translation keys too: keep the text stable.
const (
	MsgPINFormat   = "A PIN is 4 to 8 digits."
	MsgPINWeak     = "Choose a PIN that is harder to guess: not one digit repeated and not a run like 1234."
	MsgPINWrong    = "Wrong PIN. {{.Left}} tries left before the account locks for 5 minutes."
	MsgPINWrongOne = "Wrong PIN. One try left before the account locks for 5 minutes."
	MsgPINLocked   = "Too many wrong PINs. Try again at {{.Time}} or ask a manager to reset your PIN."
	MsgStaffOff    = "This account is switched off. Ask a manager."
	MsgPINNotSet   = "This account has no PIN yet. Ask a manager to set one."
)

const (
	minPINLen       = 4
	maxPINLen       = 8
	pinSaltLen      = 16
	argon2Algorithm = "argon2id"
)

// argonParams are the argon2id cost parameters. They are written into every hash so
// they can be raised later without making old hashes unreadable.
type argonParams struct {
	time    uint32 // passes over memory
	memory  uint32 // KiB
	threads uint8
	keyLen  uint32
}

// pinParams follow the OWASP minimum for argon2id (19 MiB, 2 passes, 1 thread).
var pinParams = argonParams{time: 2, memory: 19 * 1024, threads: 1, keyLen: 32}

// Bounds on parameters read back from a stored hash. They stop a corrupt or hostile
// row from making VerifyPIN panic inside argon2 or allocate gigabytes, while leaving
// room to raise pinParams several times over.
const (
	maxArgonTime    = 16
	maxArgonMemory  = 256 * 1024 // KiB
	maxArgonThreads = 16
	minArgonSalt    = 8
	maxArgonSalt    = 64
	minArgonKey     = 16
	maxArgonKey     = 64
)

// ValidatePIN checks that pin is 4 to 8 ASCII digits and not trivially guessed.
// It never puts the PIN into the message, so a PIN cannot leak through logs.
func ValidatePIN(pin string) error {
	var fs errs.Fields
	switch {
	case !allDigits(pin) || len(pin) < minPINLen || len(pin) > maxPINLen:
		fs.Add(FieldPIN, MsgPINFormat, nil)
	case repeatedDigit(pin) || digitRun(pin, 1) || digitRun(pin, 9):
		fs.Add(FieldPIN, MsgPINWeak, nil)
	}
	return fs.Err()
}

// allDigits reports whether s is ASCII 0-9 only; other scripts' digits are refused
// because a keypad cannot type them.
func allDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

func repeatedDigit(pin string) bool {
	return strings.Count(pin, pin[:1]) == len(pin)
}

// digitRun reports whether each digit is the previous plus step, modulo 10: step 1 is a
// run up (1234, and 7890 because 0 follows 9 on keyboards), step 9 is a run down.
func digitRun(pin string, step byte) bool {
	for i := 1; i < len(pin); i++ {
		if (pin[i-1]-'0'+step)%10 != pin[i]-'0' {
			return false
		}
	}
	return true
}

// HashPIN returns the PIN's argon2id hash as a PHC string with a fresh random salt:
// $argon2id$v=19$m=19456,t=2,p=1$<salt>$<hash>. Validate the PIN first; HashPIN
// hashes whatever it is given.
func HashPIN(pin string) (string, error) {
	return hashPINWith(pin, pinParams)
}

func hashPINWith(pin string, p argonParams) (string, error) {
	salt := make([]byte, pinSaltLen)
	if _, err := rand.Read(salt); err != nil {
		return "", errs.Wrap(err, errs.Internal, "Could not store the PIN. Try again.", nil)
	}
	key := argon2.IDKey([]byte(pin), salt, p.time, p.memory, p.threads, p.keyLen)
	b64 := base64.RawStdEncoding
	return fmt.Sprintf("$%s$v=%d$m=%d,t=%d,p=%d$%s$%s", argon2Algorithm, argon2.Version,
		p.memory, p.time, p.threads, b64.EncodeToString(salt), b64.EncodeToString(key)), nil
}

// VerifyPIN reports whether pin matches the hash encoded by HashPIN. It reads the
// cost parameters from encoded, so hashes made with older parameters still verify,
// and returns false for any malformed or out-of-bounds encoding.
func VerifyPIN(encoded, pin string) bool {
	p, salt, want, ok := parsePINHash(encoded)
	if !ok {
		return false
	}
	got := argon2.IDKey([]byte(pin), salt, p.time, p.memory, p.threads, p.keyLen)
	return subtle.ConstantTimeCompare(got, want) == 1
}

// parsePINHash splits a PHC string into its parameters, salt and hash.
func parsePINHash(encoded string) (p argonParams, salt, key []byte, ok bool) {
	parts := strings.Split(encoded, "$")
	if len(parts) != 6 || parts[0] != "" || parts[1] != argon2Algorithm ||
		parts[2] != "v="+strconv.Itoa(argon2.Version) {
		return p, nil, nil, false
	}
	if p, ok = parseArgonParams(parts[3]); !ok {
		return p, nil, nil, false
	}
	b64 := base64.RawStdEncoding.Strict()
	salt, err := b64.DecodeString(parts[4])
	if err != nil || len(salt) < minArgonSalt || len(salt) > maxArgonSalt {
		return p, nil, nil, false
	}
	key, err = b64.DecodeString(parts[5])
	if err != nil || len(key) < minArgonKey || len(key) > maxArgonKey {
		return p, nil, nil, false
	}
	p.keyLen = uint32(len(key))
	return p, salt, key, true
}

// parseArgonParams reads "m=<KiB>,t=<passes>,p=<threads>" in exactly that order.
func parseArgonParams(s string) (p argonParams, ok bool) {
	fields := strings.Split(s, ",")
	if len(fields) != 3 {
		return p, false
	}
	m, okM := argonParam(fields[0], "m=", maxArgonMemory)
	t, okT := argonParam(fields[1], "t=", maxArgonTime)
	th, okP := argonParam(fields[2], "p=", maxArgonThreads)
	// argon2 needs at least 8 KiB per thread; fewer means the string was not ours.
	if !okM || !okT || !okP || m < 8*th {
		return p, false
	}
	return argonParams{time: t, memory: m, threads: uint8(th)}, true
}

// argonParam parses prefix followed by a decimal from 1 to max.
func argonParam(field, prefix string, max uint64) (uint32, bool) {
	digits, found := strings.CutPrefix(field, prefix)
	if !found || digits == "" || !allDigits(digits) {
		return 0, false
	}
	n, err := strconv.ParseUint(digits, 10, 32)
	if err != nil || n < 1 || n > max {
		return 0, false
	}
	return uint32(n), true
}

// Locked reports whether sign-in is refused at now because of too many wrong PINs.
func (s *Staff) Locked(now time.Time) bool {
	return now.Before(s.LockedUntil)
}

// RecordPINFailure counts a wrong PIN; the MaxPINFailures-th locks the account for
// LockDuration and starts a fresh count for after the lock.
func (s *Staff) RecordPINFailure(now time.Time) {
	s.FailedPINs++
	if s.FailedPINs >= MaxPINFailures {
		s.LockedUntil = now.Add(LockDuration)
		s.FailedPINs = 0
	}
}

// RecordPINSuccess clears the wrong-PIN count and any lock.
func (s *Staff) RecordPINSuccess() {
	s.FailedPINs = 0
	s.LockedUntil = time.Time{}
}

// SignIn checks pin at now and updates the counters; the caller stores s afterwards
// whatever the result, or the lock-out would not survive a restart. A locked account
// is refused without checking the PIN, so guesses during the lock teach nothing.
func (s *Staff) SignIn(pin string, now time.Time) error {
	switch {
	case !s.Active:
		return errs.New(errs.Unavailable, MsgStaffOff, nil)
	case s.Locked(now):
		return s.lockedError(now)
	case s.PINHash == "":
		return errs.New(errs.Unavailable, MsgPINNotSet, nil)
	}
	if VerifyPIN(s.PINHash, pin) {
		s.RecordPINSuccess()
		return nil
	}
	s.RecordPINFailure(now)
	if s.Locked(now) {
		return s.lockedError(now)
	}
	left := MaxPINFailures - s.FailedPINs
	if left == 1 {
		return errs.FieldError(FieldPIN, MsgPINWrongOne, nil)
	}
	return errs.FieldError(FieldPIN, MsgPINWrong, map[string]any{"Left": left})
}

// lockedError names the first whole minute at which sign-in works again: a lock ending
// at 10:05:30 shows 10:06, because someone trying at 10:05 would still be refused.
func (s *Staff) lockedError(now time.Time) error {
	until := s.LockedUntil
	if m := until.Truncate(time.Minute); !m.Equal(until) {
		until = m.Add(time.Minute)
	}
	return errs.New(errs.Unavailable, MsgPINLocked, map[string]any{"Time": until.In(now.Location()).Format("15:04")})
}

// ResetPIN validates newPIN, stores its hash and clears any lock. Checking that the
// person resetting may do so (PermResetPIN) is the caller's job.
func (s *Staff) ResetPIN(newPIN string) error {
	if err := ValidatePIN(newPIN); err != nil {
		return err
	}
	hash, err := HashPIN(newPIN)
	if err != nil {
		return err
	}
	s.PINHash = hash
	s.RecordPINSuccess()
	return nil
}
