#!/usr/bin/env bash
# Set up, lint, build the site (mkdocs build --strict) and run every test (unit + browser).
# Extra arguments go to pytest. pytest's exit code 5 ("no tests collected") counts as failure.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
export NO_MKDOCS_2_WARNING=1
export PYTHONDONTWRITEBYTECODE=1

start=$SECONDS
bash scripts/setup.sh
PY="$ROOT/.venv/bin/python"

failures=()
echo "== ruff check"
# A lint failure fails the run, but only at the end, so the tests still report.
"$PY" -m ruff check . || failures+=("ruff check")

echo "== build site (mkdocs build --strict)"
# --no-render: build from the generated pages as committed; tests/test_docs_generated.py fails
# if they are out of date (run `python build_scripts/render_docs.py` and commit them).
"$PY" build_scripts/build_site.py --no-render

echo "== pytest (set-up, lint and build took $((SECONDS - start)) s)"
set +e
"$PY" -m pytest "$@"
rc=$?
set -e
if [[ $rc -eq 5 ]]; then
  echo "pytest collected no tests: that is a failure" >&2
  failures+=("pytest (no tests collected)")
elif [[ $rc -ne 0 ]]; then
  failures+=("pytest (exit code $rc)")
fi
# On success print nothing more: pytest's summary stays the last line of the output.
if [[ ${#failures[@]} -gt 0 ]]; then
  echo "FAILED: ${failures[*]} (after $((SECONDS - start)) s)" >&2
  exit 1
fi
