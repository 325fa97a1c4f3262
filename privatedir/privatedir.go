// Package privatedir makes the folders Frontdesk keeps guest data and a desk's secret in
// readable by the user it runs as only: mode 0700 where file modes protect, and an access
// list of the user's own on Windows.
package privatedir
