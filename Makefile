# Frontdesk — build, run and test. Every Go command needs the sqlite_fts5 tag (guest search);
# sqlite_percentile adds SQLite's percentile functions, which make Insights over long periods
# several times faster (without it the same numbers come from window functions).
SHELL   := /bin/bash
TAGS    := sqlite_fts5,sqlite_percentile
BIN     := frontdesk
DEMO_DB ?= demo.db
export LANG ?= en_US.UTF-8
export PATH := $(PATH):/usr/local/go/bin
# Every Go command runs on Go 1.27.3, which the go command fetches once from the Go module
# proxy (about 10 s): the Go 1.26.8 a Debian machine comes with has standard-library
# vulnerabilities (net/http, crypto/tls, crypto/x509) that govulncheck reports.
export GOTOOLCHAIN := go1.27.3

# Analysis tools, at pinned versions, installed into .tools/ by `make tools`. The
# vulnerability database is built from the golang.org/x/vulndb module (the newest the
# module proxy serves), because vuln.go.dev itself is not reachable from every machine.
TOOLS       := $(CURDIR)/.tools
STATICCHECK := honnef.co/go/tools/cmd/staticcheck@v0.8.2
GOVULNCHECK := golang.org/x/vuln/cmd/govulncheck@v1.9.0

# Debian packages a cgo build of Fyne and SQLite needs.
# fonts-noto-cjk lets the window show Chinese, Japanese and Korean guest names, fonts-noto-core
# Thai, Arabic, Devanagari, Hebrew and the other scripts guests' names come in; the PDF
# handover embeds TrueType fonts: DejaVu Sans, Droid Sans Fallback (CJK), Nanum (Korean).
DEB_PACKAGES := gcc libc6-dev pkg-config libgl1-mesa-dev libx11-dev libxcursor-dev \
	libxrandr-dev libxinerama-dev libxi-dev libxxf86vm-dev fonts-noto-cjk fonts-noto-core \
	fonts-dejavu-core fonts-droid-fallback fonts-nanum

.PHONY: run build test deps vet fmt-check lint tools vulndb package clean-demo bench bench-go bench-ui proto serve \
	windows windows-deps windows-vet windows-zip

## run: install what is missing, build, and open Frontdesk on a demo database
run: deps build
	./$(BIN) --db $(DEMO_DB) --demo

## serve: build and serve the demo database to desks on this PC (https://localhost:8443), printing a pairing code
serve: deps build
	./$(BIN) serve --db $(DEMO_DB) --demo --pair

## proto: regenerate api/ from the schema in proto/ with buf (installed into .tools/)
BUF           := github.com/bufbuild/buf/cmd/buf@v1.75.0
PROTOC_GEN_GO := google.golang.org/protobuf/cmd/protoc-gen-go@v1.36.12
CONNECT_GEN   := connectrpc.com/connect/cmd/protoc-gen-connect-go@v1.19.1
proto:
	@[ -x $(TOOLS)/buf ] || GOBIN=$(TOOLS) go install $(BUF)
	@[ -x $(TOOLS)/protoc-gen-go ] || GOBIN=$(TOOLS) go install $(PROTOC_GEN_GO)
	@[ -x $(TOOLS)/protoc-gen-connect-go ] || GOBIN=$(TOOLS) go install $(CONNECT_GEN)
	$(TOOLS)/buf lint
	$(TOOLS)/buf generate

## build: compile the frontdesk binary
build:
	go build -tags $(TAGS) -o $(BIN) .

## test: vet, formatting check, staticcheck, govulncheck and the whole test suite with the race detector
test: vet fmt-check lint
	go test -race -tags $(TAGS) ./...

## lint: staticcheck and govulncheck; either one's findings fail the build
lint: tools vulndb
	$(TOOLS)/staticcheck -tags $(TAGS) ./...
	$(TOOLS)/govulncheck -db file://$(TOOLS)/vulndb -tags $(TAGS) ./...

## tools: install staticcheck and govulncheck at their pinned versions into .tools/
tools:
	@[ -x $(TOOLS)/staticcheck ] || GOBIN=$(TOOLS) go install $(STATICCHECK)
	@[ -x $(TOOLS)/govulncheck ] || GOBIN=$(TOOLS) go install $(GOVULNCHECK)

## vulndb: the Go vulnerability database for govulncheck, from the newest golang.org/x/vulndb
vulndb:
	@info=$$(go mod download -json golang.org/x/vulndb@latest) && \
	zip=$$(echo "$$info" | sed -n 's/^[[:space:]]*"Zip": "\(.*\)",*$$/\1/p') && \
	ver=$$(echo "$$info" | sed -n 's/^[[:space:]]*"Version": "\(.*\)",*$$/\1/p') && \
	rm -rf $(TOOLS)/vulndb && go run ./.ci/vulndb -zip "$$zip" -version "$$ver" -out $(TOOLS)/vulndb

vet:
	go vet -tags $(TAGS) ./...

fmt-check:
	@out=$$(gofmt -l $$(git ls-files '*.go' 2>/dev/null || find . -name '*.go')); \
	if [ -n "$$out" ]; then echo "gofmt would change:"; echo "$$out"; exit 1; fi

## bench: seed $(BENCH_DB) with 1M guests and 5M requests (once) and measure it (BENCHMARKS.md)
BENCH_DB ?= /tmp/frontdesk-scale.db
bench: build
	@[ -s $(BENCH_DB) ] || ./$(BIN) seed --db $(BENCH_DB) --guests 1000000 --requests 5000000
	./$(BIN) bench --db $(BENCH_DB)

## bench-go: the store's Go benchmarks (search, profile, create request, queue, Today, handover, measures)
bench-go:
	go test -tags $(TAGS) -run '^$$' -bench . -benchtime 2s ./sqlite/

## bench-ui: the Guests screen typed into on $(BENCH_DB): keystroke to list, and memory after 1,000 searches
bench-ui:
	FRONTDESK_BENCH_DB=$(BENCH_DB) go test -tags $(TAGS) -run '^$$' -bench GuestsScreenKeystrokes -benchtime 1000x ./app/

## deps: install the Debian packages the build needs (only those missing)
deps:
	@command -v go >/dev/null || { echo "Go is not installed: get Go 1.26 or newer from https://go.dev/dl and put it on PATH"; exit 1; }
	@missing=$$(for p in $(DEB_PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || echo $$p; done); \
	if [ -n "$$missing" ]; then \
		echo "Installing: $$missing"; \
		sudo=$$([ "$$(id -u)" = 0 ] || echo sudo); \
		$$sudo apt-get update && DEBIAN_FRONTEND=noninteractive $$sudo apt-get install -y $$missing; \
	fi

## package: a desktop bundle with icon and metadata (needs: go install fyne.io/tools/cmd/fyne@latest)
package:
	fyne package --os linux --tags $(TAGS) --release

# Windows (README, "Windows"): frontdesk.exe cross-compiled here, cgo through Debian's
# mingw-w64 (SQLite and GLFW are C), with the icon and version of FyneApp.toml in a
# resource object (.syso, made by go-winres) and linked as a GUI program: no console window.
WIN_ENV      := GOOS=windows GOARCH=amd64 CGO_ENABLED=1 CC=x86_64-w64-mingw32-gcc
WIN_PACKAGES := gcc-mingw-w64-x86-64 zip
WINRES       := github.com/tc-hib/go-winres@v0.3.3
APP_NAME     := $(shell sed -n 's/^ *Name *= *"\(.*\)"/\1/p' FyneApp.toml)
APP_VERSION  := $(shell sed -n 's/^ *Version *= *"\(.*\)"/\1/p' FyneApp.toml)
APP_BUILD    := $(shell sed -n 's/^ *Build *= *\([0-9]*\).*/\1/p' FyneApp.toml)
APP_COMMENT  := $(shell sed -n 's/^ *Comment *= *"\(.*\)"/\1/p' FyneApp.toml)
WIN_ZIP      := frontdesk-$(APP_VERSION)-windows-amd64.zip

## windows: cross-compile frontdesk.exe for 64-bit Windows (installs mingw-w64 when missing)
windows: windows-deps
	@[ -x $(TOOLS)/go-winres ] || GOBIN=$(TOOLS) go install $(WINRES)
	$(TOOLS)/go-winres simply --arch amd64 --out rsrc --manifest gui --icon Icon.png \
		--product-name "$(APP_NAME)" --file-description "$(APP_NAME): $(APP_COMMENT)" \
		--product-version $(APP_VERSION).$(APP_BUILD) --file-version $(APP_VERSION).$(APP_BUILD) \
		--original-filename $(BIN).exe
	$(WIN_ENV) go build -tags $(TAGS) -ldflags "-H windowsgui -s -w" -o $(BIN).exe .

## windows-zip: the Windows bundle: frontdesk.exe, INSTALL.txt and the licence notices, zipped
windows-zip: windows
	rm -rf dist/windows/build $(WIN_ZIP) && mkdir -p dist/windows/build/Frontdesk
	cp $(BIN).exe dist/windows/build/Frontdesk/
	sed 's/$$/\r/' dist/windows/INSTALL.txt >dist/windows/build/Frontdesk/INSTALL.txt
	bash dist/windows/notices.sh $(BIN).exe dist/windows/build/Frontdesk/licenses
	cd dist/windows/build && zip -qr9 ../../../$(WIN_ZIP) Frontdesk
	@echo "$(WIN_ZIP): $$(unzip -l $(WIN_ZIP) | tail -1)"

## windows-vet: go vet of the Windows build (the _windows.go files and their tests)
windows-vet: windows-deps
	$(WIN_ENV) go vet -tags $(TAGS) ./...

windows-deps:
	@$(MAKE) --no-print-directory deps DEB_PACKAGES="$(WIN_PACKAGES)"

clean-demo:
	rm -f $(DEMO_DB) $(DEMO_DB)-wal $(DEMO_DB)-shm
