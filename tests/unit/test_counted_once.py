"""Things counted once however often a record lists them, and days that still count as to come:
each rule with the case either side of it, on records built from the model."""

from __future__ import annotations

from datetime import date, timedelta

from generator.catalogue.model import Catalogue, Council, MakerDay, Partner, Project
from generator.dashboard.metrics import (
    TOP_COUNCILS,
    collaborative_councils,
    projects_by_service_area,
)

TODAY = date(2026, 11, 22)


def councils(count: int) -> dict[str, Council]:
    return {
        f"c{n:02}": Council(
            f"c{n:02}", f"councils/c{n:02}.yml", f"Council {n:02}", "unitary", "england"
        )
        for n in range(count)
    }


def project(id: str, lead: str = "c00", *partners: str, **fields) -> Project:
    made = tuple(Partner(p, "partner") for p in partners)
    return Project(
        id, f"projects/{id}.yml", id.title(), "S.", "beta", lead, partners=made, **fields
    )


def test_a_council_listed_twice_on_a_project_is_one_of_its_councils() -> None:
    twice = project("twice", "c00", "c01", "c01", "c00")
    assert twice.councils == ("c00", "c01")


def test_a_project_counts_once_in_an_area_it_lists_twice() -> None:
    records = Catalogue(
        {
            "p": project("p", service_areas=("waste", "waste")),
            "q": project("q", service_areas=("waste",)),
        },
        councils(1),
        {},
        {},
    )
    counts, without = projects_by_service_area(records)
    assert {c.key: c.value for c in counts} == {"waste": 2}
    assert without == 0


def test_the_most_collaborative_councils_are_listed_up_to_the_limit() -> None:
    def listed(count: int) -> int:
        # Council 0 leads a project with each of the others as partner.
        made = councils(count + 1)
        shared = {f"p{n}": project(f"p{n}", "c00", f"c{n:02}") for n in range(1, count + 1)}
        return len(collaborative_councils(Catalogue(shared, made, {}, {})))

    assert listed(TOP_COUNCILS - 1) == TOP_COUNCILS  # council 0 and the others
    assert listed(TOP_COUNCILS) == TOP_COUNCILS


def test_a_maker_day_is_upcoming_until_the_end_of_its_last_day() -> None:
    day = MakerDay("d", "makerdays/d.yml", "D", TODAY - timedelta(days=1), TODAY)
    assert day.is_upcoming(TODAY)
    assert not day.is_upcoming(TODAY + timedelta(days=1))
