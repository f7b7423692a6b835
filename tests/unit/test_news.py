"""/news/: a page per week, the weeks newest first in pages, a feed of the finished weeks, and
the latest week on the home page. Generated as a pure function, like every page."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from datetime import date

import pytest

from generator.pages.model import SiteSettings
from generator.site.compose import generate_site
from generator.site.content import load
from tests.conftest import catalogue_root

TODAY = date(2026, 11, 22)
ATOM = "{http://www.w3.org/2005/Atom}"


@pytest.fixture(scope="module")
def catalogue():
    return load(catalogue_root(), TODAY).catalogue


@pytest.fixture(scope="module")
def content(catalogue):
    return generate_site(catalogue, SiteSettings(), today=TODAY)


def _pages(content) -> dict:
    return {p.path: p for p in content.pages}


def test_a_page_for_each_recent_week_with_news(content) -> None:
    pages = _pages(content)
    week = pages["news/2026-11-09.md"]
    assert week.title == "The week on Pipeline: 9 to 15 November 2026"
    assert week.feed == "feeds/news.xml" and not week.in_nav
    assert '<h2 id="new-projects">New projects</h2>' in week.body
    link = '<a href="../../projects/fly-tipping-discovery/">Understand fly-tipping reports</a>'
    assert link in week.body
    # Linked to its neighbours: the week after is this week, shown though nothing happened yet.
    assert 'href="../2026-10-26/" rel="prev">Older week' in week.body
    assert 'href="../2026-11-16/" rel="next">Newer week' in week.body
    weeks = sorted(p for p in pages if re.fullmatch(r"news/\d{4}-\d\d-\d\d\.md", p))
    # The last 52 weeks up to today, 16 November 2026's included: from 24 November 2025 on.
    assert weeks[0] == "news/2025-11-24.md" and len(weeks) == 27
    # The current week is always there, even with nothing in it yet, and says so.
    assert weeks[-1] == "news/2026-11-16.md"
    assert "nothing new was recorded" in pages["news/2026-11-16.md"].body


def test_the_list_has_the_recent_weeks_then_the_months(content) -> None:
    pages = _pages(content)
    first = pages["news/index.md"]
    assert first.in_nav and first.feed == "feeds/news.xml"
    links = re.findall(r'<a href="(\d{4}-\d\d-\d\d)/">', first.body)
    assert links[0] == "2026-11-16" and links == sorted(links, reverse=True) and len(links) == 27
    months = re.findall(r'<a href="(\d{4}-\d\d)/">', first.body)
    assert months[0] == "2025-11" and months[-1] == "2014-09"
    assert months == sorted(months, reverse=True)
    assert '<h3 id="year-2015">2015</h3>' in first.body and 'href="#year-2015"' in first.body
    november = '<a href="2025-11/">November 2025</a></p><p>2 weeks of news: 1 new project, '
    assert november in first.body
    assert not [p for p in pages if p.startswith("news/page/")]  # a year of weeks fits a page


def test_the_list_pages_of_before_lead_to_the_months(content) -> None:
    """Until December 2026 the weeks were listed 52 to a page: 112 weeks made three pages."""
    files = {f.path: f.content.decode() for f in content.files}
    assert 'url=../../#earlier"' in files["news/page/2/index.html"]
    assert 'url=../../#earlier"' in files["news/page/3/index.html"]
    assert "news/page/4/index.html" not in files


def test_the_news_feed_has_the_finished_weeks(content) -> None:
    (feed,) = [f for f in content.files if f.path == "feeds/news.xml"]
    root = ET.fromstring(feed.content)
    entries = root.findall(f"{ATOM}entry")
    assert entries[0].findtext(f"{ATOM}id") == "tag:localgovdigital.github.io,2026:news/2026-11-09"
    assert entries[0].findtext(f"{ATOM}updated") == "2026-11-15T00:00:00Z"
    summary = entries[0].findtext(f"{ATOM}summary")
    assert "New projects\n- Understand fly-tipping reports, led by Oxford" in summary
    # The 26 latest weeks with news, here all within the last 52 weeks: each has its own page.
    links = [e.find(f"{ATOM}link").get("href") for e in entries]
    weeks = [re.fullmatch(r"https://[^/]+/pipeline/(news/[\d-]+)/", link)[1] for link in links]
    pages = _pages(content)
    assert len(weeks) == 26 and all(f"{week}.md" in pages for week in weeks)
    later = generate_site(
        load(catalogue_root(), TODAY).catalogue, SiteSettings(), today=date(2026, 11, 15)
    )
    (unfinished,) = [f for f in later.files if f.path == "feeds/news.xml"]
    ids = [e.findtext(f"{ATOM}id") for e in ET.fromstring(unfinished.content).iter(f"{ATOM}entry")]
    assert not any(i.endswith("2026-11-09") for i in ids)  # the week is not over on its Sunday


def test_the_home_page_shows_the_latest_week(content) -> None:
    home = _pages(content)["index.md"]
    # The current week, though nothing has happened in it, and how long it has been quiet.
    assert '<h3 id="this-week">This week: 16 to 22 November 2026</h3>' in home.body
    assert "it has been quiet for 9 days, since" in home.body
    assert '<time datetime="2026-11-13">13 November 2026</time>' in home.body
    assert (
        '<a href="news/2026-11-09/">Read the latest week with news (9 to 15 November 2026)</a>'
        in home.body
    )
    this_week = generate_site(load(catalogue_root(), TODAY).catalogue, SiteSettings(),
                              today=date(2026, 11, 12))  # fmt: skip
    home = _pages(this_week)["index.md"]
    assert '<h3 id="this-week">This week: 9 to 15 November 2026</h3>' in home.body
    assert "<li><strong>2</strong> new projects</li>" in home.body
    week = _pages(this_week)["news/2026-11-09.md"]
    assert "This week is not over yet." in week.body
