# make run: install everything and open the chat on the bundled papers.  make test: the whole suite.
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin

.PHONY: install run test lint bench clean

$(BIN)/python:
	$(PY) -m venv $(VENV)
	$(BIN)/pip install --upgrade pip

install: $(BIN)/python
	$(BIN)/pip install torch==2.13.0
	$(BIN)/pip install -r requirements-dev.txt

run: install
	$(BIN)/streamlit run app.py

test: install
	bash scripts/test.sh

lint:
	$(BIN)/ruff check .
	$(BIN)/mypy

bench: install
	$(BIN)/pip install -r requirements-bench.txt
	$(BIN)/python -m bench

clean:
	rm -rf data test-artifacts
