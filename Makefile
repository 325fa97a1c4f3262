# Frontdesk — build, run and test. Every Go command needs the sqlite_fts5 tag (guest search);
# sqlite_percentile adds SQLite's percentile functions, which make Insights over long periods
# several times faster (without it the same numbers come from window functions).
SHELL   := /bin/bash
TAGS    := sqlite_fts5,sqlite_percentile
BIN     := frontdesk
DEMO_DB ?= demo.db
export LANG ?= en_US.UTF-8
export PATH := $(PATH):/usr/local/go/bin

# Debian packages a cgo build of Fyne and SQLite needs.
# fonts-noto-cjk lets the window show Chinese, Japanese and Korean guest names, fonts-noto-core
# Thai, Arabic, Devanagari, Hebrew and the other scripts guests' names come in; the PDF
# handover embeds TrueType fonts: DejaVu Sans, Droid Sans Fallback (CJK), Nanum (Korean).
DEB_PACKAGES := gcc libc6-dev pkg-config libgl1-mesa-dev libx11-dev libxcursor-dev \
	libxrandr-dev libxinerama-dev libxi-dev libxxf86vm-dev fonts-noto-cjk fonts-noto-core \
	fonts-dejavu-core fonts-droid-fallback fonts-nanum

.PHONY: run build test deps vet fmt-check package clean-demo bench bench-go bench-ui

## run: install what is missing, build, and open Frontdesk on a demo database
run: deps build
	./$(BIN) --db $(DEMO_DB) --demo

## build: compile the frontdesk binary
build:
	go build -tags $(TAGS) -o $(BIN) .

## test: vet, formatting check and the whole test suite with the race detector
test: vet fmt-check
	go test -race -tags $(TAGS) ./...

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

clean-demo:
	rm -f $(DEMO_DB) $(DEMO_DB)-wal $(DEMO_DB)-shm
