"""Older news by month: which weeks keep a page, which go on their month's page, and that every
old week's address still leads to the week."""

from __future__ import annotations

import re
from datetime import date, timedelta

import pytest

from generator.catalogue.model import Catalogue, Council, Project, Update
from generator.digest import formats
from generator.digest.model import Digest, Figure
from generator.digest.week import weekly_digest
from generator.pages import news, news_archive
from generator.pages.model import SiteInputs, SiteSettings
from generator.site.compose import generate_site
from generator.site.content import load
from tests.conftest import catalogue_root

TODAY = date(2026, 11, 22)  # a Sunday: this week began on Monday 16 November 2026


@pytest.fixture(scope="module")
def catalogue():
    return load(catalogue_root(), TODAY).catalogue


def _week(monday: str, *counts: tuple[str, int]) -> Digest:
    since = date.fromisoformat(monday)
    figures = tuple(Figure(id_, n, id_[:-1], id_) for id_, n in counts)
    return Digest(since, since + timedelta(days=6), figures, ())


def _built(catalogue, today: date) -> news.News:
    return news.build(SiteInputs(catalogue, SiteSettings(), today))


def _own_pages(built: news.News) -> set[str]:
    return {p.path for p in built.pages if re.fullmatch(r"news/\d{4}-\d\d-\d\d\.md", p.path)}


def test_the_last_52_weeks_keep_their_pages() -> None:
    assert news_archive.first_recent_monday(TODAY) == date(2025, 11, 24)  # 51 weeks back
    assert news_archive.first_recent_monday(date(2026, 11, 16)) == date(2025, 11, 24)  # Monday
    assert news_archive.first_recent_monday(date(2026, 11, 23)) == date(2025, 12, 1)
    weeks = [_week("2026-11-16"), _week("2025-11-24"), _week("2025-11-17"), _week("2015-03-02")]
    recent, older = news_archive.split(weeks, TODAY)
    assert [w.key for w in recent] == ["2026-11-16", "2025-11-24"]
    assert [w.key for w in older] == ["2025-11-17", "2015-03-02"]  # 52 weeks ago: filed


@pytest.mark.parametrize(
    ("today", "has_page"),
    [
        (date(2026, 11, 8), True),  # a Sunday: the week of 10 November 2025 was 51 weeks back
        (date(2026, 11, 9), False),  # the next day begins a week exactly 52 weeks after it
        (date(2026, 11, 12), False),
    ],
)
def test_the_week_52_weeks_back_goes_to_its_month(catalogue, today, has_page) -> None:
    built = _built(catalogue, today)
    assert ("news/2025-11-10.md" in _own_pages(built)) is has_page
    assert ("news/2025-11-10/" in built.moved) is not has_page
    if not has_page:
        assert built.moved["news/2025-11-10/"] == "news/2025-11/#week-2025-11-10"


def test_a_month_split_by_the_window_links_both_ways(catalogue) -> None:
    """November 2025: the weeks of 3 and 10 November are filed, 24 November keeps its page."""
    built = _built(catalogue, TODAY)
    pages = {p.path: p for p in built.pages}
    month = pages["news/2025-11.md"]
    assert month.title == "News from November 2025" and not month.in_nav
    assert re.findall(r'<h2 id="(week-[\d-]+)">', month.body) == [
        "week-2025-11-03",
        "week-2025-11-10",
    ]
    assert "pages of their own: " in month.body and 'href="../2025-11-24/">24 to 30' in month.body
    assert 'href="../2025-11-24/" rel="next">Newer: 24 to 30 November 2025' in month.body
    assert 'href="../2025-10/" rel="prev">Older: October 2025' in month.body
    oldest_own = pages["news/2025-11-24.md"]
    assert 'href="../2025-11/#week-2025-11-10" rel="prev">Older week' in oldest_own.body


def test_a_week_keeps_its_content_a_level_down(catalogue) -> None:
    """The week's sections, now under the week's heading, with ids of their own on the page."""
    built = _built(catalogue, TODAY)
    month = next(p for p in built.pages if p.path == "news/2025-11.md")
    week = month.body.split('<h2 id="week-2025-11-10">10 to 16 November 2025</h2>')[1]
    assert week.startswith('\n<p class="pl-lead">The week in numbers: 1 new project.</p>')
    assert '<h3 id="week-2025-11-10-new-projects">New projects</h3>' in week
    assert 'href="../../projects/' in week  # the same depth as a week's own page
    assert "<h2" not in week.split("</section>")[0]


def test_this_unfinished_week_has_its_page(catalogue) -> None:
    built = _built(catalogue, date(2026, 11, 12))
    week = next(p for p in built.pages if p.path == "news/2026-11-09.md")
    assert "This week is not over yet." in week.body
    assert "news/2026-11-09/" not in built.moved


def test_a_week_is_filed_by_its_monday() -> None:
    """30 March to 5 April 2015 is March's: its address names the Monday."""
    assert news_archive.month_key(_week("2015-03-30")) == "2015-03"
    pages = news_archive.archive_pages([_week("2015-03-30"), _week("2015-03-02")], _sizes(1))
    assert [(p.month, [w.key for w in p.weeks]) for p in pages] == [
        ("2015-03", ["2015-03-02", "2015-03-30"])  # oldest first on the page
    ]


def _sizes(size: int) -> dict[str, int]:
    days = (date(2014, 1, 6) + timedelta(weeks=n) for n in range(700))
    return {d.isoformat(): size for d in days}


def test_a_long_month_goes_on_in_parts_within_the_budget() -> None:
    weeks = [_week(d) for d in ("2020-03-30", "2020-03-23", "2020-03-16", "2020-03-09")]
    third = news_archive.PAGE_BUDGET // 3
    pages = news_archive.archive_pages([*weeks, _week("2020-02-24")], _sizes(third + 1))
    assert [(p.site_path, p.part, p.parts, [w.key for w in p.weeks]) for p in pages] == [
        ("news/2020-03-part-2/", 2, 2, ["2020-03-23", "2020-03-30"]),
        ("news/2020-03/", 1, 2, ["2020-03-09", "2020-03-16"]),
        ("news/2020-02/", 1, 1, ["2020-02-24"]),
    ]
    where = news_archive.addresses([_week("2026-11-16")], pages)
    assert where["2020-03-30"] == "news/2020-03-part-2/#week-2020-03-30"
    assert where["2026-11-16"] == "news/2026-11-16/"
    # A week longer than the budget on its own still has a page: alone.
    alone = news_archive.pack(weeks[:2], _sizes(news_archive.PAGE_BUDGET + 1))
    assert [len(group) for group in alone] == [1, 1]


def test_a_month_adds_up_its_weeks() -> None:
    first = _week("2015-03-02", ("pledges", 2), ("updates", 0))
    weeks = [first, _week("2015-03-09", ("pledges", 1))]
    assert [(f.id, f.count) for f in news_archive.month_figures(weeks)] == [("pledges", 3)]
    assert news_archive.month_name("2015-03") == "March 2015"


def test_every_old_week_leads_to_its_section(catalogue) -> None:
    content = generate_site(catalogue, SiteSettings(), today=TODAY)
    pages = {p.path: p.body for p in content.pages}
    files = {f.path: f.content.decode() for f in content.files}
    weeks = [w.key for w in SiteInputs(catalogue, SiteSettings(), TODAY).weeks]
    older = [k for k in weeks if k < "2025-11-24"]
    assert len(older) == 89  # 86 with news, 3 more in which a project went quiet
    for key in older:
        page = files[f"news/{key}/index.html"]
        target = re.search(r'content="0; url=\.\./([\d-]+)/#(week-[\d-]+)"', page)
        assert target, page
        assert target[2] == f"week-{key}"
        assert f'<h2 id="{target[2]}">' in pages[f"news/{target[1]}.md"]
        assert '<meta name="robots" content="noindex">' in page
        assert f'<a href="../{target[1]}/#{target[2]}">' in page  # a link to follow by hand
        assert f"news/{key}.md" not in pages
    for key in weeks[: len(weeks) - len(older)]:
        assert f"news/{key}.md" in pages and f"news/{key}/index.html" not in files


def test_with_no_recent_news_the_months_link_each_other(catalogue) -> None:
    built = _built(catalogue, date(2030, 1, 1))
    pages = {p.path: p.body for p in built.pages}
    # Only the current week has a page of its own (always shown, even with nothing in it).
    assert _own_pages(built) == {"news/2029-12-31.md"}
    newest, second, *_ = re.findall(r'<a href="(\d{4}-\d\d)/">', pages["news/index.md"])
    links = r'<a href="\.\./([\d-]+)/" rel="(\w+)">'
    assert re.findall(links, pages[f"news/{newest}.md"]) == [
        ("2029-12-31", "next"),
        (second, "prev"),
    ]
    assert (newest, "next") in re.findall(links, pages[f"news/{second}.md"])


def test_the_digest_links_a_page_or_a_redirect(catalogue) -> None:
    """`pipeline digest` links the week at `news/<monday>/`: the last whole week has its page
    there; an older week asked for with --since finds the small page leading to its month."""
    content = generate_site(catalogue, SiteSettings(), today=TODAY)
    pages = {p.path for p in content.pages}
    files = {f.path for f in content.files}
    for since, until, there in (
        (date(2026, 11, 9), date(2026, 11, 15), "news/2026-11-09.md" in pages),
        (date(2015, 3, 2), date(2015, 3, 8), "news/2015-03-02/index.html" in files),
    ):
        digest = weekly_digest(catalogue, since, until)
        link = f"https://example.org/news/{since.isoformat()}/"
        assert f"the Pipeline site]({link})" in formats.markdown(digest, "https://example.org/")
        assert there, since


def test_a_section_lists_at_most_so_many_items_and_counts_the_rest() -> None:
    from datetime import date

    from generator.digest.model import Digest, Item, Section
    from generator.pages.news import ITEMS_LISTED, listed

    items = tuple(Item((f"Project {n}",)) for n in range(ITEMS_LISTED + 7))
    week = Digest(
        date(2026, 11, 16),
        date(2026, 11, 22),
        (),
        (Section("reviewed", "Reviewed", items), Section("new", "New", items[:3])),
    )
    shown = listed(week)
    reviewed, new = shown.sections
    assert len(reviewed.items) == ITEMS_LISTED and reviewed.note == (
        "7 more are not listed here; the week in numbers above counts them all.",
    )
    assert new == week.sections[1]
    assert listed(shown) == shown


def test_a_week_is_not_over_on_its_sunday_and_is_on_the_monday_after() -> None:
    council = Council("wb", "councils/wb.yml", "West Berkshire Council", "unitary", "england")
    busy = Project("busy", "projects/busy.yml", "Busy", "S.", "beta", "wb",
                   updates=(Update(date(2026, 11, 18), "Tested with residents."),))  # fmt: skip
    records = Catalogue({"busy": busy}, {"wb": council}, {}, {})

    def page(today: date) -> str:
        return {p.path: p.body for p in _built(records, today).pages}["news/2026-11-16.md"]

    assert "This week is not over yet." in page(TODAY)
    assert "This week is not over yet." not in page(TODAY + timedelta(days=1))
