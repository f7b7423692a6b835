"""`pipeline savings` as plain text: the totals first, then every figure and the inputs, so a
community manager can paste it into a report or a funding bid and a finance officer can check
each sum."""

from __future__ import annotations

from generator.catalogue.model import Catalogue
from generator.savings.document import NOT_COUNTED
from generator.savings.estimate import FUNDING, Money, Savings
from generator.savings.wording import (
    adoption_sentence,
    councils,
    days,
    money_range,
    pounds,
    unknown_note,
)


def exact(money: Money) -> str:
    """A band's points as given, unrounded: they are the method's inputs."""
    return f"{pounds(money.low)} to {pounds(money.high)}"


def _plural(count: int, noun: str) -> str:
    return f"{count:,} {noun}" if count == 1 else f"{count:,} {noun}s"


def totals_lines(savings: Savings, method_url: str) -> list[str]:
    t = savings.totals
    lines = [
        "What reuse and shared work saved, estimated from the records",
        f"How it is worked out: {method_url}",
        "",
        f"Saved in all: an estimated {money_range(t.saved)}",
        f"  Reuse: {_plural(t.adoptions, 'adoption')} of {_plural(t.services_adopted, 'service')}"
        f": an estimated {money_range(t.avoided)} not spent again.",
        # A line of zeros reads as a finding; say instead that no record gives the input.
        f"  Shared building: {_plural(t.projects_sharing, 'project')} built by two or more "
        f"councils: an estimated {money_range(t.shared)} of their cost carried by partners."
        if t.projects_sharing
        else "  Shared building: not estimated; no record offers co-developing or sharing "
        "funding (collaboration) with a partner building it.",
        f"  Pledged: {days(t.pledged_days)} of time and {pounds(t.pledged_money)}."
        if t.pledged_days or t.pledged_money
        else "  Pledged: no pledges recorded.",
        "  Every figure is an estimate: each adopter counts a budget band's points or, where a "
        "record gives no band, its recorded funding (shown against each service below).",
    ]
    for note in (
        unknown_note(t.adoptions_unknown, "adoption"),
        unknown_note(t.sharing_unknown, "shared project"),
    ):
        if note:
            lines.append(f"  {note}")
    if t.retired:
        lines.append(f"  Retired, so left out of the totals: {', '.join(t.retired)}.")
    return lines


def detail_lines(savings: Savings, catalogue: Catalogue) -> list[str]:
    lines = ["", "Reusable services (adopters counted x the band's points or the recorded funding)"]
    for s in savings.services:
        band = f"{s.budget}: {exact(s.each)} each" if s.each else "budget not known"
        if s.each and s.basis == FUNDING:
            band = f"recorded funding: {pounds(s.each.low)} each"
        lines.append(f"  {s.project} ({band}): {adoption_sentence(s)}")
        for a in s.adopters:
            if a.not_counted:
                lines.append(f"    not counted: {a.council} ({NOT_COUNTED[a.not_counted]})")
    lines += ["", "Shared building (band x (building councils - 1) / building councils)"]
    for c in savings.shared:
        shared = money_range(c.shared) if c.shared else "not known (budget not known)"
        retired = ", retired: not in the totals" if c.retired else ""
        lines.append(
            f"  {c.project} ({c.budget}, {councils(len(c.builders))} building{retired}): {shared}"
        )
    lines += ["", "Pledges (pledged / target)"]
    for p in savings.pledges:
        parts = []
        if p.days or p.target_days is not None:
            target = f" / {days(p.target_days)}" if p.target_days is not None else ""
            parts.append(f"{days(p.days)}{target}")
        if p.money or p.target_money is not None:
            target = f" / {pounds(p.target_money)}" if p.target_money is not None else ""
            parts.append(f"{pounds(p.money)}{target}")
        retired = " (retired: not in the totals)" if p.retired else ""
        lines.append(f"  {p.project}: {'; '.join(parts) or 'no time or money'}{retired}")
    lines += ["", "Band points (pipeline.yml, savings.band_points)"]
    lines += [f"  {band}: {exact(m)}" for band, m in savings.bands.items()]
    return lines


def text_report(savings: Savings, catalogue: Catalogue, method_url: str) -> str:
    return "\n".join([*totals_lines(savings, method_url), *detail_lines(savings, catalogue)])
