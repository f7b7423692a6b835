"""Where a record's facts come from and how they stand today: its funding as a dated history
of phases, whether its council confirmed it, and councils that were abolished and replaced.

Several pages and data files show these the same way; templates get them worked out.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from generator.catalogue.model import Award, Catalogue, Council, Project
from generator.vocabulary import phase_label


@dataclass(frozen=True)
class Abolition:
    """A council's end: the day, whether it has come, and the councils that took over."""

    council: Council
    on: date
    past: bool
    successors: tuple[Council, ...]


def abolition(council: Council, catalogue: Catalogue, today: date) -> Abolition | None:
    if council.end_date is None:
        return None
    successors = tuple(catalogue.councils[s] for s in council.successors if s in catalogue.councils)
    return Abolition(council, council.end_date, council.end_date <= today, successors)


@dataclass(frozen=True)
class FundingRow:
    """One award as a step in the project's history, in the words the page shows."""

    award: Award
    phase: str  # "Discovery", or "" when the award does not say
    programme: str  # "Local Digital Fund, round 3"
    lead: Council | None  # only when this award's lead differs from the project's


def programme_text(award: Award) -> str:
    """ "Local Digital Fund, round 3"; a round in words is kept as written."""
    if not award.round:
        return award.programme
    round_ = f"round {award.round}" if award.round.isdigit() else award.round
    return f"{award.programme}, {round_}"


def funding_rows(project: Project, catalogue: Catalogue) -> list[FundingRow]:
    """The awards oldest first, as the project's dated history of phases."""
    return [
        FundingRow(
            award,
            phase_label(award.phase) if award.phase else "",
            programme_text(award),
            catalogue.councils.get(award.lead_council)
            if award.lead_council and award.lead_council != project.lead_council
            else None,
        )
        for award in project.funding
    ]


@dataclass(frozen=True)
class FundingTotal:
    known: int | None  # the sum of the amounts given
    given: int  # how many awards give an amount
    awards: int


def funding_total(project: Project) -> FundingTotal:
    given = sum(1 for a in project.funding if a.amount is not None)
    return FundingTotal(project.funded_amount, given, len(project.funding))


def projects_naming(catalogue: Catalogue) -> dict[str, int]:
    """Council id -> how many projects name it anywhere: lead, partner, adopter, pledge or the
    lead of an award. For "named in N projects, not signed up yet"."""
    found: dict[str, set[str]] = {}
    for project in catalogue.projects.values():
        named = [*project.councils, *(p.council for p in project.pledges)]
        named += project.reuse.adopted_by if project.reuse else ()
        named += [a.lead_council for a in project.funding if a.lead_council]
        for council in named:
            found.setdefault(council, set()).add(project.id)
    return {council: len(ids) for council, ids in found.items()}


def place_of(council: Council) -> str:
    """Where a body is, for lists and descriptions: its nation's id, or its country."""
    return council.nation if council.in_uk else council.country
