"""Where each kind of page lives on the site. One place, so links and pages always agree.

The section names and the names the site keeps for itself are in generator.site_paths, shared
with the checks.
"""

from __future__ import annotations

from urllib.parse import urlsplit

from generator.site_paths import (
    CARDS_FILE,
    CHALLENGES,
    COUNCILS,
    MAKERDAYS,
    NEWS,
    PROJECTS,
    REVIEW,
    SECTION_INDEX,
    SERVICES,
    paged,
)

SAVINGS = "about/savings/"  # how the savings figures are worked out

__all__ = [
    "CARDS_FILE",
    "CHALLENGES",
    "COUNCILS",
    "MAKERDAYS",
    "NEWS",
    "PROJECTS",
    "REVIEW",
    "SAVINGS",
    "SECTION_INDEX",
    "SERVICES",
    "council",
    "makerday",
    "paged",
    "project",
    "source",
]


def project(project_id: str) -> str:
    return f"{PROJECTS}{project_id}/"


def council(council_id: str) -> str:
    return f"{COUNCILS}{council_id}/"


def council_report(council_id: str) -> str:
    """The council's portfolio report, laid out for print (generator.pages.portfolio)."""
    return f"{COUNCILS}{council_id}/report/"


def council_embed(council_id: str) -> str:
    """The council's projects for an <iframe> on its own website."""
    return f"{COUNCILS}{council_id}/embed/"


def council_report_file(council_id: str, extension: str) -> str:
    """The report as a file: `csv`, or `txt` for its Markdown (a `.md` would be a page)."""
    return f"{COUNCILS}{council_id}/report.{extension}"


def council_json(council_id: str) -> str:
    """The report as JSON, for councils whose websites list their projects themselves."""
    return f"api/councils/{council_id}.json"


def makerday(makerday_id: str) -> str:
    return f"{MAKERDAYS}{makerday_id}/"


def makerday_calendar(makerday_id: str) -> str:
    """The maker day's own calendar file, for "Add to calendar"."""
    return f"makerdays/{makerday_id}.ics"


# Every feed but the site-wide one sits in one folder. Material for MkDocs fetches
# `sitemap.xml` from the folder of every `<link rel="alternate">` in a page's head (meant for
# language versions; https://github.com/zensical/zensical/issues/908), so that folder
# has a sitemap of its own (`outputs.feeds.FEEDS_SITEMAP`) and no page load asks for a
# missing file.
FEEDS = "feeds/"
FEED_STYLESHEET = "assets/feed.xsl"  # shows any feed as a readable page (site_overrides/)


def project_feed(project_id: str) -> str:
    return f"{FEEDS}project-{project_id}.xml"


def council_feed(council_id: str) -> str:
    return f"{FEEDS}council-{council_id}.xml"


def service_area_feed(area_id: str) -> str:
    """Service areas have no page of their own; their feeds are linked from the services list."""
    return f"{FEEDS}service-{area_id}.xml"


MAKERDAYS_FEED = f"{FEEDS}makerdays.xml"
NEWS_FEED = f"{FEEDS}news.xml"


def news_week(digest_key: str) -> str:
    """A recent week's news, by the day it starts: `news/2026-11-09/`."""
    return f"{NEWS}{digest_key}/"


def news_month(month_key: str, part: int = 1) -> str:
    """An older month's weeks: `news/2015-03/`; a month too long for one page goes on in
    `news/2015-03-part-2/` (beside it, so links in a week read the same on any of them)."""
    return f"{NEWS}{month_key}/" if part == 1 else f"{NEWS}{month_key}-part-{part}/"


def news_week_anchor(digest_key: str) -> str:
    """A week's section on its month's page: `week-2015-03-02`."""
    return f"week-{digest_key}"


def source(site_path: str) -> str:
    """The Markdown source path of a site path: `projects/x/` -> `projects/x.md`."""
    stem = site_path.rstrip("/")
    return "index.md" if not stem else f"{stem}.md"


def feed_stylesheet(site_url: str) -> str:
    """The feed stylesheet's path from the host's root (`/pipeline/assets/feed.xsl`): a feed
    may be at any depth, and the browser fetches the stylesheet from the feed's own host."""
    return urlsplit(site_url).path.rstrip("/") + "/" + FEED_STYLESHEET
