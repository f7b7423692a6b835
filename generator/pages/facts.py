"""Facts derived from records that several pages and data files show the same way."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date

from generator.catalogue.model import Catalogue, Council, MakerDay, Project, Update
from generator.vocabulary import WANTS_PARTNERS, role_label, slug


@dataclass(frozen=True)
class Involvement:
    council: Council
    role: str  # lead, partner, contributor, observer
    since: date | None = None


def involvement(project: Project, catalogue: Catalogue) -> list[Involvement]:
    """The lead council first, then partners in the order the record gives them."""
    found = [Involvement(catalogue.councils[project.lead_council], "lead", project.started)]
    found += [
        Involvement(catalogue.councils[p.council], p.role, p.since)
        for p in project.partners
        if p.council != project.lead_council
    ]
    return found


def wants_partners(project: Project) -> bool:
    """The lead council welcomes other councils (and the project is not retired)."""
    return project.phase != "retired" and project.collaboration in WANTS_PARTNERS


def offered_for_reuse(project: Project) -> bool:
    """Reusable and still running: a retired service is listed and counted apart."""
    return project.reusable and project.phase != "retired"


def wanted_roles(project: Project) -> list[str]:
    """The roles a project wants, in words, once each: "Other" says nothing, so an `other`
    role is named by its commitment text when it has one."""
    names = [
        r.commitment if r.role == "other" and r.commitment else role_label(r.role)
        for r in project.looking_for
    ]
    return list(dict.fromkeys(names))


def places(council: Council) -> tuple[str, ...]:
    """Tokens for the nation/region filter: `england`, `england/south-east`; a body outside the
    UK by its country (`ireland`)."""
    if not council.in_uk:
        return (slug(council.country),)
    found = [council.nation]
    if council.region:
        found.append(f"{council.nation}/{slug(council.region)}")
    return tuple(found)


def maintainers(project: Project, catalogue: Catalogue) -> tuple[str, ...]:
    """The project's maintainers, then its lead council's, once each."""
    lead = catalogue.councils.get(project.lead_council)
    return tuple(dict.fromkeys([*project.maintainers, *(lead.maintainers if lead else ())]))


@dataclass(frozen=True)
class StandaloneChallenge:
    """A maker-day challenge written out in the maker day, not taken from a project."""

    makerday: MakerDay
    title: str
    problem: str
    council: Council | None


def open_project_challenges(catalogue: Catalogue, stale: Mapping[str, object]) -> list[Project]:
    """Projects offering a challenge that are up to date and not retired, by title."""
    found = [
        p
        for p in catalogue.projects.values()
        if p.challenge and p.id not in stale and p.phase != "retired"
    ]
    return sorted(found, key=lambda p: p.title.lower())


def upcoming_makerdays(catalogue: Catalogue, today: date) -> list[MakerDay]:
    """Soonest first."""
    days = [d for d in catalogue.makerdays.values() if d.is_upcoming(today)]
    return sorted(days, key=lambda d: (d.start_day, d.title))


def past_makerdays(catalogue: Catalogue, today: date) -> list[MakerDay]:
    """Most recent first."""
    days = [d for d in catalogue.makerdays.values() if not d.is_upcoming(today)]
    return sorted(days, key=lambda d: (d.start_day, d.title), reverse=True)


def standalone_challenges(catalogue: Catalogue, today: date) -> list[StandaloneChallenge]:
    """Challenges of upcoming maker days that are not tied to a project."""
    return [
        StandaloneChallenge(day, c.title, c.problem, catalogue.councils.get(c.council or ""))
        for day in upcoming_makerdays(catalogue, today)
        for c in day.challenges
        if not c.project
    ]


@dataclass(frozen=True)
class LatestUpdate:
    project: Project
    update: Update


def latest_updates(catalogue: Catalogue, limit: int) -> list[LatestUpdate]:
    """Progress updates across every project, newest first."""
    found = [LatestUpdate(p, u) for p in catalogue.projects.values() for u in p.updates]
    found.sort(key=lambda x: (x.update.date, x.project.title), reverse=True)
    return found[:limit]
