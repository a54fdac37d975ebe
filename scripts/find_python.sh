#!/usr/bin/env bash
# Print the path of a Python 3.13 for development (the nearest to Pyodide's CPython 3.14;
# pyodide-build needs >= 3.12), looked for on PATH and in pyenv's versions; or, when there is
# none, say on stderr what to install and exit 1. Used by scripts/setup.sh.
set -euo pipefail
WANT_PY=3.13
candidates=(python3.13)
roots=("${PYENV_ROOT:-}" "${HOME:-}/.pyenv")
if command -v pyenv >/dev/null 2>&1; then roots+=("$(pyenv root 2>/dev/null || true)"); fi
for r in "${roots[@]}"; do
  if [[ -n "$r" && -d "$r/versions" ]]; then
    for c in "$r"/versions/3.13*/bin/python3.13; do [[ -x "$c" ]] && candidates+=("$c"); done
  fi
done
candidates+=(/usr/local/bin/python3.13 /usr/bin/python3.13 python3)
for c in "${candidates[@]}"; do
  path="$(command -v "$c" 2>/dev/null || true)"
  if [[ -n "$path" ]] \
    && "$path" -c 'import sys, venv; sys.exit(0 if sys.version_info[:2] == (3, 13) else 1)' 2>/dev/null; then
    echo "$path"
    exit 0
  fi
done
while IFS= read -r line; do printf '%s\n' "$line"; done >&2 <<MSG  # builtins only
[setup] error: Python $WANT_PY was not found (looked on PATH and in pyenv's versions).
[setup] Install it, then run scripts/setup.sh again:
[setup]   Debian 13 / Ubuntu 25.04+:  apt-get install python3.13 python3.13-venv
[setup]   pyenv:                      pyenv install 3.13
[setup]   macOS (Homebrew):           brew install python@3.13
[setup] or point to one: PYTHON=/path/to/python3.13 bash scripts/setup.sh
MSG
exit 1
