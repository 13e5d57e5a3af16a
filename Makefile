# kavach: one entry point. Recipes stay short; logic lives in tools/.
.DEFAULT_GOAL := help
CARGO ?= cargo
PYTHON ?= python3

help: ## list the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-10s %s\n", $$1, $$2}'

setup: ## install what the tests need (idempotent)
	rustup component add rustfmt clippy

demo: ## scan examples/posts.jsonl with the bundled lists
	$(CARGO) run --quiet --release -p kavach-cli -- scan examples/posts.jsonl

VENV := target/py-venv
# wasm-bindgen-cli must be the version of the wasm-bindgen crate (bindings/wasm/Cargo.toml).
WASM_BINDGEN_VERSION := 0.2.130
WASM := target/wasm32-unknown-unknown/wasm/kavach_wasm.wasm
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
PY_PINS := maturin==1.16.0 pytest==8.4.2 tqdm==4.67.1 wordfreq==3.1.1 ziglang==0.13.0 auditwheel==6.4.2
DIST := target/dist

test: setup ## run every test: generated data, fmt, clippy, Rust tests, docs, module graph, examples, CLI, Python, WASM + browser, Spark, fuzz
	$(PYTHON) tools/gen_unicode_tables.py --check
	$(PYTHON) tools/fill_vectors.py --check
	$(CARGO) fmt --all -- --check
	$(CARGO) clippy --workspace --all-targets -- -D warnings
	$(CARGO) test --workspace
	$(PYTHON) tools/check_doc_examples.py
	RUSTDOCFLAGS="-D warnings" $(CARGO) doc --quiet --no-deps --document-private-items -p kavach-text --target-dir target/doccheck
	$(PYTHON) tools/check_module_graph.py
	$(CARGO) run --quiet --example quickstart
	$(CARGO) run --quiet --example hot_reload
	$(MAKE) --no-print-directory crates
	$(MAKE) --no-print-directory python
	$(MAKE) --no-print-directory wasm-test
	$(MAKE) --no-print-directory spark
	tools/fuzz.sh $(FUZZ_SECONDS)

# The crates' minimum supported Rust (rust-version in Cargo.toml).
MSRV := $(shell sed -n 's/^rust-version = "\(.*\)"/\1/p' Cargo.toml)

crates: ## package every crate as crates.io would (cargo package builds each from its .crate) and build them with the MSRV
	@# cargo package verifies the CLI against the library's .crate through a local registry, and
	@# reuses the sources it extracted from an earlier run at the same path and version (in
	@# CARGO_HOME/registry/src/-<hash>/): a stale library there fails or, worse, passes. Remove them.
	rm -rf $${CARGO_HOME:-$$HOME/.cargo}/registry/src/-*/kavach-*
	$(CARGO) package --quiet -p kavach-lists -p kavach-text -p kavach-cli
	@for c in kavach-lists kavach-text kavach-cli; do tar tzf target/package/$$c-[0-9]*.crate | grep -qE '/(LICENSE-MIT|LICENSES/CC-BY-4.0.txt)$$' \
		|| { echo "$$c: no licence text in the crate"; exit 1; }; done
	rustup toolchain install $(MSRV) --profile minimal
	$(CARGO) +$(MSRV) build --quiet --locked -p kavach-lists -p kavach-text -p kavach-cli --target-dir target/msrv

python: python-build ## build the Python wheel, install it into target/py-venv, run its tests (with the dictionary precision guards), then check the wheel and sdist as a user installs them
	test -f /usr/share/dict/american-english-huge || { $(SUDO) apt-get update -qq && $(SUDO) apt-get install -y -qq wamerican-huge; }
	KAVACH_REQUIRE_DICTS=1 $(VENV)/bin/python -m pytest -q bindings/python/tests examples/python
	$(MAKE) --no-print-directory python-dist

python-build: ## build the manylinux2014 abi3 wheel (zig, stripped) into target/dist and install it into target/py-venv
	test -x $(VENV)/bin/python || $(PYTHON) -m venv $(VENV) \
		|| { $(SUDO) apt-get install -y -qq python3-venv && $(PYTHON) -m venv $(VENV); }
	$(VENV)/bin/pip install --quiet --disable-pip-version-check $(PY_PINS)
	rm -f $(DIST)/kavach_text-*manylinux*.whl
	PATH=$(CURDIR)/$(VENV)/bin:$$PATH $(VENV)/bin/maturin build --quiet --release --zig --compatibility manylinux2014 --strip -m bindings/python/Cargo.toml -o $(DIST)
	$(VENV)/bin/pip uninstall --quiet --yes kavach 2>/dev/null || true
	$(VENV)/bin/pip install --quiet --disable-pip-version-check --force-reinstall --no-deps $(DIST)/kavach_text-*manylinux*.whl

python-dist: ## build the musllinux wheel and the sdist beside the manylinux wheel, then install and check them (tools/check_python_dist.py)
	rm -f $(DIST)/kavach_text-*.tar.gz $(DIST)/kavach_text-*musllinux*.whl
	test -f $(MUSL_LIBC) || $(MAKE) --no-print-directory musl-libc
	rustup target add x86_64-unknown-linux-musl
	PATH=$(CURDIR)/$(VENV)/bin:$$PATH $(VENV)/bin/maturin build --quiet --release --zig --target x86_64-unknown-linux-musl --compatibility musllinux_1_2 --strip -m bindings/python/Cargo.toml -o $(DIST)
	PATH=$(CURDIR)/$(VENV)/bin:$$PATH $(VENV)/bin/maturin sdist -m bindings/python/Cargo.toml -o $(DIST)
	MUSL_LIBC=$(MUSL_LIBC) $(VENV)/bin/python tools/check_python_dist.py $(DIST)

# musl's libc.so, unpacked from Debian's package into target/ (not installed: with musl's loader
# present, Java's snappy takes the host for Alpine and loads its musl build, which breaks Spark).
MUSL_LIBC := target/musl/lib/x86_64-linux-musl/libc.so
musl-libc:
	cd target && { apt-get download musl 2>/dev/null || { $(SUDO) apt-get update -qq && apt-get download musl; }; }
	dpkg-deb -x target/musl_*.deb target/musl && rm -f target/musl_*.deb
	test -f $(MUSL_LIBC)

wasm: ## build the WebAssembly package into bindings/wasm/pkg (web and nodejs targets)
	rustup target add wasm32-unknown-unknown
	wasm-bindgen --version 2>/dev/null | grep -qx 'wasm-bindgen $(WASM_BINDGEN_VERSION)' \
		|| $(CARGO) install wasm-bindgen-cli --version $(WASM_BINDGEN_VERSION)
	$(CARGO) build --quiet --profile wasm --target wasm32-unknown-unknown -p kavach-wasm
	wasm-bindgen --remove-name-section --remove-producers-section --target web --out-dir bindings/wasm/pkg/web $(WASM)
	wasm-bindgen --remove-name-section --remove-producers-section --target nodejs --out-dir bindings/wasm/pkg/node $(WASM)
	$(PYTHON) tools/wasm_pkg.py bindings/wasm/pkg
	$(CARGO) run --quiet -p kavach-cli -- list precompile --out bindings/wasm/pkg/kavach_bundled.bin
	rm -rf bindings/wasm/pkg/LICENSES && cp -r LICENSE-MIT LICENSE-APACHE wordlists/NOTICE wordlists/LICENSES bindings/wasm/pkg/
	@echo "kavach_wasm_bg.wasm: $$(wc -c < bindings/wasm/pkg/web/kavach_wasm_bg.wasm) bytes, $$(gzip -9 -c bindings/wasm/pkg/web/kavach_wasm_bg.wasm | wc -c) gzipped"
	@echo "kavach_bundled.bin: $$(wc -c < bindings/wasm/pkg/kavach_bundled.bin) bytes, $$(gzip -6 -c bindings/wasm/pkg/kavach_bundled.bin | wc -c) gzipped"

wasm-test: wasm ## test the WebAssembly package: node --test (shared vectors, JS tests) and the browser check in Chromium
	command -v chromium >/dev/null || { $(SUDO) apt-get update -qq && $(SUDO) apt-get install -y -qq chromium; }
	cd bindings/wasm && npm ci --no-audit --no-fund --silent && npx tsc -p tests/tsconfig.json && npx tsc -p tests/tsconfig.es2022.json
	! grep -nE '(:|<|\|) *any\b' bindings/wasm/pkg/*/kavach_wasm.d.ts
	$(PYTHON) tools/check_npm_pack.py bindings/wasm/pkg
	node --test bindings/wasm/tests/

FUZZ_SECONDS ?= 10
SPARK_PINS := pyspark==4.3.0 pandas==2.3.3 pyarrow==26.0.1

spark: python-build ## the Spark example on 100k generated posts, checked against the CLI (needs Java 17)
	command -v java >/dev/null || { $(SUDO) apt-get update -qq && $(SUDO) apt-get install -y -qq openjdk-17-jre-headless; }
	$(VENV)/bin/pip install --quiet --disable-pip-version-check $(SPARK_PINS)
	PYSPARK_PYTHON=$(CURDIR)/$(VENV)/bin/python $(VENV)/bin/python examples/spark/check.py --posts 100000


fuzz: ## run every fuzz target for FUZZ_SECONDS (default 10) each; needs nightly (skipped otherwise)
	tools/fuzz.sh $(FUZZ_SECONDS)

bench-wasm: wasm ## WebAssembly find() in Node vs obscenity (pinned), one run
	cd bindings/wasm && npm ci --no-audit --no-fund --silent && node bench/bench.mjs

bench-python: python-build ## Python binding vs better-profanity and ahocorasick-rs (pinned), one run
	$(VENV)/bin/pip install --quiet --disable-pip-version-check -r bindings/python/bench/requirements.txt
	$(VENV)/bin/python bindings/python/bench/bench.py

measure: ## recall on generated evasion sets (and their clean twins) and on labelled posts; CLEAN=wordlist adds a dictionary false-positive count
	$(CARGO) build --quiet --release -p kavach-cli
	$(PYTHON) tools/measure_evasion.py target/release/kavach $(if $(CLEAN),--clean $(CLEAN))
	$(PYTHON) tools/measure_posts.py target/release/kavach

allow-candidates: ## dictionary words the lists flag that may need allow entries: DICTS="file ..."
	$(CARGO) build --quiet --release -p kavach-cli
	$(PYTHON) tools/gen_allow.py target/release/kavach $(DICTS)

tables: ## regenerate the Unicode tables
	$(PYTHON) tools/gen_unicode_tables.py

vectors: ## refill the span fields of the shared test vectors
	$(PYTHON) tools/fill_vectors.py

.PHONY: help setup demo test crates python python-build python-dist musl-libc wasm wasm-test spark fuzz bench-wasm bench-python measure allow-candidates tables vectors
