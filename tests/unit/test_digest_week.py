"""The weekly digest's date windows, on the model directly: each bound with a day either side."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

from generator.catalogue.model import Catalogue, Challenge, Council, MakerDay, Project, Update
from generator.digest.model import Digest, last_full_week, week_of
from generator.digest.sections import makerdays_section, open_challenges
from generator.digest.week import every_week, weekly_digest

SINCE, UNTIL = date(2026, 11, 16), date(2026, 11, 22)  # a Monday and its Sunday
DAY = timedelta(days=1)
LONG_AGO = date(2025, 1, 1)


def council() -> Council:
    return Council("wb", "councils/wb.yml", "West Berkshire Council", "unitary", "england")


def project(id: str, **fields) -> Project:
    made = Project(id, f"projects/{id}.yml", id.title(), "S.", "beta", "wb", started=LONG_AGO)
    return replace(made, **fields)


def catalogue(*projects: Project, makerdays: tuple[MakerDay, ...] = ()) -> Catalogue:
    return Catalogue(
        {p.id: p for p in projects}, {"wb": council()}, {d.id: d for d in makerdays}, {}
    )


def updated_on(*days: date) -> Catalogue:
    """One project per day, each with one progress update on that day."""
    return catalogue(
        *(project(f"on-{d.isoformat()}", updates=(Update(d, f"Update of {d}"),)) for d in days)
    )


def section_quotes(digest: Digest, section_id: str) -> list[str]:
    found = [s for s in digest.sections if s.id == section_id]
    return [item.quote for s in found for item in s.items]


def test_the_week_includes_its_first_and_last_day_and_nothing_either_side() -> None:
    digest = weekly_digest(updated_on(SINCE - DAY, SINCE, UNTIL, UNTIL + DAY), SINCE, UNTIL)
    assert sorted(section_quotes(digest, "updates")) == [
        f"Update of {SINCE}",
        f"Update of {UNTIL}",
    ]
    assert {f.id: f.count for f in digest.figures}["updates"] == 2


def test_a_project_is_now_due_in_the_week_its_due_day_falls_in() -> None:
    # A beta project needs review the day after its 180-day limit (due_from).
    def reviewed_for_due(due: date) -> date:
        return due - timedelta(days=181)

    records = catalogue(
        *(
            project(f"due-{d.isoformat()}", last_reviewed=reviewed_for_due(d))
            for d in (SINCE - DAY, SINCE, UNTIL, UNTIL + DAY)
        )
    )
    digest = weekly_digest(records, SINCE, UNTIL)
    (due,) = [s for s in digest.sections if s.id == "due"]
    assert [i.parts[0].text for i in due.items] == [
        f"Due-{SINCE.isoformat()}".title(),
        f"Due-{UNTIL.isoformat()}".title(),
    ]


def test_maker_days_come_up_from_the_week_to_eight_weeks_after_it() -> None:
    def day(id: str, start: date, end: date | None = None) -> MakerDay:
        return MakerDay(id, f"makerdays/{id}.yml", id, start, end)

    ahead = UNTIL + timedelta(weeks=8)
    days = (
        day("ended-the-day-before", SINCE - 2 * DAY, SINCE - DAY),
        day("ends-on-the-first-day", SINCE - DAY, SINCE),
        day("last-day-ahead", ahead),
        day("day-after-that", ahead + DAY),
    )
    section = makerdays_section(catalogue(makerdays=days), SINCE, UNTIL)
    assert [i.parts[0].text for i in section.items] == ["ends-on-the-first-day", "last-day-ahead"]


def test_a_challenge_is_open_until_its_project_falls_due() -> None:
    offering = project("offering", challenge=Challenge("A problem"))
    retired = replace(offering, id="retired", phase="retired")
    due = {"offering": UNTIL}
    count = open_challenges(catalogue(offering, retired), due)
    assert (count(UNTIL - DAY), count(UNTIL)) == (1, 0)


def test_each_event_goes_in_the_week_its_day_is_in() -> None:
    assert week_of(SINCE) == week_of(UNTIL) == (SINCE, UNTIL)
    assert week_of(SINCE - DAY) == (SINCE - 7 * DAY, UNTIL - 7 * DAY)
    assert week_of(UNTIL + DAY) == (SINCE + 7 * DAY, UNTIL + 7 * DAY)
    # The last whole week: a Sunday's own week is not over yet, a Monday's last week is.
    assert last_full_week(UNTIL) == (SINCE - 7 * DAY, UNTIL - 7 * DAY)
    assert last_full_week(UNTIL + DAY) == (SINCE, UNTIL)
    records = updated_on(SINCE - DAY, SINCE, UNTIL, UNTIL + DAY)
    weeks = {d.key: section_quotes(d, "updates") for d in every_week(records, UNTIL + DAY)}
    assert {key: quotes for key, quotes in weeks.items() if quotes} == {
        (SINCE - 7 * DAY).isoformat(): [f"Update of {SINCE - DAY}"],
        SINCE.isoformat(): [f"Update of {SINCE}", f"Update of {UNTIL}"],
        (SINCE + 7 * DAY).isoformat(): [f"Update of {UNTIL + DAY}"],
    }
    # Weeks after the one `today` is in are not made yet.
    assert SINCE.isoformat() not in {d.key for d in every_week(records, SINCE - DAY)}


def test_a_review_on_the_day_a_project_starts_is_part_of_its_start_not_news() -> None:
    def reviewed(days_after_start: int) -> int:
        new = project("new", started=SINCE, last_reviewed=SINCE + days_after_start * DAY)
        digest = weekly_digest(catalogue(new), SINCE, UNTIL)
        figures = {f.id: f.count for f in digest.figures}
        assert figures["new-projects"] == 1
        return figures["reviewed"]

    assert (reviewed(0), reviewed(1)) == (0, 1)
