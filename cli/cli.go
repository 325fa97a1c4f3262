// Package cli holds Frontdesk's command-line subcommands (seed, bench, handover, backup,
// restore, import…): the jobs a property runs from a terminal or a schedule, on the same
// database and the same store code as the window. Each command lives in its own file and
// registers itself in init.
package cli

import (
	"fmt"
	"io"
	"os"
	"sort"
)

// Command is one subcommand: `frontdesk NAME [flags]`.
type Command struct {
	Name    string
	Summary string // one line for the usage text
	// Run executes the command with the arguments after its name, writing results to
	// stdout and messages to stderr; it returns the process exit code.
	Run func(args []string, stdout, stderr io.Writer) int
}

var commands = map[string]Command{}

// register adds a command; called from each command file's init.
func register(c Command) {
	if _, dup := commands[c.Name]; dup {
		panic("cli: command registered twice: " + c.Name)
	}
	commands[c.Name] = c
}

// Lookup returns the command called name.
func Lookup(name string) (Command, bool) {
	c, ok := commands[name]
	return c, ok
}

// Usage lists the commands, by name.
func Usage(w io.Writer) {
	names := make([]string, 0, len(commands))
	for n := range commands {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		fmt.Fprintf(w, "  frontdesk %-10s %s\n", n, commands[n].Summary)
	}
}

// Main runs the command named by args[0] if there is one and exits with its code; it
// returns false when args do not name a command (the window should open).
func Main(args []string) bool {
	if len(args) == 0 {
		return false
	}
	c, ok := commands[args[0]]
	if !ok {
		return false
	}
	os.Exit(c.Run(args[1:], os.Stdout, os.Stderr))
	return true
}

// sqliteHeader opens every SQLite database file.
const sqliteHeader = "SQLite format 3\x00"

// existingDatabase refuses a path that is not a database file already: a command that
// reads a property's data must never make a new, empty database out of a mistyped path
// or an empty file (SQLite would, and the command would report an empty property).
func existingDatabase(path string) error {
	f, err := os.Open(path)
	if err != nil {
		return fmt.Errorf("there is no database at %s", path)
	}
	defer f.Close()
	head := make([]byte, len(sqliteHeader))
	if n, _ := io.ReadFull(f, head); n == 0 {
		return fmt.Errorf("%s is empty: it is not a Frontdesk database", path)
	}
	if string(head) != sqliteHeader {
		return fmt.Errorf("%s is not a Frontdesk database", path)
	}
	return nil
}
