"""The report's sentences, the same in every format: Markdown, the printed page, the JSON."""

from __future__ import annotations

from generator.portfolio.model import Due, Entry, Portfolio
from generator.savings.wording import (
    council_others_total,
    council_reuse_total,
    days,
    pounds,
)
from generator.vocabulary import long_date


def _count(count: int, one: str, many: str) -> str:
    return f"{count:,} {one if count == 1 else many}"


def _lower_first(text: str) -> str:
    return text[:1].lower() + text[1:]


def title(portfolio: Portfolio) -> str:
    return f"{portfolio.council.name}: portfolio on Pipeline"


def dateline(portfolio: Portfolio) -> str:
    """'Report of 22 November 2026. Changes since 24 August 2026.'"""
    return (
        f"Report of {long_date(portfolio.today)}. "
        f"Changes counted since {long_date(portfolio.since)}."
    )


def signed_up(portfolio: Portfolio) -> str:
    council = portfolio.council
    if council.end_date and council.end_date <= portfolio.today:
        after = ", ".join(c.label for c in portfolio.successors)
        then = f"; its work passed to {after}" if after else ""
        return f"Abolished on {long_date(council.end_date)}{then}."
    if council.joined:
        return f"Signed up to Pipeline on {long_date(council.joined)}."
    return (
        "Not signed up to Pipeline yet: this report is made from the projects other records "
        "name it in."
    )


def totals_lines(portfolio: Portfolio) -> list[str]:
    """The council's figures in plain sentences, first what it does, then what it saved."""
    t, figures = portfolio.totals, portfolio.totals.savings
    lines = [
        f"Leads {_count(t.leads, 'project', 'projects')}, partners in "
        f"{_count(t.partners, 'project', 'projects')} and adopted "
        f"{_count(t.adopted, 'service', 'services')} other councils built.",
        f"Shares {_count(t.shares, 'reusable service', 'reusable services')} it leads or "
        "builds with others.",
        f"{_count(t.changes, 'change', 'changes')} recorded since "
        f"{long_date(portfolio.since)}; {_count(t.overdue, 'item', 'items')} overdue and "
        f"{_count(t.due_soon, 'item', 'items')} due by {long_date(portfolio.due_until)}.",
    ]
    if figures.adopted:
        lines.append(f"Reuse saved it: {_lower_first(council_reuse_total(figures))}")
    else:
        lines.append("Reuse saved it: it has not recorded adopting another council's service.")
    if figures.reused_from_it:
        lines.append(f"Its work saved others: {_lower_first(council_others_total(figures))}")
    else:
        lines.append("Its work saved others: no other council has recorded adopting it yet.")
    pledged = [
        *([f"{days(figures.pledged_days)} of staff time"] if figures.pledged_days else []),
        *([pounds(figures.pledged_money)] if figures.pledged_money else []),
    ]
    if pledged:
        lines.append(
            f"Pledged {' and '.join(pledged)} to projects that are running or being built."
        )
    return lines


def confirmed_text(entry: Entry) -> str:
    """Whether the lead council confirmed the record: a board should know what is sourced."""
    confirmed = entry.project.confirmed
    if confirmed:
        return f"Confirmed by {confirmed.by} on {long_date(confirmed.on)}"
    return "Not confirmed by its council yet: written from public sources"


def due_text(due: Due) -> str:
    """'Review overdue since 3 April 2026', 'Service assessment due 13 January 2027'."""
    if due.day is None:
        return f"{due.what} overdue: never reviewed or updated"
    if due.overdue:
        return f"{due.what} overdue since {long_date(due.day)}"
    return f"{due.what} due {long_date(due.day)}"
