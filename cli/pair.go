package cli

import (
	"context"
	"flag"
	"fmt"
	"io"
	"os"

	"frontdesk/remote"
)

func init() {
	register(Command{
		Name:    "pair",
		Summary: "pair this PC with a Frontdesk server, for commands run with --server (scheduled jobs)",
		Run:     runPair,
	})
}

// runPair pairs this PC with a server from the command line: a PC without a screen that
// prints the handover from cron.
func runPair(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("pair", flag.ContinueOnError)
	fs.SetOutput(stderr)
	server := fs.String("server", "", "the server's address, https://HOST:PORT")
	code := fs.String("code", "", "the one-time pairing code (frontdesk serve --pair, or Resources → Desks)")
	host, _ := os.Hostname()
	name := fs.String("name", host, "this desk's name, as administrators will see it")
	config := fs.String("desk-config", remote.ConfigPath(), "where to keep the pairing")
	if err := fs.Parse(args); err != nil || fs.NArg() > 0 || *server == "" || *code == "" {
		fmt.Fprintln(stderr, "frontdesk pair: usage: frontdesk pair --server https://HOST:PORT --code CODE [--name NAME]")
		return 2
	}
	cred, err := remote.Pair(context.Background(), *server, *code, *name)
	if err != nil {
		fmt.Fprintln(stderr, "frontdesk pair:", err)
		return 1
	}
	if err := remote.SaveConfig(*config, remote.DeskConfig{Mode: remote.ModeServer, Server: &cred}); err != nil {
		fmt.Fprintln(stderr, "frontdesk pair:", err)
		return 1
	}
	fmt.Fprintf(stdout, "Paired as %q with %s.\nThe server's certificate: %s\nIt should be the one the server printed when it started.\n", cred.DeskName, cred.URL, cred.Fingerprint)
	return 0
}
