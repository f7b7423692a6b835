"""The search page (`/search/`): a plain form that site_overrides' search.js runs on Pagefind."""

from __future__ import annotations

from generator.pages import browse, paths
from generator.pages.model import Page, SiteInputs
from generator.pages.search_documents import KIND_COUNCIL, KIND_MAKERDAY, KIND_PAGE, KIND_PROJECT
from generator.pages.templating import render
from generator.vocabulary import PHASES, phase_label

SEARCH = "search/"
# Kind -> what a reader types for it ("projects"), also the option's label.
KINDS = (
    (KIND_PROJECT, "projects"),
    (KIND_COUNCIL, "councils"),
    (KIND_MAKERDAY, "maker days"),
    (KIND_PAGE, "guides"),
)


def page(inputs: SiteInputs) -> Page:
    catalogue = inputs.catalogue
    path = paths.source(SEARCH)
    body = render(
        "search.html.j2",
        path,
        kinds=KINDS,
        phases=[phase_label(p) for p in PHASES],
        areas=[a.name for a in catalogue.service_areas.values()],
        councils=sorted(catalogue.councils.values(), key=lambda c: c.label.lower()),
        lists=browse.lists(inputs, list(catalogue.projects.values())),
    )
    return Page(
        path=path,
        title="Search",
        description="Search Pipeline's projects, councils, maker days and guides.",
        body=body,
        in_nav=False,
        hide=("navigation", "toc"),
        raw_html=True,
        searchable=False,
    )
