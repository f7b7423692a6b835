"""The savings as data: one JSON document for `/api/savings.json` and `pipeline savings
--format json`, and the rows of `/savings.csv` and `--format csv`.

Both carry the method's inputs (the band points) and exact whole-pound figures, so a council's
finance team can redo the sums; each estimate also has its rounded `text`, as the site shows it.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any

from generator.catalogue.model import Catalogue
from generator.savings.estimate import Money, Pledged, Savings, ServiceSavings, SharedCost
from generator.savings.wording import adoption_sentence, money_range

VERSION = 1
NOT_COUNTED = {
    "lead": "the lead council built it",
    "builder": "a partner building it",
    "successor": "it took over from a council that built it",
    "repeat": "listed more than once",
}
METHOD = (
    "Each council that adopted a reusable service, other than its lead council, partners "
    "building it, councils that led one of its awards and councils that replaced any of those, "
    "avoided building its own: it counts the low and high points of the service's budget "
    "band, once however often it is listed. A project built by two or more councils that "
    "offers co-develop or "
    "share-funding shares its band: the part carried by partners is band x (builders - 1) / "
    "builders. A record with no budget band that gives the amounts of its funding is priced "
    "at their sum instead (basis 'funding'). Budgets that are not known are counted but not "
    "priced. Retired projects are "
    "shown but left out of every total. Staff time that was not pledged and benefits to "
    "residents are not counted."
)


@dataclass(frozen=True)
class Urls:
    """Absolute addresses of pages, made by the caller's site settings."""

    project: Callable[[str], str]
    council: Callable[[str], str]
    method: str


def _number(value: Decimal | None) -> int | float | None:
    if value is None:
        return None
    return int(value) if value == value.to_integral_value() else float(value)


def money(value: Money | None) -> dict[str, Any] | None:
    if value is None:
        return None
    return {"low": value.low, "high": value.high, "text": money_range(value)}


def _project(project_id: str, catalogue: Catalogue, url: Urls) -> dict[str, Any]:
    """The keys that name a project, first in every project entry of the document."""
    project = catalogue.projects[project_id]
    return {
        "project": project_id,
        "title": project.title,
        "url": url.project(project_id),
        "phase": project.phase,
    }


def _service(s: ServiceSavings, catalogue: Catalogue, url: Urls) -> dict[str, Any]:
    return {
        **_project(s.project, catalogue, url),
        "budget": s.budget,
        "band": money(s.each),
        "basis": s.basis,
        "adopters": [
            {
                "council": a.council,
                "since": a.since.isoformat() if a.since else None,
                "replaced": a.replaced or None,
                "counted": not a.not_counted,
                "not_counted_because": NOT_COUNTED.get(a.not_counted),
            }
            for a in s.adopters
        ],
        "adopters_counted": len(s.counted),
        "spend_avoided": money(s.avoided),
        "in_totals": not s.retired,
        "text": adoption_sentence(s),
    }


def _shared(s: SharedCost, catalogue: Catalogue, url: Urls) -> dict[str, Any]:
    return {
        **_project(s.project, catalogue, url),
        "collaboration": s.collaboration,
        "budget": s.budget,
        "band": money(s.band),
        "basis": s.basis,
        "building_councils": list(s.builders),
        "cost_shared": money(s.shared),
        "in_totals": not s.retired,
    }


def _pledged(p: Pledged, catalogue: Catalogue, url: Urls) -> dict[str, Any]:
    project = catalogue.projects[p.project]
    return {
        "project": p.project,
        "title": project.title,
        "url": url.project(p.project),
        "phase": project.phase,
        "days": _number(p.days),
        "money": _number(p.money),
        "target": {"days": _number(p.target_days), "money": _number(p.target_money)},
        "in_totals": not p.retired,
    }


def _councils(savings: Savings, catalogue: Catalogue, url: Urls) -> list[dict[str, Any]]:
    return [
        {
            "council": c.council,
            "name": catalogue.councils[c.council].name,
            "url": url.council(c.council),
            "adopted": [s.project for s in c.adopted],
            "spend_avoided": money(c.avoided),
            "adopted_unknown_budget": c.adopted_unknown,
            "reused_from_it": [s.project for s in c.reused_from_it],
            "others_spend_avoided": money(c.others_avoided),
            "pledged": {"days": _number(c.pledged_days), "money": _number(c.pledged_money)},
        }
        for c in savings.councils.values()
    ]


def savings_document(
    savings: Savings, catalogue: Catalogue, url: Urls, generated: date
) -> dict[str, Any]:
    """Everything `pipeline savings --format json` prints and `/api/savings.json` holds."""
    t = savings.totals
    return {
        "version": VERSION,
        "generated": generated.isoformat(),
        "method": {
            "url": url.method,
            "summary": METHOD,
            "band_points": {band: money(m) for band, m in savings.bands.items()},
        },
        "totals": {
            "saved": money(t.saved),
            "spend_avoided": money(t.avoided),
            "services_adopted": t.services_adopted,
            "adoptions": t.adoptions,
            "adoptions_unknown_budget": t.adoptions_unknown,
            "cost_shared": money(t.shared),
            "projects_sharing_cost": t.projects_sharing,
            "projects_sharing_cost_unknown_budget": t.sharing_unknown,
            "pledged": {"days": _number(t.pledged_days), "money": _number(t.pledged_money)},
            "retired_left_out": list(t.retired),
        },
        "services": [_service(s, catalogue, url) for s in savings.services],
        "shared_costs": [_shared(s, catalogue, url) for s in savings.shared],
        "pledges": [_pledged(p, catalogue, url) for p in savings.pledges],
        "councils": _councils(savings, catalogue, url),
    }


CSV_COLUMNS = (
    "measure", "project", "title", "phase", "budget", "band_low", "band_high", "councils",
    "counted", "low", "high", "days", "money", "target_days", "target_money", "in_totals", "note",
)  # fmt: skip


def _ends(value: Money | None) -> tuple[object, object]:
    return (value.low, value.high) if value else ("", "")


def csv_rows(savings: Savings, catalogue: Catalogue) -> list[tuple[object, ...]]:
    """One row per band point (the inputs), service, shared project and pledged project, then
    the totals; `measure` says which. Money is whole pounds, time is days."""
    rows: list[tuple[object, ...]] = []
    empty = ("",) * 4
    for band, points in savings.bands.items():
        rows.append(("band", "", "", "", band, *_ends(points), "", "", *empty, "", "", "", ""))
    for s in savings.services:
        title, phase = catalogue.projects[s.project].title, catalogue.projects[s.project].phase
        adopters = "; ".join(a.council for a in s.adopters)
        rows.append(
            ("reuse", s.project, title, phase, s.budget, *_ends(s.each), adopters,
             len(s.counted), *_ends(s.avoided), "", "", "", "", _yes(not s.retired),
             adoption_sentence(s))
        )  # fmt: skip
    for c in savings.shared:
        title, phase = catalogue.projects[c.project].title, catalogue.projects[c.project].phase
        rows.append(
            ("shared-cost", c.project, title, phase, c.budget, *_ends(c.band),
             "; ".join(c.builders), len(c.builders), *_ends(c.shared), "", "", "", "",
             _yes(not c.retired), c.collaboration)
        )  # fmt: skip
    for p in savings.pledges:
        title, phase = catalogue.projects[p.project].title, catalogue.projects[p.project].phase
        rows.append(
            ("pledges", p.project, title, phase, "", "", "", "", "", "", "", _number(p.days),
             _number(p.money), _blank(p.target_days), _blank(p.target_money),
             _yes(not p.retired), "")
        )  # fmt: skip
    t = savings.totals
    rows += [
        ("total-spend-avoided", "", "", "", "", "", "", "", t.adoptions, *_ends(t.avoided),
         "", "", "", "", "", unknown_text(t.adoptions_unknown, "adoption")),
        ("total-cost-shared", "", "", "", "", "", "", "", t.projects_sharing, *_ends(t.shared),
         "", "", "", "", "", unknown_text(t.sharing_unknown, "project")),
        ("total-saved", "", "", "", "", "", "", "", "", *_ends(t.saved), _number(t.pledged_days),
         _number(t.pledged_money), "", "", "", "Retired, left out: " + ", ".join(t.retired)
         if t.retired else ""),
    ]  # fmt: skip
    return rows


def unknown_text(count: int, noun: str) -> str:
    return f"{count} {noun}{'' if count == 1 else 's'} with an unknown budget" if count else ""


def _yes(value: bool) -> str:
    return "yes" if value else "no"


def _blank(value: Decimal | None) -> object:
    return "" if value is None else _number(value)


def to_json(document: dict[str, Any]) -> str:
    """The document as the API publishes it: `<`, `>` and `&` escaped, as in every API file."""
    text = json.dumps(document, indent=2, ensure_ascii=False)
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026") + "\n"
