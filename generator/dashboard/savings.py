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
from generator.savings.estimate import FUNDING, Money, Savings
from generator.savings.wording import days, money_range, pounds, unknown_note

NOT_KNOWN = "Not known"
# The largest this many in each figure: the dashboard must not grow with the catalogue (every
# service's figures are in savings.csv and on the reusable services pages).
SHOWN = 15


def _figure(
    chart_id: str,
    title: str,
    headings: tuple[str, str, str],
    rows: list[tuple[str, int, Money | None]],
    catalogue: Catalogue,
    links: Links,
) -> str:
    """A range chart of `rows` (project id, how many councils, estimate), then its table.

    Projects with no estimate (budget not known) are in the table but not the chart.
    """
    chart = RangeChart(
        chart_id,
        title,
        tuple(
            Range(catalogue.projects[pid].title, amount.low, amount.high, money_range(amount))
            for pid, _, amount in rows
            if amount
        ),
    )
    table = Table(
        title,
        (Column(headings[0]), Column(headings[1], numeric=True),
         Column(headings[2], numeric=True)),
        tuple(
            (Cell(catalogue.projects[pid].title, href=links.project(pid)),
             Cell(f"{count:,}", numeric=True),
             Cell(money_range(amount) if amount else NOT_KNOWN, numeric=True))
            for pid, count, amount in rows
        ),
    )  # fmt: skip
    chart_html = render_range_chart(chart) if chart.ranges else ""
    return render("figure.html.j2", chart=Markup(chart_html), table=Markup(render_table(table)))


def _reuse(savings: Savings, catalogue: Catalogue, links: Links) -> list[str]:
    services = [s for s in savings.services if s.counted and not s.retired]
    services.sort(key=lambda s: -(s.avoided.high if s.avoided else -1))  # largest first
    figure = _figure(
        "savings-reuse",
        "Estimated spend avoided by councils reusing a service",
        ("Service", "Councils reusing it", "Estimated spend avoided"),
        [(s.project, len(s.counted), s.avoided) for s in services[:SHOWN]],
        catalogue,
        links,
    )
    t = savings.totals
    out = [
        "### Spend avoided by reusing services",
        "",
        f"{plural(t.adoptions, 'council adoption')} of {plural(t.services_adopted, 'service')}: "
        f"an estimated {money_range(t.avoided)} not spent again. Each council that adopted a "
        "service instead of building its own counts the service's budget band or recorded "
        "funding, once; the councils that built it or led its awards, and councils that took "
        "over from them, do not count.",
    ]
    if not services:
        return [*out, "", "No council has adopted another council's service yet."]
    note = unknown_note(t.adoptions_unknown, "adoption")
    more = _the_rest(len(services), "services", links, f"[the reusable services]({links.services})")
    return [*out, "", figure, *(["", more] if more else []), *(["", note] if note else [])]


def _shared(savings: Savings, catalogue: Catalogue, links: Links) -> list[str]:
    projects = [s for s in savings.shared if not s.retired and len(s.builders) > 1]
    projects.sort(key=lambda s: -(s.shared.high if s.shared else -1))  # largest first
    figure = _figure(
        "savings-shared",
        "Estimated building costs carried by partner councils",
        ("Project", "Councils building it", "Estimated cost shared"),
        [(s.project, len(s.builders), s.shared) for s in projects[:SHOWN]],
        catalogue,
        links,
    )
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
    more = _the_rest(len(projects), "projects", links)
    return [*out, "", figure, *(["", more] if more else []), *(["", note] if note else [])]


def _the_rest(count: int, what: str, links: Links, elsewhere: str = "") -> str:
    """Where the figures of those not shown are, when there are more than SHOWN."""
    if count <= SHOWN:
        return ""
    also = f" and on {elsewhere}" if elsewhere else ""
    return (
        f"The {SHOWN} largest of {count:,} {what} are shown. All of them are in "
        f"[the savings spreadsheet]({links.spreadsheet}) (CSV){also}."
    )


def _basis(savings: Savings) -> str:
    """What the estimates rest on: budget bands (ranges), recorded funding (sums), or both."""
    bases = {s.basis for s in savings.services if s.counted and not s.retired and s.each}
    bases |= {s.basis for s in savings.shared if len(s.builders) > 1 and not s.retired and s.band}
    if bases == {FUNDING}:
        return (
            "These are estimates: each adopting council counts the public funding its "
            "sources record for building the service."
        )
    if FUNDING in bases:
        return (
            "These are estimates: each adopting council counts the service's budget band (a "
            "range) or, where the record gives no band, the public funding its sources record."
        )
    return "These are estimates from each project's budget band, so they are ranges."


def savings_section(savings: Savings, catalogue: Catalogue, links: Links) -> list[str]:
    t = savings.totals
    # Pledges are named only when there are some: "0 days and £0 pledged" says nothing.
    pledged = [
        *([f"{days(t.pledged_days)} of staff time"] if t.pledged_days else []),
        *([pounds(t.pledged_money)] if t.pledged_money else []),
    ]
    besides = f", with {' and '.join(pledged)} pledged besides" if pledged else ""
    out = [
        "## What reuse has saved",
        "",
        f"An estimated **{money_range(t.saved)}** not spent, from reusing services and "
        f"building them together{besides}. {_basis(savings)} "
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
