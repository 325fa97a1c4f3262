package cli

import (
	"bufio"
	"context"
	"errors"
	"flag"
	"fmt"
	"os"
	"strings"

	"frontdesk/remote"
	"frontdesk/services"
	"frontdesk/sqlite"
	"frontdesk/staff"
)

// PINVariable holds the PIN of the member of staff a command signs in as at a server
// (--staff), for scheduled jobs; without it the command asks on the terminal.
const PINVariable = "FRONTDESK_PIN"

// target is where a command works: a database file on this PC (--db), or a Frontdesk
// server (--server) that this PC is paired with, as a member of staff (--staff).
type target struct {
	db, server, deskConfig, staffName string
}

// addFlags adds --server, --desk-config and --staff beside the command's --db.
func (t *target) addFlags(fs *flag.FlagSet) {
	fs.StringVar(&t.server, "server", "", "work on the Frontdesk server at this address (https://HOST:PORT) instead of a file; this PC must be paired with it")
	fs.StringVar(&t.deskConfig, "desk-config", remote.ConfigPath(), "with --server: this PC's pairing (made by the window or `frontdesk pair`)")
	fs.StringVar(&t.staffName, "staff", "", "with --server: the member of staff to sign in as (PIN from "+PINVariable+" or asked)")
}

// remote says whether the command works through a server.
func (t target) remote() bool { return t.server != "" }

// check validates the flags together.
func (t target) check() error {
	if t.remote() && t.staffName == "" {
		return errors.New("with --server, say who signs in with --staff NAME (PIN from " + PINVariable + " or asked)")
	}
	return nil
}

// open returns the services to work with, the context to call them with, and what to
// do when done. On a file, the command acts as the computer account's operator (whoever
// can read the file can change it anyway); at a server, as the member of staff who signed
// in, with their role, and the server audits it so.
func (t target) open(command string, opt sqlite.Options) (services.Services, context.Context, func(), error) {
	if !t.remote() {
		if err := existingDatabase(t.db); err != nil {
			return services.Services{}, nil, nil, err
		}
		store, err := sqlite.Open(context.Background(), t.db, opt)
		if err != nil {
			return services.Services{}, nil, nil, err
		}
		return services.Of(store), operator(command), func() { store.Close() }, nil
	}
	c, err := t.dial()
	if err != nil {
		return services.Services{}, nil, nil, err
	}
	actor, err := t.signIn(c)
	if err != nil {
		return services.Services{}, nil, nil, err
	}
	svc := services.Of(c)
	svc.Link, svc.Desks = c, c
	done := func() { c.SignOut(context.Background()) }
	return svc, staff.WithActor(context.Background(), actor), done, nil
}

// dial connects with this PC's pairing.
func (t target) dial() (*remote.Client, error) {
	cfg, ok, err := remote.LoadConfig(t.deskConfig)
	if err != nil {
		return nil, fmt.Errorf("cannot read %s: %w", t.deskConfig, err)
	}
	want, err := remote.CheckURL(t.server)
	if err != nil {
		return nil, err
	}
	if !ok || cfg.Server == nil || cfg.Server.URL != want {
		return nil, fmt.Errorf("this PC is not paired with %s (%s): pair it with `frontdesk pair --server %s --code CODE`", want, t.deskConfig, want)
	}
	return remote.Dial(context.Background(), *cfg.Server)
}

// signIn finds the member of staff by name and signs them in with their PIN.
func (t target) signIn(c *remote.Client) (staff.Actor, error) {
	ctx := context.Background()
	list, err := c.ListStaff(ctx, staff.Filter{ActiveOnly: true, Limit: 1000})
	if err != nil {
		return staff.Actor{}, err
	}
	var found []staff.Staff
	for _, st := range list {
		if strings.EqualFold(st.Name, strings.TrimSpace(t.staffName)) {
			found = append(found, st)
		}
	}
	if len(found) != 1 {
		return staff.Actor{}, fmt.Errorf("no one active is called %q at the server", t.staffName)
	}
	pin, err := readPIN(found[0].Name)
	if err != nil {
		return staff.Actor{}, err
	}
	return c.SignIn(ctx, found[0].ID, pin)
}

// readPIN is the PIN from the environment, or asked on the terminal.
func readPIN(name string) (string, error) {
	if pin := os.Getenv(PINVariable); pin != "" {
		return pin, nil
	}
	fmt.Fprintf(os.Stderr, "PIN of %s: ", name)
	line, err := bufio.NewReader(os.Stdin).ReadString('\n')
	if err != nil && line == "" {
		return "", fmt.Errorf("no PIN: set %s or type it", PINVariable)
	}
	return strings.TrimSpace(line), nil
}
