"""Maker days: the list (`/makerdays/`, upcoming first) and one page each."""

from __future__ import annotations

from generator.catalogue.model import MakerDay
from generator.markdown_safe import render_markdown
from generator.pages import facts, paths
from generator.pages.model import Page, SiteInputs
from generator.pages.templating import render
from generator.vocabulary import SPONSOR_TIERS, long_date


def pages(inputs: SiteInputs) -> list[Page]:
    catalogue = inputs.catalogue
    path = "makerdays/index.md"
    index = Page(
        path=path,
        title="Maker days",
        description="Maker days where council officers, designers, developers and suppliers "
        "work together on challenges councils post on Pipeline.",
        body=render(
            "makerdays.html.j2",
            path,
            upcoming=facts.upcoming_makerdays(catalogue, inputs.today),
            past=facts.past_makerdays(catalogue, inputs.today),
            feed=paths.MAKERDAYS_FEED,
            settings=inputs.settings,
            challenges=len(facts.open_project_challenges(catalogue, inputs.stale)),
        ),
        hide=("navigation", "toc"),
        raw_html=True,
        searchable=False,
        feed=paths.MAKERDAYS_FEED,
    )
    return [index, *(makerday_page(inputs, d) for d in catalogue.makerdays.values())]


def makerday_page(inputs: SiteInputs, day: MakerDay) -> Page:
    catalogue = inputs.catalogue
    path = paths.source(paths.makerday(day.id))
    tiers = [
        (label, [s for s in day.sponsors if s.tier == tier])
        for tier, label in SPONSOR_TIERS.items()
    ]
    description = day.raw.get("description") or ""
    where = day.venue.town if day.venue and day.venue.town else ""
    return Page(
        path=path,
        title=day.title,
        description=f"Maker day on {long_date(day.start_day)}"
        + (f" in {where}." if where else "."),
        body=render(
            "makerday.html.j2",
            path,
            d=day,
            catalogue=catalogue,
            settings=inputs.settings,
            calendar_file=paths.makerday_calendar(day.id),
            upcoming=day.is_upcoming(inputs.today),
            description=render_markdown(description) if description else "",
            tiers=[(label, sponsors) for label, sponsors in tiers if sponsors],
            earlier=inputs.earlier_paths.get(day.path, ()),
            feed=paths.MAKERDAYS_FEED,
        ),
        record_path=day.path,
        in_nav=False,
        hide=("navigation", "toc"),
        raw_html=True,
        feed=paths.MAKERDAYS_FEED,
    )
