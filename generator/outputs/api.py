"""`/api/*.json`: every record with stable keys and absolute page URLs.

Each item has `id`, `url`, `source_url`, then every property of its schema in schema order
(null or [] when the record leaves it out), so consumers can rely on the keys being there.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from functools import partial
from typing import Any

from generator.catalogue.memory import derived
from generator.catalogue.model import Council, MakerDay, Project
from generator.pages import paths
from generator.pages.model import SiteInputs, SiteSettings
from generator.pages.provenance import projects_naming
from generator.pages.render_memory import remembered
from generator.savings.document import Urls, money, savings_document, to_json
from generator.savings.wording import adoption_sentence

VERSION = 1

PROJECT_KEYS = (
    "title", "summary", "description", "phase", "lead_council", "partners", "collaboration",
    "looking_for", "pledges", "target", "budget", "service_areas", "tags", "reusable", "reuse",
    "service_url", "links", "sources", "funding", "contact", "maintainers", "started",
    "next_assessment", "updates", "last_reviewed", "confirmed", "challenge",
)  # fmt: skip
COUNCIL_KEYS = (
    "name", "short_name", "gss_code", "register_code", "type", "nation", "country", "region",
    "website", "joined", "end_date", "successors", "links", "maintainers",
)  # fmt: skip
MAKERDAY_KEYS = (
    "title", "description", "start", "end", "venue", "hosts", "registration", "sponsors",
    "challenges", "outputs",
)  # fmt: skip
LIST_KEYS = {
    "partners", "looking_for", "pledges", "service_areas", "tags", "links", "maintainers",
    "updates", "hosts", "sponsors", "challenges", "outputs", "sources", "funding", "successors",
}  # fmt: skip
PROJECT_EXTRA = (
    "councils", "needs_review", "last_updated", "last_activity", "last_activity_source",
    "adoptions", "savings", "budget_band", "funded_gbp", "waiting_for_council",
)  # fmt: skip
COUNCIL_EXTRA = ("signed_up", "abolished", "named_in_projects")
SAVINGS_PAGE = "about/savings/"


def _fields(raw: Mapping[str, Any], keys: Iterable[str]) -> dict[str, Any]:
    out = {k: raw.get(k, [] if k in LIST_KEYS else None) for k in keys}
    if "reusable" in out:
        out["reusable"] = bool(out["reusable"])
    return out


def _dump(inputs: SiteInputs, name: str, items: list[dict[str, Any]]) -> bytes:
    # Each item is dumped on its own (and remembered by `mkdocs serve`, which re-dumps only
    # changed records).
    parts = [
        remembered("api item", "", {"item": item}, partial(_item_json, item)) for item in items
    ]
    return _document(inputs, name, parts)


def _document(inputs: SiteInputs, name: str, parts: list[str]) -> bytes:
    """The document of items dumped already (`_item_json`): the same text as dumping the whole
    document with its items."""
    document = {"version": VERSION, "generated": inputs.today.isoformat(), "count": len(parts),
                name: []}  # fmt: skip
    text = _json(document)
    if parts:
        text = text.removesuffix("[]\n}") + "[\n" + ",\n".join(parts) + "\n  ]\n}"
    # `<`, `>` and `&` as JSON escapes: the same strings for every consumer, and safe even if
    # someone embeds the file in an HTML page.
    text = text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    return (text + "\n").encode("utf-8")


def _json(value: Any) -> str:
    # allow_nan=False: a guard; the checks refuse non-finite numbers, and strict JSON has none.
    return json.dumps(value, indent=2, ensure_ascii=False, default=str, allow_nan=False)


def _item_json(item: dict[str, Any]) -> str:
    """An item as it reads inside the document's list: two levels in."""
    return "    " + _json(item).replace("\n", "\n    ")


def _head(inputs: SiteInputs, record: Project | Council | MakerDay, site_path: str) -> dict:
    return {
        "id": record.id,
        "url": inputs.settings.page_url(site_path),
        "source_url": f"{inputs.settings.repo_url}/blob/{inputs.settings.branch}/{record.path}",
    }


def project_item(inputs: SiteInputs, p: Project) -> dict[str, Any]:
    last = p.last_updated
    activity = inputs.activity_of(p)
    fields = _fields(p.raw, PROJECT_KEYS)
    if p.reuse:
        # adopted_by stays a list of council ids, as it always was; `adoptions` has the detail.
        fields["reuse"] = {**fields["reuse"], "adopted_by": list(p.reuse.adopted_by)}
    return {
        **_head(inputs, p, paths.project(p.id)),
        **fields,
        "councils": list(p.councils),
        "needs_review": p.id in inputs.stale,
        "last_updated": last.isoformat() if last else None,
        "last_activity": activity.date.isoformat() if activity else None,
        "last_activity_source": activity.source if activity else None,
        "adoptions": [
            {"council": a.council, "since": a.since, "replaced": a.replaced or None}
            for a in (p.reuse.adoptions if p.reuse else ())
        ],
        "savings": _project_savings(inputs, p),
        "budget_band": p.budget_band,
        "funded_gbp": p.funded_amount,
        "waiting_for_council": p.waiting_for_council,
    }


def _project_savings(inputs: SiteInputs, p: Project) -> dict[str, Any]:
    """The project's own figures; `/api/savings.json` has them all, with the method."""
    service = inputs.savings.service(p.id)
    shared = inputs.savings.shared_cost(p.id)
    return {
        "adopters_counted": len(service.counted) if service else 0,
        "spend_avoided": money(service.avoided) if service else None,
        "adoption_text": adoption_sentence(service) if service else None,
        "cost_shared": money(shared.shared) if shared else None,
        "method_url": inputs.settings.page_url(SAVINGS_PAGE),
    }


def savings_urls(settings: SiteSettings) -> Urls:
    return Urls(
        project=lambda pid: settings.page_url(paths.project(pid)),
        council=lambda cid: settings.page_url(paths.council(cid)),
        method=settings.page_url(SAVINGS_PAGE),
    )


def savings_json(inputs: SiteInputs) -> bytes:
    """`/api/savings.json`: the same document as `pipeline savings --format json`."""
    document = savings_document(
        inputs.savings, inputs.catalogue, savings_urls(inputs.settings), inputs.today
    )
    return to_json(document).encode("utf-8")


def projects_json(inputs: SiteInputs) -> bytes:
    parts = []
    for p in inputs.catalogue.projects.values():
        # The same item while the project and what the site works out about it are unchanged
        # (written out: a Decimal 1 equals 1.0, but is not dumped the same).
        savings = (inputs.savings.service(p.id), inputs.savings.shared_cost(p.id))
        depends = repr((inputs.settings, p.id in inputs.stale, inputs.activity_of(p), savings))
        parts.append(
            derived(p, "_api_item", depends, lambda p=p: _item_json(project_item(inputs, p)))
        )
    return _document(inputs, "projects", parts)


def councils_json(inputs: SiteInputs) -> bytes:
    named = projects_naming(inputs.catalogue)
    items = [
        {
            **_head(inputs, c, paths.council(c.id)),
            **_fields(c.raw, COUNCIL_KEYS),
            "signed_up": c.signed_up,
            "abolished": c.abolished_by(inputs.today),
            "named_in_projects": named.get(c.id, 0),
        }
        for c in inputs.catalogue.councils.values()
    ]
    return _dump(inputs, "councils", items)


def makerdays_json(inputs: SiteInputs) -> bytes:
    items = [
        {**_head(inputs, d, paths.makerday(d.id)), **_fields(d.raw, MAKERDAY_KEYS)}
        for d in inputs.catalogue.makerdays.values()
    ]
    return _dump(inputs, "makerdays", items)
