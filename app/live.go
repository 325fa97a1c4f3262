package app

import (
	"context"
	"time"

	"frontdesk/audit"
)

// liveDelay gathers the changes of a moment into one refresh: a busy desk's burst of
// saves reads the screen once, and a change is still on screen within a second.
const liveDelay = 300 * time.Millisecond

// live is what the window follows of the property's change feed.
type live struct {
	cancel  context.CancelFunc
	pending bool            // a refresh is scheduled
	guests  map[string]bool // guests changed since the last refresh
	reload  bool            // the feed said to read afresh
}

// followFeed keeps the window's screens current with what other desks and the clock
// change: the open queue and its counts, Today, the handover, the header's badge and an
// open profile, without anyone pressing Refresh. Stopped by Close.
func (u *UI) followFeed() {
	if u.svc.Feed == nil || u.live.cancel != nil {
		return
	}
	ctx, cancel := context.WithCancel(context.Background())
	u.live.cancel = cancel
	go func() {
		err := u.svc.Feed.Follow(ctx, 0, func(cs []audit.Change, reload bool) {
			u.do(func() { u.changed(cs, reload) })
		})
		if err != nil {
			logErr("follow the changes", err)
		}
	}()
}

// stopFeed stops following the feed.
func (u *UI) stopFeed() {
	if u.live.cancel != nil {
		u.live.cancel()
	}
}

// changed notes changes and schedules one refresh for them.
func (u *UI) changed(cs []audit.Change, reload bool) {
	if u.live.guests == nil {
		u.live.guests = map[string]bool{}
	}
	for _, c := range cs {
		if c.GuestID != "" {
			u.live.guests[c.GuestID] = true
		}
	}
	u.live.reload = u.live.reload || reload
	if u.live.pending {
		return
	}
	u.live.pending = true
	time.AfterFunc(liveDelay, func() { u.do(u.applyChanges) })
}

// applyChanges refreshes what the person has in front of them. Screens keep their
// selection and scroll as on any refresh; forms and dialogs are not touched, so nothing
// being typed is lost.
func (u *UI) applyChanges() {
	guests, reload := u.live.guests, u.live.reload
	u.live.pending, u.live.guests, u.live.reload = false, nil, false
	if u.tabs == nil {
		return
	}
	u.ticked() // the badge, notifications once per change, the queue or Today on show
	if u.handover != nil && u.tabs.Selected() != nil && u.tabs.Selected().Content == u.handover.content {
		u.handover.reload()
	}
	if id := u.guests.shownID; id != "" && (reload || guests[id]) {
		u.guests.reloadProfile()
	}
}
