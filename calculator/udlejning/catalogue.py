"""Everything the docs render, as JSON-able data: criteria, parameters, ambiguities, the agreement."""

from __future__ import annotations

from datetime import date
from functools import cache

from udlejning import data_files
from udlejning.coverage import rule_modules
from udlejning.criteria.info import all_criteria
from udlejning.model import Text
from udlejning.parameters import agreement, all_parameters
from udlejning.texts import fill


def _agreement_lookup(on: date):  # type: ignore[no-untyped-def]
    def lookup(name: str):  # type: ignore[no-untyped-def]
        pv = all_parameters()[name].at(on)
        return pv.parameter.type, pv.value, pv.effective_from

    return lookup


def render_text(text: Text, on: date) -> dict[str, str]:
    """Fill ``{{parameter}}`` placeholders with the agreement's values in force on ``on``."""
    lookup = _agreement_lookup(on)
    return {"da": fill(text.da, "da", lookup), "en": fill(text.en, "en", lookup)}


@cache
def table_of_contents() -> list[dict[str, object]]:
    """The agreement's afsnit and Bilag, in order (``agreement_sections.toml``)."""
    raw = data_files.toml("agreement_sections.toml")
    return [
        {
            "id": e["id"],
            "slug": section_slug(e["id"]),
            "title": e["title"],
            **({"status": e["status"], "why": e["why"]} if "status" in e else {}),
            **({"page": e.get("page")} if "status" in e else {}),
        }
        for e in raw["section"]
    ]


# What in the package counts as computing a section (an ambiguity alone does not).
COMPUTING_KINDS = frozenset({"rule", "criterion", "parameter", "wheel", "position", "placement"})


def table_of_contents_with_status(cited: list[dict[str, object]]) -> list[dict[str, object]]:
    """The table of contents, each entry with ``status`` (``udlejning.coverage.STATUSES``):
    ``computed`` when something in ``cited`` (``sections()``) that computes falls under it;
    otherwise the status and ``why`` declared in ``agreement_sections.toml``.

    Raises ``LookupError`` for an entry that is neither computed nor declared."""
    computed = {
        s["toc"]
        for s in cited
        if any(item["kind"] in COMPUTING_KINDS for item in s["covered_by"])  # type: ignore[attr-defined]
    }
    out = []
    for entry in table_of_contents():
        entry = dict(entry)
        if entry["id"] in computed:
            entry["status"] = "computed"
            entry.pop("why", None)
            entry.pop("page", None)
        elif "status" not in entry:
            raise LookupError(
                f"{entry['id']}: not computed and no status in agreement_sections.toml"
            )
        out.append(entry)
    return out


def toc_entry(section: str) -> str | None:
    """The most specific afsnit/Bilag of the table of contents that ``section`` falls under:
    "Bilag 4, IV.1 A.1" → "Bilag 4"; "afsnit 5.2.4 figur 2" → "afsnit 5.2.4"."""
    words = section.replace(",", " ").split()
    if len(words) < 2:
        return None
    kind, number = words[0], words[1].rstrip(".")
    number = number.split("–")[0]
    parts = number.split(".")
    ids = {str(e["id"]) for e in table_of_contents()}
    for cut in range(len(parts), 0, -1):
        candidate = f"{kind} {'.'.join(parts[:cut])}"
        if candidate in ids:
            return candidate
    return None


@cache
def glossary() -> list[dict[str, str]]:
    raw = data_files.toml("glossary.toml")
    return raw["term"]


@cache
def ambiguities() -> list[dict[str, object]]:
    """Every reading, its texts filled from the parameter files."""
    from udlejning.readings import listed

    return list(listed().values())


def split_references(text: str) -> list[str]:
    """ "Bilag 4, IV.1 A.1; afsnit 5.2.3 (læsning R-05)" → ["Bilag 4, IV.1 A.1", "afsnit 5.2.3"]."""
    out = []
    for part in text.split(";"):
        part = part.split("(")[0].strip()
        if part:
            out.append(part)
    return out


def section_slug(section: str) -> str:
    """A stable anchor for a section: "Bilag 4, IV.1 A.1" → "bilag-4-iv1-a1"."""
    keep = "".join(ch if ch.isalnum() else " " for ch in section.lower().replace(".", ""))
    for a, b in (("æ", "ae"), ("ø", "oe"), ("å", "aa")):
        keep = keep.replace(a, b)
    return "-".join(keep.split())


def sections(data: dict[str, object]) -> list[dict[str, object]]:
    """Every cited section, with what in the package covers it (criteria, parameters, ambiguities)."""
    index: dict[str, list[dict[str, str]]] = {}

    def add(refs: list[str], kind: str, ident: str, title: dict[str, str]) -> None:
        for ref in refs:
            for section in split_references(ref):
                items = index.setdefault(section, [])
                entry = {"kind": kind, "id": ident, "da": title["da"], "en": title["en"]}
                if entry not in items:
                    items.append(entry)

    for module, declared in rule_modules():
        add(list(declared.sections), "rule", module, declared.title.to_json())
    for c in data["criteria"]:  # type: ignore[union-attr]
        refs = list(c["references"]) + [i["reference"] for i in c["interpretations"]]
        refs += [d["reference"] for d in c["documents"]]
        add(refs, "criterion", c["id"], c["title"])
    for p in data["parameters"]:  # type: ignore[union-attr]
        add([p["reference"]], "parameter", p["name"], p["description"])
    for a in data["ambiguities"]:  # type: ignore[union-attr]
        add(list(a["sources"]), "ambiguity", a["id"], a["title"])
    for w in data.get("wheels", []):  # type: ignore[union-attr]
        _index_wheel(w, add)
    placement = data.get("placement")
    if isinstance(placement, dict):
        titles = {}
        for rule in placement["rules"]:
            add([rule["reference"]], "placement", rule["id"], rule["title"])
            titles[rule["id"]] = rule["title"]
        for cell in placement["matrix"]:
            add([cell["reference"]], "placement", "matrix", titles["matrix"])
    return [
        {"section": name, "slug": section_slug(name), "toc": toc_entry(name), "covered_by": items}
        for name, items in sorted(index.items(), key=lambda kv: _section_key(kv[0]))
    ]


def _index_wheel(w: dict, add) -> None:  # type: ignore[no-untyped-def, type-arg]
    """Index a wheel (``wheels()``) by the sections it cites: the wheel, each period's figure and
    extras, each position, and what an unused municipal home becomes."""
    title = w["title"]
    add([w["reference"], w["if_municipal_unused"]["reference"]], "wheel", w["id"], title)
    for version in w["versions"]:
        period = version["period"]
        add([version["figure_reference"]], "wheel", w["id"], title)
        for extra in version["extras"]:
            add([extra["reference"]], "wheel", w["id"], title)
        for pos in version["positions"]:
            uses = {lang: " / ".join(u[lang] for u in pos["use_texts"]) for lang in ("da", "en")}
            label = {
                "da": f"{title['da']}, bolig {pos['position']} ({period['da']}): {uses['da']}",
                "en": f"{title['en']}, home {pos['position']} ({period['en']}): {uses['en']}",
            }
            add([pos["reference"]], "position", pos["anchor"], label)


def _section_key(section: str) -> tuple[int, tuple[int, ...], str]:
    """Sort afsnit before Bilag, then by the dotted number (5.2.3 before 6 before 11)."""
    words = section.replace(",", " ").split()
    kind = 0 if words[0].lower() == "afsnit" else 1 if words[0] == "Bilag" else 2
    number = words[1] if len(words) > 1 else ""
    parts = tuple(int(p) for p in number.split(".") if p.isdigit())
    return kind, parts, section


def catalogue(on: date | None = None) -> dict[str, object]:
    """The rules as data for the docs; texts filled with the values in force on ``on`` (default: first day)."""
    on = on or agreement().first_day
    criteria = []
    for info in all_criteria().values():
        criteria.append(
            {
                "id": info.id,
                "group": info.group,
                "title": render_text(info.title, on),
                "summary": render_text(info.summary, on),
                "scope": render_text(info.scope, on),
                "references": list(info.references),
                "interpretations": [
                    {**render_text(r.text, on), "reference": r.reference}
                    for r in info.interpretations
                ],
                "documents": [
                    {**render_text(d.document.text, on), "reference": d.document.reference}
                    for d in info.documents
                ],
            }
        )
    data: dict[str, object] = {
        "agreement": agreement().to_json(),
        "rendered_for": on.isoformat(),
        "criteria": criteria,
        "parameters": [p.to_json() for p in all_parameters().values()],
        "ambiguities": ambiguities(),
        "glossary": glossary(),
        "skaerpede_age_groups": SKAERPEDE_AGE_GROUPS,
        "parameter_readings": parameter_readings(),
        "known_for_readings": known_for_readings(),
        "wheel_uses": wheel_uses(),
        "wheels": wheels(),
        "placement": placement_rules(),
    }
    data["sections"] = sections(data)
    data["table_of_contents"] = table_of_contents_with_status(data["sections"])  # type: ignore[arg-type]
    return data


# --- Data for the staff reference pages (docs/regler/): wheels, placement, parameters -------------
# Additive: ``catalogue()`` carries these under the keys "wheels", "wheel_uses", "placement",
# "skaerpede_age_groups", "parameter_readings" and "known_for_readings", and ``sections`` also
# indexes the wheels, their positions and the placement rules by the sections they cite.

# The stricter criteria's age groups (Bilag 4, IV.2 nr. 1–4; afsnit 5.2.4 figur 2), as the
# parameters that hold them. S2 covers everyone moving in; a criminal record certificate is needed
# from ``record_from`` years.
SKAERPEDE_AGE_GROUPS: dict[str, dict[str, str]] = {
    "S1": {"from": "skaerpede.employment.age_from", "to": "skaerpede.employment.age_to"},
    "S2": {"record_from": "skaerpede.convictions.record_from_age"},
    "S3": {"from": "skaerpede.education.age_from", "to": "skaerpede.education.age_to"},
    "S4": {"from": "skaerpede.income.age_from", "to": "skaerpede.income.age_to"},
}

# The reading (ambiguities.toml) that says what happens after a value's "known for" period: the
# income amount and the yearly limits of Bilag 17. Keyed by name or name prefix.
KNOWN_FOR_READINGS: dict[str, str] = {
    "skaerpede.income.monthly_amount": "R-01",
    "riskzone.": "R-37",
    "udsat.": "R-37",
    "forebyggelse.": "R-37",
}


def known_for_readings() -> dict[str, str]:
    """For each parameter whose value is known only for a while (``known_for_months``), the
    reading that says what happens after that time (``KNOWN_FOR_READINGS``)."""
    out: dict[str, str] = {}
    for name, p in all_parameters().items():
        if p.known_for_months is None:
            continue
        for key, rid in KNOWN_FOR_READINGS.items():
            if name == key or (key.endswith(".") and name.startswith(key)):
                out[name] = rid
                break
    return out


def parameter_readings() -> dict[str, list[str]]:
    """For each parameter, the ambiguities (R-xx) that bear on it: the one whose ``code`` is the
    parameter's file, and for a value known only for a while, the reading on what happens after."""
    out: dict[str, list[str]] = {}
    for name in all_parameters():
        ids = [
            str(a["id"]) for a in ambiguities() if a["code"] == f"udlejning/parameters/{name}.toml"
        ]
        after = known_for_readings().get(name)
        if after is not None and after not in ids:
            ids.append(after)
        out[name] = ids
    return out


def wheel_uses() -> dict[str, dict[str, str]]:
    """What each use of a wheel position means, in Danish and English (``udlejning.wheels.USES``),
    and what it counts as when the figures add up the shares (``category``)."""
    from udlejning.wheels import CATEGORY, USES

    return {key: {**text.to_json(), "category": CATEGORY[key]} for key, text in USES.items()}


def _period_text(start: date, end: date) -> dict[str, str]:
    from udlejning.texts import day

    last = date.fromordinal(end.toordinal() - 1)
    return {
        "da": f"{day(start, 'da')} – {day(last, 'da')}",
        "en": f"{day(start, 'en')} – {day(last, 'en')}",
    }


def wheels() -> list[dict[str, object]]:
    """Every letting wheel, every period (version) and every position, as JSON-able data.

    Each period is ``tools.wheel.wheel_json`` on the period's first day, plus the period's last
    day, whether a position or an extra may be exempted, and the shares as the listing places them
    (before the figure's extras)."""
    from udlejning.tools.wheel import wheel_json
    from udlejning.wheels import all_wheels, format_share

    out: list[dict[str, object]] = []
    for (stair, trin), w in all_wheels().items():
        versions = []
        for version in w.versions:
            data = wheel_json(stair, trin, version.start)
            for item, position in zip(data["positions"], version.positions, strict=True):
                item["exemptible"] = position.exemptible
                item["anchor"] = f"{w.id}-bolig-{position.n}"
            for item, extra in zip(data["extras"], version.extras, strict=True):
                item["exemptible"] = extra.exemptible
            versions.append(
                {
                    "valid_from": data["valid_from"],
                    "valid_until": data["valid_until"],
                    "last_day": date.fromordinal(version.end.toordinal() - 1).isoformat(),
                    "period": _period_text(version.start, version.end),
                    "positions": data["positions"],
                    "listing_shares": {
                        k: format_share(v) for k, v in version.category_shares(False).items()
                    },
                    "shares": data["shares"],
                    "figure": data["figure"],
                    "figure_reference": data["figure_reference"],
                    "extras": data["extras"],
                }
            )
        out.append(
            {
                "id": w.id,
                "stair": stair,
                "trin": trin,
                "title": w.title.to_json(),
                "reference": w.reference,
                "if_municipal_unused": {
                    "use": w.unused_municipal,
                    "urban_renewal_first": w.unused_municipal_urban_renewal,
                    "reference": w.unused_municipal_reference,
                },
                "versions": versions,
            }
        )
    return out


# The placement rules of afsnit 6 and Bilag 4, III / Bilag 17, each with the anchor it has on the
# placement page (docs/regler/placering.md) and the sections it rests on.
PLACEMENT_RULES: tuple[tuple[str, Text], ...] = (
    (
        "omraadetrappen",
        Text("Områdetrappen: statens udpegning", "Area stair: the state's designation"),
    ),
    (
        "afdelingstrappen",
        Text("Afdelingstrappen: ikke-udpegede områder", "Section stair: areas not designated"),
    ),
    ("mindre-omraader", Text("Mindre boligområder", "Smaller housing areas")),
    (
        "relevante-kriterier",
        Text(
            "Relevante kriterier på områdetrappens trin 1", "Relevant criteria on area stair step 1"
        ),
    ),
    ("nyudpegede", Text("Nyudpegede områder", "Newly designated areas")),
    ("udviklingsplan", Text("Områder med udviklingsplan", "Areas with a development plan")),
    ("noegletal", Text("Nøgletal og statens grænser", "Key figures and the state's limits")),
    ("risikozone", Text("Risikozonen", "The risk zone")),
    (
        "behov",
        Text(
            "Behovet for at styrke beboersammensætningen",
            "The need to strengthen the mix of residents",
        ),
    ),
    ("matrix", Text("Trin på afdelingstrappen (figur 5)", "Steps of the section stair (figure 5)")),
)


def placement_rules() -> dict[str, object]:
    """Afsnit 6, Bilag 4 III and Bilag 17 as data: designations, the risk zone per criterion with
    the parameters that hold its limits, the need levels and the placement matrix (figur 5)."""
    from udlejning.stairs import afsnit6_1_omraadetrappe as omr
    from udlejning.stairs import afsnit6_2_afdelingstrappe as afd
    from udlejning.stairs import bilag17_risk_zone as rz

    refs = {
        "omraadetrappen": "; ".join(dict.fromkeys(omr.REF_TRIN.values())),
        "afdelingstrappen": omr.REF_SECTION_STAIR,
        "mindre-omraader": omr.REF_SMALL,
        "relevante-kriterier": omr.REF_RELEVANT,
        "nyudpegede": "afsnit 6.1.5",
        "udviklingsplan": omr.REF_TRANSITION,
        "noegletal": rz.REF_FIG1,
        "risikozone": rz.REF_ZONE,
        "behov": rz.REF_NEED,
        "matrix": afd.REF_MATRIX,
    }
    bands = [
        {"id": "high", "from": "stairs.allocated_share.high_from", "below": None},
        {
            "id": "middle",
            "from": "stairs.allocated_share.middle_from",
            "below": "stairs.allocated_share.high_from",
        },
        {"id": "low", "from": None, "below": "stairs.allocated_share.middle_from"},
    ]
    needs = ["high", "medium", "low"]
    return {
        "rules": [
            {"id": rid, "title": title.to_json(), "reference": refs[rid]}
            for rid, title in PLACEMENT_RULES
        ],
        "designations": [
            {
                "id": key,
                "text": text.to_json(),
                "trin": omr.TRIN_OF.get(key),
                "reference": omr.REF_TRIN[omr.TRIN_OF[key]] if key in omr.TRIN_OF else None,
            }
            for key, text in omr.DESIGNATIONS.items()
        ],
        "small_area": {
            "min_residents": "omraade.min_residents",
            "residents_over": "omraade.small_area.residents_over",
        },
        "development_plan_last_end": omr.BILAG5_LAST_END.isoformat(),
        "criteria": [
            {
                "id": c,
                "label": rz.CRITERION_TEXT[c].to_json(),
                "comparator": rz.COMPARATOR[c],
                "skaerpet": rz.SKAERPET[c],
                # On area stair step 1 the stricter employment criterion replaces the A criteria;
                # the others are added (afsnit 6.1.2; ``relevant_criteria``).
                "replaces_a": c == "unemployment",
                "state_limit": f"udsat.{c}.threshold",
                "prevention_limit": f"forebyggelse.{c}.threshold",
                "risk_zone": f"riskzone.{c}.threshold",
            }
            for c in rz.CRITERIA
        ],
        "risk_zone_persons": "riskzone.persons",
        "risk_zone_relative_distance": "riskzone.relative_distance",
        "risk_zone_unemployment_points": "riskzone.unemployment_points",
        "need_min_criteria": "stairs.need.min_criteria",
        "need_levels": [{"id": n, "text": rz.NEED_TEXT[n].to_json()} for n in needs],
        "bands": bands,
        "matrix": [
            {
                "band": band["id"],
                "need": need,
                "trin": afd.MATRIX[(str(band["id"]), need)][0],
                "reference": afd.MATRIX[(str(band["id"]), need)][1],
            }
            for band in bands
            for need in needs
        ],
    }
