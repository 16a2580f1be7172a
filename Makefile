# Two commands do all the set-up on a fresh Debian machine:
#   make demo   - install into .venv and turn the bundled sample into audio
#   make test   - install test tools (system packages where PyPI has none) and run every test
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
# What the demo needs (the package alone) and what the tests add (test tools and every extra, so the
# piper, m4b and Dask paths are tested for real); one stamp each so a change to pyproject.toml reinstalls.
RUN_STAMP  := $(VENV)/.installed-run
TEST_STAMP := $(VENV)/.installed-test
# Debian packages the tests need and PyPI cannot give: a real browser (and a font for its screenshots), audio measuring, the EPUB checker,
# and the system espeak-ng library and command that the speech engine falls back to without the wheel.
TEST_DEBS := chromium fonts-dejavu-core sox libsox-fmt-mp3 epubcheck espeak-ng libespeak-ng1

.PHONY: demo test test-fast lint venv system-test-deps clean

$(VENV)/bin/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(RUN_STAMP): pyproject.toml | $(VENV)/bin/python
	$(BIN)/python -m pip install --quiet -e .
	touch $@

$(TEST_STAMP): pyproject.toml | $(VENV)/bin/python
	$(BIN)/python -m pip install --quiet -e '.[dev,distributed,neural,m4b]'
	touch $@ $(RUN_STAMP)

venv: $(RUN_STAMP)

demo: $(RUN_STAMP)
	$(BIN)/readaloud extract samples/slate-trump-russia.html
	mkdir -p samples-out
	$(BIN)/readaloud samples/slate-trump-russia.html -o samples-out/slate-trump-russia.mp3 --transcript
	@echo "Wrote samples-out/slate-trump-russia.mp3"

system-test-deps:
	@missing=""; for p in $(TEST_DEBS); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
	  echo "Installing Debian packages:$$missing"; \
	  SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq --no-install-recommends $$missing >/dev/null; \
	fi

# The linter and the type checker (settings in pyproject.toml), before any test runs.
lint: $(TEST_STAMP)
	$(BIN)/ruff check .
	$(BIN)/mypy

test: $(TEST_STAMP) system-test-deps lint
	$(BIN)/python -m pytest -q -ra

# The inner loop: everything but the real browser and the tests marked slow (corpora, Dask, piper,
# EPUBCheck), on every core (pytest-xdist): about two minutes on two cores.
test-fast: $(TEST_STAMP) lint
	$(BIN)/python -m pytest -q -ra -n auto -m "not browser and not slow"

clean:
	rm -rf $(VENV) samples-out build *.egg-info src/*.egg-info
