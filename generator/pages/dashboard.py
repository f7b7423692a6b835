"""The community manager's dashboard at `/dashboard/`; the figures and charts are in
generator/dashboard/, this only places the page on the site and links it to record pages.

Its one list that grows with the catalogue, the challenges no maker day has taken, shows its
first entries on the dashboard and the whole list in pages at `/dashboard/challenges/`, so no
page grows without limit (a 10,000-project dashboard was 482 KB).
"""

from __future__ import annotations

from generator.dashboard import metrics
from generator.dashboard.lists import untaken_challenges
from generator.dashboard.page import Links, dashboard_page
from generator.pages import paths
from generator.pages.model import Page, SiteInputs
from generator.pages.paging import chunks
from generator.pages.sections import list_page
from generator.pages.templating import relative_url

DASHBOARD = "dashboard/"
UNTAKEN = "dashboard/challenges/"
# Entries of each list the dashboard itself shows, and entries per page of the whole list.
DASHBOARD_LIST_LIMIT = 25
UNTAKEN_PAGE_SIZE = 150


def pages(inputs: SiteInputs) -> list[Page]:
    board = metrics.dashboard(inputs.catalogue, inputs.today, inputs.stale)
    return [page(inputs, board), *untaken_pages(board)]


def page(inputs: SiteInputs, board: metrics.Dashboard | None = None) -> Page:
    path = "dashboard/index.md"
    links = Links(
        project=lambda pid: relative_url(path, paths.project(pid)),
        council=lambda cid: relative_url(path, paths.council(cid)),
        makerday=lambda mid: relative_url(path, paths.makerday(mid)),
        review=relative_url(path, paths.REVIEW),
        challenges=relative_url(path, paths.CHALLENGES),
        makerdays=relative_url(path, paths.MAKERDAYS),
        untaken=relative_url(path, UNTAKEN),
        savings=relative_url(path, paths.SAVINGS),
        spreadsheet=relative_url(path, "savings.csv"),
        services=relative_url(path, paths.SERVICES),
        projects=relative_url(path, paths.PROJECTS),
    )
    board_page = dashboard_page(
        inputs.catalogue,
        inputs.today,
        inputs.stale,
        links,
        inputs.savings,
        board=board,
        list_limit=DASHBOARD_LIST_LIMIT,
    )
    return Page(
        path=path,
        title=board_page.title,
        description=board_page.description,
        body=board_page.markdown,
        hide=("navigation",),  # the section has one page; its table of contents stays
    )


def untaken_pages(board: metrics.Dashboard) -> list[Page]:
    """Every untaken challenge, in pages (links as site paths, made relative by the template)."""
    taken_by_none, held_back = untaken_challenges(board, Links(project=paths.project))
    items = [
        *({**i, "held": False} for i in taken_by_none),
        *({**i, "held": True} for i in held_back),
    ]
    return [
        list_page(
            chunk,
            "Challenges not yet taken by a maker day",
            "Challenges offered by projects that no maker day has taken yet.",
            "untaken.html.j2",
            first_in_nav=False,
            open_count=len(taken_by_none),
            held_count=len(held_back),
        )
        for chunk in chunks(UNTAKEN, items, UNTAKEN_PAGE_SIZE)
    ]
