# The two commands in README.md:
#   make serve  - set everything up, build the course (with its PDFs) and serve it
#   make test   - set everything up and run every test
# Everything else here is a step those two use.

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8000
# The engine that builds the course: mkdocs (the default), or properdocs, the maintained continuation
# of MkDocs 1.6 (README.md, "When MkDocs or Material stop working"). Both read mkdocs.yml.
ENGINE ?= mkdocs
ifeq ($(filter $(ENGINE),mkdocs properdocs),)
$(error ENGINE=$(ENGINE) is not an engine we build with: use ENGINE=mkdocs (the default) or ENGINE=properdocs)
endif
export NO_MKDOCS_2_WARNING := 1

.PHONY: setup serve build test check-readability benchmark benchmark-pdfs benchmark-weight benchmark-speed clean

## setup: install system packages (if missing), the pinned Python packages and the pinned npm packages (vnu)
setup: $(VENV)/.installed node_modules/.installed

$(VENV)/.installed: requirements.txt tools/install_system_packages.sh
	sh tools/install_system_packages.sh
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --disable-pip-version-check -r requirements.txt
	touch $@

# --ignore-scripts: vnu-jar's install script would download a Java runtime; we use Debian's.
node_modules/.installed: package.json package-lock.json tools/install_system_packages.sh
	sh tools/install_system_packages.sh
	npm ci --ignore-scripts --no-audit --no-fund
	touch $@

## build: build the whole course into site/ (fails on any warning); ENGINE=properdocs builds it with ProperDocs
build: setup
	$(BIN)/$(ENGINE) build --strict -f mkdocs.yml

## serve: build the course (with ENGINE) and serve it at http://127.0.0.1:$(PORT)/, gzip-compressed as a real server sends it
serve: build
	$(BIN)/python tools/serve.py --port $(PORT) site

## test: run every test: the JavaScript unit tests (Node's own runner), then pytest (builds the course itself, in a
## temporary folder), then say where the screenshots are
test: setup
	node --test tests/js/
	@status=0; $(BIN)/python -m pytest || status=$$?; \
	echo "Screenshots of the pages as a learner sees them (tests/site/test_browser_looking.py): $(CURDIR)/test-artefacts/looking/"; \
	exit $$status

## check-readability: plain-English report for one page or folder, e.g. make check-readability FILE=docs/modules
check-readability: setup
	PYTHONPATH=hooks $(BIN)/python -m readability $(or $(FILE),docs)

## benchmark: build times with and without the readability hooks, and page weights
benchmark: setup
	$(BIN)/python tools/benchmark_build.py

## benchmark-pdfs: how much time the PDF packs add to the build (median of 5 builds with and without)
benchmark-pdfs: setup
	$(BIN)/python tools/benchmark_pdfs.py

## benchmark-weight: each page's weight (gzip) against the 150 KiB budget, beside a stock Material build
benchmark-weight: setup
	PYTHONPATH=hooks $(BIN)/python tools/benchmark_page_weight.py

## benchmark-speed: Lighthouse on six kinds of page, the course beside stock Material, both served by deploy/nginx.conf
## (installs Lighthouse, pinned, into build/lighthouse/ the first time); RUNS=5 for each figure's median over five runs
benchmark-speed: setup
	PYTHONPATH=hooks $(BIN)/python tools/benchmark_speed.py --runs $(or $(RUNS),1)

clean:
	rm -rf site $(VENV) node_modules .pytest_cache
