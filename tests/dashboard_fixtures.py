"""A small hand-made catalogue whose dashboard figures are worked out by hand in the tests."""

from __future__ import annotations

from datetime import date

from generator.catalogue.model import (
    Catalogue,
    Challenge,
    Council,
    MakerDay,
    MakerDayChallenge,
    Partner,
    Pledge,
    Project,
    RoleWanted,
    ServiceArea,
    Venue,
)
from generator.staleness.assessment import StaleProject

TODAY = date(2025, 6, 30)
SCRIPT = "<script>alert(1)</script>"


def council(cid: str, name: str, joined: date | None, short_name: str = "") -> Council:
    return Council(
        id=cid,
        path=f"councils/{cid}.yml",
        name=name,
        type="unitary",
        nation="england",
        short_name=short_name,
        joined=joined,
    )


def project(pid: str, lead: str, phase: str, **fields: object) -> Project:
    return Project(
        id=pid,
        path=f"projects/{pid}.yml",
        title=fields.pop("title", f"Project {pid}"),  # type: ignore[arg-type]
        summary="A project.",
        phase=phase,
        lead_council=lead,
        **fields,  # type: ignore[arg-type]
    )


def small_catalogue() -> Catalogue:
    councils = [
        council("a", "Aardvark Council", date(2024, 2, 10)),
        council("b", "Borough of B", date(2024, 5, 1), short_name="B"),
        council("c", SCRIPT, date(2025, 1, 15)),
        council("d", "Dee Council", None),
    ]
    challenge = Challenge("How might we?")
    projects = [
        project(
            "p1",
            "a",
            "alpha",
            started=date(2024, 3, 1),
            partners=(Partner("b", "partner", date(2024, 6, 1)),),
            service_areas=("waste",),
            looking_for=(RoleWanted("developer"),),
            challenge=challenge,
            pledges=(Pledge("a", "time", 10), Pledge("b", "money", 500)),
        ),
        project(
            "p2",
            "b",
            "idea",
            started=date(2024, 8, 1),
            service_areas=("waste", "roads"),
            looking_for=(RoleWanted("user-researcher"), RoleWanted("developer")),
            challenge=challenge,
        ),
        project(
            "p3",
            "c",
            "live",
            title=f"Fix {SCRIPT}",
            started=date(2025, 2, 1),
            partners=(
                Partner("a", "observer"),
                Partner("d", "contributor", date(2025, 3, 1)),
            ),
            pledges=(Pledge("c", "data"),),
        ),
        project("p4", "a", "retired", challenge=challenge, looking_for=(RoleWanted("other"),)),
        project(
            "p5",
            "d",
            "beta",
            started=date(2024, 1, 15),
            partners=(Partner("c", "partner", date(2024, 9, 10)),),
            challenge=challenge,
        ),
    ]
    makerdays = [
        MakerDay(
            id="m0",
            path="makerdays/m0.yml",
            title="Past day",
            start=date(2024, 3, 1),
        ),
        MakerDay(
            id="m1",
            path="makerdays/m1.yml",
            title="Next day",
            start=date(2025, 9, 10),
            venue=Venue(town="Leeds", online=True),
            challenges=(
                MakerDayChallenge(project="p2"),
                MakerDayChallenge(title="Forms", problem="Bilingual forms"),
            ),
        ),
    ]
    areas = [
        ServiceArea("waste", "Waste and recycling"),
        ServiceArea("roads", "Roads and transport"),
        ServiceArea("housing", "Housing"),
    ]
    return Catalogue(
        projects={p.id: p for p in projects},
        councils={c.id: c for c in councils},
        makerdays={m.id: m for m in makerdays},
        service_areas={a.id: a for a in areas},
    )


def small_stale() -> dict[str, StaleProject]:
    return {
        "p5": StaleProject(
            id="p5",
            title="Project p5",
            phase="beta",
            path="projects/p5.yml",
            reasons=("Nothing has happened for 400 days.",),
            last_activity=None,
            days_overdue=220,
            maintainers=(),
        )
    }
