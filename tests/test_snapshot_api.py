"""Pyodide's memory snapshots are a private API (``_makeSnapshot``, ``makeMemorySnapshot()``,
``_loadSnapshot``; issue 13, item 4). The worker uses them only with the pinned Pyodide version;
this test fails loudly when the pin or the API changes, so an upgrade cannot silently lose
repeat-visit starts or, worse, start from a snapshot that no longer fits."""

from __future__ import annotations

import json
import re
import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PYODIDE = ROOT / "node_modules" / "pyodide"
SITE_PYODIDE = ROOT / "site" / "assets" / "pyodide"
CHECK = ROOT / "build_scripts" / "snapshot_check.mjs"
PINNED = "314.0.7"


def test_pyodide_is_pinned_to_the_version_whose_snapshot_api_the_worker_uses() -> None:
    package = json.loads((ROOT / "package.json").read_text(encoding="utf-8"))
    assert package["dependencies"]["pyodide"] == PINNED, (
        "Pyodide changed: re-check its private snapshot API (_makeSnapshot, makeMemorySnapshot, "
        "_loadSnapshot) against calculator/web/worker.mjs, then update PINNED here"
    )
    installed = json.loads((PYODIDE / "package.json").read_text(encoding="utf-8"))
    assert installed["version"] == PINNED
    assert "_loadSnapshot" in (PYODIDE / "pyodide.mjs").read_text(encoding="utf-8")
    runtime = (PYODIDE / "pyodide.asm.mjs").read_text(encoding="utf-8")
    assert "API.config._makeSnapshot" in runtime and "makeMemorySnapshot" in runtime


def test_a_snapshot_made_after_import_restores_and_answers_the_same() -> None:
    manifest = json.loads((ROOT / "site" / "assets-manifest.json").read_text(encoding="utf-8"))
    stdlib = ROOT / "site" / manifest["stdlib"]["url"]
    wheel = ROOT / "site" / manifest["wheel"]["url"]
    result = subprocess.run(
        ["node", str(CHECK), str(PYODIDE), str(stdlib), str(wheel)],
        capture_output=True, text=True, timeout=300, cwd=ROOT,
    )  # fmt: skip
    tail = "\n".join(line[:300] for line in result.stderr.splitlines()[-10:])
    assert result.returncode == 0, tail
    report = json.loads(result.stdout.strip().splitlines()[-1])
    assert report["version"] == PINNED
    assert report["same"] is True
    assert report["snapshotBytes"] > 10_000_000
    # Stored without the pages Python never wrote (put back as zeros when read): much less to read.
    assert report["keptBytes"] < 0.7 * report["snapshotBytes"]
    # The worker's fallback relies on a bad snapshot being refused, not loaded.
    assert re.search(r"invalid magic number", report["badMagic"])
