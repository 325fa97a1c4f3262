package server

import (
	"context"

	"connectrpc.com/connect"

	v1 "frontdesk/api/frontdesk/v1"
	"frontdesk/desks"
	"frontdesk/errs"
	"frontdesk/staff"
	"frontdesk/wire"
)

// deskHandler serves DeskService: pairing, signing in and out, and the desks list.
type deskHandler struct {
	s *Server
}

// Pair exchanges a one-time code for a desk credential.
func (h *deskHandler) Pair(ctx context.Context, req *connect.Request[v1.PairRequest]) (*connect.Response[v1.PairResponse], error) {
	d, secret, err := h.s.cfg.Desks.Pair(ctx, req.Msg.Code, req.Msg.DeskName)
	if err != nil {
		return nil, err
	}
	h.s.log.Info("desk paired", "desk", d.Name, "id", d.ID, "from", req.Peer().Addr)
	return connect.NewResponse(&v1.PairResponse{DeskId: d.ID, Secret: secret}), nil
}

// Hello tells a paired desk about the server.
func (h *deskHandler) Hello(ctx context.Context, _ *connect.Request[v1.HelloRequest]) (*connect.Response[v1.HelloResponse], error) {
	d := callerFrom(ctx).desk
	return connect.NewResponse(&v1.HelloResponse{ServerVersion: h.s.cfg.Version, PhoneRegion: h.s.cfg.Region,
		DeskId: d.ID, DeskName: d.Name, Now: wire.Time(h.s.cfg.Now())}), nil
}

// SignIn checks a PIN and opens a session at the calling desk. Wrong PINs count against
// the account (its lock-out) and against the desk (a minute's limit on guessing).
func (h *deskHandler) SignIn(ctx context.Context, req *connect.Request[v1.SignInRequest]) (*connect.Response[v1.SignInResponse], error) {
	d := callerFrom(ctx).desk
	if !h.s.guard.signIn.ok(d.ID) {
		return nil, errs.New(errs.Denied, desks.MsgTooManyTries, nil)
	}
	actor, err := h.s.cfg.Services.Staff.SignIn(ctx, req.Msg.StaffId, req.Msg.Pin)
	if err != nil {
		h.s.guard.signIn.add(d.ID)
		h.s.log.Warn("sign-in refused", "desk", d.Name, "staff", req.Msg.StaffId, "reason", err.Error())
		return nil, err
	}
	ses, err := h.s.cfg.Desks.OpenSession(ctx, d.ID, actor)
	if err != nil {
		return nil, err
	}
	return connect.NewResponse(&v1.SignInResponse{Session: ses.Token, Actor: wire.Msg[*v1.Actor](actor),
		ExpiresAt: wire.Time(ses.ExpiresAt)}), nil
}

// SignOut ends the call's session.
func (h *deskHandler) SignOut(ctx context.Context, _ *connect.Request[v1.SignOutRequest]) (*connect.Response[v1.SignOutResponse], error) {
	if err := h.s.cfg.Desks.EndSession(ctx, callerFrom(ctx).token); err != nil {
		return nil, err
	}
	return connect.NewResponse(&v1.SignOutResponse{}), nil
}

// CreatePairingCode makes a code for another desk (administrators).
func (h *deskHandler) CreatePairingCode(ctx context.Context, _ *connect.Request[v1.CreatePairingCodeRequest]) (*connect.Response[v1.CreatePairingCodeResponse], error) {
	code, expires, err := h.s.cfg.Desks.CreatePairingCode(ctx)
	if err != nil {
		return nil, err
	}
	h.s.log.Info("pairing code made", "by", staff.ActorFrom(ctx).Name)
	return connect.NewResponse(&v1.CreatePairingCodeResponse{Code: code, ExpiresAt: wire.Time(expires)}), nil
}

// ListDesks lists the paired desks (administrators).
func (h *deskHandler) ListDesks(ctx context.Context, _ *connect.Request[v1.ListDesksRequest]) (*connect.Response[v1.ListDesksResponse], error) {
	ds, err := h.s.cfg.Desks.ListDesks(ctx)
	if err != nil {
		return nil, err
	}
	return connect.NewResponse(&v1.ListDesksResponse{Desks: wire.List[*v1.Desk](ds)}), nil
}

// RevokeDesk refuses a desk from now on (administrators).
func (h *deskHandler) RevokeDesk(ctx context.Context, req *connect.Request[v1.RevokeDeskRequest]) (*connect.Response[v1.RevokeDeskResponse], error) {
	if err := h.s.cfg.Desks.RevokeDesk(ctx, req.Msg.DeskId); err != nil {
		return nil, err
	}
	h.s.log.Info("desk revoked", "id", req.Msg.DeskId, "by", staff.ActorFrom(ctx).Name)
	return connect.NewResponse(&v1.RevokeDeskResponse{}), nil
}

// MsgNoBackups refuses a backup on request from a server that takes none.
const MsgNoBackups = "This Frontdesk server takes no backups on request."

// Backup takes a checked backup into the server's backups folder (shift managers and
// administrators).
func (h *deskHandler) Backup(ctx context.Context, _ *connect.Request[v1.BackupRequest]) (*connect.Response[v1.BackupResponse], error) {
	if r := staff.ActorFrom(ctx).Role; r != staff.RoleShiftManager && r != staff.RoleAdministrator {
		return nil, errs.New(errs.Invalid, staff.MsgManagerOnly, nil)
	}
	if h.s.cfg.Backup == nil {
		return nil, errs.New(errs.Unavailable, MsgNoBackups, nil)
	}
	file, g, r, err := h.s.cfg.Backup(ctx)
	if err != nil {
		return nil, err
	}
	h.s.log.Info("backup taken on request", "file", file, "by", staff.ActorFrom(ctx).Name)
	return connect.NewResponse(&v1.BackupResponse{File: file, Guests: int64(g), Requests: int64(r)}), nil
}
