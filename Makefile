# Two commands set everything up on a fresh machine with Python 3.11+ and make:
#   make demo   run the demo        make test   run the tests (ruff, pytest)
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp
# camel-tools without its torch tree (6 GB): --no-deps, its light needs come from the extra.
CAMEL := camel-tools==1.6.0

.PHONY: demo test lint bench eval-ans learn-cues cv-ans clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -e '.[camel,dev]'
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --no-deps $(CAMEL)
	touch $(STAMP)

demo: $(STAMP)
	$(BIN)/riwaya --demo

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

test: lint
	RIWAYA_REQUIRE_CAMEL=1 $(BIN)/pytest
	RIWAYA_NO_CAMEL=1 $(BIN)/pytest tests/test_arabic.py tests/test_extractors.py tests/test_engine_samples.py

bench: $(STAMP)
	$(BIN)/python benchmarks/bench_engine.py

eval-ans: $(STAMP)
	$(BIN)/python benchmarks/eval_ans.py

learn-cues: $(STAMP)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -e '.[learn]'
	$(BIN)/python benchmarks/learn_cues.py

cv-ans: $(STAMP)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -e '.[learn]'
	$(BIN)/python benchmarks/cv_ans.py

clean:
	rm -rf $(VENV) build *.egg-info
