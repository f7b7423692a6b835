"""News: one page per week (`/news/<monday>/`) and the weeks newest first (`/news/`, in pages).
Each week is the weekly digest; its feed is `generator.outputs.feeds.news`."""

from __future__ import annotations

from urllib.parse import urljoin

from generator.digest import formats
from generator.digest.model import Digest
from generator.pages import paths
from generator.pages.model import Page, SiteInputs
from generator.pages.paging import Chunk, chunks
from generator.pages.templating import environment, render

NEWS_PAGE_SIZE = 52  # a year of weeks
FEED = paths.NEWS_FEED


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
    path = paths.source(paths.news_week(week.digest.key))
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
        # A week's news repeats what the records' own pages say; indexed, the weeks buried the
        # projects a search was for (22 of the 41 results for "bins" were weeks).
        searchable=False,
        hide=("navigation", "toc"),
        raw_html=True,
        feed=FEED,
    )


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
