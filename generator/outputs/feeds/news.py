"""`/feeds/news.xml`: the weeks that are over, newest first; a week's entry never changes once
it is posted, so feed readers show each week once."""

from __future__ import annotations

from generator.digest import formats
from generator.digest.model import Digest
from generator.outputs.feeds.atom import Entry, Feed, document, tag_id
from generator.pages import paths
from generator.pages.model import DataFile, SiteInputs

LIMIT = 26  # half a year of weeks


def news_feed(inputs: SiteInputs) -> DataFile:
    settings = inputs.settings
    done = [d for d in inputs.weeks if d.until < inputs.today][:LIMIT]
    entries = [
        Entry(
            id=tag_id(settings.site_url, f"news/{d.key}"),
            title=formats.title(d, settings.site_name),
            updated=d.until,
            url=settings.page_url(paths.news_week(d.key)),
            summary=_text(d),
        )
        for d in done
    ]
    feed = Feed(
        id=settings.page_url(paths.NEWS_FEED),
        title=f"{settings.site_name}: the week's news",
        subtitle="Every week: new projects, councils joining, pledges, progress and reviews.",
        self_url=settings.page_url(paths.NEWS_FEED),
        page_url=settings.page_url(paths.NEWS),
        entries=entries,
        empty_updated=inputs.today,
        stylesheet=paths.feed_stylesheet(settings.site_url),
    )
    return DataFile(paths.NEWS_FEED, document(feed))


def _text(digest: Digest) -> str:
    """The week as plain text, for feed readers that show the summary only."""
    lines = [formats.summary(digest)]
    for section in digest.sections:
        lines += ["", section.heading]
        lines += [f"- {formats.plain(i.parts)}" for i in section.items]
        if section.note:
            lines.append(formats.plain(section.note))
    return "\n".join(lines)
