"""The dashboard's "What reuse has saved" section: the totals, then for reuse and for shared
building a range chart followed by a table of the same figures.

Record text (project titles) appears only inside the HTML blocks, escaped by the templates; the
Markdown around them is our own wording and figures.
"""

from __future__ import annotations

from markupsafe import Markup

from generator.catalogue.model import Catalogue
from generator.dashboard.links import Links
from generator.dashboard.range_chart import Range, RangeChart, render_range_chart
from generator.dashboard.tables import Cell, Column, Table, render_table
from generator.dashboard.templates import render
from generator.dashboard.wording import plural
from generator.savings.estimate import Savings
from generator.savings.wording import days, money_range, pounds, unknown_note

NOT_KNOWN = "Not known"


def _figure(chart: RangeChart, table: Table) -> str:
    chart_html = render_range_chart(chart) if chart.ranges else ""
    return render("figure.html.j2", chart=Markup(chart_html), table=Markup(render_table(table)))


def _reuse(savings: Savings, catalogue: Catalogue, links: Links) -> list[str]:
    services = [s for s in savings.services if s.counted and not s.retired]
    services.sort(key=lambda s: -(s.avoided.high if s.avoided else -1))  # largest first
    title = "Estimated spend avoided by councils reusing a service"
    chart = RangeChart(
        "savings-reuse",
        title,
        tuple(
            Range(catalogue.projects[s.project].title, s.avoided.low, s.avoided.high,
                  money_range(s.avoided))
            for s in services
            if s.avoided
        ),
    )  # fmt: skip
    table = Table(
        title,
        (Column("Service"), Column("Councils reusing it", numeric=True),
         Column("Estimated spend avoided", numeric=True)),
        tuple(
            (Cell(catalogue.projects[s.project].title, href=links.project(s.project)),
             Cell(f"{len(s.counted):,}", numeric=True),
             Cell(money_range(s.avoided) if s.avoided else NOT_KNOWN, numeric=True))
            for s in services
        ),
    )  # fmt: skip
    t = savings.totals
    out = [
        "### Spend avoided by reusing services",
        "",
        f"{plural(t.adoptions, 'council adoption')} of {plural(t.services_adopted, 'service')}: "
        f"an estimated {money_range(t.avoided)} not spent again. Each council that adopted a "
        "service instead of building its own counts the service's budget band; the lead "
        "council and partners who built it do not count.",
    ]
    if not services:
        return [*out, "", "No council has adopted another council's service yet."]
    note = unknown_note(t.adoptions_unknown, "adoption")
    return [*out, "", _figure(chart, table), *(["", note] if note else [])]


def _shared(savings: Savings, catalogue: Catalogue, links: Links) -> list[str]:
    projects = [s for s in savings.shared if not s.retired and len(s.builders) > 1]
    projects.sort(key=lambda s: -(s.shared.high if s.shared else -1))  # largest first
    title = "Estimated building costs carried by partner councils"
    chart = RangeChart(
        "savings-shared",
        title,
        tuple(
            Range(catalogue.projects[s.project].title, s.shared.low, s.shared.high,
                  money_range(s.shared))
            for s in projects
            if s.shared
        ),
    )  # fmt: skip
    table = Table(
        title,
        (Column("Project"), Column("Councils building it", numeric=True),
         Column("Estimated cost shared", numeric=True)),
        tuple(
            (Cell(catalogue.projects[s.project].title, href=links.project(s.project)),
             Cell(f"{len(s.builders):,}", numeric=True),
             Cell(money_range(s.shared) if s.shared else NOT_KNOWN, numeric=True))
            for s in projects
        ),
    )  # fmt: skip
    t = savings.totals
    out = [
        "### Building costs shared",
        "",
        f"{plural(t.projects_sharing, 'project')} co-developed or jointly funded by two or more "
        f"councils: an estimated {money_range(t.shared)} of their budgets carried by partners "
        "rather than by the lead council alone.",
    ]
    if not projects:
        return [*out, "", "No project is being built by two or more councils yet."]
    note = unknown_note(t.sharing_unknown, "project")
    return [*out, "", _figure(chart, table), *(["", note] if note else [])]


def savings_section(savings: Savings, catalogue: Catalogue, links: Links) -> list[str]:
    t = savings.totals
    out = [
        "## What reuse has saved",
        "",
        f"An estimated **{money_range(t.saved)}** not spent, from reusing services and "
        f"building them together, with {days(t.pledged_days)} of staff time and "
        f"{pounds(t.pledged_money)} pledged besides. These are estimates from each project's "
        "budget band, so they are ranges. "
        f"[How these figures are worked out, and what they leave out]({links.savings}).",
        "",
        *_reuse(savings, catalogue, links),
        "",
        *_shared(savings, catalogue, links),
    ]
    if t.retired:
        out += [
            "",
            f"{plural(len(t.retired), 'retired project')} "
            f"{'is' if len(t.retired) == 1 else 'are'} left out of these figures.",
        ]
    return out
