package app

import (
	"encoding/json"
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"testing"

	"fyne.io/fyne/v2/lang"

	"frontdesk/guests"
	"frontdesk/words"
)

// messageKeys collects every user-facing English text in the program: lang.L/lang.N keys
// in the UI, message templates given to errs in the domain and storage, Msg* constants,
// and the names of domain values. Plural keys map to true.
func messageKeys(t *testing.T) map[string]bool {
	t.Helper()
	keys := map[string]bool{}
	fset := token.NewFileSet()
	err := filepath.WalkDir("..", func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() && strings.HasPrefix(d.Name(), ".") && path != ".." {
			return filepath.SkipDir
		}
		if d.IsDir() || !strings.HasSuffix(path, ".go") || strings.HasSuffix(path, "_test.go") {
			return nil
		}
		f, err := parser.ParseFile(fset, path, nil, 0)
		if err != nil {
			return err
		}
		collectKeys(f, keys)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	for _, tb := range words.Tables() {
		for _, n := range tb.Names {
			keys[n] = false
		}
	}
	addValues(keys, roomFilterNames)
	addValues(keys, auditEntities)
	addValues(keys, auditActions)
	for _, w := range append(fyneWords, guests.ErasedName) {
		keys[w] = false
	}
	return keys
}

// fyneWords are the texts Fyne's own widgets and dialogs show in Frontdesk: an entry's
// menu, the error dialog, the file dialogs. Fyne translates them through the same
// catalogue, which must have them.
var fyneWords = []string{"Cancel", "Copy", "Cut", "Paste", "Select all", "Undo", "Redo", "Error", "OK",
	"Yes", "No", "File", "Folder", "New Folder", "Create Folder", "Enter filename", "Show Hidden Files", "Save"}

func addValues[K comparable](keys map[string]bool, names map[K]string) {
	for _, n := range names {
		keys[n] = false
	}
}

// templateArg says which argument of a call carries a message template.
var templateArg = map[string]int{"L": 0, "N": 0, "New": 1, "Wrap": 2, "FieldError": 1, "Add": 1, "mustAffect": 1, "fieldProblem": 1, "invalid": 0,
	"summaryOf": 0, "said": 0}

func collectKeys(f *ast.File, keys map[string]bool) {
	ast.Inspect(f, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.CallExpr:
			name := ""
			switch f := n.Fun.(type) {
			case *ast.SelectorExpr:
				name = f.Sel.Name
			case *ast.Ident:
				name = f.Name
			}
			i, ok := templateArg[name]
			if ok && i < len(n.Args) {
				if s, ok := stringLit(n.Args[i]); ok {
					keys[s] = keys[s] || name == "N"
				}
			}
		case *ast.KeyValueExpr:
			if id, ok := n.Key.(*ast.Ident); ok && id.Name == "Template" {
				if s, ok := stringLit(n.Value); ok {
					keys[s] = keys[s] || false
				}
			}
		case *ast.ValueSpec:
			for i, name := range n.Names {
				if strings.HasPrefix(name.Name, "Msg") && i < len(n.Values) {
					if s, ok := stringLit(n.Values[i]); ok {
						keys[s] = keys[s] || false
					}
				}
			}
		}
		return true
	})
}

func stringLit(e ast.Expr) (string, bool) {
	lit, ok := e.(*ast.BasicLit)
	if !ok || lit.Kind != token.STRING {
		return "", false
	}
	s, err := strconv.Unquote(lit.Value)
	return s, err == nil && strings.TrimSpace(s) != ""
}

func readTranslations(t *testing.T, name string) map[string]any {
	t.Helper()
	data, err := translations.ReadFile("translations/" + name)
	if err != nil {
		t.Fatal(err)
	}
	m := map[string]any{}
	if err := json.Unmarshal(data, &m); err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	return m
}

func TestEveryMessageIsTranslatedInEnglishAndIndonesian(t *testing.T) {
	keys := messageKeys(t)
	for _, file := range []string{"en.json", "id.json"} {
		tr := readTranslations(t, file)
		var missing []string
		for k, plural := range keys {
			v, ok := tr[k]
			if !ok {
				missing = append(missing, k)
				continue
			}
			if _, isMap := v.(map[string]any); isMap != plural {
				t.Errorf("%s: %q should be plural=%v", file, k, plural)
			}
		}
		sort.Strings(missing)
		if len(missing) > 0 {
			if os.Getenv("I18N_MISSING") != "" {
				out, _ := json.MarshalIndent(missing, "", "  ")
				os.WriteFile(os.Getenv("I18N_MISSING")+"."+file, out, 0o644)
			}
			t.Errorf("%s lacks %d messages, e.g. %q", file, len(missing), missing[0])
		}
	}
}

func TestTranslationFilesLoad(t *testing.T) {
	if err := lang.AddTranslationsFS(translations, "translations"); err != nil {
		t.Fatalf("the translation files do not load: %v", err)
	}
}

func TestIndonesianIsUsedWhenChosen(t *testing.T) {
	t.Setenv("LANGUAGE", "")
	SetLanguage("id")
	defer SetLanguage("en")
	if got := lang.L("New guest"); got != "Tamu baru" {
		t.Fatalf("New guest in Indonesian = %q", got)
	}
	if got := lang.N("{{.Count}} guest found", 3, map[string]any{"Count": 3}); got != "3 tamu ditemukan" {
		t.Fatalf("plural in Indonesian = %q", got)
	}
}
