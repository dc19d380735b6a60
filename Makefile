# The two commands: `make run` and `make test`. Everything they need is set up on the way.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
DEMO_STATE ?= state/demo
DEMO_PORT ?= 8443
DEMO_RESIDENTS ?= 1000

.PHONY: run test bench setup system clean-demo card-demo translations

# pip builds pyscard against the PC/SC headers, and the terminal needs Qt's libraries and the
# font: the Debian packages of `make run` come first (the test profile adds to them).
$(STAMP): pyproject.toml
	bash installer/dev/system-packages.sh run
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[dev,bundle]'
	touch $(STAMP)

# The compiled translations: the terminal starts faster from .qm than from the .ts XML.
QM := resources/translations/madoguchi_ja.qm resources/translations/madoguchi_en.qm
$(QM): resources/translations/%.qm: resources/translations/%.ts $(STAMP)
	$(BIN)/pyside6-lrelease $< -qm $@

setup: $(STAMP) $(QM)

# Debian packages the suite needs (PostgreSQL, pcscd, vpcd, a Japanese font...); as root it
# installs what is missing, otherwise it names what to install and fails.
system:
	bash installer/dev/system-packages.sh test

# The embedded registry with the demo city of synthetic residents, and the terminal against it
# (the registry runs in the background and stops when the terminal closes).
run: setup
	$(BIN)/madoguchi-registry --state $(DEMO_STATE) init
	$(BIN)/madoguchi-registry --state $(DEMO_STATE) seed --residents $(DEMO_RESIDENTS) --if-empty
	$(BIN)/madoguchi-registry --state $(DEMO_STATE) demo-setup
	$(BIN)/madoguchi enroll $(DEMO_STATE)/demo-terminal --settings $(DEMO_STATE)/terminal-settings.json --registry-url https://127.0.0.1:$(DEMO_PORT) --remove-bundle-key
	@echo "registry: https://127.0.0.1:$(DEMO_PORT) (terminal enrolment: $(DEMO_STATE)/demo-terminal/)"
	@$(BIN)/madoguchi-registry --state $(DEMO_STATE) serve --port $(DEMO_PORT) & registry=$$!; \
	  trap 'kill $$registry 2>/dev/null' EXIT INT TERM; \
	  $(PY) installer/dev/wait_for_registry.py $(DEMO_PORT) && \
	  $(BIN)/madoguchi --settings $(DEMO_STATE)/terminal-settings.json

# Starts its own throwaway PostgreSQL server for the run (tests/support/pgcluster.py). The Qt
# tests run in a process of their own, after the rest: Qt's event loop then never runs during the
# registry, card and printing tests, whatever a widget test left queued.
QT_TESTS := tests/app tests/ui tests/ui_audit tests/ui_counter tests/ui_certificates tests/ui_identity tests/ui_carddesk tests/terminal_extra tests/workflows
test: system setup
ifeq ($(strip $(PYTEST_ARGS)),)
	$(PY) -m pytest $(foreach d,$(QT_TESTS),--ignore=$(d))
	$(PY) -m pytest $(wildcard $(QT_TESTS))
else
	$(PY) -m pytest $(PYTEST_ARGS)
endif

bench: system setup
	$(PY) -m bench $(BENCH_ARGS)

# Qt translations: collect the tr() strings into the .ts files, and compile the .qm files.
translations: setup
	$(PY) -m ui.i18n update && $(PY) -m ui.i18n build

# A virtual My Number card of a demo resident in a private pcscd (root), for trying the card
# desk and the identity check of `make run` without hardware: PIN 1234, security code 2285.
card-demo: setup
	$(PY) installer/dev/demo_card.py --state $(DEMO_STATE) --out $(DEMO_STATE)/demo-card.json
	$(PY) -m cardreader.virtual --start-pcscd --resident-json $(DEMO_STATE)/demo-card.json

clean-demo:
	-$(BIN)/madoguchi unenroll --settings $(DEMO_STATE)/terminal-settings.json
	rm -rf $(DEMO_STATE)

# The counter terminal for installation (installer/terminal/): the one-folder PyInstaller bundle
# in dist/madoguchi/, its Linux tarball, and the check of every installer piece (the bundle's
# --self-check, the tarball's install.sh, the .desktop entry, the NSIS script with makensis).
BUNDLE_DIR := dist/madoguchi
BUNDLE_VERSION := $(shell sed -n 's/^version = "\(.*\)"/\1/p' pyproject.toml)
BUNDLE_TARBALL := dist/madoguchi-terminal-$(BUNDLE_VERSION)-linux-$(shell uname -m).tar.gz

.PHONY: bundle bundle-tarball installer-check

bundle: system $(STAMP)
	$(BIN)/pyinstaller --noconfirm --log-level WARN --distpath dist --workpath build/pyinstaller \
	  installer/terminal/madoguchi.spec
	@du -sh $(BUNDLE_DIR)

bundle-tarball: bundle
	bash installer/terminal/linux/make-tarball.sh $(BUNDLE_DIR) $(BUNDLE_TARBALL)

installer-check: bundle-tarball
	bash installer/terminal/check.sh $(BUNDLE_DIR) $(BUNDLE_TARBALL) $(BUNDLE_VERSION)
