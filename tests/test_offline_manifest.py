"""The build's rules version and offline manifest (build_scripts/hooks.py), on a made-up site:
what the service worker pre-caches follows from the files the build produced, whatever their
names (content-hashed runtime files, precompressed copies)."""

from __future__ import annotations

import hashlib
import importlib.util
import json
import sys
from pathlib import Path
from types import ModuleType

import pytest

import udlejning

ROOT = Path(__file__).resolve().parent.parent


def _hooks() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "manifest_hooks", ROOT / "build_scripts" / "hooks.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["manifest_hooks"] = module
    spec.loader.exec_module(module)
    return module


hooks = _hooks()


def _site(tmp_path: Path) -> Path:
    site = tmp_path / "site"
    files = {
        "index.html": b"<p>da</p>",
        "en/index.html": b"<p>en</p>",
        "regler/kriterier/index.html": b"<p>k</p>",
        "offline/index.html": b"<p>o</p>",
        "404.html": b"404",
        "sw.js": b'const BUILD = "dev";\n',
        "sitemap.xml": b"<urlset/>",
        "sitemap.xml.gz": b"gz",
        "search/search_index.json": json.dumps({"config": {"lang": ["da", "en"]}}).encode(),
        "assets/javascripts/bundle.1.min.js": b"js",
        "assets/javascripts/bundle.1.min.js.map": b"map",
        "assets/javascripts/lunr/min/lunr.da.min.js": b"da",
        "assets/javascripts/lunr/min/lunr.de.min.js": b"de",
        "assets/javascripts/lunr/min/lunr.multi.min.js": b"multi",
        "assets/javascripts/lunr/min/lunr.stemmer.support.min.js": b"s",
        "assets/javascripts/lunr/wordcut.js": b"w",
        "assets/rt/pyodide.asm.1a2b.wasm": b"\0" * hooks.RUNTIME_MIN_BYTES,
        "assets/rt/pyodide.asm.1a2b.wasm.br": b"br",
        "assets/rt/python_stdlib.3c4d.zip": b"\0" * (hooks.RUNTIME_MIN_BYTES + 1),
        "assets/rt/pyodide-lock.5e6f.json": b"{}",
        "assets/rt/udlejning-0.2.0-py3-none-any.whl": b"wheel bytes",
    }
    for name, data in files.items():
        path = site / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
    return site


def test_rules_version_names_the_package_and_the_wheel(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1764547200")  # 2025-12-01
    wheel = _site(tmp_path) / "assets/rt/udlejning-0.2.0-py3-none-any.whl"
    rules = hooks.rules_version(wheel)
    sha = hashlib.sha256(b"wheel bytes").hexdigest()
    assert rules["version"] == udlejning.__version__
    assert (rules["build"], rules["wheel_sha256"], rules["date"]) == (sha[:12], sha, "2025-12-01")
    assert (
        rules["label_da"]
        == f"Regler: version {udlejning.__version__} · build {sha[:12]} · 1. december 2025"
    )
    assert (
        rules["label_en"]
        == f"Rules: version {udlejning.__version__} · build {sha[:12]} · 1 December 2025"
    )


def test_the_manifest_lists_every_page_and_asset_but_not_the_big_runtime_or_copies(
    tmp_path: Path,
) -> None:
    site = _site(tmp_path)
    rules = hooks.rules_version(hooks._one_wheel(site))
    manifest = hooks.offline_manifest(site, rules)
    assert manifest["build"] == rules["build"]
    assert manifest["runtime"] == [
        "assets/rt/pyodide.asm.1a2b.wasm",
        "assets/rt/python_stdlib.3c4d.zip",
    ]
    assert sorted(manifest["precache"]) == sorted([
        "", "en/", "regler/kriterier/", "offline/", "search/search_index.json",
        "assets/javascripts/bundle.1.min.js",
        "assets/javascripts/lunr/min/lunr.da.min.js",
        "assets/javascripts/lunr/min/lunr.multi.min.js",
        "assets/javascripts/lunr/min/lunr.stemmer.support.min.js",
        "assets/rt/pyodide-lock.5e6f.json", "assets/rt/udlejning-0.2.0-py3-none-any.whl",
    ])  # fmt: skip
    assert manifest["fallback"] == {"da": "offline/", "en": "en/offline/"}


def test_the_built_site_has_its_version_manifest_and_stamped_service_worker() -> None:
    site = ROOT / "site"
    if not (site / "version.json").is_file():
        pytest.fail("site/version.json is missing: run `python build_scripts/build_site.py`")
    version = json.loads((site / "version.json").read_text(encoding="utf-8"))
    (wheel,) = sorted(site.rglob("udlejning-*.whl"))
    assert version["wheel_sha256"] == hashlib.sha256(wheel.read_bytes()).hexdigest()
    assert version["version"] == udlejning.__version__
    manifest = json.loads((site / "offline.json").read_text(encoding="utf-8"))
    assert manifest["build"] == version["build"]
    for url in [*manifest["precache"], *manifest["runtime"]]:
        path = site / url / "index.html" if url == "" or url.endswith("/") else site / url
        assert path.is_file(), url
    for page in ("", "en/", "beregner/", "en/beregner/", "regler/kriterier/", "en/regler/kriterier/",
                 "offline/", "en/offline/", "vaerktoejer/udlejningshjul/"):  # fmt: skip
        assert page in manifest["precache"], page
    # The package's schema files, served by the hooks (not copied into docs/), are kept offline too.
    for uri, source in hooks.schema_files().items():
        assert uri in manifest["precache"], uri
        assert (site / uri).read_bytes() == source.read_bytes(), uri
    assert f'const BUILD = "{version["build"]}";' in (site / "sw.js").read_text(encoding="utf-8")
    footer = (site / "en" / "index.html").read_text(encoding="utf-8")
    assert f'data-build="{version["build"]}"' in footer
