# The README's two commands: `make run` (the whole pipeline, then a scored batch) and
# `make test`. Both bootstrap .venv from requirements.lock first; a second run skips the install.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
UV_VERSION := 0.13.9

# Offline and quiet: no telemetry, no update checks, MLflow store inside this project.
export MLFLOW_DISABLE_TELEMETRY := true
export DO_NOT_TRACK := 1
export DVC_NO_ANALYTICS := 1
export MLFLOW_TRACKING_URI ?= sqlite:///$(CURDIR)/mlflow.db
export PATH := $(CURDIR)/$(BIN):$(PATH)

.PHONY: run test bootstrap browser lint lock bench notebooks clean corpus

run: $(STAMP)
	$(BIN)/dvc repro
	$(BIN)/python -m json.tool reports/score_summary.json

# The same stages on the real SpamAssassin corpus (../shared/corpora/spamassassin); outputs under
# experiments/spamassassin/ (a DVC project of its own, so its metrics stay out of the default's),
# MLflow experiment and model inquiry-quality-spamassassin.
# src/**/__pycache__ is cleared first: DVC would count that bytecode as the stages' code, and
# ../../src lies outside the corpus project's .dvcignore.
corpus: $(STAMP)
	find src -name __pycache__ -type d -prune -exec rm -rf {} +
	cd experiments/spamassassin && $(CURDIR)/$(BIN)/dvc repro
	@$(BIN)/python -c 'import json; g = json.load(open("experiments/spamassassin/reports/evaluation.json"))["genuine"]; \
	print("test part: ROC AUC %.4f, spam recall at 1%% FPR %.3f, hard-ham-1 FPR %.3f" % (g["roc_auc"], \
	g["junk_recall_at_1pct_fpr"], g["by_folder"]["hard-ham-1"]["fpr"]))'
	@echo "(every metric: experiments/spamassassin/reports/evaluation.json)"
	cat experiments/spamassassin/reports/ablation.md

test: $(STAMP) browser
	$(BIN)/ruff check .
	$(BIN)/python -m pytest

# Debian's Chromium for the page's browser tests (tests/web; Playwright never downloads one).
# Root installs it (as CI runs); otherwise those tests skip and say how to install it.
browser:
	@command -v chromium >/dev/null || [ "$$(id -u)" != 0 ] || \
	  (apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q chromium)

bootstrap: $(STAMP)

$(STAMP): requirements.lock pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check uv==$(UV_VERSION)
	$(BIN)/uv pip install --python $(BIN)/python --compile-bytecode --quiet -r requirements.lock
	$(BIN)/uv pip install --python $(BIN)/python --compile-bytecode --quiet --no-deps -e .
	touch $(STAMP)

# Speed targets (docs/benchmarks.md); needs `make run` first for the history and the model.
bench: $(STAMP)
	$(BIN)/python bench/featurize_speed.py
	$(BIN)/python bench/score_speed.py --rows 100000
	$(BIN)/python bench/serve_speed.py --rows 100000

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check src pipelines tests bench

# Re-resolve the lock after changing pyproject.toml's dependencies.
lock: $(STAMP)
	$(BIN)/uv pip compile pyproject.toml --all-extras --python-version 3.11 -o requirements.lock

notebooks: $(STAMP)
	$(BIN)/jupyter lab notebooks/

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache
