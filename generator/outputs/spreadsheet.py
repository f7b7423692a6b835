"""`/projects.csv`: one row per project for spreadsheet users.

Cells that a spreadsheet would run as a formula (starting = + - @, tab or carriage return)
get a leading apostrophe, the usual defence against CSV formula injection.
"""

from __future__ import annotations

import csv
import io

from generator.pages import paths
from generator.pages.model import SiteInputs

COLUMNS = (
    "id", "url", "title", "summary", "phase", "lead_council", "partner_councils",
    "service_areas", "collaboration", "roles_wanted", "reusable", "licence", "repository",
    "started", "last_updated", "needs_review",
)  # fmt: skip
RISKY = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value: object) -> str:
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(RISKY) else text


def projects_csv(inputs: SiteInputs) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(COLUMNS)
    for p in inputs.catalogue.projects.values():
        row = (
            p.id,
            inputs.settings.page_url(paths.project(p.id)),
            p.title,
            p.summary,
            p.phase,
            p.lead_council,
            "; ".join(x.council for x in p.partners),
            "; ".join(p.service_areas),
            p.collaboration or "",
            "; ".join(r.role for r in p.looking_for),
            "yes" if p.reusable else "no",
            p.reuse.licence if p.reuse else "",
            p.reuse.repository if p.reuse else "",
            p.started.isoformat() if p.started else "",
            p.last_updated.isoformat() if p.last_updated else "",
            "yes" if p.id in inputs.stale else "no",
        )
        writer.writerow([safe_cell(v) for v in row])
    # A byte-order mark so Excel opens the file as UTF-8.
    return ("\ufeff" + out.getvalue()).encode("utf-8")
