# dateline: the two commands a newcomer needs are `make run` and `make test`.
# Each installs what is missing, configures, builds and runs.
BUILD ?= build
JOBS ?= $(shell nproc)
SHARED ?= ../shared
CMAKE_FLAGS ?= -DCMAKE_BUILD_TYPE=RelWithDebInfo

.PHONY: all deps configure build test run eval bench clean

all: build

deps:
	@bash tools/install-deps.sh

$(BUILD)/CMakeCache.txt: | deps
	cmake -S . -B $(BUILD) $(CMAKE_FLAGS)

configure: deps
	cmake -S . -B $(BUILD) $(CMAKE_FLAGS)

build: deps $(BUILD)/CMakeCache.txt
	cmake --build $(BUILD) -j $(JOBS)

test: build
	cd $(BUILD) && ctest --output-on-failure -j $(JOBS)

# The main job on the bundled sample articles.
run: build
	$(BUILD)/cli/dateline extract samples --format text

# Figures against ../shared (not part of the tests): prints scores and checks,
# fails only when dateline crashes or writes invalid output.
eval: build
	python3 tools/eval.py --dateline $(BUILD)/cli/dateline --shared $(SHARED)

bench: build
	$(BUILD)/bench/extract_bench

clean:
	rm -rf $(BUILD)
