"""How the savings figures are worked out (`/about/savings/`): the method, its inputs (the
band points of pipeline.yml) and how to correct a record. Every savings figure links here."""

from __future__ import annotations

from generator.pages import paths
from generator.pages.model import Page, SiteInputs
from generator.pages.templating import render
from generator.vocabulary import BUDGETS

NAMED = 10  # retired projects named on the page; the rest are counted, so it stays short


def method_page(inputs: SiteInputs) -> Page:
    path = paths.source(paths.SAVINGS)
    savings = inputs.savings
    body = render(
        "savings.html.j2",
        path,
        savings=savings,
        totals=savings.totals,
        bands=[(band, BUDGETS.get(band, band), m) for band, m in savings.bands.items()],
        retired=[inputs.catalogue.projects[pid] for pid in savings.totals.retired[:NAMED]],
        more_retired=max(len(savings.totals.retired) - NAMED, 0),
        settings=inputs.settings,
    )
    return Page(
        path=path,
        title="How we estimate what reuse has saved",
        description="What the savings figures on Pipeline count and do not count, the budget "
        "points they use, and how to correct a record that is wrong.",
        body=body,
        in_nav=False,
        hide=("navigation", "toc"),
        raw_html=True,
    )
