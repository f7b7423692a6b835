"""Every page, chart, feed and the digest on sparse records, as the real public record is (issue
24, item 6): no pledges, challenges or maker days, no council signed up, facts from years ago.
Where there is nothing, a sentence says so and what to do: never an empty table or a chart of
zeros. The records are tests/fixtures/sparse/ (invented, test data only)."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest

from generator.digest import formats
from generator.digest.week import weekly_digest
from generator.pages.model import SiteSettings
from generator.site.compose import generate_site
from generator.site.content import load
from tests.conftest import make_repository

SPARSE = Path(__file__).resolve().parent.parent / "fixtures" / "sparse"
TODAY = date(2026, 11, 22)


@pytest.fixture(scope="module")
def catalogue(tmp_path_factory: pytest.TempPathFactory):
    root = make_repository(tmp_path_factory.mktemp("sparse") / "repo", SPARSE)
    return load(root, TODAY).catalogue


@pytest.fixture(scope="module")
def pages(catalogue) -> dict[str, str]:
    content = generate_site(catalogue, SiteSettings(), today=TODAY)
    return {p.path: p.body for p in content.pages}


def test_no_page_has_an_empty_table_or_list(pages) -> None:
    empty = re.compile(r"<(tbody|ul|ol)[^>]*>\s*</\1>")
    assert [path for path, body in pages.items() if empty.search(body)] == []


def test_no_chart_is_all_zeros(pages) -> None:
    for path, body in pages.items():
        for chart in re.findall(r"<svg.*?</svg>", body, re.S):
            values = re.findall(r'class="pl-chart__value"[^>]*>([^<]+)<', chart)
            assert not values or any(v.strip() not in {"0", "0%"} for v in values), path


def test_empty_sections_say_what_to_do(pages) -> None:
    dashboard = pages["dashboard/index.md"]
    assert "No council has signed up to Pipeline yet" in dashboard
    assert "No council has pledged time, money, data or testing" in dashboard
    assert "No project offers a maker-day challenge yet." in dashboard
    assert "No maker day is planned yet. To plan one" in dashboard
    makerdays = pages["makerdays/index.md"]
    assert "Would your council host one?" in makerdays
    assert "propose one</a> for the next maker day" in makerdays
    assert "No past maker day is recorded yet." in makerdays
    assert "propose one</a>, and the next maker day can pick it up" in pages["challenges/index.md"]
    assert "No council has offered a service for reuse yet." in pages["services/index.md"]
    home = pages["index.md"]
    assert '<h3 id="this-week">This week: 16 to 22 November 2026</h3>' in home
    assert "it has been quiet for 5 years, 5 months, since" in home
    # Residents are told plainly whether they can use each service.
    assert "Not yet: the service is not open to the public." in pages["projects/planning-alpha.md"]
    assert "no council has given the address" in pages["projects/bin-day-beta.md"]


def test_a_quiet_week_digest_says_what_would_fill_it(catalogue) -> None:
    digest = weekly_digest(catalogue, date(2026, 11, 9), date(2026, 11, 15))
    text = formats.markdown(digest, "https://example.org/")
    assert "A quiet week: nothing new was recorded on Pipeline." in text
    assert "[find a project](https://example.org/projects/) to join or pledge help to" in text
    assert "No challenge is open" in text
    assert "[Propose a challenge](https://example.org/challenges/)" in text
