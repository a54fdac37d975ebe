"""Content-hashed copies of the pages' own scripts and styles, and every page pointed at them.

The page modules of ``assets/calculator/`` (mkdocs.yml's extra_javascript: calculator.mjs, staff.mjs,
and what they import) and the site's own style sheets (extra_css) get copies named ``<name>.<12 hex digits of sha256>.<ext>``; each module's
copy imports the hashed copies of its imports (so a module's hash covers everything it loads), and
each page's ``<script>``/``<link>`` names the copies. server/site.conf serves these names immutable
and the service worker leaves them to the browser while online: a repeat visit asks the server
only for the page itself (no-cache), which names the files it needs. The unhashed files stay, for
a page of an older build. The worker's own scripts are hashed before, by
``build_site.hashed_entry_points``.
"""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

# Imports as the page modules write them: `from "./name.mjs"` (static imports only).
IMPORT_RE = re.compile(r'from "\./([a-z][a-z-]*\.mjs)"')
MKDOCS_YML = Path(__file__).resolve().parent.parent / "mkdocs.yml"


def page_files() -> tuple[tuple[str, ...], tuple[str, ...]]:
    """What mkdocs.yml has every page load: the module scripts of assets/calculator/ (by name) and
    the style sheets (paths from the site root)."""
    import yaml

    config = yaml.safe_load(MKDOCS_YML.read_text(encoding="utf-8"))
    scripts = [e["path"] if isinstance(e, dict) else e for e in config["extra_javascript"]]
    prefix = "assets/calculator/"
    if not all(s.startswith(prefix) and s.endswith(".mjs") for s in scripts):
        raise SystemExit(f"mkdocs.yml: every extra_javascript is a module of {prefix}: {scripts}")
    return tuple(s.removeprefix(prefix) for s in scripts), tuple(config["extra_css"])


def hashed_name(path: Path, text: str) -> str:
    digest = hashlib.sha256(text.encode("utf-8")).hexdigest()[:12]
    return f"{path.stem}.{digest}{path.suffix}"


def _imports(text: str) -> list[str]:
    return IMPORT_RE.findall(text)


def hash_modules(folder: Path, entries: tuple[str, ...]) -> dict[str, str]:
    """Hashed copies of the modules ``entries`` and those they import (leaves first):
    {module name: hashed name}."""
    names: dict[str, str] = {}

    def visit(name: str, path: tuple[str, ...]) -> str:
        if name in names:
            return names[name]
        if name in path:
            raise SystemExit(f"the page modules import each other in a cycle: {path + (name,)}")
        source = folder / name
        if not source.is_file():
            raise SystemExit(f"{path[-1] if path else 'a page'} imports ./{name}, which is missing")
        text = source.read_text(encoding="utf-8")
        for imported in sorted(set(_imports(text))):
            hashed = visit(imported, (*path, name))
            text = text.replace(f'from "./{imported}"', f'from "./{hashed}"')
        names[name] = hashed_name(source, text)
        (folder / names[name]).write_text(text, encoding="utf-8")
        return names[name]

    for entry in entries:
        visit(entry, ())
    return names


def hash_styles(site_dir: Path, styles: tuple[str, ...]) -> dict[str, str]:
    """Hashed copies of ``styles``: {path from the site root: hashed path}."""
    out = {}
    for rel in styles:
        source = site_dir / rel
        text = source.read_text(encoding="utf-8")
        hashed = source.with_name(hashed_name(source, text))
        hashed.write_text(text, encoding="utf-8")
        out[rel] = str(hashed.relative_to(site_dir))
    return out


def point_pages(site_dir: Path, renamed: dict[str, str]) -> int:
    """Every page's ``src``/``href`` that names a file of ``renamed`` (paths from the site root,
    as the page writes them after its relative prefix) names its hashed copy. Returns how many
    pages changed."""
    pattern = re.compile(
        r'(?P<attr>(?:src|href)=")(?P<prefix>/?(?:\.\./)*)(?P<path>'
        + "|".join(re.escape(p) for p in sorted(renamed, key=len, reverse=True))
        + r')"'
    )
    changed = 0
    for page in sorted(site_dir.rglob("*.html")):
        html = page.read_text(encoding="utf-8")
        new = pattern.sub(lambda m: f'{m["attr"]}{m["prefix"]}{renamed[m["path"]]}"', html)
        if new != html:
            page.write_text(new, encoding="utf-8")
            changed += 1
    return changed


def apply(site_dir: Path) -> str:
    entries, styles = page_files()
    folder = site_dir / "assets" / "calculator"
    modules = hash_modules(folder, entries)
    renamed = {f"assets/calculator/{name}": f"assets/calculator/{hashed}"
               for name, hashed in modules.items() if name in entries}  # fmt: skip
    renamed.update(hash_styles(site_dir, styles))
    pages = point_pages(site_dir, renamed)
    if not pages:
        raise SystemExit("no page names the calculator's scripts and styles: update hashed_assets")
    return f"hashed {len(modules)} page modules and {len(styles)} style sheets; {pages} pages point at them"
