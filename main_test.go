package main

import (
	"os"
	"regexp"
	"testing"
)

func TestAppIDAndVersionMatchFyneAppToml(t *testing.T) {
	data, err := os.ReadFile("FyneApp.toml")
	if err != nil {
		t.Fatal(err)
	}
	field := func(name string) string {
		m := regexp.MustCompile(`(?m)^\s*` + name + `\s*=\s*"([^"]*)"`).FindSubmatch(data)
		if m == nil {
			t.Fatalf("FyneApp.toml has no %s", name)
		}
		return string(m[1])
	}
	if got := field("ID"); got != appID {
		t.Errorf("FyneApp.toml ID %q, code %q", got, appID)
	}
	if got := field("Version"); got != version {
		t.Errorf("FyneApp.toml Version %q, code %q", got, version)
	}
	if len(icon) < 1000 {
		t.Error("the embedded icon is missing")
	}
}
