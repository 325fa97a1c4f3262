package sqlite

import "frontdesk/privatedir"

// dataDir is %LOCALAPPDATA%, the user's data on this PC. %APPDATA% would roam with a
// domain profile, and a database copied back and forth at each sign-in loses the work
// of whichever PC signed out first.
func dataDir() string { return privatedir.LocalData() }
