# Two commands do all the set-up on a fresh Debian machine:
#   make demo   - install into .venv and turn the bundled sample into audio
#   make test   - install test tools (system packages where PyPI has none) and run every test
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
# Debian packages the tests need and PyPI cannot give: a real browser, audio measuring, the EPUB checker.
TEST_DEBS := chromium sox epubcheck

.PHONY: demo test venv system-test-deps clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev,distributed]'
	touch $(STAMP)

venv: $(STAMP)

demo: $(STAMP)
	$(BIN)/readaloud extract samples/slate-trump-russia.html
	$(BIN)/readaloud samples/slate-trump-russia.html -o samples-out/slate-trump-russia.mp3
	@echo "Wrote samples-out/slate-trump-russia.mp3"

system-test-deps:
	@missing=""; for p in $(TEST_DEBS); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
	  echo "Installing Debian packages:$$missing"; \
	  SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq --no-install-recommends $$missing >/dev/null; \
	fi

test: $(STAMP) system-test-deps
	$(BIN)/python -m pytest -q -ra

clean:
	rm -rf $(VENV) samples-out build *.egg-info src/*.egg-info
