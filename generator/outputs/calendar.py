"""Maker days as iCalendar events, made with the icalendar library: `/makerdays.ics` with every
one, and `/makerdays/<id>.ics` with one, for a maker day page's "Add to calendar" link.

Timed events are written in UK time (TZID=Europe/London, with its VTIMEZONE), so a calendar
shows a summer maker day at the hour the page says, whatever offset the record was written in.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from urllib.parse import urlsplit

import icalendar

from generator.catalogue.model import MakerDay
from generator.pages import paths
from generator.pages.model import SiteInputs, SiteSettings
from generator.vocabulary import in_uk_time


def _span(day: MakerDay) -> tuple[date | datetime, date | datetime]:
    """Whole-day events end the day after (RFC 5545); timed ones keep their times, in UK time."""
    start, end = day.start, day.end
    if isinstance(start, datetime):
        end_time = end if isinstance(end, datetime) else start + timedelta(hours=8)
        return in_uk_time(start), in_uk_time(end_time)
    return day.start_day, day.end_day + timedelta(days=1)


def _event(day: MakerDay, settings: SiteSettings, stamp: datetime) -> icalendar.Event:
    host = urlsplit(settings.site_url).hostname or "pipeline"
    start, end = _span(day)
    url = settings.page_url(paths.makerday(day.id))
    event = icalendar.Event()
    event.add("uid", f"{day.id}@{host}")
    event.add("dtstamp", stamp)
    event.add("dtstart", start)
    event.add("dtend", end)
    event.add("summary", day.title)
    event.add("url", url)
    venue = day.venue
    if venue:
        place = ", ".join(x for x in (venue.name, venue.town, venue.postcode) if x)
        if venue.online:
            place = f"{place} and online" if place else "Online"
        event.add("location", place)
    count = len(day.challenges)
    event.add("description", f"{count} challenges from councils. Details: {url}")
    return event


def _calendar(inputs: SiteInputs, days: list[MakerDay], name: str) -> bytes:
    settings = inputs.settings
    cal = icalendar.Calendar()
    cal.add("prodid", f"-//LocalGov Digital//{settings.site_name} maker days//EN")
    cal.add("version", "2.0")
    # X-WR-CALNAME is a plain property that icalendar does not escape: a title written with a
    # line break ("a\nb" in quotes is valid YAML and valid text) must become one line.
    cal.add("x-wr-calname", " ".join(name.split()))
    stamp = datetime.combine(inputs.today, time(0, 0), tzinfo=UTC)
    for day in sorted(days, key=lambda d: (d.start_day, d.id)):
        cal.add_component(_event(day, settings, stamp))
    cal.add_missing_timezones()  # the VTIMEZONE for Europe/London, which TZID refers to
    return cal.to_ical()


def ics(inputs: SiteInputs) -> bytes:
    """Every maker day."""
    name = f"{inputs.settings.site_name} maker days"
    return _calendar(inputs, list(inputs.catalogue.makerdays.values()), name)


def makerday_ics(inputs: SiteInputs, day: MakerDay) -> bytes:
    """One maker day, for its page's "Add to calendar"."""
    return _calendar(inputs, [day], day.title)
