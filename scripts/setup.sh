#!/usr/bin/env bash
# Idempotent set-up of a fresh machine (or a fresh clone) for this project.
# Creates .venv/ (Python 3.11), installs the package with its dev extras, installs the
# pinned npm packages (Pyodide, axe-core) and, if missing, Debian's Chromium for the
# browser tests. Safe to run again: each step is skipped or is a no-op when already done.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
export DEBIAN_FRONTEND=noninteractive
export PIP_DISABLE_PIP_VERSION_CHECK=1
export NO_MKDOCS_2_WARNING=1

log() { printf '[setup] %s\n' "$*"; }
# pip on some machines is configured with local find-links/index folders that may not exist;
# drop its "Location ... is ignored" warnings, keep everything else (and pip's exit status).
pip_quiet() { "$@" 2>&1 | { grep -v "^WARNING: Location '.*' is ignored" || true; }; }

# --- Python -----------------------------------------------------------------
PYTHON="${PYTHON:-}"
if [[ -z "$PYTHON" ]]; then
  for candidate in python3.11 python3; do
    if command -v "$candidate" >/dev/null 2>&1 \
      && "$candidate" -c 'import sys; sys.exit(0 if sys.version_info[:2] == (3, 11) else 1)' 2>/dev/null; then
      PYTHON="$candidate"
      break
    fi
  done
fi
if [[ -z "$PYTHON" ]]; then
  PYTHON=python3
  log "warning: no Python 3.11 found, using $($PYTHON --version 2>&1)"
fi

if [[ ! -x .venv/bin/python ]]; then
  log "creating .venv with $($PYTHON --version 2>&1)"
  "$PYTHON" -m venv .venv
fi

# Reinstall only when pyproject.toml changed since the last successful install.
stamp=.venv/.setup-stamp
want="$(sha256sum pyproject.toml | cut -d' ' -f1)"
if [[ ! -f "$stamp" || "$(cat "$stamp")" != "$want" ]] || ! .venv/bin/python -c 'import udlejning, mkdocs, playwright, pytest, hatchling' 2>/dev/null; then
  log "pip install -e '.[dev]'"
  pip_quiet .venv/bin/python -m pip install --quiet -e '.[dev]'
  # The site build makes the wheel with --no-build-isolation: install the build backend
  # pinned in pyproject.toml's [build-system] into the venv too.
  mapfile -t build_requires < <(.venv/bin/python -c \
    'import tomllib; print("\n".join(tomllib.load(open("pyproject.toml", "rb"))["build-system"]["requires"]))')
  pip_quiet .venv/bin/python -m pip install --quiet "${build_requires[@]}"
  echo "$want" > "$stamp"
else
  log "Python dependencies up to date"
fi

# --- npm (Pyodide runtime, axe-core) -------------------------------------------
if ! command -v npm >/dev/null 2>&1; then
  log "npm missing: installing Debian's nodejs and npm"
  apt-get update -q
  apt-get install -y -q nodejs npm
fi
npm_stamp=node_modules/.setup-stamp
npm_want="$(cat package.json package-lock.json 2>/dev/null | sha256sum | cut -d' ' -f1)"
if [[ ! -f "$npm_stamp" || "$(cat "$npm_stamp")" != "$npm_want" \
      || ! -f node_modules/pyodide/pyodide.asm.wasm || ! -f node_modules/axe-core/axe.min.js ]]; then
  if [[ -f package-lock.json ]]; then
    log "npm ci"
    npm ci --no-audit --no-fund --loglevel=error
  else
    log "npm install (no lockfile yet)"
    npm install --no-audit --no-fund --loglevel=error
  fi
  npm_want="$(cat package.json package-lock.json 2>/dev/null | sha256sum | cut -d' ' -f1)"
  echo "$npm_want" > "$npm_stamp"
else
  log "npm packages up to date"
fi

# --- Chromium for the browser tests ------------------------------------------------
if [[ ! -x /usr/bin/chromium ]]; then
  if [[ "$(id -u)" != 0 ]]; then
    log "error: /usr/bin/chromium is missing and we are not root; install Debian's chromium" >&2
    exit 1
  fi
  # Wait for another apt/dpkg run (e.g. an unattended install) to finish first.
  for _ in $(seq 1 120); do
    if pgrep -x apt-get >/dev/null 2>&1 || pgrep -x dpkg >/dev/null 2>&1 || pgrep -x apt >/dev/null 2>&1; then
      log "waiting for another apt/dpkg process"
      sleep 5
    else
      break
    fi
  done
  if [[ ! -x /usr/bin/chromium ]]; then
    log "apt-get install chromium"
    apt-get update -q
    apt-get install -y -q chromium
  fi
fi
log "chromium: $(/usr/bin/chromium --version 2>/dev/null || echo 'installed')"
# --- nginx and brotli (serve the built site; precompress it) ---------------------------------------
# scripts/serve.sh and the browser tests run the site through server/nginx.conf as a user-space
# process; the build writes .br copies with the brotli command. Debian packages, no service started.
nginx_ready() {
  [[ -x /usr/sbin/nginx && -f /usr/lib/nginx/modules/ngx_http_brotli_static_module.so ]] \
    && command -v brotli >/dev/null 2>&1
}
if ! nginx_ready; then
  if [[ "$(id -u)" != 0 ]]; then
    log "error: install Debian's nginx-light, libnginx-mod-http-brotli-static and brotli" >&2
    exit 1
  fi
  for _ in $(seq 1 120); do
    pgrep -x apt-get >/dev/null 2>&1 || pgrep -x dpkg >/dev/null 2>&1 || break
    log "waiting for another apt/dpkg process"
    sleep 5
  done
  log "apt-get install nginx-light libnginx-mod-http-brotli-static brotli"
  apt-get update -q
  apt-get install -y -q --no-install-recommends nginx-light libnginx-mod-http-brotli-static brotli
fi
log "nginx: $(/usr/sbin/nginx -v 2>&1 | sed 's/^nginx version: //')"
log "done"
