# The README's commands. Only Python 3.11 is needed on the machine (and, for the tests, Debian's
# apt-get); everything else is installed here.
PYTHON ?= python3.11
VENV ?= .venv
PORT ?= 8000
BIN := $(VENV)/bin
MANAGE := $(BIN)/python manage.py

# The lock: every package, direct and transitive, pinned with its hashes, for Python 3.11 on
# Linux x86_64. `make lock` writes it from the pins in pyproject.toml; nothing else edits it.
LOCK_TOOL := uv==0.13.9
LOCK_PLATFORM := --python-version 3.11 --python-platform x86_64-unknown-linux-gnu
LOCK_FLAGS := --generate-hashes --quiet $(LOCK_PLATFORM) --custom-compile-command "make lock"

.PHONY: run test lint imports format install install-test lock serve clean bench messages

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

# Reinstall only when the lock changes. The project itself has no package to install.
$(VENV)/.installed: requirements/main.txt | $(BIN)/python
	$(BIN)/pip install --quiet --require-hashes -r requirements/main.txt
	touch $@

$(VENV)/.installed-test: requirements/main.txt requirements/test.txt | $(BIN)/python
	$(BIN)/pip install --quiet --require-hashes -r requirements/test.txt
	touch $@ $(VENV)/.installed

# The browser tests (tests/browser/, docs/testing.md) drive Debian's Chromium: Playwright's own
# browser download is not used. They check every page with axe-core, fetched from the npm
# registry at a pinned version and refused unless its SHA-512 is the one below (npm's
# "integrity" of that version, in hex).
CHROMIUM := /usr/bin/chromium
AXE_VERSION := 4.14.1
AXE_SHA512 := 1477dafa598d8d065f273d6af302aa203c02e83131707b7fa648cd41bd3d6b734f8c22a0dab86ee6a6f64b8afbe804b214d36db85a2826965edfb3a0b9d546b5
AXE_TARBALL := build/npm/axe-core-$(AXE_VERSION).tgz
AXE := build/axe-core/axe.min.js

$(CHROMIUM):
	if [ "$$(id -u)" = 0 ]; then sudo=; else sudo=sudo; fi; \
	$$sudo apt-get update -q && \
	$$sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends \
		chromium fonts-liberation

$(AXE_TARBALL):
	mkdir -p $(@D)
	$(PYTHON) -c "import sys, urllib.request; urllib.request.urlretrieve(sys.argv[1], sys.argv[2])" \
		https://registry.npmjs.org/axe-core/-/axe-core-$(AXE_VERSION).tgz $@
	echo "$(AXE_SHA512)  $@" | sha512sum --check --quiet || { rm -f $@; exit 1; }

$(AXE): $(AXE_TARBALL)
	mkdir -p $(@D)
	tar -xzf $< -C $(@D) --strip-components=1 package/axe.min.js package/LICENSE
	touch $@

install: $(VENV)/.installed

install-test: $(VENV)/.installed-test $(CHROMIUM) $(AXE)

run: install
	$(MANAGE) migrate --no-input
	$(MANAGE) load_demo_content
	$(MANAGE) rebuild_search_index --verbosity 0
	$(MANAGE) runserver 127.0.0.1:$(PORT)

lint: install-test
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: install-test
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

# The layering contracts of docs/architecture.md ([tool.importlinter] in pyproject.toml).
imports: install-test
	$(BIN)/lint-imports --no-logo

test: install-test lint imports
	$(MANAGE) check --settings=portal.settings.test
	$(MANAGE) makemigrations --check --dry-run --settings=portal.settings.test
	$(BIN)/python -m pytest

# Re-resolve the lock from pyproject.toml (after changing a pin there), then commit
# requirements/. The test lock is constrained by the main one, so both pin the same versions.
lock: | $(BIN)/python
	$(BIN)/pip install --quiet $(LOCK_TOOL)
	$(BIN)/uv pip compile pyproject.toml $(LOCK_FLAGS) -o requirements/main.txt
	$(BIN)/uv pip compile pyproject.toml --extra test -c requirements/main.txt $(LOCK_FLAGS) \
		-o requirements/test.txt

bench: install-test
	$(BIN)/python bench/catalogue.py
	$(BIN)/python bench/search.py
	$(BIN)/python bench/languages.py

# Update the interface catalogues of the 23 languages besides English and compile them. Needs
# GNU gettext (msgfmt); the compiled .mo files are committed, so running the portal does not.
# New or changed entries come out empty or fuzzy: translate them (tests/portal/
# test_ui_translations.py fails until every language is complete).
CATALOGUES := bg cs da de el es et fi fr ga hr hu it lt lv mt nl pl pt ro sk sl sv
messages: install
	$(MANAGE) makemessages $(addprefix -l ,$(CATALOGUES)) --ignore=.venv --ignore=bench \
		--ignore=tests --ignore=node_modules --ignore=build --ignore=media --ignore=private_media \
		--ignore=static_collected
	$(MANAGE) compilemessages --ignore=.venv

clean:
	rm -rf $(VENV) build db.sqlite3 media static_collected .import_linter_cache
