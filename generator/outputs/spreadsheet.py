"""`/projects.csv`: one row per project for spreadsheet users.

Cells that a spreadsheet would run as a formula get a leading apostrophe
(`generator.reporting.safe_cell`), the usual defence against CSV formula injection.
"""

from __future__ import annotations

from generator.catalogue.model import Award, Catalogue
from generator.pages import paths
from generator.pages.model import SiteInputs
from generator.pages.provenance import programme_text
from generator.reporting import csv_table
from generator.savings.document import CSV_COLUMNS, csv_rows
from generator.savings.estimate import Money, Savings

COLUMNS = (
    "id", "url", "title", "summary", "phase", "lead_council", "partner_councils",
    "service_areas", "collaboration", "roles_wanted", "reusable", "licence", "repository",
    "started", "last_activity", "last_activity_source", "needs_review", "budget", "adopted_by",
    "adopters_counted",
    "spend_avoided_low", "spend_avoided_high", "cost_shared_low", "cost_shared_high",
    "pledged_days", "pledged_money", "budget_band", "funded_gbp", "funding", "sources",
    "confirmed_by", "confirmed_on",
)  # fmt: skip


def _ends(value: Money | None) -> tuple[object, object]:
    return (value.low, value.high) if value is not None else ("", "")


def _award(award: Award) -> str:
    """ "2019 discovery: Local Digital Fund, round 3, £75,000": one award in a cell."""
    phase = f" {award.phase}" if award.phase else ""
    amount = f", £{award.amount:,}" if award.amount is not None else ""
    return f"{award.year}{phase}: {programme_text(award)}{amount}"


def projects_csv(inputs: SiteInputs) -> bytes:
    rows = []
    savings = inputs.savings
    councils = inputs.catalogue.councils

    def name(council_id: str) -> str:
        # Council names, not ids: the people who open a spreadsheet read names.
        return councils[council_id].name if council_id in councils else council_id

    for p in inputs.catalogue.projects.values():
        service, shared = savings.service(p.id), savings.shared_cost(p.id)
        activity = inputs.activity_of(p)
        rows.append(
            (
                p.id,
                inputs.settings.page_url(paths.project(p.id)),
                p.title,
                p.summary,
                p.phase,
                name(p.lead_council),
                "; ".join(name(x.council) for x in p.partners),
                "; ".join(p.service_areas),
                p.collaboration or "",
                "; ".join(r.role for r in p.looking_for),
                "yes" if p.reusable else "no",
                p.reuse.licence if p.reuse else "",
                p.reuse.repository if p.reuse else "",
                p.started.isoformat() if p.started else "",
                activity.date.isoformat() if activity else "",
                activity.source if activity else "",
                "yes" if p.id in inputs.stale else "no",
                p.budget or "",
                "; ".join(name(c) for c in p.reuse.adopted_by) if p.reuse else "",
                len(service.counted) if service else "",
                *_ends(service.avoided if service else None),
                *_ends(shared.shared if shared else None),
                p.pledged("time") if p.pledges else "",
                p.pledged("money") if p.pledges else "",
                p.budget_band or "",
                p.funded_amount if p.funded_amount is not None else "",
                "; ".join(_award(a) for a in p.funding),
                " ".join(s.url for s in p.sources),
                p.confirmed.by if p.confirmed else "",
                p.confirmed.on.isoformat() if p.confirmed else "",
            )
        )
    return csv_table(COLUMNS, rows)


def savings_csv(savings: Savings, catalogue: Catalogue) -> bytes:
    """`/savings.csv`, the same as `pipeline savings --format csv`: the inputs, every figure
    and the totals, for a finance team to check."""
    return csv_table(CSV_COLUMNS, csv_rows(savings, catalogue))
