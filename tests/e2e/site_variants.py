"""Copies of the built site that a test can change and swap while a browser holds the old one.

``SwitchableServer`` serves ``<tmp>/current``, a symlink the test points at another copy between
two requests (a redeploy), with Python's ``http.server`` (no Cache-Control, so the files' old
Last-Modified dates make the browser reuse them heuristically: the hard case for updates).
"""

from __future__ import annotations

import base64
import hashlib
import io
import os
import pickle
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
import zipfile
from pathlib import Path

from udlejning import data_files

DAY = 24 * 3600
TEXT_SUFFIXES = {".html", ".json", ".js", ".mjs"}


def copy_site(source: Path, target: Path, *, days_old: int) -> Path:
    """A copy of ``source`` whose files all look ``days_old`` days old to the server."""
    shutil.copytree(source, target)
    age = time.time() - days_old * DAY
    for path in target.rglob("*"):
        os.utime(path, (age, age))
    return target


def the_wheel(site: Path) -> Path:
    (wheel,) = sorted(site.rglob("udlejning-*.whl"))
    return wheel


def change_parameter(site: Path, name: str, old: str, new: str) -> str:
    """Redeploy ``site`` with one rule parameter changed in the wheel; return the new build id.

    The wheel's sha256 (lockfile, version.json) and build id (pages, sw.js, offline.json) are
    replaced wherever the build wrote them, whatever the files are called."""
    wheel = the_wheel(site)
    old_sha = hashlib.sha256(wheel.read_bytes()).hexdigest()
    member = f"udlejning/parameters/{name}.toml"
    package = "udlejning/"
    buffer = io.BytesIO()
    with (
        zipfile.ZipFile(wheel) as source,
        zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as out,
    ):
        members = {info.filename: source.read(info) for info in source.infolist()}
        # The package's own TOML file, changed (the browser's wheel carries only its parsed form).
        text = (Path(data_files.__file__).parent / member.removeprefix(package)).read_text("utf-8")
        assert f'value = "{old}"' in text, text
        text = text.replace(f'value = "{old}"', f'value = "{new}"')
        if member in members:
            members[member] = text.encode("utf-8")
        # The browser reads the TOML files parsed at build time (udlejning/data_files.py): the
        # changed file parsed again, as the build would.
        if package + data_files.PACKED in members:
            parsed = pickle.loads(members[package + data_files.PACKED])
            parsed.update(pickle.loads(data_files.packed({member.removeprefix(package): text})))
            members[package + data_files.PACKED] = pickle.dumps(parsed)
        for info in source.infolist():
            out.writestr(info, members[info.filename])
    old_bytes = wheel.read_bytes()
    wheel.write_bytes(buffer.getvalue())
    new_sha = hashlib.sha256(wheel.read_bytes()).hexdigest()
    # The build names the wheel's folder by its sha256 (content-hashed, immutable URLs): a new
    # wheel gets a new folder, as a real redeploy would.
    if wheel.parent.name == old_sha[:12]:
        wheel.parent.rename(wheel.parent.with_name(new_sha[:12]))
    # Every file that names a changed file by its sha256 (hex, or base64 in an SRI integrity)
    # changes too, and a content-hashed file name follows its content; follow the chain
    # (wheel -> lockfile -> runtime module) until nothing changes.
    changed: list[tuple[Path | None, bytes, bytes]] = [(None, old_bytes, buffer.getvalue())]
    for _ in range(6):
        if not changed:
            break
        pairs: list[tuple[str, str]] = []
        for path, before, after in changed:
            a, b = hashlib.sha256(before), hashlib.sha256(after)
            if path is not None and a.hexdigest()[:12] in path.name:
                path.rename(
                    path.with_name(path.name.replace(a.hexdigest()[:12], b.hexdigest()[:12]))
                )
            pairs += [
                (a.hexdigest(), b.hexdigest()),
                (base64.b64encode(a.digest()).decode(), base64.b64encode(b.digest()).decode()),
                (a.hexdigest()[:12], b.hexdigest()[:12]),
            ]
        changed = []
        for path in site.rglob("*"):
            if path.is_file() and path.suffix in TEXT_SUFFIXES:
                raw = path.read_bytes()
                text = raw.decode("utf-8")
                for before, after in pairs:
                    text = text.replace(before, after)
                if text.encode("utf-8") != raw:
                    path.write_text(text, encoding="utf-8")
                    changed.append((path, raw, text.encode("utf-8")))
    return new_sha[:12]


class SwitchableServer:
    def __init__(self, root: Path, first: Path) -> None:
        self.link = root / "current"
        self.link.symlink_to(first, target_is_directory=True)
        with socket.socket() as sock:
            sock.bind(("127.0.0.1", 0))
            port = sock.getsockname()[1]
        cmd = [sys.executable, "-m", "http.server", str(port), "--bind", "127.0.0.1",
               "--directory", str(self.link)]  # fmt: skip
        self.process = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        self.url = f"http://127.0.0.1:{port}"
        deadline = time.monotonic() + 20
        while True:
            try:
                with urllib.request.urlopen(self.url + "/", timeout=2):
                    return
            except OSError:
                assert self.process.poll() is None and time.monotonic() < deadline, "no server"
                time.sleep(0.1)

    def serve(self, directory: Path) -> None:
        """Switch atomically: the next request gets ``directory``."""
        tmp = self.link.with_name("next")
        tmp.symlink_to(directory, target_is_directory=True)
        os.replace(tmp, self.link)

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.terminate()
            self.process.wait(timeout=10)
