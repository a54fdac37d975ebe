#!/usr/bin/env bash
# Set up, build the site and serve the built site/ through the repository's nginx configuration
# (server/nginx.conf: precompressed files, cache and security headers, as a host would serve it)
# on http://127.0.0.1:8000/ (PORT to change). nginx runs as a user-space process from
# build/nginx/; Ctrl-C stops it.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
export NO_MKDOCS_2_WARNING=1

bash scripts/setup.sh
PY="$ROOT/.venv/bin/python"
"$PY" build_scripts/build_site.py

PORT="${PORT:-8000}"
read -r -a NGINX_CMD < <("$PY" build_scripts/nginx_conf.py "$ROOT/build/nginx" "$PORT")
echo "Serving site/ through nginx on http://127.0.0.1:${PORT}/ (Danish) and http://127.0.0.1:${PORT}/en/ (English); Ctrl-C stops."
exec "${NGINX_CMD[@]}"
