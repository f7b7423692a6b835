"""Records in, pages and data files out: the whole site as a pure function of its inputs."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import replace
from datetime import date

from generator.catalogue.model import Catalogue
from generator.outputs import data_files
from generator.outputs.feeds.news import news_feed
from generator.pages import (
    councils,
    dashboard,
    home,
    makerdays,
    news,
    projects,
    reference,
    savings,
    search,
    search_documents,
    search_terms,
    sections,
)
from generator.pages.model import Page, Similar, SiteContent, SiteInputs, SiteSettings, StaleInfo
from generator.pages.portfolio import portfolio_files_beside
from generator.settings import Settings
from generator.site.heap import long_lived_set_aside
from generator.site.redirects import redirect_data_files
from generator.staleness.assessment import Activity, DueProject

# The order of the site's pages (MkDocs lists them, in the sitemap too, in this order).
PAGE_ORDER = (
    "home", "projects", "services", "challenges", "review", "dashboard", "savings", "makerdays",
    "councils", "news", "reference", "search",
)  # fmt: skip


@long_lived_set_aside
def generate_site(
    catalogue: Catalogue,
    settings: SiteSettings,
    *,
    today: date,
    stale: Mapping[str, StaleInfo] | None = None,
    similar: Similar | None = None,
    schemas: Mapping[str, str] | None = None,
    earlier_paths: Mapping[str, Sequence[str]] | None = None,
    community: Settings | None = None,
    activity: Mapping[str, Activity] | None = None,
    due: Sequence[DueProject] = (),
    band_points: Mapping[str, tuple[int, int]] | None = None,
) -> SiteContent:
    """Every generated page and data file.

    `stale` maps project id -> why it needs review (from
    `generator.staleness.assessment.find_stale`); `similar` maps project id -> [(other project
    id, score)], best first; `schemas` maps a schema file name to its text, for `/schema/` and
    the field reference; `earlier_paths` maps a record's path to the paths it had before it was
    renamed, so its older history stays linked; `activity` maps project id -> its last activity
    (`generator.staleness.assessment.activities`, with Git history), or is None to use only the
    dates in the records; `due` lists the projects whose review or service assessment falls due
    soon (`generator.staleness.assessment.due_within`).
    `community` is pipeline.yml's settings (when projects become due for review, in the news),
    `band_points` its savings.band_points (the defaults when not given).
    """
    inputs = SiteInputs(
        catalogue,
        settings,
        today,
        stale or {},
        similar if similar is not None else {},  # (not `or`: that would wait for it)
        schemas or {},
        earlier_paths or {},
        activity,
        due,
        community or Settings(),
    )
    if band_points is not None:
        inputs = replace(inputs, band_points=band_points)
    # Each council's report, embed and files: worked out beside, in a helper where that pays.
    portfolios = portfolio_files_beside(inputs)
    # Families that do not show similar projects first: meanwhile they are worked out beside.
    pages: dict[str, list[Page]] = {
        "services": sections.services(inputs),
        "challenges": sections.challenges(inputs),
        "review": sections.review(inputs),
        "dashboard": dashboard.pages(inputs),
        "savings": [savings.method_page(inputs)],
        "makerdays": makerdays.pages(inputs),
        "reference": [reference.fields_page(inputs), reference.approvals_page()],
        "search": [search.page(inputs)],
    }
    terms = search_terms.all_project_terms(catalogue)
    files = [*data_files(inputs), projects.cards_file(inputs, terms)]
    documents = search_documents.record_documents(catalogue, terms)
    # From here on, pages show the weeks' news, which names similar projects.
    files.append(news_feed(inputs))
    pages["home"] = [home.page(inputs)]
    pages["projects"] = projects.pages(inputs)
    pages["councils"] = councils.pages(inputs)  # "Councils working on the same things"
    built_news = news.build(inputs)
    pages["news"] = built_news.pages
    content = SiteContent()
    for family in PAGE_ORDER:
        content.pages.extend(pages[family])
    content.files.extend(files)
    content.files.extend(portfolios())
    # Older weeks' addresses lead to their month's page (generator.pages.news_archive).
    content.files.extend(
        redirect_data_files(built_news.moved, settings.site_url, built_news.titles)
    )
    content.search.extend(documents)
    return content
