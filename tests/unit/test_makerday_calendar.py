"""A maker day page's own calendar file, in UK time: a summer maker day is not an hour out."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, timezone

import icalendar
import pytest

from generator.catalogue.model import Catalogue, MakerDay
from generator.outputs.calendar import ics
from generator.pages.model import SiteInputs, SiteSettings
from generator.site.compose import generate_site
from generator.site.content import load
from tests.conftest import TODAY, catalogue_root

BST = timezone(timedelta(hours=1))


@pytest.fixture(scope="module")
def summer():
    """The repository's catalogue plus a June maker day written in UTC: 8:30 UTC is 9:30 BST."""
    catalogue = load(catalogue_root(), TODAY).catalogue
    day = MakerDay(
        "summer-day",
        "makerdays/summer-day.yml",
        "Summer maker day",
        datetime(2027, 6, 10, 8, 30, tzinfo=UTC),
        datetime(2027, 6, 10, 16, 0, tzinfo=UTC),
    )
    catalogue = Catalogue(
        catalogue.projects,
        catalogue.councils,
        {**catalogue.makerdays, day.id: day},
        catalogue.service_areas,
    )
    content = generate_site(catalogue, SiteSettings(), today=TODAY)
    pages = {p.path: p.body for p in content.pages}
    files = {f.path: f.content for f in content.files}
    return pages, files


def test_the_page_says_uk_time_and_links_its_own_calendar(summer) -> None:
    pages, files = summer
    page = pages["makerdays/summer-day.md"]
    assert "9:30am to 5pm" in page
    assert 'href="../summer-day.ics"' in page and "Add to calendar" in page
    assert "makerdays/summer-day.ics" in files


def test_its_calendar_file_holds_that_day_in_europe_london(summer) -> None:
    _, files = summer
    calendar = icalendar.Calendar.from_ical(files["makerdays/summer-day.ics"])
    (event,) = calendar.walk("VEVENT")
    assert str(event["summary"]) == "Summer maker day"
    assert event["dtstart"].params["TZID"] == "Europe/London"
    start = event.decoded("dtstart")
    assert (start.hour, start.minute, start.utcoffset()) == (9, 30, timedelta(hours=1))
    assert start == datetime(2027, 6, 10, 9, 30, tzinfo=BST)
    assert [str(tz["tzid"]) for tz in calendar.walk("VTIMEZONE")] == ["Europe/London"]
    # The calendar of every maker day agrees.
    every = icalendar.Calendar.from_ical(files["makerdays.ics"])
    same = next(e for e in every.walk("VEVENT") if str(e["uid"]).startswith("summer-day@"))
    assert same.decoded("dtstart") == start


def test_validate_warns_when_a_summer_time_is_written_in_gmt(example_repo, run_pipeline) -> None:
    repo = example_repo()
    (repo / "makerdays").mkdir(exist_ok=True)
    (repo / "makerdays" / "summer-day.yml").write_text(
        "# yaml-language-server: $schema=../schema/makerday.schema.json\n"
        "title: Summer maker day\n"
        "start: 2027-06-10T09:30:00+00:00\n"  # 10:30 on UK clocks
        "end: 2027-06-10T17:00:00+01:00\n"  # written as UK clocks read: no warning
        "hosts:\n  - hackney\n"
    )
    result = run_pipeline(repo, "validate")
    assert result.exit_code == 0, result.output
    lines = [line for line in result.output.splitlines() if ": warning: " in line]
    assert lines == [
        "makerdays/summer-day.yml:3:8: warning: start: 2027-06-10T09:30:00+00:00 is 10:30 in "
        "the UK, where clocks read +01:00 (British Summer Time) that day."
    ]
    assert "write 2027-06-10T09:30:00+01:00" in result.output


def test_a_whole_day_event_ends_the_day_after_its_last_day() -> None:
    # RFC 5545: DTEND of an all-day event is exclusive, so a one-day event ends the next day.
    one_day = MakerDay("one-day", "makerdays/one-day.yml", "One day", date(2027, 5, 20))
    two_days = MakerDay(
        "two-days", "makerdays/two-days.yml", "Two", date(2027, 5, 20), date(2027, 5, 21)
    )
    catalogue = Catalogue({}, {}, {d.id: d for d in (one_day, two_days)}, {})
    calendar = icalendar.Calendar.from_ical(ics(SiteInputs(catalogue, SiteSettings(), TODAY)))
    spans = {
        str(e["summary"]): (e.decoded("dtstart"), e.decoded("dtend"))
        for e in calendar.walk("VEVENT")
    }
    assert spans == {
        "One day": (date(2027, 5, 20), date(2027, 5, 21)),
        "Two": (date(2027, 5, 20), date(2027, 5, 22)),
    }
