#!/usr/bin/env bash
# Fresh-machine set-up: a venv with the CPU build of torch first (a plain `torch`
# requirement pulls a multi-GB CUDA build), then claimcheck with all its extras.
set -euo pipefail
cd "$(dirname "$0")/.."
python3 -m venv .venv
.venv/bin/pip install -q --upgrade pip
.venv/bin/pip install -q torch==2.13.0
.venv/bin/pip install -q -e ".[dev,serve,dask]"
