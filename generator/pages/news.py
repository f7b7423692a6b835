"""News: a page per recent week (`/news/<monday>/`), a page per older month (`/news/<YYYY-MM>/`,
its weeks as sections) and the list of both, newest first (`/news/`). Which week goes where is
`generator.pages.news_archive`; the feed is `generator.outputs.feeds.news`."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from urllib.parse import urljoin

from generator.digest import formats
from generator.digest.model import Digest
from generator.pages import news_archive, paths
from generator.pages.model import Page, SiteInputs
from generator.pages.news_archive import ArchivePage
from generator.pages.templating import environment, render

FEED = paths.NEWS_FEED
# Items a section of a week shows on the site (the rest are counted in a closing sentence).
ITEMS_LISTED = 100
# Until December 2026 `/news/` listed every week, 52 to a page: those later pages
# (`/news/page/2/`...) now lead to the months.
OLD_LIST_PAGE_SIZE = 52
DESCRIPTION = (
    "What happened on Pipeline, week by week: new projects, councils joining, pledges, "
    "progress, reviews and maker days."
)


@dataclass
class News:
    """The news pages, and the addresses that moved: old site path -> where it is now (with a
    #section), and the title of what is there, for the small pages left behind."""

    pages: list[Page] = field(default_factory=list)
    moved: dict[str, str] = field(default_factory=dict)
    titles: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class _Link:
    text: str
    path: str


def build(inputs: SiteInputs) -> News:
    name = inputs.settings.site_name
    recent, older = news_archive.split(inputs.weeks, inputs.today)
    sections = {w.key: _week_section(w) for w in older}
    archive = news_archive.archive_pages(
        older, {key: len(html.encode("utf-8")) for key, html in sections.items()}
    )
    where = news_archive.addresses(recent, archive)
    news = News()
    news.pages.append(_index_page(recent, archive, name))
    # Newest first, each page linked to the next newer and older: the oldest recent week's
    # older week is the newest one on a month's page.
    for n, week in enumerate(recent):
        newer = where[recent[n - 1].key] if n > 0 else None
        older_week = recent[n + 1] if n + 1 < len(recent) else next(iter(older), None)
        news.pages.append(_week_page(inputs, week, newer, older_week and where[older_week.key]))
    oldest_recent = [_Link(formats.dates(w), paths.news_week(w.key)) for w in recent[-1:]]
    chain = [*oldest_recent, *(_archive_link(page) for page in archive)]  # newest first
    for n, page in enumerate(archive, start=len(oldest_recent)):
        newer = chain[n - 1] if n > 0 else None
        older_page = chain[n + 1] if n + 1 < len(chain) else None
        month_sections = [sections[w.key] for w in page.weeks]
        news.pages.append(_month_page(page, month_sections, recent, newer, older_page))
    for week in older:
        news.moved[paths.news_week(week.key)] = where[week.key]
        news.titles[where[week.key]] = formats.title(week, name)
    for number in range(2, -(-len(inputs.weeks) // OLD_LIST_PAGE_SIZE) + 1):
        news.moved[paths.paged(paths.NEWS, number)] = f"{paths.NEWS}#earlier"
    return news


def _index_page(recent: Sequence[Digest], archive: Sequence[ArchivePage], name: str) -> Page:
    path = f"{paths.NEWS}{paths.SECTION_INDEX}"
    weeks = [_ListItem(formats.title(w, name), paths.news_week(w.key), formats.summary(w))
             for w in recent]  # fmt: skip
    return Page(
        path=path,
        title="News",
        description=DESCRIPTION,
        body=render("news.html.j2", path, weeks=weeks, years=_years(archive), feed=FEED),
        hide=("navigation", "toc"),
        raw_html=True,
        searchable=False,
        feed=FEED,
    )


@dataclass(frozen=True)
class _ListItem:
    title: str
    path: str
    summary: str


def _years(archive: Sequence[ArchivePage]) -> list[tuple[str, list[_ListItem]]]:
    """The older months by year, newest first, each with the figures of all its weeks."""
    months: dict[str, list[Digest]] = {}
    for page in archive:
        months.setdefault(page.month, []).extend(page.weeks)
    years: dict[str, list[_ListItem]] = {}
    for month, weeks in months.items():
        item = _ListItem(
            news_archive.month_name(month), paths.news_month(month), _month_summary(weeks)
        )
        years.setdefault(month[:4], []).append(item)
    return list(years.items())


def _month_summary(weeks: Sequence[Digest]) -> str:
    count = f"{len(weeks)} {'week' if len(weeks) == 1 else 'weeks'} of news"
    figures = news_archive.month_figures(weeks)
    if not figures:
        return f"{count}, with nothing new recorded."
    return f"{count}: {formats.figures_text(figures)}."


def listed(week: Digest) -> Digest:
    """The week with at most ITEMS_LISTED items a section, and how many more there were: a
    week of bulk reviews at 10,000 projects made a 307 KB page. (The figures count them all.)"""
    sections = tuple(
        s
        if len(s.items) <= ITEMS_LISTED
        else replace(
            s,
            items=s.items[:ITEMS_LISTED],
            note=(*s.note, *([" "] if s.note else []), _more(len(s.items) - ITEMS_LISTED)),
        )
        for s in week.sections
    )
    return replace(week, sections=sections)


def _more(count: int) -> str:
    verb = "is" if count == 1 else "are"
    return f"{count:,} more {verb} not listed here; the week in numbers above counts them all."


def _week_section(week: Digest) -> str:
    """A week as a section of its month's page. Every month page sits at the same depth
    (`paths.news_month`), so the section's links read the same on whichever page it lands."""
    path = paths.source(paths.news_month(news_archive.month_key(week)))
    anchor = paths.news_week_anchor(week.key)
    return render(
        "news_month_week.html.j2",
        path,
        digest=listed(week),
        dates=formats.dates(week),
        summary=formats.summary(week),
        anchor=anchor,
    )


def _archive_link(page: ArchivePage) -> _Link:
    return _Link(_archive_name(page), page.site_path)


def _archive_name(page: ArchivePage) -> str:
    name = news_archive.month_name(page.month)
    return name if page.parts == 1 else f"{name} (part {page.part} of {page.parts})"


def _month_page(
    page: ArchivePage,
    sections: Sequence[str],
    recent: Sequence[Digest],
    newer: _Link | None,
    older: _Link | None,
) -> Page:
    path = paths.source(page.site_path)
    title = f"News from {_archive_name(page)}"
    # The month the window of recent weeks starts in: its later weeks have their own pages.
    later = [w for w in recent if news_archive.month_key(w) == page.month]
    summary = _month_summary(page.weeks)
    body = render(
        "news_month.html.j2",
        path,
        title=title,
        summary=summary,
        page=page,
        parts=[paths.news_month(page.month, n) for n in range(1, page.parts + 1)],
        weeks=[(paths.news_week_anchor(w.key), formats.dates(w)) for w in page.weeks],
        sections=sections,
        later=[_Link(formats.dates(w), paths.news_week(w.key)) for w in reversed(later)],
        newer=newer,
        older=older,
        feed=FEED,
    )
    return Page(
        path=path,
        title=title,
        description=summary,
        body=body,
        in_nav=False,
        searchable=False,  # as the weeks' own pages were: see _week_page
        hide=("navigation", "toc"),
        raw_html=True,
        feed=FEED,
    )


def _week_page(inputs: SiteInputs, week: Digest, newer: str | None, older: str | None) -> Page:
    path = paths.source(paths.news_week(week.key))
    title = formats.title(week, inputs.settings.site_name)
    summary = formats.summary(week)
    body = render(
        "news_week.html.j2",
        path,
        title=title,
        digest=listed(week),
        summary=summary,
        unfinished=week.until >= inputs.today,
        today=inputs.today,
        newer=newer,
        older=older,
        feed=FEED,
    )
    return Page(
        path=path,
        title=title,
        description=summary,
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
