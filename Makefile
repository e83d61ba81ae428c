# One command to start, one to test. Each creates .venv on first use and reuses it after.
# PYTHON picks the interpreter that makes .venv (`make lab PYTHON=python3.12`); by default
# python3, or once .venv exists its own Python, so that new pins keep the Python chosen.
PYTHON    ?= $(if $(wildcard $(BIN)/python),$(BIN)/python,python3)
SUPPORTED := 3.11 3.12 3.13 3.14
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
PORT   ?= 8888
# Root (as on a fresh cloud machine) needs --allow-root; tests add --no-browser and a token.
LAB_ARGS ?= $(if $(filter 0,$(shell id -u)),--allow-root)
# Outputs, counts, ids and widget state stay (nbval and the reading site need them); timings go.
NBSTRIP = --keep-output --keep-count --keep-id --keep-metadata-keys metadata.widgets

.PHONY: setup lab lab-instructor dashboard slides site lint test exercises grade bench lock clean \
  FORCE

setup: $(STAMP)

# major.minor of the interpreter $(1); empty when it is missing or does not run.
python_version = $(shell $(1) -c 'import sys; print("%d.%d" % sys.version_info[:2])' 2>/dev/null)
PYTHON_VERSION = $(call python_version,$(PYTHON))
PYTHON_HELP = The S-400 Decision needs Python $(firstword $(SUPPORTED)) to $(lastword $(SUPPORTED)), \
  but $(PYTHON) $(if $(PYTHON_VERSION),is $(PYTHON_VERSION),was not found or did not run). \
  Install one and choose it: make $(firstword $(MAKECMDGOALS) setup) PYTHON=python3.12

# A Python named on the command line that is not the venv's own makes the venv anew.
ifneq ($(origin PYTHON),file)
ifneq ($(PYTHON_VERSION),$(call python_version,$(BIN)/python))
REBUILD := FORCE
endif
endif

# Reinstall only when the pins or the Python change. The students' JupyterLab leaves out
# nbgrader's tools (make lab-instructor brings them back).
$(STAMP): pyproject.toml constraints.txt $(REBUILD)
	$(if $(filter $(SUPPORTED),$(PYTHON_VERSION)),,$(error $(PYTHON_HELP)))
	$(PYTHON) -m venv $(if $(REBUILD),--clear) $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -c constraints.txt -e '.[test,site,instructor]'
	mkdir -p $(VENV)/etc/jupyter/labconfig
	echo '{"disabledExtensions": {"@jupyter/nbgrader": true}}' > $(VENV)/etc/jupyter/labconfig/page_config.json
	touch $@

lab: $(STAMP)
	$(BIN)/jupyter lab --port=$(PORT) --ServerApp.root_dir=. $(LAB_ARGS) notebooks/00_start_here.ipynb

# The same JupyterLab with nbgrader's tools: Formgrader, Create Assignment, Validate.
# instructor/jupyter-config re-enables them; it outranks the venv's own config.
lab-instructor: $(STAMP)
	JUPYTER_CONFIG_PATH=$(CURDIR)/instructor/jupyter-config$${JUPYTER_CONFIG_PATH:+:$$JUPYTER_CONFIG_PATH} \
	  $(BIN)/jupyter lab --port=$(PORT) --ServerApp.root_dir=. $(LAB_ARGS)

# The reasoning lab and the network explorer for a projector, served by Voila: outputs and
# markdown only, never code, and nothing from the internet (the template in instructor/voila).
# Opens a browser; tests add --no-browser through VOILA_ARGS.
DASHBOARD_PORT ?= 8866
VOILA_ARGS ?=
dashboard: $(STAMP)
	JUPYTER_PATH=$(CURDIR)/instructor$${JUPYTER_PATH:+:$$JUPYTER_PATH} $(BIN)/voila instructor/dashboard.ipynb \
	  --template=projector --port=$(DASHBOARD_PORT) --theme=light --strip_sources=True \
	  --VoilaExecutor.timeout=120 $(VOILA_ARGS)

# The opening slides as reveal.js, offline: reveal.js is copied from the sphinx-revealjs package
# and the template in instructor/templates leaves out every CDN script. Open $(SLIDES)/opening.slides.html.
SLIDES ?= instructor/slides
REVEAL_JS = $(shell $(BIN)/python -c 'import importlib.util as u; print(u.find_spec("sphinx_revealjs").submodule_search_locations[0])')/_static/revealjs
slides: $(STAMP)
	rm -rf $(SLIDES) && mkdir -p $(SLIDES)
	cp -r $(REVEAL_JS) $(SLIDES)/reveal.js
	$(BIN)/jupyter nbconvert instructor/opening_slides.ipynb --to slides --execute --ExecutePreprocessor.timeout=120 \
	  --no-input --output-dir=$(SLIDES) --output=opening --log-level=WARN \
	  --TemplateExporter.extra_template_basedirs=instructor/templates --template=offline_reveal \
	  --SlidesExporter.reveal_url_prefix=reveal.js --SlidesExporter.reveal_theme=white-contrast

# The same checks as .pre-commit-config.yaml: lint, format, types, no stray notebook metadata.
LINTED = src tests benchmarks instructor site conftest.py nbgrader_config.py setup.py
lint: $(STAMP)
	$(BIN)/ruff check $(LINTED)
	$(BIN)/ruff format --check $(LINTED)
	$(BIN)/mypy
	$(BIN)/nbstripout --verify $(NBSTRIP) notebooks/*.ipynb instructor/*.ipynb

# The reading site: notebooks with their stored outputs (never executed), the released exercises
# and the data README as static HTML that opens from disk with nothing from the internet. The
# widget renderer comes once from the npm registry (site/vendor.py). Open $(SITE)/index.html.
SITE ?= site/_build/html
site: $(STAMP)
	$(BIN)/python site/build.py $(SITE)

# pytest exits 5 when a folder holds no tests yet; that is not a failure of the module.
test: $(STAMP) lint
	$(BIN)/python -m pytest -n 2 --dist loadfile $(PYTEST_ARGS); rc=$$?; \
	  if [ $$rc -eq 5 ]; then echo "no tests collected"; rc=0; fi; exit $$rc

# The student versions, regenerated from solutions/ (nbgrader shells out to tools in the venv).
exercises: $(STAMP)
	for dir in solutions/ex*/; do PATH=$(CURDIR)/$(BIN):$$PATH $(BIN)/nbgrader generate_assignment \
	  $$(basename $$dir) --force --log-level=WARN || exit 1; done

# Autograde submitted/<student>/$(ASSIGNMENT)/ (student code in a bubblewrap sandbox), write
# feedback/ and grades.csv; rerun to resume. UNSAFE_NO_SANDBOX=1 grades without the sandbox.
TIMEOUT ?= 30
grade: $(STAMP)
	@test -n "$(ASSIGNMENT)" || { echo "usage: make grade ASSIGNMENT=ex03_reasoning [TIMEOUT=30] [REGRADE=1]"; exit 2; }
	$(BIN)/python -m s400_instructor.grading $(ASSIGNMENT) --timeout=$(TIMEOUT) $(if $(REGRADE),--regrade) \
	  $(if $(UNSAFE_NO_SANDBOX),--unsafe-no-sandbox)

bench: $(STAMP)
	$(BIN)/python benchmarks/run.py $(BENCH)

# Regenerate the lock: the newest versions pyproject.toml's ranges admit, frozen in a fresh venv of
# the oldest supported Python, whose backports the newer ones do not need (tests/test_pins.py
# checks that no newer Python asks for a package the lock lacks). Then run make test.
LOCK_VENV := $(or $(TMPDIR),/tmp)/s400-lock-venv
lock:
	$(if $(filter $(firstword $(SUPPORTED)),$(PYTHON_VERSION)),,$(error make lock needs Python \
	  $(firstword $(SUPPORTED)): make lock PYTHON=python$(firstword $(SUPPORTED))))
	rm -rf $(LOCK_VENV) && $(PYTHON) -m venv $(LOCK_VENV)
	$(LOCK_VENV)/bin/python -m pip install --quiet --upgrade pip setuptools
	$(LOCK_VENV)/bin/python -m pip install --quiet -e '.[test,site,instructor]'
	{ head -n 1 constraints.txt; $(LOCK_VENV)/bin/python -m pip freeze --all --exclude-editable \
	  --exclude pip; } > constraints.txt.new && mv constraints.txt.new constraints.txt
	rm -rf $(LOCK_VENV)

FORCE:

clean:
	rm -rf $(VENV) test-artifacts instructor/slides site/_build
