#!/usr/bin/env bash
# Set up, build the site and serve the built site/ on http://127.0.0.1:8000/ (PORT to change).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
export NO_MKDOCS_2_WARNING=1

bash scripts/setup.sh
PY="$ROOT/.venv/bin/python"
"$PY" build_scripts/build_site.py

PORT="${PORT:-8000}"
echo "Serving site/ on http://127.0.0.1:${PORT}/ (Danish) and http://127.0.0.1:${PORT}/en/ (English); Ctrl-C stops."
exec "$PY" -m http.server "$PORT" --bind 127.0.0.1 --directory site
