"""`/feed.xml`: an Atom feed of new and updated projects, newest first."""

from __future__ import annotations

from datetime import date

from generator.catalogue.model import Project
from generator.outputs.feeds.atom import Entry, Feed, document
from generator.pages import paths
from generator.pages.model import SiteInputs

LIMIT = 50


def _activity(project: Project) -> date | None:
    return project.last_updated or project.started


def atom(inputs: SiteInputs) -> bytes:
    settings = inputs.settings
    dated = [(d, p) for p in inputs.catalogue.projects.values() if (d := _activity(p))]
    dated.sort(key=lambda x: (x[0], x[1].id), reverse=True)
    entries = []
    for day, project in dated[:LIMIT]:
        url = settings.page_url(paths.project(project.id))
        latest = project.updates[0].text if project.updates else ""
        text = project.summary + (f"\n\nLatest: {latest}" if latest else "")
        entries.append(Entry(url, project.title, day, url, text, project.phase))
    return document(
        Feed(
            id=settings.page_url("feed.xml"),
            title=f"{settings.site_name}: new and updated projects",
            self_url=settings.page_url("feed.xml"),
            page_url=settings.page_url(paths.PROJECTS),
            entries=entries,
            empty_updated=inputs.today,
            stylesheet=paths.feed_stylesheet(settings.site_url),
        )
    )
