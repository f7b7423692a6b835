"""News: one page per week (`/news/<monday>/`), the weeks newest first (`/news/`, in pages) and
an Atom feed of the weeks that are over (`/feeds/news.xml`). Each week is the weekly digest."""

from __future__ import annotations

from urllib.parse import urljoin

from generator.digest import formats
from generator.digest.model import Digest
from generator.outputs.feeds.atom import Entry, Feed, document, tag_id
from generator.pages import paths
from generator.pages.model import DataFile, Page, SiteInputs
from generator.pages.paging import Chunk, chunks
from generator.pages.templating import environment, render

NEWS_PAGE_SIZE = 52  # a year of weeks
FEED_LIMIT = 26
FEED = paths.NEWS_FEED


def week_path(digest: Digest) -> str:
    return f"{paths.NEWS}{digest.key}/"


class _Week:
    """What the list of weeks shows about one week."""

    def __init__(self, digest: Digest, site_name: str) -> None:
        self.digest = digest
        self.title = formats.title(digest, site_name)
        self.summary = formats.summary(digest)


def pages(inputs: SiteInputs) -> list[Page]:
    name = inputs.settings.site_name
    weeks = [_Week(d, name) for d in inputs.weeks]
    lists = [_index_page(chunk) for chunk in chunks(paths.NEWS, weeks, NEWS_PAGE_SIZE)]
    return [*lists, *(_week_page(inputs, weeks, n) for n in range(len(weeks)))]


def _index_page(chunk: Chunk[_Week]) -> Page:
    where = f" (page {chunk.number} of {chunk.count})" if chunk.number > 1 else ""
    return Page(
        path=chunk.source,
        title=f"News{where}",
        description="What happened on Pipeline, week by week: new projects, councils joining, "
        "pledges, progress, reviews and maker days.",
        body=render("news.html.j2", chunk.source, chunk=chunk, feed=FEED),
        in_nav=chunk.number == 1,
        hide=("navigation", "toc"),
        raw_html=True,
        searchable=False,
        feed=FEED,
    )


def _week_page(inputs: SiteInputs, weeks: list[_Week], n: int) -> Page:
    week = weeks[n]
    path = paths.source(week_path(week.digest))
    body = render(
        "news_week.html.j2",
        path,
        title=week.title,
        digest=week.digest,
        summary=week.summary,
        unfinished=week.digest.until >= inputs.today,
        today=inputs.today,
        newer=weeks[n - 1].digest.key if n > 0 else None,
        older=weeks[n + 1].digest.key if n + 1 < len(weeks) else None,
        feed=FEED,
    )
    return Page(
        path=path,
        title=week.title,
        description=week.summary,
        body=body,
        in_nav=False,
        hide=("navigation", "toc"),
        raw_html=True,
        feed=FEED,
    )


def feed_file(inputs: SiteInputs) -> DataFile:
    """The weeks that are over, newest first: a week's entry never changes once it is posted."""
    settings = inputs.settings
    done = [d for d in inputs.weeks if d.until < inputs.today][:FEED_LIMIT]
    entries = [
        Entry(
            id=tag_id(settings.site_url, f"news/{d.key}"),
            title=formats.title(d, settings.site_name),
            updated=d.until,
            url=settings.page_url(week_path(d)),
            summary=_text(d),
        )
        for d in done
    ]
    feed = Feed(
        id=settings.page_url(FEED),
        title=f"{settings.site_name}: the week's news",
        subtitle="Every week: new projects, councils joining, pledges, progress and reviews.",
        self_url=settings.page_url(FEED),
        page_url=settings.page_url(paths.NEWS),
        entries=entries,
        empty_updated=inputs.today,
    )
    return DataFile(FEED, document(feed))


def _text(digest: Digest) -> str:
    """The week as plain text, for feed readers that show the summary only."""
    lines = [formats.summary(digest)]
    for section in digest.sections:
        lines += ["", section.heading]
        lines += [f"- {formats.plain(i.parts)}" for i in section.items]
        if section.note:
            lines.append(formats.plain(section.note))
    return "\n".join(lines)


def digest_html(digest: Digest, site_url: str, site_name: str) -> str:
    """The digest as one HTML element with absolute links, for `pipeline digest --format html`."""
    return (
        environment()
        .get_template("digest.html.j2")
        .render(
            url=lambda path: urljoin(site_url, path),
            digest=digest,
            title=formats.title(digest, site_name),
            summary=formats.summary(digest),
            site_name=site_name,
        )
        + "\n"
    )
