"""`/makerdays.ics`: every maker day as an iCalendar event, made with the icalendar library."""

from __future__ import annotations

from datetime import UTC, datetime, time, timedelta
from urllib.parse import urlsplit

import icalendar

from generator.catalogue.model import MakerDay
from generator.catalogue.moments import instant
from generator.pages import paths
from generator.pages.model import SiteInputs


def _span(day: MakerDay) -> tuple[object, object]:
    """Whole-day events end the day after (RFC 5545); timed ones keep their times, in UTC
    (a time without a zone is UK time: generator.catalogue.moments)."""
    start, end = day.start, day.end
    if isinstance(start, datetime):
        if end is None:
            return instant(start), instant(start) + timedelta(hours=8)
        return instant(start), instant(end, end=True)
    return day.start_day, day.end_day + timedelta(days=1)


def ics(inputs: SiteInputs) -> bytes:
    settings = inputs.settings
    host = urlsplit(settings.site_url).hostname or "pipeline"
    cal = icalendar.Calendar()
    cal.add("prodid", f"-//LocalGov Digital//{settings.site_name} maker days//EN")
    cal.add("version", "2.0")
    cal.add("x-wr-calname", f"{settings.site_name} maker days")
    stamp = datetime.combine(inputs.today, time(0, 0), tzinfo=UTC)
    for day in sorted(inputs.catalogue.makerdays.values(), key=lambda d: (d.start_day, d.id)):
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
        cal.add_component(event)
    return cal.to_ical()
