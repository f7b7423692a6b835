"""What a digest is made of: sections of items, and headline figures.

Items are sentences made of plain text, links to pages (`Ref`) and dates, which each format
(Markdown, JSON, HTML) writes its own way and escapes as it needs.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from generator.catalogue.model import Catalogue, Project
from generator.catalogue.written_form import repr_once


@dataclass(frozen=True)
class Ref:
    """A link to a page of the site: its text and its site path (`projects/x/`)."""

    text: str
    path: str


Part = str | Ref | date


@dataclass(frozen=True)
class Item:
    parts: tuple[Part, ...]
    quote: str = ""  # record text shown as a quotation: an update, a summary, a pledge's note


@repr_once
@dataclass(frozen=True)
class Section:
    id: str
    heading: str
    items: tuple[Item, ...] = ()
    note: tuple[Part, ...] = ()  # a closing sentence: totals, where to find more


@dataclass(frozen=True)
class Figure:
    id: str
    count: int
    one: str  # "new project"
    many: str  # "new projects"

    @property
    def text(self) -> str:
        return f"{self.count} {self.one if self.count == 1 else self.many}"


@repr_once
@dataclass(frozen=True)
class Digest:
    since: date
    until: date
    figures: tuple[Figure, ...]
    sections: tuple[Section, ...]

    @property
    def quiet(self) -> bool:
        return not any(f.count for f in self.figures)

    @property
    def active(self) -> bool:
        """Someone did something: more than projects going quiet."""
        return any(f.count for f in self.figures if f.id != "due")

    @property
    def key(self) -> str:
        """The week's name in ids and addresses: `2026-11-16`, the day it starts."""
        return self.since.isoformat()


def last_full_week(today: date) -> tuple[date, date]:
    """Monday to Sunday of the last week that has ended before `today`."""
    sunday = today - timedelta(days=today.isoweekday())
    return sunday - timedelta(days=6), sunday


def week_of(day: date) -> tuple[date, date]:
    """Monday to Sunday of the week `day` is in."""
    monday = day - timedelta(days=day.weekday())
    return monday, monday + timedelta(days=6)


def project_ref(project: Project) -> Ref:
    return Ref(project.title, f"projects/{project.id}/")


def council_ref(catalogue: Catalogue, council_id: str) -> Ref | str:
    council = catalogue.councils.get(council_id)
    return Ref(council.label, f"councils/{council.id}/") if council else council_id
