// Package desks holds what a Frontdesk server knows of the desks that use it: which PCs
// are paired (each with its own secret), the one-time codes a new desk pairs with, and
// the sessions of the staff signed in at each desk. The server takes the actor of every
// call from a session, and a session is good only at the desk it was opened at.
package desks

import (
	"context"
	"crypto/rand"
	"crypto/sha256"
	"encoding/base64"
	"strings"
	"time"

	"frontdesk/errs"
	"frontdesk/staff"
)

// How long the things a desk is given stay good.
const (
	CodeTTL    = 10 * time.Minute // a pairing code, from when an administrator made it
	SessionTTL = 12 * time.Hour   // a session, from sign-in: a shift and its overlap
)

// Messages of the refusals; each is also its translation key.
const (
	MsgAdminOnly       = "Only an administrator can pair and revoke desks."
	MsgBadCode         = "This pairing code is not valid: it may be mistyped, used already or more than 10 minutes old. Ask for a new one."
	MsgNameRequired    = "Give this desk a name, so administrators can tell it from the others."
	MsgUnknownDesk     = "This desk is not paired with the Frontdesk server, or its pairing was revoked. Ask an administrator for a pairing code."
	MsgSessionEnded    = "Your session at this desk has ended. Sign in again."
	MsgNotSignedIn     = "Sign in first."
	MsgTooManyTries    = "Too many attempts from this desk. Wait a minute and try again."
	MsgDeskNotFound    = "This desk no longer exists."
	FieldCode          = "code"
	FieldDeskName      = "desk_name"
	FieldServerAddress = "server"                          // the server's address a desk pairs with
	codeAlphabet       = "ABCDEFGHJKMNPQRSTUVWXYZ23456789" // no 0/O, 1/I/L: read aloud and typed
	codeLength         = 10
	secretBytes        = 32
	maxDeskNameRunes   = 60
)

// Headers of a desk's calls: its credential ("Desk ID.SECRET") and the session of whoever
// signed in at it.
const (
	HeaderAuthorization = "Authorization"
	HeaderSession       = "Frontdesk-Session"
	DeskScheme          = "Desk "
)

// Desk is a PC paired with the server.
type Desk struct {
	ID        string
	Name      string
	PairedAt  time.Time
	PairedBy  string
	LastSeen  time.Time
	RevokedAt time.Time // zero while the desk may call
	RevokedBy string
}

// Revoked says whether the desk is refused.
func (d Desk) Revoked() bool { return !d.RevokedAt.IsZero() }

// Session is a member of staff signed in at one desk.
type Session struct {
	Token     string // given to the desk once; the server keeps only its hash
	DeskID    string
	Actor     staff.Actor
	ExpiresAt time.Time
}

// Store keeps desks, pairing codes and sessions. Every method is one transaction.
type Store interface {
	// CreatePairingCode makes a one-time code, good for CodeTTL (administrators, or the
	// server itself at start).
	CreatePairingCode(ctx context.Context) (code string, expires time.Time, err error)
	// Pair uses a code up and records a new desk with a new secret.
	Pair(ctx context.Context, code, name string) (Desk, string, error)
	// CheckDesk returns the desk whose secret this is, refusing an unknown or revoked one.
	CheckDesk(ctx context.Context, deskID, secret string) (Desk, error)
	// OpenSession signs actor in at the desk.
	OpenSession(ctx context.Context, deskID string, actor staff.Actor) (Session, error)
	// CheckSession returns the actor of a session opened at this desk, as the staff list
	// has them now (a role changed since counts), refusing an expired session, one of
	// another desk, and one of a member of staff who was deactivated.
	CheckSession(ctx context.Context, deskID, token string) (staff.Actor, error)
	// EndSession signs the session's member of staff out.
	EndSession(ctx context.Context, token string) error
	// ListDesks lists every desk paired, revoked ones too (administrators).
	ListDesks(ctx context.Context) ([]Desk, error)
	// RevokeDesk refuses a desk from now on and ends its sessions (administrators).
	RevokeDesk(ctx context.Context, deskID string) error
}

// NewCode returns a pairing code: ten letters and digits that cannot be misread, in two
// groups of five ("K7MPQ-3XRTA").
func NewCode() string {
	b := make([]byte, codeLength)
	rand.Read(b)
	var s strings.Builder
	for i, c := range b {
		if i == codeLength/2 {
			s.WriteByte('-')
		}
		s.WriteByte(codeAlphabet[int(c)%len(codeAlphabet)])
	}
	return s.String()
}

// NormalizeCode is a code as typed, in the form it was made: case, spaces and dashes do
// not matter.
func NormalizeCode(code string) string {
	n := strings.ToUpper(strings.NewReplacer(" ", "", "-", "").Replace(code))
	if len(n) != codeLength {
		return n
	}
	return n[:codeLength/2] + "-" + n[codeLength/2:]
}

// NewSecret returns a desk secret or a session token: 256 random bits, URL-safe.
func NewSecret() string {
	b := make([]byte, secretBytes)
	rand.Read(b)
	return base64.RawURLEncoding.EncodeToString(b)
}

// Hash is what the server keeps of a code, secret or token: enough to recognise it,
// useless to anyone who copies the database file.
func Hash(s string) []byte {
	h := sha256.Sum256([]byte(s))
	return h[:]
}

// CheckName validates a desk's name.
func CheckName(name string) error {
	name = strings.TrimSpace(name)
	if name == "" || len([]rune(name)) > maxDeskNameRunes {
		return errs.FieldError(FieldDeskName, MsgNameRequired, nil)
	}
	return nil
}
