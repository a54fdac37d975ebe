"""Run the built site through the repository's nginx configuration (``server/``), as a user-space
process on 127.0.0.1: ``scripts/serve.sh``, the browser tests and the benchmark use it.

``render(run_dir, port)`` fills in ``server/nginx.conf``'s ``@…@`` values (paths, port, the
brotli module, the inline-script hashes for the CSP from ``site/assets-manifest.json``) and
writes ``run_dir/nginx.conf`` with ``run_dir/site.conf``; ``Nginx`` starts and stops it.

Usage: ``python build_scripts/nginx_conf.py RUN_DIR PORT`` writes the configuration and prints the
nginx command line (serve.sh runs it).
"""

from __future__ import annotations

import json
import re
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SERVER = ROOT / "server"
SITE = ROOT / "site"
NGINX = Path("/usr/sbin/nginx")
BROTLI_MODULE = Path("/usr/lib/nginx/modules/ngx_http_brotli_static_module.so")


def script_hashes(site_dir: Path = SITE) -> str:
    manifest = site_dir / "assets-manifest.json"
    if not manifest.is_file():
        raise SystemExit(f"{manifest} is missing: run `python build_scripts/build_site.py`")
    return " ".join(json.loads(manifest.read_text(encoding="utf-8"))["csp_script_hashes"])


def render(run_dir: Path, port: int, site_dir: Path = SITE) -> Path:
    for required in (NGINX, BROTLI_MODULE):
        if not required.exists():
            raise SystemExit(f"{required} is missing: run `bash scripts/setup.sh` (installs nginx)")
    run_dir = run_dir.resolve()
    for sub in ("tmp/body", "tmp/proxy", "tmp/fastcgi", "tmp/uwsgi", "tmp/scgi"):
        (run_dir / sub).mkdir(parents=True, exist_ok=True)
    values = {
        "@RUN@": str(run_dir),
        "@PORT@": str(port),
        "@ROOT@": str(site_dir.resolve()),
        "@SERVER_DIR@": str(run_dir),
        "@BROTLI_MODULE@": str(BROTLI_MODULE),
        "@SCRIPT_HASHES@": script_hashes(site_dir),
    }
    for name in ("nginx.conf", "site.conf", "security-headers.conf"):
        text = (SERVER / name).read_text(encoding="utf-8")
        for key, value in values.items():
            text = text.replace(key, value)
        left = re.findall(r"@[A-Z_]+@", text)
        if left:
            raise SystemExit(f"server/{name}: placeholders left unfilled: {left}")
        (run_dir / name).write_text(text, encoding="utf-8")
    return run_dir / "nginx.conf"


def command(conf: Path) -> list[str]:
    run_dir = conf.parent
    return [str(NGINX), "-p", str(run_dir), "-c", str(conf), "-e", str(run_dir / "error.log")]


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


class Nginx:
    """nginx serving ``site_dir`` on a free port of 127.0.0.1 until ``stop()``."""

    def __init__(self, run_dir: Path, site_dir: Path = SITE) -> None:
        if run_dir.exists():
            shutil.rmtree(run_dir)
        self.port = free_port()
        self.conf = render(run_dir, self.port, site_dir)
        self.access_log = self.conf.parent / "access.log"
        self.url = f"http://127.0.0.1:{self.port}"
        self.process = subprocess.Popen(
            command(self.conf), stdout=subprocess.DEVNULL, stderr=subprocess.PIPE
        )
        deadline = time.monotonic() + 20
        while True:
            try:
                with urllib.request.urlopen(self.url + "/", timeout=2):
                    return
            except OSError:
                if self.process.poll() is not None or time.monotonic() > deadline:
                    log = (self.conf.parent / "error.log").read_text(errors="replace")[-2000:]
                    self.stop()
                    raise RuntimeError(f"nginx did not start on {self.url}:\n{log}") from None
                time.sleep(0.1)

    def sent(self) -> list[tuple[str, str, int, str]]:
        """(uri, status, bytes sent incl. headers, content-encoding) of every response so far."""
        return [row[:4] for row in self.log()]

    def log(self) -> list[tuple[str, str, int, str, float]]:
        """``sent()`` with the time each response was done (ms since the epoch, like a page's
        ``performance.timeOrigin``)."""
        rows = []
        for line in self.access_log.read_text(encoding="utf-8").splitlines():
            _method, uri, status, sent, encoding, msec = (line.split(" ") + ["", ""])[:6]
            done = float(msec) * 1000 if msec else 0.0
            rows.append((uri, status, int(sent), "" if encoding == "-" else encoding, done))
        return rows

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        if self.process.stderr:
            self.process.stderr.close()


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if len(args) != 2:
        print(__doc__, file=sys.stderr)
        return 2
    conf = render(Path(args[0]), int(args[1]))
    print(" ".join(command(conf)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
