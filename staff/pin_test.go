package staff

import (
	"strings"
	"testing"
	"time"

	"frontdesk/errs"
)

// cheapPINParams keep lock-out and parsing tests fast under -race; VerifyPIN reads the
// parameters from the hash, so these hashes verify like real ones. Tests of HashPIN
// itself use the real parameters.
var cheapPINParams = argonParams{time: 1, memory: 64, threads: 1, keyLen: 32}

func cheapPINHash(t testing.TB, pin string) string {
	t.Helper()
	h, err := hashPINWith(pin, cheapPINParams)
	if err != nil {
		t.Fatal(err)
	}
	return h
}

func staffWithPIN(t *testing.T, pin string) *Staff {
	return &Staff{ID: "s1", Name: "Dewi", Role: RoleAgent, Active: true, PINHash: cheapPINHash(t, pin)}
}

// pinClock is a fixed morning so lock times are easy to read.
var pinClock = time.Date(2025, 3, 14, 10, 0, 0, 0, time.UTC)

func TestValidatePIN(t *testing.T) {
	cases := []struct {
		name, pin string
		want      string // expected message, empty when the PIN is accepted
	}{
		{"ordinary PIN", "4829", ""},
		{"four digits is the minimum", "4820", ""},
		{"eight digits is the maximum", "48201937", ""},
		{"odd digits are not a run", "13579", ""},
		{"three digits refused", "482", MsgPINFormat},
		{"nine digits refused", "482019375", MsgPINFormat},
		{"empty refused", "", MsgPINFormat},
		{"letters refused", "48a9", MsgPINFormat},
		{"spaces refused", " 4829", MsgPINFormat},
		{"non-ASCII digits refused", "٤٨٢٩", MsgPINFormat},
		{"one digit repeated refused", "1111", MsgPINWeak},
		{"long repeat refused", "00000000", MsgPINWeak},
		{"run up refused", "1234", MsgPINWeak},
		{"run down refused", "4321", MsgPINWeak},
		{"long run down refused", "98765", MsgPINWeak},
		{"run through zero refused", "7890", MsgPINWeak},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			err := ValidatePIN(c.pin)
			if c.want == "" {
				if err != nil {
					t.Fatalf("refused: %v", err)
				}
				return
			}
			fe := errs.AsFields(err).For(FieldPIN)
			if fe == nil || fe.Template != c.want {
				t.Fatalf("got %v, want %q", err, c.want)
			}
			// The fixed text, with no arguments, so the PIN cannot be echoed.
			if err.Error() != c.want || fe.Args != nil {
				t.Fatalf("message carries more than the fixed text: %v", err)
			}
		})
	}
}

func TestHashPINSaltsEachHashAndBothVerify(t *testing.T) {
	a, err := HashPIN("4829")
	if err != nil {
		t.Fatal(err)
	}
	b, err := HashPIN("4829")
	if err != nil {
		t.Fatal(err)
	}
	if a == b {
		t.Fatal("two hashes of one PIN are equal: the salt is not random")
	}
	for _, h := range []string{a, b} {
		if !strings.HasPrefix(h, "$argon2id$v=19$m=19456,t=2,p=1$") || strings.Contains(h, "4829") {
			t.Fatalf("unexpected encoding %q", h)
		}
		if !VerifyPIN(h, "4829") {
			t.Fatalf("%q does not verify its PIN", h)
		}
	}
	if VerifyPIN(a, "4828") {
		t.Fatal("wrong PIN verified")
	}
}

func TestVerifyPINIsFalseForWrongPINsAndMalformedHashes(t *testing.T) {
	good := cheapPINHash(t, "4829")
	if !VerifyPIN(good, "4829") {
		t.Fatal("a hash with other parameters does not verify: parameters are not read back")
	}
	parts := strings.Split(good, "$") // "", argon2id, v=19, m=64,t=1,p=1, salt, hash
	with := func(i int, v string) string {
		p := append([]string(nil), parts...)
		p[i] = v
		return strings.Join(p, "$")
	}
	cases := map[string]string{
		"wrong PIN's hash":       cheapPINHash(t, "4828"),
		"empty":                  "",
		"algorithm only":         "$argon2id$",
		"dollars only":           "$$$$$",
		"argon2i":                with(1, "argon2i"),
		"old version":            with(2, "v=16"),
		"missing version":        strings.Replace(good, "$v=19", "", 1),
		"extra section":          good + "$x",
		"garbage salt":           with(4, "!!not*base64!!"),
		"garbage hash":           with(5, "%%%%"),
		"padded base64":          with(5, parts[5]+"="),
		"short salt":             with(4, "AAAA"),
		"short hash":             with(5, "AAAA"),
		"zero passes":            with(3, "m=64,t=0,p=1"),
		"zero threads":           with(3, "m=64,t=1,p=0"),
		"threads overflow uint8": with(3, "m=64,t=1,p=257"),
		"too little memory":      with(3, "m=7,t=1,p=1"),
		"huge memory":            with(3, "m=4294967295,t=1,p=1"),
		"negative memory":        with(3, "m=-64,t=1,p=1"),
		"plus sign":              with(3, "m=+64,t=1,p=1"),
		"reordered params":       with(3, "t=1,m=64,p=1"),
		"missing param":          with(3, "m=64,t=1"),
		"other params":           with(3, "m=64,t=2,p=1"),
		"not PHC at all":         "4829",
	}
	for name, encoded := range cases {
		if VerifyPIN(encoded, "4829") {
			t.Errorf("%s: %q verified", name, encoded)
		}
	}
}

func TestPINLocksAfterFiveFailuresAndUnlocksAfterFiveMinutes(t *testing.T) {
	s := staffWithPIN(t, "4829")
	for i := 1; i < MaxPINFailures; i++ {
		if err := s.SignIn("0000", pinClock); errs.CodeOf(err) != errs.Invalid {
			t.Fatalf("failure %d: %v", i, err)
		}
		if s.Locked(pinClock) {
			t.Fatalf("locked after %d failures", i)
		}
	}
	err := s.SignIn("0000", pinClock)
	if errs.CodeOf(err) != errs.Unavailable || !s.Locked(pinClock) {
		t.Fatalf("fifth failure: %v, locked %v", err, s.Locked(pinClock))
	}
	if s.FailedPINs != 0 {
		t.Fatalf("count not reset on lock: %d", s.FailedPINs)
	}
	almost := pinClock.Add(4*time.Minute + 59*time.Second)
	if err := s.SignIn("4829", almost); errs.CodeOf(err) != errs.Unavailable {
		t.Fatalf("right PIN accepted during the lock: %v", err)
	}
	if err := s.SignIn("4829", pinClock.Add(5*time.Minute)); err != nil {
		t.Fatalf("still locked after 5 minutes: %v", err)
	}
	if s.FailedPINs != 0 || !s.LockedUntil.IsZero() {
		t.Fatalf("success left %d failures, locked until %v", s.FailedPINs, s.LockedUntil)
	}
}

func TestWrongPINSaysHowManyTriesAreLeft(t *testing.T) {
	s := staffWithPIN(t, "4829")
	want := []string{
		"Wrong PIN. 4 tries left before the account locks for 5 minutes.",
		"Wrong PIN. 3 tries left before the account locks for 5 minutes.",
		"Wrong PIN. 2 tries left before the account locks for 5 minutes.",
		"Wrong PIN. One try left before the account locks for 5 minutes.",
		"Too many wrong PINs. Try again at 10:05 or ask a manager to reset your PIN.",
	}
	for i, w := range want {
		err := s.SignIn("1357", pinClock)
		if err == nil || err.Error() != w {
			t.Fatalf("try %d: got %v, want %q", i+1, err, w)
		}
		if i < 4 && errs.AsFields(err).For(FieldPIN) == nil {
			t.Fatalf("try %d: error not placed beside the PIN field", i+1)
		}
	}
}

func TestLockMessageNamesTheFirstMinuteSignInWorks(t *testing.T) {
	cases := []struct {
		lockedUntil time.Time
		want        string
	}{
		{pinClock.Add(5 * time.Minute), "10:05"},
		{pinClock.Add(5*time.Minute + 30*time.Second), "10:06"},
		{pinClock.Add(5*time.Minute + time.Nanosecond), "10:06"},
	}
	for _, c := range cases {
		s := Staff{Active: true, LockedUntil: c.lockedUntil}
		err := s.SignIn("4829", pinClock)
		if err == nil || !strings.Contains(err.Error(), "Try again at "+c.want+" ") {
			t.Errorf("until %v: got %v, want %s", c.lockedUntil.Format(time.TimeOnly), err, c.want)
		}
	}
}

func TestLockMessageIsOnTheClocksZoneNotTheMachines(t *testing.T) {
	jakarta := time.FixedZone("WIB", 7*60*60)
	now := time.Date(2025, 3, 14, 23, 58, 0, 0, jakarta)
	s := Staff{Active: true, LockedUntil: now.Add(5 * time.Minute).UTC()} // stored in UTC
	err := s.SignIn("4829", now)
	if err == nil || !strings.Contains(err.Error(), "Try again at 00:03 ") {
		t.Fatalf("got %v, want 00:03 Jakarta time", err)
	}
}

func TestSuccessfulSignInResetsTheFailureCount(t *testing.T) {
	s := staffWithPIN(t, "4829")
	for range MaxPINFailures - 1 {
		_ = s.SignIn("0000", pinClock)
	}
	if err := s.SignIn("4829", pinClock); err != nil {
		t.Fatal(err)
	}
	if s.FailedPINs != 0 {
		t.Fatalf("failures = %d after success", s.FailedPINs)
	}
	// A fresh run of four mistakes must not lock: the earlier four were forgiven.
	for range MaxPINFailures - 1 {
		_ = s.SignIn("0000", pinClock)
	}
	if s.Locked(pinClock) {
		t.Fatal("locked although a success came in between")
	}
}

func TestInactiveStaffCannotSignIn(t *testing.T) {
	s := staffWithPIN(t, "4829")
	s.Active = false
	err := s.SignIn("4829", pinClock)
	if errs.CodeOf(err) != errs.Unavailable || err.Error() != MsgStaffOff {
		t.Fatalf("got %v", err)
	}
	if s.FailedPINs != 0 {
		t.Fatal("a switched-off account counted a failure")
	}
}

func TestStaffWithoutPINCannotSignIn(t *testing.T) {
	s := Staff{Name: "Dewi", Active: true}
	if err := s.SignIn("", pinClock); err == nil || err.Error() != MsgPINNotSet {
		t.Fatalf("got %v", err)
	}
}

func TestResetPINClearsTheLockAndSetsTheNewPIN(t *testing.T) {
	s := staffWithPIN(t, "4829")
	s.LockedUntil = pinClock.Add(LockDuration)
	s.FailedPINs = 3
	old := s.PINHash
	if err := s.ResetPIN("1234"); errs.AsFields(err).For(FieldPIN) == nil {
		t.Fatalf("weak PIN accepted: %v", err)
	}
	if s.PINHash != old || !s.Locked(pinClock) {
		t.Fatal("a refused reset changed the account")
	}
	if err := s.ResetPIN("5193"); err != nil {
		t.Fatal(err)
	}
	if s.Locked(pinClock) || s.FailedPINs != 0 {
		t.Fatalf("still locked until %v with %d failures", s.LockedUntil, s.FailedPINs)
	}
	if err := s.SignIn("5193", pinClock); err != nil {
		t.Fatalf("new PIN refused: %v", err)
	}
}

func FuzzVerifyPIN(f *testing.F) {
	const pin = "4829"
	// Hashed once, with cheap parameters, so each fuzz input costs microseconds.
	good := cheapPINHash(f, pin)
	f.Add(good, pin)
	f.Add(good, "4828")
	f.Add(good, "")
	f.Add("", pin)
	f.Add("$argon2id$", pin)
	f.Add("$argon2id$v=19$m=64,t=1,p=1$$", pin)
	f.Add("$argon2id$v=19$m=0,t=0,p=0$AAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAA", pin)
	f.Fuzz(func(t *testing.T, encoded, try string) {
		_ = VerifyPIN(encoded, try) // must not panic, whatever the row holds
		if got := VerifyPIN(good, try); got != (try == pin) {
			t.Fatalf("VerifyPIN(hash of %q, %q) = %v", pin, try, got)
		}
	})
}
