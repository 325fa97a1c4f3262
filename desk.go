package main

import (
	"context"
	"errors"
	"fmt"
	"log"
	"os"

	"fyne.io/fyne/v2"

	"frontdesk/app"
	"frontdesk/errs"
	"frontdesk/remote"
	"frontdesk/services"
)

// runDesk opens the window the way this PC works: on its own database (--db, --demo, or
// the choice remembered), or as a desk of a Frontdesk server (--server, or the choice
// remembered). A PC that has never chosen asks first.
func runDesk(dbPath, serverURL string, withDemo bool, uiLang, region string, keep int) error {
	cfgPath := remote.ConfigPath()
	if dbPath != "" || withDemo {
		return run(dbPath, withDemo, uiLang, region, keep)
	}
	cfg, chosen, err := remote.LoadConfig(cfgPath)
	if err != nil {
		log.Printf("desk settings %s: %v (asking again)", cfgPath, err)
	}
	switch {
	case serverURL != "":
		if cfg.Server == nil || !sameServer(cfg.Server.URL, serverURL) {
			return pairThenRun(cfgPath, serverURL, false, uiLang, nil)
		}
		return runRemote(cfgPath, *cfg.Server, uiLang)
	case chosen && cfg.Mode == remote.ModeServer && cfg.Server != nil:
		return runRemote(cfgPath, *cfg.Server, uiLang)
	case chosen && cfg.Mode == remote.ModeLocal:
		return run("", false, uiLang, region, keep)
	}
	return pairThenRun(cfgPath, "", true, uiLang, func() error {
		if err := remote.SaveConfig(cfgPath, remote.DeskConfig{Mode: remote.ModeLocal}); err != nil {
			log.Printf("desk settings: %v", err)
		}
		return run("", false, uiLang, region, keep)
	})
}

// sameServer says whether two addresses as typed name one server.
func sameServer(a, b string) bool {
	ca, errA := remote.CheckURL(a)
	cb, errB := remote.CheckURL(b)
	return errA == nil && errB == nil && ca == cb
}

// pairThenRun shows the first question (ask) or the pairing form, and opens the desk's
// window once it is paired; "on its own" runs own (the window closes first; nil when
// not asked).
func pairThenRun(cfgPath, serverURL string, ask bool, uiLang string, own func() error) error {
	w := newWindow(uiLang)
	var next func() error
	var paired *remote.Credential
	host, _ := os.Hostname()
	app.ShowConnect(w, app.Connect{
		Ask: ask, URL: serverURL, DeskName: host,
		OnOwn: func() {
			next = own
			w.Close()
		},
		Pair: func(ctx context.Context, url, code, name string) (string, error) {
			cred, err := remote.Pair(ctx, url, code, name)
			if err != nil {
				return "", err
			}
			if err := remote.SaveConfig(cfgPath, remote.DeskConfig{Mode: remote.ModeServer, Server: &cred}); err != nil {
				return "", errs.Wrap(err, errs.Unavailable, "This desk is paired but could not remember it in {{.Path}}.", map[string]any{"Path": cfgPath})
			}
			paired = &cred
			return cred.Fingerprint, nil
		},
		OnPaired: func() { openRemote(w, *paired) },
	})
	w.ShowAndRun()
	if next != nil {
		return next()
	}
	return nil
}

// runRemote opens the window as a desk of the server of cred.
func runRemote(cfgPath string, cred remote.Credential, uiLang string) error {
	w := newWindow(uiLang)
	if err := openRemote(w, cred); err != nil {
		return err
	}
	w.ShowAndRun()
	return nil
}

// openRemote fills the window with the desk's screens over its server's services.
func openRemote(w fyne.Window, cred remote.Credential) error {
	c, err := remote.New(cred)
	if err != nil {
		return fmt.Errorf("the desk settings name no usable server (%v); start with --server https://HOST:PORT", err)
	}
	svc := services.Of(c)
	svc.Link, svc.Desks = c, c
	ui := app.Create(w, svc)
	w.SetOnClosed(func() {
		ui.Close()
		ctx, cancel := context.WithTimeout(context.Background(), remote.CallTimeout)
		defer cancel()
		if err := c.SignOut(ctx); err != nil && !errors.Is(err, context.Canceled) {
			log.Printf("sign out: %v", err)
		}
	})
	return nil
}
