#!/usr/bin/env bash
# Re-resolve the Python development dependencies (pyproject.toml's [dev] extra) into
# requirements-dev.lock: every package pinned, with the sha256 of every file PyPI has for it,
# for Python 3.13 on any platform. scripts/setup.sh installs it with pip --require-hashes.
# Run after changing a dependency in pyproject.toml, then commit both files.
# The lock tool is uv, pinned in the dev extra (so it is in .venv after setup).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
UV="${UV:-.venv/bin/uv}"
if [[ ! -x "$UV" ]]; then
  echo "lock: $UV not found; run bash scripts/setup.sh first (or set UV=/path/to/uv)" >&2
  exit 1
fi
# Packages already in the lock keep their version unless pyproject.toml needs another one
# (uv prefers the versions of an existing output file); pass --upgrade to take the newest.
"$UV" pip compile pyproject.toml --extra dev \
  --python-version 3.13 --universal --generate-hashes \
  --index-url https://pypi.org/simple \
  --custom-compile-command "bash scripts/lock.sh" \
  --output-file requirements-dev.lock --quiet "$@"
echo "lock: wrote requirements-dev.lock ($(grep -c '==' requirements-dev.lock) packages)"
