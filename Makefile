# paiban — the two commands a user types are `make run` and `make test`.
# Everything else is here for developers and CI.

BUILD    ?= build
PREFIX   ?= /usr/local
JOBS     ?= $(shell nproc)
SANITIZE ?=
# `make fuzz FUZZ_SECONDS=N` (or SECONDS=N on the command line; bash's own $$SECONDS is ignored).
FUZZ_SECONDS ?= 60
ifeq ($(origin SECONDS),command line)
  FUZZ_SECONDS := $(SECONDS)
endif
FUZZ_TARGETS ?=

# Debian packages the build, the tests and the fonts need. `make deps` installs only the missing ones.
DEB_PACKAGES := g++ make cmake pkg-config \
  libhpdf-dev libharfbuzz-dev libfreetype-dev libpugixml-dev libicu-dev libarchive-dev \
  libcli11-dev libdeflate-dev libgtest-dev nlohmann-json3-dev libpng-dev libjpeg-dev \
  fonts-noto-cjk fonts-lxgw-wenkai fonts-dejavu-core \
  poppler-utils qpdf libxml2-utils mupdf-tools ghostscript \
  zip unzip xz-utils zstd time \
  clang libclang-rt-14-dev \
  tesseract-ocr tesseract-ocr-chi-sim tesseract-ocr-chi-tra tesseract-ocr-chi-tra-vert \
  libtesseract-dev libleptonica-dev libpoppler-cpp-dev libqpdf-dev \
  imagemagick weasyprint chromium \
  python3-dev python3-pybind11 python3-pytest

ifneq ($(SANITIZE),)
  BUILD := build-san
  CMAKE_EXTRA := -DPAIBAN_SANITIZE=$(SANITIZE) -DCMAKE_BUILD_TYPE=Debug
endif

.PHONY: all deps build run test bench fuzz install package clean golden

all: build

deps:
	@missing=$$(for p in $(DEB_PACKAGES); do \
	    dpkg-query -W -f='$${Status}\n' $$p 2>/dev/null | grep -q '^install ok installed' || echo $$p; done); \
	if [ -n "$$missing" ]; then \
	  echo "make deps: installing:" $$missing; \
	  SUDO=; [ "$$(id -u)" -eq 0 ] || SUDO=sudo; \
	  $$SUDO apt-get update -qq && \
	  DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq --no-install-recommends $$missing; \
	else echo "make deps: all packages present"; fi

$(BUILD)/Makefile: CMakeLists.txt
	cmake -S . -B $(BUILD) $(CMAKE_EXTRA)

build: $(BUILD)/Makefile
	cmake --build $(BUILD) -j $(JOBS)
	@[ "$(BUILD)" = build ] || ln -sfn $(BUILD)/paiban paiban-$(BUILD)

run: deps build
	@mkdir -p out
	$(BUILD)/paiban convert $(wildcard input/*.txt input/*.xml) --out out
	@ls -l out

test: deps build
	cd $(BUILD) && ctest --output-on-failure -j $(JOBS)

bench: deps build
	@for b in $(BUILD)/bench/*_bench; do [ -x "$$b" ] || continue; echo "== $$(basename $$b)"; "$$b" || exit 1; done
	@echo "== reflow_bench --traditional"; $(BUILD)/bench/reflow_bench --traditional --no-speed | grep -E '^SUMMARY|SKIP' 
	@echo "== python_bench"; PYTHONPATH=$(BUILD)/python /usr/bin/python3 bench/python_bench.py $(BUILD)/paiban

# libFuzzer targets (fuzz/*_fuzz.cpp) built with clang + ASan/UBSan into build-fuzz/, then run one
# at a time for FUZZ_SECONDS each (FUZZ_TARGETS="xml_fuzz ..." to pick); summary in build-fuzz/fuzz-summary.txt.
fuzz: deps
	@[ -f build-fuzz/CMakeCache.txt ] || CC=clang CXX=clang++ cmake -S . -B build-fuzz \
	  -DPAIBAN_FUZZ=ON -DPAIBAN_SANITIZE=address,undefined -DCMAKE_BUILD_TYPE=RelWithDebInfo
	cmake --build build-fuzz -j $(JOBS) --target fuzz_targets paiban
	fuzz/run.sh build-fuzz $(FUZZ_SECONDS) $(FUZZ_TARGETS)

golden: build
	PAIBAN_REGENERATE_GOLDEN=1 $(BUILD)/tests/paiban_tests

install: build
	cmake --install $(BUILD) --prefix $(PREFIX)

# A Debian package of everything `make install` installs, under /usr: $(BUILD)/paiban_VERSION_ARCH.deb.
package: build
	cd $(BUILD) && cpack -G DEB

clean:
	rm -rf build build-san build-fuzz out
