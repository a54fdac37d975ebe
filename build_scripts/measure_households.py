"""Measure the home seeker's path for the six households (tests/e2e/households.py) on a phone
(390×844) and print the closing note's table: questions shown per person, screens from the first
question to the short answer, whether a verdict is in view right after the last answer, and the
documents the medbring-ark lists.

    .venv/bin/python build_scripts/measure_households.py [SITE_DIR]

SITE_DIR is a built site (default: site/). The same script measures an older build (e.g. main's) as
long as its form marks controls with ``data-path`` (every version since the calculator began):
fields are answered by path, one after another, each once it is on screen.
"""

from __future__ import annotations

import functools
import http.server
import socket
import sys
import threading
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT / "tests"), str(ROOT / "calculator")]

from e2e.households import HOUSEHOLDS, answered_paths  # noqa: E402
from playwright.sync_api import Page, sync_playwright  # noqa: E402

from udlejning.questions import implied  # noqa: E402

PHONE = {"width": 390, "height": 844}
WAIT_MS = 120_000


class Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - the stdlib's name
        return


def serve(directory: Path) -> tuple[str, http.server.ThreadingHTTPServer]:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    handler = functools.partial(Quiet, directory=str(directory))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", port), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return f"http://127.0.0.1:{port}", server


def value_of(value: object) -> str:
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, list):
        return "yes" if value else "no"
    return str(value)


def get(node: Any, path: str) -> Any:
    for key in path.split("."):
        node = node[key]
    return node


def answer(page: Page, path: str, value: object, *, optional: bool = False) -> None:
    target = page.locator(f"form.ub-form [data-path='{path}']:is(input, select)")
    if optional and not target.is_visible():
        return
    target.wait_for(state="visible", timeout=WAIT_MS)
    if target.evaluate("n => n.tagName") == "SELECT":
        target.select_option(value_of(value))
    else:
        target.fill(value_of(value))


def settle(page: Page) -> None:
    """The answer has followed the last change: nothing computing, twice in a row."""
    page.wait_for_selector("section.ub-finding", timeout=WAIT_MS)
    for _ in range(2):
        time.sleep(1.0)
        page.wait_for_function(
            "() => !document.querySelector('form.ub-form').hasAttribute('aria-busy')",
            timeout=WAIT_MS,
        )


def fill(page: Page, doc: dict[str, Any]) -> None:
    full = implied(doc)  # an older form asks what the newer one implies (the apprenticeship)
    for person in full["household"]:
        if "education" in person:  # the kind first: an older form asks the start only after it
            education = person["education"]
            person["education"] = {"kind": education.get("kind"), **education}
    answer(page, "date", doc["date"])
    for index, person in enumerate(full["household"]):
        own = doc["household"][index]
        if index:
            page.locator("[data-action=add-person]").click()
            answer(page, f"household[{index}].role", person["role"])
        for path in answered_paths(person):
            if path == "role":
                continue
            given = path in answered_paths(own)
            answer(page, f"household[{index}].{path}", get(person, path), optional=not given)
    for path in answered_paths({k: v for k, v in doc.items() if k not in ("date", "household")}):
        answer(page, path, get(doc, path))
    page.keyboard.press("Tab")
    settle(page)


MEASURE = """() => {
  const vh = window.innerHeight;
  const top = (n) => n.getBoundingClientRect().top + window.scrollY;
  const persons = [...document.querySelectorAll('fieldset.ub-person')].map((p) =>
    [...p.querySelectorAll('.ub-field')].filter((f) => !f.closest('[hidden]'))
      .filter((f) => !f.closest('.ub-conviction')).length);
  const first = [...document.querySelectorAll('fieldset.ub-person .ub-field')].find((f) => !f.closest('[hidden]'));
  const summary = document.querySelector('#ub-answer-summary') || document.querySelector('.ub-short');
  const inView = (n) => { if (!n || n.closest('[hidden]')) return false; const r = n.getBoundingClientRect(); return r.bottom > 0 && r.top < vh && r.height > 0; };
  const bar = document.querySelector('#ub-verdict-bar');
  const docs = document.querySelectorAll('.ub-medbring .ub-medbring__person li, .ub-medbring .ub-checklist > li, .ub-medbring .ub-claim li').length;
  return {
    persons,
    screens: summary && first ? (top(summary) - top(first)) / vh : null,
    page: document.documentElement.scrollHeight / vh,
    verdictInView: inView(bar) || inView(summary),
    documents: docs,
  };
}"""


def measure(site: Path) -> list[tuple[str, dict[str, Any]]]:
    base, server = serve(site)
    rows = []
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path="/usr/bin/chromium")
            for name, doc in HOUSEHOLDS.items():
                context = browser.new_context(viewport=PHONE, service_workers="block")
                page = context.new_page()
                page.goto(f"{base}/beregner/")
                page.wait_for_selector("[data-path='household[0].age']", timeout=WAIT_MS)
                fill(page, doc)
                rows.append((name, page.evaluate(MEASURE)))
                context.close()
            browser.close()
    finally:
        server.shutdown()
    return rows


def main(argv: list[str]) -> int:
    site = Path(argv[1]) if len(argv) > 1 else ROOT / "site"
    print(f"site: {site}")
    print(
        "| household | questions shown (per person) | screens first question → short answer | verdict in view after last answer | page (screens) | documents |"
    )
    print("|---|---|---|---|---|---|")
    for name, m in measure(site):
        persons = " + ".join(str(n) for n in m["persons"])
        screens = "–" if m["screens"] is None else f"{m['screens']:.1f}"
        print(
            f"| {name} | {sum(m['persons'])} ({persons}) | {screens} | "
            f"{'yes' if m['verdictInView'] else 'no'} | {m['page']:.1f} | {m['documents']} |"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv))
