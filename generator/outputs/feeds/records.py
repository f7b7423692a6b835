"""A feed for each thing people follow: every project, council and service area, and maker days.

All are in `feeds/` (`feeds/project-<id>.xml`, see `generator.pages.paths`), each linked from
the page it follows; service areas have no page of their own, so theirs are linked from the
services list.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence

from generator.events import Event
from generator.outputs.feeds.atom import Entry, Feed, document, tag_id
from generator.pages import paths
from generator.pages.model import DataFile, SiteInputs
from generator.pages.render_memory import remembered

LIMIT = 50  # newest entries per feed: what a reader needs, and the files stay small
# See `generator.pages.paths.FEEDS`: a valid, empty sitemap where Material looks for one.
FEEDS_SITEMAP = f"{paths.FEEDS}sitemap.xml"
EMPTY_SITEMAP = (
    b'<?xml version="1.0" encoding="UTF-8"?>\n'
    b'<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"></urlset>\n'
)


def event_page(event: Event) -> str:
    """The site path of the page an event is about."""
    if event.record == "council":
        return paths.council(event.record_id)
    if event.record == "makerday":
        return paths.makerday(event.record_id)
    return paths.project(event.record_id)


def entry(inputs: SiteInputs, event: Event) -> Entry:
    settings = inputs.settings
    return Entry(
        id=tag_id(settings.site_url, event.uid),
        title=event.title,
        updated=event.day,
        url=settings.page_url(event_page(event)),
        summary=event.text,
        category=event.kind,
    )


# Entries made so far, by event (the `id` of an Event in `SiteInputs.events`): an event is in a
# project's feed, each of its councils' and each of its areas', and its entry is made and written
# once for all of them.
Made = dict[int, Entry]


def feed_file(
    inputs: SiteInputs,
    here: str,
    page: str,
    title: str,
    subtitle: str,
    events: Sequence[Event],
    made: Made | None = None,
) -> DataFile:
    """The feed at site path `here` that follows the page `page`, newest `LIMIT` events first."""
    shown = events[:LIMIT]
    values = {"settings": inputs.settings, "today": inputs.today, "title": title,
              "subtitle": subtitle, "page": page, "events": shown}  # fmt: skip
    return remembered(
        "feed",
        here,
        values,
        lambda: _feed_file(
            inputs, here, page, title, subtitle, shown, {} if made is None else made
        ),
    )


def _feed_file(
    inputs: SiteInputs,
    here: str,
    page: str,
    title: str,
    subtitle: str,
    events: Sequence[Event],
    made: Made,
) -> DataFile:
    settings = inputs.settings
    entries = []
    for event in events:
        found = made.get(id(event))
        if found is None:
            found = made[id(event)] = entry(inputs, event)
        entries.append(found)
    feed = Feed(
        id=settings.page_url(here),
        title=f"{title} - {settings.site_name}",
        subtitle=subtitle,
        self_url=settings.page_url(here),
        page_url=settings.page_url(page),
        entries=entries,
        empty_updated=inputs.today,
        stylesheet=paths.feed_stylesheet(settings.site_url),
    )
    return DataFile(here, document(feed))


def record_feeds(inputs: SiteInputs) -> list[DataFile]:
    """Every per-record feed. `inputs.events` is newest first, so each group is too."""
    catalogue = inputs.catalogue
    by_project: dict[str, list[Event]] = defaultdict(list)
    by_council: dict[str, list[Event]] = defaultdict(list)
    by_area: dict[str, list[Event]] = defaultdict(list)
    makerdays: list[Event] = []
    made: Made = {}
    for event in inputs.events:
        if event.record == "project":
            by_project[event.record_id].append(event)
        elif event.record == "makerday":
            makerdays.append(event)
        for council in event.councils:
            by_council[council].append(event)
        for area in event.areas:
            by_area[area].append(event)
    files = [
        feed_file(inputs, paths.project_feed(p.id), paths.project(p.id), p.title,
                  f"Updates, phase changes, partners, pledges and reviews of {p.title}.",
                  by_project.get(p.id, []), made)
        for p in catalogue.projects.values()
    ]  # fmt: skip
    files += [
        feed_file(inputs, paths.council_feed(c.id), paths.council(c.id), c.name,
                  f"The projects {c.name} leads or takes part in, and its maker days.",
                  by_council.get(c.id, []), made)
        for c in catalogue.councils.values()
    ]  # fmt: skip
    files += [
        feed_file(inputs, paths.service_area_feed(a.id), f"{paths.SERVICES}#area-{a.id}",
                  f"{a.name}: projects",
                  f"New projects and what happens to projects in {a.name}.",
                  by_area.get(a.id, []), made)
        for a in catalogue.service_areas.values()
    ]  # fmt: skip
    files.append(
        feed_file(inputs, paths.MAKERDAYS_FEED, paths.MAKERDAYS, "Maker days",
                  "Maker days where councils and suppliers work on challenges together.",
                  makerdays, made)
    )  # fmt: skip
    files.append(DataFile(FEEDS_SITEMAP, EMPTY_SITEMAP))
    return files
