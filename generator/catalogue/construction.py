"""Building the catalogue model from records that passed every check."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path
from typing import Any, TypeVar

import yaml

from generator.catalogue.memory import ModelMemory
from generator.catalogue.model import (
    Adoption,
    Award,
    Catalogue,
    Challenge,
    Confirmation,
    Contact,
    Council,
    Link,
    MakerDay,
    MakerDayChallenge,
    Output,
    Partner,
    Pledge,
    Project,
    Reuse,
    RoleWanted,
    ServiceArea,
    Source,
    Sponsor,
    Target,
    Update,
    Venue,
)
from generator.loading.files import LoadedRecord
from generator.vocabulary import PHASES

T = TypeVar("T")


def _day(value: Any) -> date | None:
    return date.fromisoformat(value) if isinstance(value, str) and len(value) == 10 else None


def _moment(value: Any) -> date | datetime | None:
    if not isinstance(value, str):
        return None
    return date.fromisoformat(value) if len(value) == 10 else datetime.fromisoformat(value)


def _links(items: Any) -> tuple[Link, ...]:
    return tuple(Link(i["title"], i["url"]) for i in items or ())


def _adoptions(reuse: dict[str, Any]) -> tuple[Adoption, ...]:
    """`adopted_by` items are a council id or `{council, since, replaced}`."""
    return tuple(
        Adoption(a, None, "")
        if isinstance(a, str)
        else Adoption(
            a["council"], _day(a.get("since")), a.get("replaced") or "", a.get("service_url") or ""
        )
        for a in reuse.get("adopted_by") or ()
    )


def _funding(items: Any) -> tuple[Award, ...]:
    """Awards oldest first; in one year, in the order of the phases they paid for."""
    awards = [
        Award(
            funder=a["funder"],
            programme=a["programme"],
            year=a["year"],
            source=a["source"],
            round=a.get("round") or "",
            phase=a.get("phase"),
            amount=a.get("amount_gbp"),
            lead_council=a.get("lead_council"),
            note=a.get("note") or "",
        )
        for a in items or ()
    ]
    order = {phase: n for n, phase in enumerate(PHASES)}
    return tuple(sorted(awards, key=lambda a: (a.year, order.get(a.phase or "", -1))))


def _confirmation(value: Any) -> Confirmation | None:
    on = _day(value.get("on")) if isinstance(value, dict) else None
    return Confirmation(value["by"], on) if on else None


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
            Partner(p["council"], p["role"], _day(p.get("since")), p.get("service_url") or "")
            for p in d.get("partners") or ()
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
            tuple(a.council for a in _adoptions(reuse)),
            _adoptions(reuse),
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
        sources=tuple(
            Source(s["url"], s["title"], _day(s["read"])) for s in d.get("sources") or ()
        ),
        funding=_funding(d.get("funding")),
        confirmed=_confirmation(d.get("confirmed")),
        raw=d,
    )


def council_from(record: LoadedRecord) -> Council:
    d = record.data
    return Council(
        id=record.id,
        path=record.path,
        name=d["name"],
        type=d["type"],
        nation=d.get("nation") or "",
        short_name=d.get("short_name") or "",
        gss_code=d.get("gss_code") or "",
        register_code=d.get("register_code") or "",
        region=d.get("region") or "",
        website=d.get("website") or "",
        joined=_day(d.get("joined")),
        links=_links(d.get("links")),
        maintainers=tuple(d.get("maintainers") or ()),
        country="" if d.get("country") == "United Kingdom" else d.get("country") or "",
        end_date=_day(d.get("end_date")),
        successors=tuple(d.get("successors") or ()),
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


def build_catalogue(
    records: list[LoadedRecord], root: Path, memory: ModelMemory | None = None
) -> Catalogue:
    """The model of records that passed every check; `memory` (kept by `mkdocs serve`) gives
    an unchanged record the model it had last time."""
    by_kind: dict[str, list[LoadedRecord]] = defaultdict(list)
    for record in records:
        by_kind[record.kind].append(record)

    def models(kind: str, make: Callable[[LoadedRecord], T]) -> dict[str, T]:
        made = make if memory is None else lambda r: memory.model(r, make)
        return {r.id: made(r) for r in sorted(by_kind[kind], key=lambda r: r.id)}

    if memory is not None:
        memory.next_build()
    return Catalogue(
        projects=models("project", project_from),
        councils=models("council", council_from),
        makerdays=models("makerday", makerday_from),
        service_areas=load_service_areas(root),
    )
