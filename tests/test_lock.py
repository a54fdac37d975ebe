"""The Python development dependencies are locked with hashes (issue 14.6) and the venv is the
lock's: requirements-dev.lock (written by scripts/lock.sh) pins every package with sha256 hashes,
agrees with pyproject.toml's pins, and is what scripts/setup.sh installed into .venv (Python 3.13,
issue 13.1), while the package itself still declares Python >= 3.11."""

from __future__ import annotations

import re
import subprocess
import sys
import tomllib
from importlib import metadata
from pathlib import Path

from packaging.markers import Marker
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

ROOT = Path(__file__).resolve().parent.parent
LOCK = ROOT / "requirements-dev.lock"
PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))


def _locked() -> dict[str, tuple[str, str | None, int]]:
    """name -> (version, marker, number of hashes), from the lock's logical lines."""
    out: dict[str, tuple[str, str | None, int]] = {}
    text = re.sub(r"\\\n\s*", " ", LOCK.read_text("utf-8"))
    for line in text.splitlines():
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        spec, *hashes = line.split(" --hash=")
        requirement = Requirement(spec.strip())
        (pin,) = requirement.specifier
        assert pin.operator == "==", line
        marker = str(requirement.marker) if requirement.marker else None
        assert all(h.strip().startswith("sha256:") for h in hashes), line
        out[canonicalize_name(requirement.name)] = (pin.version, marker, len(hashes))
    return out


def test_every_locked_package_is_pinned_with_hashes() -> None:
    locked = _locked()
    assert len(locked) > 40
    assert all(count >= 1 for _, _, count in locked.values())


def test_the_lock_agrees_with_the_pins_in_pyproject() -> None:
    locked = _locked()
    pins = PYPROJECT["project"]["optional-dependencies"]["dev"]
    pins += PYPROJECT["build-system"]["requires"]
    for pin in pins:
        requirement = Requirement(pin)
        (spec,) = requirement.specifier
        assert spec.operator == "==", f"{pin}: dev dependencies are pinned"
        assert locked[canonicalize_name(requirement.name)][0] == spec.version, pin


def test_the_venv_holds_exactly_the_locked_versions() -> None:
    for name, (version, marker, _) in _locked().items():
        if marker and not Marker(marker).evaluate():
            continue
        assert metadata.version(name) == version, name


def test_development_runs_on_3_13_and_the_package_supports_3_11() -> None:
    assert sys.version_info[:2] == (3, 13), "recreate .venv with bash scripts/setup.sh"
    assert PYPROJECT["project"]["requires-python"] == ">=3.11"
    assert PYPROJECT["tool"]["ruff"]["target-version"] == "py311"


def test_find_python_finds_3_13_or_says_what_to_install(tmp_path: Path) -> None:
    script = str(ROOT / "scripts" / "find_python.sh")
    found = subprocess.run(["bash", script], capture_output=True, text=True, check=False)
    assert found.returncode == 0, found.stderr
    version = subprocess.run(
        [found.stdout.strip(), "-c", "import sys; print(sys.version_info[:2])"],
        capture_output=True,
        text=True,
        check=True,
    )
    assert version.stdout.strip() == "(3, 13)"
    # Without pyenv and with a PATH holding no 3.13: a clear message naming what to install.
    bare = {"PATH": str(tmp_path), "HOME": str(tmp_path)}
    (tmp_path / "python3").symlink_to(sys.base_prefix + "/bin/python3.13")
    missing = subprocess.run(
        ["/bin/bash", script], capture_output=True, text=True, env=bare, check=False
    )
    assert missing.returncode == 0 and missing.stdout.strip().endswith("python3"), missing
    (tmp_path / "python3").unlink()
    missing = subprocess.run(
        ["/bin/bash", script], capture_output=True, text=True, env=bare, check=False
    )
    if Path("/usr/bin/python3.13").exists() or Path("/usr/local/bin/python3.13").exists():
        assert missing.returncode == 0, missing.stderr
    else:
        assert missing.returncode == 1
        assert "Python 3.13 was not found" in missing.stderr
        assert "pyenv install 3.13" in missing.stderr and "apt-get install python3.13" in missing.stderr
