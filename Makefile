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
PY_PINS := maturin==1.16.0 pytest==8.4.2 tqdm==4.67.1

test: setup ## run every test: generated-data checks, fmt, clippy, unit/integration/doc tests, examples, CLI, Python
	$(PYTHON) tools/gen_unicode_tables.py --check
	$(PYTHON) tools/fill_vectors.py --check
	$(CARGO) fmt --all -- --check
	$(CARGO) clippy --workspace --all-targets -- -D warnings
	$(CARGO) test --workspace
	$(CARGO) run --quiet --example quickstart
	$(CARGO) run --quiet --example hot_reload
	$(MAKE) --no-print-directory python

python: ## build the Python module into target/py-venv and run its tests
	test -x $(VENV)/bin/python || $(PYTHON) -m venv $(VENV)
	$(VENV)/bin/pip install --quiet --disable-pip-version-check $(PY_PINS)
	VIRTUAL_ENV=$(CURDIR)/$(VENV) PATH=$(CURDIR)/$(VENV)/bin:$$PATH $(VENV)/bin/maturin develop --release --quiet -m bindings/python/Cargo.toml
	$(VENV)/bin/python -m pytest -q bindings/python/tests

bench-python: python ## Python binding vs better-profanity and ahocorasick-rs (pinned), one run
	$(VENV)/bin/pip install --quiet --disable-pip-version-check -r bindings/python/bench/requirements.txt
	$(VENV)/bin/python bindings/python/bench/bench.py

measure: ## recall on a generated evasion set and on labelled posts; CLEAN=wordlist adds a dictionary false-positive count
	$(CARGO) build --quiet --release -p kavach-cli
	$(PYTHON) tools/measure_recall.py target/release/kavach $(CLEAN)
	$(PYTHON) tools/measure_posts.py target/release/kavach

allow-candidates: ## dictionary words the lists flag that may need allow entries: DICTS="file ..."
	$(CARGO) build --quiet --release -p kavach-cli
	$(PYTHON) tools/gen_allow.py target/release/kavach $(DICTS)

tables: ## regenerate the Unicode tables
	$(PYTHON) tools/gen_unicode_tables.py

vectors: ## refill the span fields of the shared test vectors
	$(PYTHON) tools/fill_vectors.py

.PHONY: help setup demo test python bench-python measure allow-candidates tables vectors
