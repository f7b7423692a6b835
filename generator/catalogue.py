"""The typed model of a checked repository: what pages, reports and commands work from.

Built only from records that passed the checks, so fields can be trusted to have their types.
Every record keeps `path` (its file, for edit links and messages) and `raw` (the record as
written, for the JSON API).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, datetime
from functools import cached_property
from pathlib import Path
from typing import Any

import yaml

from generator.loading.files import LoadedRecord

PHASES = ("idea", "discovery", "alpha", "beta", "live", "retired")


@dataclass(frozen=True)
class Link:
    title: str
    url: str


@dataclass(frozen=True)
class Partner:
    council: str
    role: str
    since: date | None = None


@dataclass(frozen=True)
class RoleWanted:
    role: str
    commitment: str = ""


@dataclass(frozen=True)
class Pledge:
    council: str
    kind: str
    amount: float | None = None
    note: str = ""
    date: date | None = None


@dataclass(frozen=True)
class Update:
    date: date
    text: str
    phase: str | None = None


@dataclass(frozen=True)
class Reuse:
    licence: str = ""
    repository: str = ""
    documentation: str = ""
    adopted_by: tuple[str, ...] = ()


@dataclass(frozen=True)
class Contact:
    name: str = ""
    role: str = ""
    email: str = ""
    github: str = ""


@dataclass(frozen=True)
class Challenge:
    problem: str
    help_wanted: str = ""


@dataclass(frozen=True)
class Target:
    money: float | None = None
    time: float | None = None


@dataclass(frozen=True)
class Project:
    id: str
    path: str
    title: str
    summary: str
    phase: str
    lead_council: str
    description: str = ""
    partners: tuple[Partner, ...] = ()
    collaboration: str | None = None
    looking_for: tuple[RoleWanted, ...] = ()
    pledges: tuple[Pledge, ...] = ()
    target: Target | None = None
    budget: str | None = None
    service_areas: tuple[str, ...] = ()
    tags: tuple[str, ...] = ()
    reusable: bool = False
    reuse: Reuse | None = None
    links: tuple[Link, ...] = ()
    service_url: str = ""
    contact: Contact | None = None
    maintainers: tuple[str, ...] = ()
    started: date | None = None
    next_assessment: date | None = None
    updates: tuple[Update, ...] = ()  # newest first
    last_reviewed: date | None = None
    challenge: Challenge | None = None
    raw: dict[str, Any] = field(default_factory=dict, repr=False, compare=False)

    @cached_property
    def councils(self) -> tuple[str, ...]:
        """The lead council, then every partner council, once each (worked out once: every
        list and index of the site asks)."""
        ids = [self.lead_council, *(p.council for p in self.partners)]
        return tuple(dict.fromkeys(ids))

    @property
    def last_updated(self) -> date | None:
        """The newest date the record itself gives for activity."""
        dates = [
            d for d in (self.last_reviewed, self.updates[0].date if self.updates else None) if d
        ]
        return max(dates) if dates else None

    def pledged(self, kind: str) -> float:
        return sum(p.amount or 0 for p in self.pledges if p.kind == kind)


@dataclass(frozen=True)
class Council:
    id: str
    path: str
    name: str
    type: str
    nation: str
    short_name: str = ""
    gss_code: str = ""
    register_code: str = ""
    region: str = ""
    website: str = ""
    joined: date | None = None
    links: tuple[Link, ...] = ()
    maintainers: tuple[str, ...] = ()
    raw: dict[str, Any] = field(default_factory=dict, repr=False, compare=False)

    @property
    def label(self) -> str:
        return self.short_name or self.name


@dataclass(frozen=True)
class Venue:
    name: str = ""
    town: str = ""
    postcode: str = ""
    online: bool = False


@dataclass(frozen=True)
class Sponsor:
    name: str
    url: str = ""
    tier: str = "supporter"


@dataclass(frozen=True)
class MakerDayChallenge:
    """Either sourced from a project (`project` set) or written out (`title`, `problem`)."""

    project: str | None = None
    title: str = ""
    problem: str = ""
    council: str | None = None


@dataclass(frozen=True)
class Output:
    title: str
    kind: str
    url: str = ""
    challenge: str = ""


@dataclass(frozen=True)
class MakerDay:
    id: str
    path: str
    title: str
    start: date | datetime
    end: date | datetime | None = None
    venue: Venue | None = None
    hosts: tuple[str, ...] = ()
    registration: str = ""
    sponsors: tuple[Sponsor, ...] = ()
    challenges: tuple[MakerDayChallenge, ...] = ()
    outputs: tuple[Output, ...] = ()
    raw: dict[str, Any] = field(default_factory=dict, repr=False, compare=False)

    @property
    def start_day(self) -> date:
        return self.start.date() if isinstance(self.start, datetime) else self.start

    @property
    def end_day(self) -> date:
        end = self.end or self.start
        return end.date() if isinstance(end, datetime) else end

    def is_upcoming(self, today: date) -> bool:
        return self.end_day >= today


@dataclass(frozen=True)
class ServiceArea:
    id: str
    name: str
    description: str = ""


@dataclass
class Catalogue:
    """All records, by id, plus the service-area vocabulary."""

    projects: dict[str, Project]
    councils: dict[str, Council]
    makerdays: dict[str, MakerDay]
    service_areas: dict[str, ServiceArea]

    @cached_property
    def projects_by_council(self) -> dict[str, list[Project]]:
        """Council id -> projects it leads or partners in, in id order."""
        found: dict[str, list[Project]] = defaultdict(list)
        for project in self.projects.values():
            for council in project.councils:
                found[council].append(project)
        return dict(found)

    @cached_property
    def makerdays_by_project(self) -> dict[str, list[MakerDay]]:
        found: dict[str, list[MakerDay]] = defaultdict(list)
        for makerday in self.makerdays.values():
            for challenge in makerday.challenges:
                if challenge.project:
                    found[challenge.project].append(makerday)
        return dict(found)


def _day(value: Any) -> date | None:
    return date.fromisoformat(value) if isinstance(value, str) and len(value) == 10 else None


def _moment(value: Any) -> date | datetime | None:
    if not isinstance(value, str):
        return None
    return date.fromisoformat(value) if len(value) == 10 else datetime.fromisoformat(value)


def _links(items: Any) -> tuple[Link, ...]:
    return tuple(Link(i["title"], i["url"]) for i in items or ())


def project_from(record: LoadedRecord) -> Project:
    d = record.data
    reuse = d.get("reuse")
    contact = d.get("contact")
    challenge = d.get("challenge")
    target = d.get("target")
    updates = sorted(
        (Update(_day(u["date"]), u["text"], u.get("phase")) for u in d.get("updates") or ()),
        key=lambda u: u.date,
        reverse=True,
    )
    return Project(
        id=record.id,
        path=record.path,
        title=d["title"],
        summary=d["summary"],
        phase=d["phase"],
        lead_council=d["lead_council"],
        description=d.get("description") or "",
        partners=tuple(
            Partner(p["council"], p["role"], _day(p.get("since"))) for p in d.get("partners") or ()
        ),
        collaboration=d.get("collaboration"),
        looking_for=tuple(
            RoleWanted(r["role"], r.get("commitment") or "") for r in d.get("looking_for") or ()
        ),
        pledges=tuple(
            Pledge(
                p["council"], p["kind"], p.get("amount"), p.get("note") or "", _day(p.get("date"))
            )
            for p in d.get("pledges") or ()
        ),
        target=Target(target.get("money"), target.get("time")) if target else None,
        budget=d.get("budget"),
        service_url=d.get("service_url") or "",
        service_areas=tuple(d.get("service_areas") or ()),
        tags=tuple(d.get("tags") or ()),
        reusable=bool(d.get("reusable")),
        reuse=Reuse(
            reuse.get("licence") or "",
            reuse.get("repository") or "",
            reuse.get("documentation") or "",
            tuple(reuse.get("adopted_by") or ()),
        )
        if reuse
        else None,
        links=_links(d.get("links")),
        contact=Contact(**{k: contact.get(k) or "" for k in ("name", "role", "email", "github")})
        if contact
        else None,
        maintainers=tuple(d.get("maintainers") or ()),
        started=_day(d.get("started")),
        next_assessment=_day(d.get("next_assessment")),
        updates=tuple(updates),
        last_reviewed=_day(d.get("last_reviewed")),
        challenge=Challenge(challenge["problem"], challenge.get("help_wanted") or "")
        if challenge
        else None,
        raw=d,
    )


def council_from(record: LoadedRecord) -> Council:
    d = record.data
    return Council(
        id=record.id,
        path=record.path,
        name=d["name"],
        type=d["type"],
        nation=d["nation"],
        short_name=d.get("short_name") or "",
        gss_code=d.get("gss_code") or "",
        register_code=d.get("register_code") or "",
        region=d.get("region") or "",
        website=d.get("website") or "",
        joined=_day(d.get("joined")),
        links=_links(d.get("links")),
        maintainers=tuple(d.get("maintainers") or ()),
        raw=d,
    )


def makerday_from(record: LoadedRecord) -> MakerDay:
    d = record.data
    venue = d.get("venue")
    return MakerDay(
        id=record.id,
        path=record.path,
        title=d["title"],
        start=_moment(d["start"]),
        end=_moment(d.get("end")),
        venue=Venue(
            venue.get("name") or "",
            venue.get("town") or "",
            venue.get("postcode") or "",
            bool(venue.get("online")),
        )
        if venue
        else None,
        hosts=tuple(d.get("hosts") or ()),
        registration=d.get("registration") or "",
        sponsors=tuple(
            Sponsor(s["name"], s.get("url") or "", s.get("tier") or "supporter")
            for s in d.get("sponsors") or ()
        ),
        challenges=tuple(
            MakerDayChallenge(
                c.get("project"), c.get("title") or "", c.get("problem") or "", c.get("council")
            )
            for c in d.get("challenges") or ()
        ),
        outputs=tuple(
            Output(o["title"], o["kind"], o.get("url") or "", o.get("challenge") or "")
            for o in d.get("outputs") or ()
        ),
        raw=d,
    )


def load_service_areas(root: Path) -> dict[str, ServiceArea]:
    path = root / "schema" / "service-areas.yml"
    items = yaml.safe_load(path.read_text(encoding="utf-8")) or []
    return {i["id"]: ServiceArea(i["id"], i["name"], i.get("description", "")) for i in items}


def build_catalogue(records: list[LoadedRecord], root: Path) -> Catalogue:
    """The model of records that passed every check."""
    by_kind: dict[str, list[LoadedRecord]] = defaultdict(list)
    for record in records:
        by_kind[record.kind].append(record)
    return Catalogue(
        projects={r.id: project_from(r) for r in sorted(by_kind["project"], key=lambda r: r.id)},
        councils={r.id: council_from(r) for r in sorted(by_kind["council"], key=lambda r: r.id)},
        makerdays={r.id: makerday_from(r) for r in sorted(by_kind["makerday"], key=lambda r: r.id)},
        service_areas=load_service_areas(root),
    )
