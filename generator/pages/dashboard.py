"""The community manager's dashboard at `/dashboard/`; the figures and charts are in
generator/dashboard/, this only places the page on the site and links it to record pages."""

from __future__ import annotations

from generator.dashboard.page import Links, dashboard_page
from generator.pages import paths
from generator.pages.model import Page, SiteInputs
from generator.pages.templating import relative_url


def page(inputs: SiteInputs) -> Page:
    path = "dashboard/index.md"
    links = Links(
        project=lambda pid: relative_url(path, paths.project(pid)),
        council=lambda cid: relative_url(path, paths.council(cid)),
        makerday=lambda mid: relative_url(path, paths.makerday(mid)),
        review=relative_url(path, paths.REVIEW),
        challenges=relative_url(path, paths.CHALLENGES),
        savings=relative_url(path, paths.SAVINGS),
    )
    board = dashboard_page(inputs.catalogue, inputs.today, inputs.stale, links, inputs.savings)
    return Page(
        path=path,
        title=board.title,
        description=board.description,
        body=board.markdown,
        hide=("navigation",),  # the section has one page; its table of contents stays
    )
