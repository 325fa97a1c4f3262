package app

// What needs the person at the desk: the clock that checks every dueTick, the desktop
// notifications, and the header's "⚠ 3 need you" with the queue it opens.

import (
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"

	"frontdesk/escalation"
	"frontdesk/requests"
)

// dueTick is how often the person at the desk is told about their requests that became
// due soon or overdue, and the screen in front of them refreshed: as often as the
// escalation sweep (escalation.Every) climbs them, which runs outside the window.
const dueTick = escalation.Every

// tick asks the UI goroutine to check what is due at every interval until stop closes.
func (u *UI) tick(every time.Duration, stop <-chan struct{}) {
	t := time.NewTicker(every)
	defer t.Stop()
	for {
		select {
		case <-stop:
			return
		case <-t.C:
			u.do(u.ticked)
		}
	}
}

// ticked tells the person at the desk about their requests that became due soon or
// overdue, or were escalated to them, and refreshes the screen in front of them. It runs
// on the UI goroutine; the database work runs off it. What was told is recorded where
// the requests are (requests.Notifier), so a person signed in at two desks, or opening
// the window again, is told once.
func (u *UI) ticked() {
	if u.svc.Notices == nil || u.tabs == nil || u.actor.ID == "" {
		return
	}
	background(u, u.svc.Notices.ClaimNotices, func(n requests.Notices, err error) {
		if err != nil {
			logErr("check what is due", err)
			return
		}
		u.notify(n.Fresh)
		u.setDueCount(n.Count)
		switch u.tabs.Selected().Content {
		case u.requests.content:
			u.requests.reload()
		case u.today.content:
			u.today.reload()
		}
	})
}

// countedNeedsYou updates the header from counts that a screen read under f, when f is
// the header's own filter but for its view (the counts of every view come together):
// the header stays true as the person works through their queue between two checks.
func (u *UI) countedNeedsYou(f requests.Filter, c requests.Counts) {
	want := requests.NeedsYou(u.actor)
	f.View, f.Limit, f.Offset = want.View, 0, 0
	if f == want {
		u.setDueCount(c[requests.ViewAttention])
	}
}

// maxSingleNotices is how many requests get a notification each; more become one summary,
// so that signing in to a busy shift does not bury the desktop.
const maxSingleNotices = 3

// notify sends one desktop notification per request claimed, or one summary for many.
func (u *UI) notify(fresh []requests.Summary) {
	if len(fresh) == 0 {
		return
	}
	if len(fresh) > maxSingleNotices {
		u.sendNotification(fyne.NewNotification("Frontdesk",
			lang.N("{{.Count}} of your requests need attention", len(fresh), map[string]any{"Count": len(fresh)})))
		return
	}
	now := u.now()
	for _, r := range fresh {
		text, _ := attention(&r.Request, now)
		u.sendNotification(fyne.NewNotification(text, requestText(&r.Request)+" · "+whereFrom(&r)))
	}
}

// setDueCount shows "⚠ 3 need you" on the header; clicking it opens those three.
func (u *UI) setDueCount(n int) {
	if u.dueButton == nil {
		return
	}
	if n == 0 {
		u.dueButton.Hide()
		return
	}
	u.dueButton.SetText(lang.N("⚠ {{.Count}} needs you", n, map[string]any{"Count": n}))
	u.dueButton.Show()
}

// showNeedsYou opens the queue the header counts: the person's requests overdue or due
// soon, with the same filter, so the header's number is the queue's.
func (u *UI) showNeedsYou() {
	u.requests.setFilter(requests.NeedsYou(u.actor))
	if u.tabs.Selected().Content == u.requests.content {
		u.requests.reload()
		return
	}
	u.showTab(u.requests.content)
}
