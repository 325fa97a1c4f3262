package remote

import "frontdesk/privatedir"

// configDir is %LOCALAPPDATA%, the user's data on this PC, beside the database.
func configDir() string { return privatedir.LocalData() }
