// Command vulndb builds the Go vulnerability database that govulncheck reads with
// -db file://DIR, from the golang.org/x/vulndb module as the Go module proxy serves it:
// CI reaches the module proxy but not vuln.go.dev. It writes the database's v1 layout:
// index/db.json, index/modules.json and ID/GO-….json, one OSV entry each.
//
//	go run ./.ci/vulndb -zip MODULE.zip -version v0.0.0-2026… -out DIR
package main

import (
	"archive/zip"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"log"
	"os"
	"path"
	"path/filepath"
	"sort"
	"strings"
	"time"
)

type entry struct {
	ID       string    `json:"id"`
	Modified time.Time `json:"modified"`
	Affected []struct {
		Package struct {
			Name string `json:"name"`
		} `json:"package"`
	} `json:"affected"`
}

type moduleVuln struct {
	ID       string    `json:"id"`
	Modified time.Time `json:"modified"`
}

type moduleIndex struct {
	Path  string       `json:"path"`
	Vulns []moduleVuln `json:"vulns"`
}

func main() {
	zipPath := flag.String("zip", "", "the golang.org/x/vulndb module zip (go mod download -json)")
	version := flag.String("version", "", "its version, a pseudo-version whose time dates the database")
	out := flag.String("out", "", "the directory to write the database to")
	flag.Parse()
	stamp, err := pseudoVersionTime(*version)
	if err != nil {
		log.Fatalf("vulndb: version %q: %v", *version, err)
	}
	if err := build(*zipPath, *out, stamp.UTC()); err != nil {
		log.Fatalf("vulndb: %v", err)
	}
}

// pseudoVersionTime is the commit time of a pseudo-version, v0.0.0-20261105234957-e22db6528018.
func pseudoVersionTime(v string) (time.Time, error) {
	parts := strings.Split(v, "-")
	if len(parts) < 3 {
		return time.Time{}, fmt.Errorf("not a pseudo-version")
	}
	stamp := parts[len(parts)-2]
	if i := strings.LastIndex(stamp, "."); i >= 0 { // v1.2.4-0.2026…
		stamp = stamp[i+1:]
	}
	return time.Parse("20060102150405", stamp)
}

func build(zipPath, out string, stamp time.Time) error {
	zr, err := zip.OpenReader(zipPath)
	if err != nil {
		return err
	}
	defer zr.Close()
	if err := os.MkdirAll(filepath.Join(out, "ID"), 0o755); err != nil {
		return err
	}
	if err := os.MkdirAll(filepath.Join(out, "index"), 0o755); err != nil {
		return err
	}
	mods := map[string][]moduleVuln{}
	n := 0
	for _, f := range zr.File {
		dir, name := path.Split(f.Name)
		if !strings.HasSuffix(dir, "/data/osv/") || !strings.HasSuffix(name, ".json") {
			continue
		}
		e, raw, err := readEntry(f, stamp)
		if err != nil {
			return fmt.Errorf("%s: %w", name, err)
		}
		if err := os.WriteFile(filepath.Join(out, "ID", e.ID+".json"), raw, 0o644); err != nil {
			return err
		}
		seen := map[string]bool{}
		for _, a := range e.Affected {
			if p := a.Package.Name; !seen[p] {
				seen[p] = true
				mods[p] = append(mods[p], moduleVuln{ID: e.ID, Modified: e.Modified})
			}
		}
		n++
	}
	if n == 0 {
		return fmt.Errorf("%s holds no data/osv entries", zipPath)
	}
	var index []moduleIndex
	for p, vs := range mods {
		index = append(index, moduleIndex{Path: p, Vulns: vs})
	}
	sort.Slice(index, func(i, j int) bool { return index[i].Path < index[j].Path })
	if err := writeJSON(filepath.Join(out, "index", "modules.json"), index); err != nil {
		return err
	}
	log.Printf("vulndb: %d entries, %d modules, dated %s", n, len(index), stamp.Format(time.RFC3339))
	return writeJSON(filepath.Join(out, "index", "db.json"), map[string]time.Time{"modified": stamp})
}

// readEntry reads one OSV entry; entries the repository leaves undated get the
// database's date, as the published database dates them by their commit.
func readEntry(f *zip.File, stamp time.Time) (entry, []byte, error) {
	rc, err := f.Open()
	if err != nil {
		return entry{}, nil, err
	}
	defer rc.Close()
	raw, err := io.ReadAll(rc)
	if err != nil {
		return entry{}, nil, err
	}
	var e entry
	if err := json.Unmarshal(raw, &e); err != nil {
		return entry{}, nil, err
	}
	if e.Modified.IsZero() || e.Modified.Year() < 2000 {
		e.Modified = stamp
		var m map[string]any
		if err := json.Unmarshal(raw, &m); err != nil {
			return entry{}, nil, err
		}
		m["modified"] = stamp
		if m["published"] == "0001-01-01T00:00:00Z" {
			m["published"] = stamp
		}
		if raw, err = json.Marshal(m); err != nil {
			return entry{}, nil, err
		}
	}
	return e, raw, nil
}

func writeJSON(file string, v any) error {
	b, err := json.Marshal(v)
	if err != nil {
		return err
	}
	return os.WriteFile(file, b, 0o644)
}
