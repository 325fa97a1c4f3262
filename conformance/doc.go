// Package conformance holds the service-level tests that every implementation of
// package services must pass: the SQLite store on a PC of its own, and the API client
// through a real Frontdesk server (TLS, pairing, sessions). Each test is written once,
// against services.Services, and run against both (eachDesk); a difference between a
// desk of its own and a desk of a server is a failure.
package conformance
