"""Data files for machines and other tools: JSON API, Atom feed, iCalendar, CSV, schemas."""

from __future__ import annotations

from generator.outputs import api, calendar, feed, spreadsheet
from generator.outputs.feeds import record_feeds
from generator.pages import paths
from generator.pages.model import DataFile, SiteInputs


def data_files(inputs: SiteInputs) -> list[DataFile]:
    files = [
        DataFile("api/projects.json", api.projects_json(inputs)),
        DataFile("api/councils.json", api.councils_json(inputs)),
        DataFile("api/makerdays.json", api.makerdays_json(inputs)),
        DataFile("api/savings.json", api.savings_json(inputs)),
        DataFile("feed.xml", feed.atom(inputs)),
        DataFile("makerdays.ics", calendar.ics(inputs)),
        DataFile("projects.csv", spreadsheet.projects_csv(inputs)),
        DataFile("savings.csv", spreadsheet.savings_csv(inputs.savings, inputs.catalogue)),
    ]
    files += record_feeds(inputs)
    files += [
        DataFile(f"schema/{name}", text.encode("utf-8")) for name, text in inputs.schemas.items()
    ]
    files += [
        DataFile(paths.makerday_calendar(day.id), calendar.makerday_ics(inputs, day))
        for day in inputs.catalogue.makerdays.values()
    ]
    return files
