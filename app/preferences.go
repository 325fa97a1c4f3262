package app

import "fyne.io/fyne/v2"

// How each person left the screens is kept in the desk's app preferences, by staff ID,
// not in the shared database: it is how this person likes to see this desk, not a fact
// about the property. It costs the busy database no write and no audit line at every
// click, and it works the same when the desk's services are remote. A person who moves
// to another desk PC starts there with the defaults once.

// mineOnlyKey is the preference that remembers "Mine only" on the Requests screen.
const mineOnlyKey = "requests.mine_only."

// mineOnly reports whether staffID last left the Requests screen showing only their own
// requests (false for someone who never ticked it).
func mineOnly(staffID string) bool {
	if staffID == "" {
		return false
	}
	return fyne.CurrentApp().Preferences().BoolWithFallback(mineOnlyKey+staffID, false)
}

// rememberMineOnly keeps staffID's choice of "Mine only" for their next visit.
func rememberMineOnly(staffID string, on bool) {
	if staffID != "" {
		fyne.CurrentApp().Preferences().SetBool(mineOnlyKey+staffID, on)
	}
}
