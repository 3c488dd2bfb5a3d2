# The README's commands. Only Python 3.11 is needed on the machine; everything else is installed here.
PYTHON ?= python3.11
VENV ?= .venv
PORT ?= 8000
BIN := $(VENV)/bin
MANAGE := $(BIN)/python manage.py

.PHONY: run test lint format install install-test serve clean bench messages

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

# Reinstall only when the pinned dependencies change.
$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet .
	touch $@

$(VENV)/.installed-test: pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet ".[test]"
	touch $@ $(VENV)/.installed

install: $(VENV)/.installed

install-test: $(VENV)/.installed-test

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

test: install-test lint
	$(MANAGE) check --settings=portal.settings.test
	$(MANAGE) makemigrations --check --dry-run --settings=portal.settings.test
	$(BIN)/python -m pytest

bench: install-test
	$(BIN)/python bench/catalogue.py
	$(BIN)/python bench/search.py

# Update the German and French UI catalogues and compile them. Needs GNU gettext (msgfmt);
# the compiled .mo files are committed, so running the portal does not.
messages: install
	$(MANAGE) makemessages -l de -l fr --ignore=.venv --ignore=bench --ignore=tests \
		--ignore=node_modules --ignore=build --ignore=media --ignore=private_media \
		--ignore=static_collected
	$(MANAGE) compilemessages --ignore=.venv

clean:
	rm -rf $(VENV) db.sqlite3 media static_collected
