"""The dashboard's untaken challenges: the first few on the dashboard, all of them in pages."""

from __future__ import annotations

import dataclasses

from generator.dashboard import metrics
from generator.dashboard.lists import untaken_challenges
from generator.dashboard.page import Links, dashboard_page
from generator.pages import dashboard
from tests.dashboard_fixtures import TODAY, small_catalogue, small_stale


def _board() -> metrics.Dashboard:
    """The fixture's figures, with each list of challenges three times as long."""
    board = metrics.dashboard(small_catalogue(), TODAY, small_stale())
    return dataclasses.replace(
        board,
        open_challenges=board.open_challenges * 3,
        held_back_challenges=board.held_back_challenges * 3,
    )


def test_a_limit_keeps_the_first_of_each_list_and_links_to_them_all() -> None:
    board = _board()
    taken_by_none, held_back = untaken_challenges(board, Links())
    assert len(taken_by_none) > 1  # the fixture has more than the limit below
    whole = dashboard_page(small_catalogue(), TODAY, small_stale(), board=board).markdown
    cut = dashboard_page(small_catalogue(), TODAY, small_stale(), board=board, list_limit=1)
    assert "](challenges/) are in pages" in cut.markdown
    assert "are in pages" not in whole
    shown = cut.markdown.split("## Challenges not yet taken", 1)[1].count("<li>")
    assert shown == min(1, len(taken_by_none)) + min(1, len(held_back))


def test_every_untaken_challenge_is_on_one_page(monkeypatch) -> None:
    board = _board()
    taken_by_none, held_back = untaken_challenges(board, Links())
    monkeypatch.setattr(dashboard, "UNTAKEN_PAGE_SIZE", 1)
    pages = dashboard.untaken_pages(board)
    assert len(pages) == len(taken_by_none) + len(held_back)
    assert pages[0].path == "dashboard/challenges/index.md"
    assert pages[1].path == "dashboard/challenges/page/2.md"
    titles = [i["title"] for i in taken_by_none + held_back]
    for page, title in zip(pages, titles, strict=True):
        assert f">{title}</a>" in page.body
        assert 'href="../../projects/' in page.body or 'href="../../../../projects/' in page.body
    assert 'rel="next"' in pages[0].body


def test_a_limit_as_long_as_the_longest_list_cuts_nothing() -> None:
    board = _board()
    longest = max(len(found) for found in untaken_challenges(board, Links()))
    assert longest > 1

    def page(limit: int) -> str:
        return dashboard_page(
            small_catalogue(), TODAY, small_stale(), board=board, list_limit=limit
        ).markdown

    assert "are in pages" not in page(longest)
    assert "](challenges/) are in pages" in page(longest - 1)
