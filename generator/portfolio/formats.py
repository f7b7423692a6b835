"""The report as Markdown (to paste into board papers), CSV (one row per project, for a
spreadsheet) and JSON (for scripts, and published per council for councils' own websites).
The printed page and the embed are generator.pages.portfolio's. Record text is escaped for
each format: in Markdown it can neither format nor link, in CSV it cannot become a formula.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

from generator.markdown_safe import github_inline
from generator.portfolio import wording
from generator.portfolio.model import Due, Entry, Portfolio
from generator.reporting import csv_table
from generator.savings.estimate import Money
from generator.site_paths import COUNCILS, PROJECTS
from generator.vocabulary import long_date

FORMATS = ("markdown", "html", "csv", "json")
JSON_VERSION = 1
# Turns a site path (`projects/x/`) into the address the report links to.
Linker = Callable[[str], str]


def project_path(project_id: str) -> str:
    return f"{PROJECTS}{project_id}/"


def council_path(council_id: str) -> str:
    return f"{COUNCILS}{council_id}/"


def markdown(portfolio: Portfolio, link: Linker) -> str:
    council = portfolio.council
    out = [
        f"# {github_inline(wording.title(portfolio))}",
        "",
        f"{wording.dateline(portfolio)} {wording.signed_up(portfolio)}",
        f"On Pipeline: {link(council_path(council.id))}",
        "",
        "## In numbers",
        "",
        *(f"- {line}" for line in wording.totals_lines(portfolio)),
        "",
        "## What is due",
        "",
    ]
    if portfolio.due:
        out += ["| Project | What is due |", "| --- | --- |"]
        for item in portfolio.due:
            out.append(f"| {_project_link(item.entry, link)} | {wording.due_text(item.due)} |")
    else:
        out.append(f"Nothing is overdue or due by {long_date(portfolio.due_until)}.")
    for section in portfolio.sections:
        out += ["", f"## {section.title}", ""]
        if not section.groups:
            out.append("None recorded.")
        for group in section.groups:
            out += [f"### {group.label}", ""]
            for entry in group.entries:
                out += _entry_markdown(entry, portfolio, link)
    text = "\n".join(out).rstrip() + "\n"
    while "\n\n\n" in text:
        text = text.replace("\n\n\n", "\n\n")
    return text


def _project_link(entry: Entry, link: Linker) -> str:
    return f"[{github_inline(entry.project.title)}]({link(project_path(entry.project.id))})"


def _entry_markdown(entry: Entry, portfolio: Portfolio, link: Linker) -> list[str]:
    p = entry.project
    out = [f"#### {_project_link(entry, link)}", "", github_inline(p.summary), ""]
    out.append(f"- Role: {entry.role_text}")
    if entry.works_with:
        names = ", ".join(github_inline(c.label) for c in entry.works_with)
        out.append(f"- Works with: {names}")
    if entry.latest:
        out.append(
            f"- Latest update, {long_date(entry.latest.date)}: {github_inline(entry.latest.text)}"
        )
    else:
        out.append("- Latest update: none recorded")
    if entry.changes:
        out.append(f"- Changes since {long_date(portfolio.since)}:")
        out += [f"  - {long_date(c.day)}: {github_inline(c.text)}" for c in entry.changes]
    else:
        out.append(f"- Changes since {long_date(portfolio.since)}: none recorded")
    if entry.due:
        out.append(f"- Due: {'; '.join(wording.due_text(d) for d in entry.due)}")
    out.append(f"- Record: {github_inline(wording.confirmed_text(entry))}")
    return [*out, ""]


CSV_COLUMNS = (
    "section", "phase", "id", "title", "url", "role", "lead_council", "works_with",
    "latest_update_date", "latest_update", "last_activity", "last_activity_source",
    "changes_since", "changes", "review_due", "assessment_due", "overdue", "confirmed_on",
)  # fmt: skip


def csv_rows(portfolio: Portfolio, link: Linker) -> list[tuple[object, ...]]:
    """One row per project, grouped as the report is: section, then phase."""
    rows = []
    for section in portfolio.sections:
        for entry in section.entries:
            p, latest, active = entry.project, entry.latest, entry.activity
            due = {d.what: d for d in entry.due}
            review, assessment = due.get("Review"), due.get("Service assessment")
            rows.append((
                section.key, p.phase, p.id, p.title, link(project_path(p.id)), entry.role,
                p.lead_council, " ".join(c.id for c in entry.works_with),
                latest.date.isoformat() if latest else "", latest.text if latest else "",
                active.date.isoformat() if active else "", active.source if active else "",
                portfolio.since.isoformat(),
                "\n".join(f"{c.day.isoformat()}: {c.text}" for c in entry.changes),
                _day(review), _day(assessment),
                "; ".join(d.what for d in entry.due if d.overdue),
                p.confirmed.on.isoformat() if p.confirmed else "",
            ))  # fmt: skip
    return rows


def csv_bytes(portfolio: Portfolio, link: Linker) -> bytes:
    """The rows as a CSV file for spreadsheets, safe from formulas."""
    return csv_table(CSV_COLUMNS, csv_rows(portfolio, link))


def _day(due: Any) -> str:
    if due is None:
        return ""
    return due.day.isoformat() if due.day else "now"


def _money(value: Money) -> dict[str, int]:
    return {"low": value.low, "high": value.high}


def document(portfolio: Portfolio, link: Linker) -> dict[str, Any]:
    """The report as JSON data: the same facts as the other formats, with stable keys."""
    council, t = portfolio.council, portfolio.totals
    figures = t.savings
    return {
        "version": JSON_VERSION,
        "generated": portfolio.today.isoformat(),
        "since": portfolio.since.isoformat(),
        "council": {
            "id": council.id,
            "name": council.name,
            "url": link(council_path(council.id)),
            "joined": council.joined.isoformat() if council.joined else None,
            "end_date": council.end_date.isoformat() if council.end_date else None,
            "successors": [c.id for c in portfolio.successors],
        },
        "totals": {
            "leads": t.leads,
            "partners": t.partners,
            "adopted": t.adopted,
            "shares": t.shares,
            "changes": t.changes,
            "overdue": t.overdue,
            "due_soon": t.due_soon,
            "reuse_saved_it": _money(figures.avoided),
            "reuse_saved_it_unknown_budgets": figures.adopted_unknown,
            "reuse_saved_others": _money(figures.others_avoided),
            "pledged_days": float(figures.pledged_days),
            "pledged_money": float(figures.pledged_money),
            "text": wording.totals_lines(portfolio),
        },
        "due": [{"project": i.entry.project.id, **_due_data(i.due)} for i in portfolio.due],
        "projects": [
            _entry_data(entry, section.key, link)
            for section in portfolio.sections
            for entry in section.entries
        ],
    }


def _entry_data(entry: Entry, section: str, link: Linker) -> dict[str, Any]:
    p, latest, active = entry.project, entry.latest, entry.activity
    return {
        "id": p.id,
        "title": p.title,
        "summary": p.summary,
        "url": link(project_path(p.id)),
        "section": section,
        "role": entry.role,
        "phase": p.phase,
        "lead_council": p.lead_council,
        "works_with": [c.id for c in entry.works_with],
        "latest_update": {"date": latest.date.isoformat(), "text": latest.text} if latest else None,
        "last_activity": {"date": active.date.isoformat(), "source": active.source}
        if active
        else None,
        "changes": [{"date": c.day.isoformat(), "text": c.text} for c in entry.changes],
        "due": [_due_data(d) for d in entry.due],
        "confirmed": {"by": p.confirmed.by, "on": p.confirmed.on.isoformat()}
        if p.confirmed
        else None,
    }


def _due_data(due: Due) -> dict[str, Any]:
    return {"what": due.what, "day": due.day.isoformat() if due.day else None,
            "overdue": due.overdue}  # fmt: skip


def json_bytes(portfolio: Portfolio, link: Linker) -> bytes:
    # Compact: written for every council on every build, and json's fast encoder needs no indent.
    text = json.dumps(document(portfolio, link), ensure_ascii=False, allow_nan=False)
    # `<`, `>` and `&` as JSON escapes, as in /api/: safe even inside an HTML page.
    text = text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    return (text + "\n").encode("utf-8")
