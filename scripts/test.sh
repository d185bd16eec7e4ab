#!/usr/bin/env bash
# The one check command, the same locally and in CI: lint, types, then the whole test suite.
set -euo pipefail
cd "$(dirname "$0")/.."
BIN=.venv/bin
$BIN/ruff check .
$BIN/mypy
$BIN/python -m pytest -q "$@"
