"""Every dated thing the records say happened, as one list of events, newest first.

Feeds and the weekly digest both read this list, so a partner joining or a pledge is worded
and dated the same way everywhere. An event's `key` names it within its record by what it is
(kind, date, and the council or position among same-day entries counted from the oldest), never
by where it sits in a list, so adding or changing an unrelated entry leaves every key as it was.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from functools import partial

from generator.catalogue.memory import derived
from generator.catalogue.model import (
    Catalogue,
    Council,
    MakerDay,
    Pledge,
    Project,
    Update,
)
from generator.catalogue.written_form import repr_once

# Kinds of event, in the order a day's events are listed.
KINDS = ("joined", "started", "phase", "update", "partner", "pledge", "reviewed", "makerday")


@repr_once
@dataclass(frozen=True)
class Event:
    """One dated happening. `title` and `text` are plain text (escaped by whoever shows them)."""

    day: date
    kind: str  # one of KINDS
    record: str  # project, council or makerday
    record_id: str
    key: str  # unique and stable within the record: "update/2026-08-20/1"
    title: str
    text: str
    councils: tuple[str, ...] = ()  # whose feeds show it
    areas: tuple[str, ...] = ()  # service areas whose feeds show it
    actor: str | None = None  # the council that joined or pledged
    project: Project | None = field(default=None, compare=False, repr=False)
    pledge: Pledge | None = field(default=None, compare=False, repr=False)
    update: Update | None = field(default=None, compare=False, repr=False)

    @property
    def uid(self) -> str:
        """Unique across the site: `project/report-a-missed-bin/update/2026-08-20/1`."""
        return f"{self.record}/{self.record_id}/{self.key}"

    @property
    def order(self) -> tuple[object, ...]:
        """Sorts a list oldest first; reversed, newest first. Ties break the same way each run."""
        return (self.day, -KINDS.index(self.kind), self.record, self.record_id, self.key)


def _label(catalogue: Catalogue, council_id: str) -> str:
    council = catalogue.councils.get(council_id)
    return council.label if council else council_id


def amount_text(kind: str, amount: float) -> str:
    """`£5,000` or `2.5 days` (pledges and targets are money in pounds or time in days)."""
    if kind == "money":
        return f"£{amount:,.0f}"
    text = f"{amount:,.1f}".removesuffix(".0")
    return f"{text} day" if amount == 1 else f"{text} days"


def pledge_amount(pledge: Pledge) -> str:
    """`£5,000`, `10 days`, or the kind of help in words when there is no amount."""
    if pledge.amount is not None and pledge.kind in {"money", "time"}:
        return amount_text(pledge.kind, pledge.amount)
    return f"{pledge.kind} help"


def _numbered(items: list[tuple[str, ...]]) -> list[int]:
    """For items listed newest first: each one's number among equal items, oldest first."""
    seen: Counter[tuple[str, ...]] = Counter()
    numbers = []
    for item in reversed(items):
        seen[item] += 1
        numbers.append(seen[item])
    return numbers[::-1]


def _named_councils(project: Project) -> list[str]:
    """The councils whose names a project's events use."""
    return [project.lead_council, *(p.council for p in project.partners),
            *(p.council for p in project.pledges)]  # fmt: skip


def project_events(project: Project, catalogue: Catalogue) -> list[Event]:
    """What the project's record dates: its start, updates, partners, pledges and review."""
    name = project.title
    lead = _label(catalogue, project.lead_council)

    def event(day: date, kind: str, key: str, title: str, text: str, **more: object) -> Event:
        return Event(
            day, kind, "project", project.id, key, title, text,
            project.councils, project.service_areas, project=project, **more,
        )  # fmt: skip

    found: list[Event] = []
    if project.started:
        found.append(
            event(project.started, "started", "started", f"New project: {name}",
                  f"Led by {lead}. {project.summary}", actor=project.lead_council)
        )  # fmt: skip
    numbers = _numbered([(u.date.isoformat(),) for u in project.updates])
    for update, n in zip(project.updates, numbers, strict=True):
        key = f"update/{update.date.isoformat()}/{n}"
        if update.phase:
            title = f"{name} moved to {update.phase}"
            found.append(event(update.date, "phase", key, title, update.text, update=update))
        else:
            title = f"Progress on {name}"
            found.append(event(update.date, "update", key, title, update.text, update=update))
    for partner in project.partners:
        if partner.since:
            who = _label(catalogue, partner.council)
            found.append(
                event(partner.since, "partner", f"partner/{partner.council}",
                      f"{who} joined {name}", f"{who} joined as a {partner.role}.",
                      actor=partner.council)
            )  # fmt: skip
    found += _pledge_events(project, catalogue, event)
    if project.last_reviewed:
        found.append(
            event(project.last_reviewed, "reviewed", f"reviewed/{project.last_reviewed}",
                  f"{name} was reviewed",
                  f"{lead} checked that the record is still right.")
        )  # fmt: skip
    return found


def _pledge_events(
    project: Project, catalogue: Catalogue, event: Callable[..., Event]
) -> list[Event]:
    dated = [p for p in project.pledges if p.date]
    numbers = _numbered([(p.council, p.kind, str(p.date)) for p in dated])
    found = []
    for pledge, n in zip(dated, numbers, strict=True):
        assert pledge.date is not None
        who = _label(catalogue, pledge.council)
        title = f"{who} pledged {pledge_amount(pledge)} to {project.title}"
        found.append(
            event(
                pledge.date, "pledge", f"pledge/{pledge.council}/{pledge.kind}/{pledge.date}/{n}",
                title, pledge.note or title + ".", actor=pledge.council, pledge=pledge,
            )
        )  # fmt: skip
    return found


def council_event(council: Council) -> Event | None:
    if not council.joined:
        return None
    return Event(
        council.joined, "joined", "council", council.id, "joined",
        f"{council.name} signed up to Pipeline",
        f"{council.name} joined the councils sharing their projects on Pipeline.",
        (council.id,), actor=council.id,
    )  # fmt: skip


def makerday_event(day: MakerDay) -> Event:
    """A maker day, dated by its first day, so it sits in feeds among what happens then."""
    town = day.venue.town if day.venue and day.venue.town else ""
    count = len(day.challenges)
    challenges = f"{count} {'challenge' if count == 1 else 'challenges'} from councils"
    text = f"{challenges}{f', in {town}' if town else ''}."
    return Event(
        day.start_day, "makerday", "makerday", day.id, "makerday", f"Maker day: {day.title}",
        text, day.hosts,
    )  # fmt: skip


def catalogue_events(catalogue: Catalogue) -> list[Event]:
    """Every event of every record, newest first."""
    found: list[Event] = []
    for project in catalogue.projects.values():
        # The same events as last time while the project and its councils' names are unchanged.
        names = tuple(_label(catalogue, c) for c in _named_councils(project))
        found += derived(project, "_events", names, partial(project_events, project, catalogue))
    found += [e for c in catalogue.councils.values() if (e := council_event(c))]
    found += [makerday_event(d) for d in catalogue.makerdays.values()]
    return sorted(found, key=lambda e: e.order, reverse=True)
