"""The `/dashboard/` page: Markdown headings and notes around raw HTML blocks of charts and tables.

Record text (council names, project titles, challenge problems) only ever appears inside the
HTML blocks, escaped by the templates; the Markdown around them is our own fixed wording and
numbers. A raw HTML block is left alone by the Markdown processor, so record text never reaches
it.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date

from markupsafe import Markup

from generator.catalogue import Catalogue
from generator.dashboard import metrics
from generator.dashboard.charts import (
    Bar,
    BarChart,
    LineChart,
    Point,
    format_number,
    render_bar_chart,
    render_line_chart,
)
from generator.dashboard.metrics import Dashboard, Stale
from generator.dashboard.tables import Cell, Column, Table, render_table
from generator.dashboard.templates import render

TITLE = "Dashboard"
DESCRIPTION = (
    "How Pipeline is doing: councils signed up, projects by phase and service area, "
    "collaboration, projects needing review, pledges and maker days."
)


@dataclass(frozen=True)
class Links:
    """Where record pages live, relative to the dashboard page."""

    project: Callable[[str], str] = lambda pid: f"../projects/{pid}/"
    council: Callable[[str], str] = lambda cid: f"../councils/{cid}/"
    makerday: Callable[[str], str] = lambda mid: f"../makerdays/{mid}/"
    review: str = "../review/"  # the list of projects needing review
    challenges: str = "../challenges/"  # open maker-day challenges


@dataclass(frozen=True)
class DashboardPage:
    markdown: str
    title: str
    description: str


def long_date(day: date) -> str:
    return f"{day.day} {day:%B %Y}"


def short_date(day: date) -> str:
    return f"{day.day} {day:%b %Y}"


def how_long(since: date, today: date) -> str:
    """'3 years, 2 months' from `since` to `today`, in whole months."""
    months = (today.year - since.year) * 12 + today.month - since.month - (today.day < since.day)
    if months < 1:
        return "less than a month"
    years, months = divmod(months, 12)
    parts = [
        f"{n} {unit}{'s' if n != 1 else ''}"
        for n, unit in ((years, "year"), (months, "month"))
        if n
    ]
    return ", ".join(parts)


def plural(n: int, one: str, many: str | None = None) -> str:
    return f"{n:,} {one if n == 1 else (many or one + 's')}"


def figure(chart: str, table: Table) -> str:
    return render("figure.html.j2", chart=Markup(chart), table=Markup(render_table(table)))


def count_section(
    chart_id: str, title: str, counts: Sequence[metrics.Count], first_column: str, unit: str
) -> str:
    """A bar chart of counts and the same counts as a table."""
    chart = BarChart(
        chart_id, title, tuple(Bar(c.label, c.value, format_number(c.value)) for c in counts)
    )
    table = Table(
        title,
        (Column(first_column), Column(unit, numeric=True)),
        tuple((Cell(c.label), Cell(format_number(c.value), numeric=True)) for c in counts),
    )
    return figure(render_bar_chart(chart), table)


# --- sections ----------------------------------------------------------------------------------


def councils_section(board: Dashboard) -> list[str]:
    points = board.councils_over_time
    out = ["## Councils signed up", ""]
    if not points:
        out.append("No council record has a `joined` date yet, so there is nothing to chart.")
    else:
        unit = "Quarter" if "Q" in points[0].period.label else "Year"
        title = f"Councils signed up to Pipeline by the end of each {unit.lower()}"
        chart = LineChart(
            "councils-over-time",
            title,
            tuple(Point(p.period.label, p.councils, format_number(p.councils)) for p in points),
        )
        table = Table(
            title,
            (Column(unit), Column("Councils signed up", numeric=True)),
            tuple(
                (Cell(p.period.label), Cell(format_number(p.councils), numeric=True))
                for p in points
            ),
        )
        out.append(
            "Counted from each council record's `joined` date; the current "
            f"{unit.lower()} runs to today."
        )
        out += ["", figure(render_line_chart(chart), table)]
    if board.councils_without_joined:
        out += [
            "",
            f"{plural(board.councils_without_joined, 'council record')} "
            f"{'has' if board.councils_without_joined == 1 else 'have'} no `joined` date and "
            "cannot be placed on the chart.",
        ]
    return out


def phase_section(board: Dashboard) -> list[str]:
    title = "Projects by phase"
    return [
        f"## {title}",
        "",
        count_section("projects-by-phase", title, board.projects_by_phase, "Phase", "Projects"),
    ]


def service_area_section(board: Dashboard) -> list[str]:
    title = "Projects by service area"
    out = [
        f"## {title}",
        "",
        "A project filed under more than one service area counts once in each.",
        "",
        count_section(
            "projects-by-service-area",
            title,
            board.projects_by_service_area,
            "Service area",
            "Projects",
        ),
    ]
    if board.projects_without_service_area:
        out += [
            "",
            f"{plural(board.projects_without_service_area, 'project')} "
            f"{'has' if board.projects_without_service_area == 1 else 'have'} no service area.",
        ]
    return out


def collaboration_section(board: Dashboard) -> list[str]:
    points = board.collaboration_over_time
    out = ["## Collaboration over time", ""]
    if not points:
        out.append("No project record has a date yet, so there is nothing to chart.")
        return out
    unit = "Quarter" if "Q" in points[0].period.label else "Year"
    title = f"Share of projects with two or more councils, at the end of each {unit.lower()}"
    chart = LineChart(
        "collaboration-over-time",
        title,
        tuple(Point(p.period.label, p.share, f"{p.share:.0f}%") for p in points),
        y_max=100,
        y_suffix="%",
    )
    table = Table(
        title,
        (
            Column(unit),
            Column("Projects", numeric=True),
            Column("With two or more councils", numeric=True),
            Column("Share", numeric=True),
        ),
        tuple(
            (
                Cell(p.period.label),
                Cell(format_number(p.projects), numeric=True),
                Cell(format_number(p.collaborative), numeric=True),
                Cell(f"{p.share:.0f}%", numeric=True),
            )
            for p in points
        ),
    )
    out += [
        "A project counts from the first date its record gives (when it started, or its first "
        "update, partner or pledge) and has two or more councils from the day its first partner "
        "joined (`since`; a partner without `since` counts from the start). Records do not say "
        "when a partner left or a project ended, so these are approximations.",
        "",
        figure(render_line_chart(chart), table),
    ]
    if board.projects_without_dates:
        out += [
            "",
            f"{plural(board.projects_without_dates, 'project')} "
            f"{'has' if board.projects_without_dates == 1 else 'have'} no dates at all and "
            f"{'is' if board.projects_without_dates == 1 else 'are'} left out.",
        ]
    return out


def stale_section(board: Dashboard, links: Links) -> list[str]:
    title = "Projects needing review, by phase"
    total = sum(c.value for c in board.stale_by_phase)
    return [
        f"## {title}",
        "",
        f"{plural(total, 'project')} {'needs' if total == 1 else 'need'} review: nothing has "
        "happened to them for longer than their phase allows, or a service assessment is "
        f"overdue. [Projects needing review]({links.review}) lists them with their maintainers.",
        "",
        count_section("stale-by-phase", title, board.stale_by_phase, "Phase", "Projects"),
    ]


def pledge_total(total: metrics.PledgeTotal) -> str:
    if total.amount is None:
        return "No amount"
    if total.unit == "£":
        return f"£{format_number(total.amount)}"
    return f"{format_number(total.amount)} {total.unit}"


def pledges_section(board: Dashboard) -> list[str]:
    title = "Pledges by kind"
    totals = board.pledges_by_kind
    chart = BarChart(
        "pledges-by-kind",
        title,
        tuple(Bar(t.label, t.count, format_number(t.count)) for t in totals),
    )
    table = Table(
        title,
        (Column("Kind"), Column("Pledges", numeric=True), Column("Total pledged", numeric=True)),
        tuple(
            (
                Cell(t.label),
                Cell(format_number(t.count), numeric=True),
                Cell(pledge_total(t), numeric=True),
            )
            for t in totals
        ),
    )
    return [
        f"## {title}",
        "",
        "The chart counts pledges; the table also adds up time (in days) and money.",
        "",
        figure(render_bar_chart(chart), table),
    ]


def makerdays_section(board: Dashboard, links: Links) -> list[str]:
    days = board.upcoming_makerdays
    title = "Upcoming maker days and their challenges"
    out = ["## Upcoming maker days", ""]
    if not days:
        out.append("No maker day is planned yet.")
        return out
    chart = BarChart(
        "upcoming-makerdays",
        title,
        tuple(
            Bar(f"{short_date(d.start)}: {d.title}", d.challenges, format_number(d.challenges))
            for d in days
        ),
    )
    table = Table(
        title,
        (Column("Maker day"), Column("When and where"), Column("Challenges", numeric=True)),
        tuple(
            (
                Cell(d.title, href=links.makerday(d.id)),
                Cell(f"{when(d.start, d.end)}, {d.place or 'place not yet known'}"),
                Cell(format_number(d.challenges), numeric=True),
            )
            for d in days
        ),
    )
    return [*out, figure(render_bar_chart(chart), table)]


def when(start: date, end: date) -> str:
    return long_date(start) if end == start else f"{long_date(start)} to {long_date(end)}"


def councils_list(board: Dashboard, links: Links) -> list[str]:
    out = ["## Most collaborative councils", ""]
    found = board.collaborative_councils
    if not found:
        out.append("No project has two or more councils yet.")
        return out
    table = Table(
        f"The {plural(len(found), 'council')} in the most projects shared with other councils",
        (
            Column("Council"),
            Column("Leads", numeric=True),
            Column("Partners in", numeric=True),
            Column("Total", numeric=True),
        ),
        tuple(
            (
                Cell(c.name, href=links.council(c.id)),
                Cell(format_number(c.led), numeric=True),
                Cell(format_number(c.partnered), numeric=True),
                Cell(format_number(c.total), numeric=True),
            )
            for c in found
        ),
    )
    out += [
        "“Leads” counts the projects a council leads that at least one other council takes part "
        "in; “Partners in” counts every partner role (partner, contributor, observer). Ties are "
        "in name order.",
        "",
        render("list.html.j2", table=Markup(render_table(table))),
    ]
    return out


def looking_list(board: Dashboard, links: Links) -> list[str]:
    out = ["## Projects looking for partners longest", ""]
    found = board.looking_for_partners
    if not found:
        out.append("No open project is looking for people.")
        return out
    items = [
        {
            "href": links.project(f.id),
            "title": f.title,
            "lead": f.lead,
            "roles": f.roles,
            "since": short_date(f.since) if f.since else "",
            "how_long": how_long(f.since, board.today) if f.since else "",
        }
        for f in found
    ]
    out += [
        "Open projects with people wanted (`looking_for`), the longest going first.",
        "",
        render("looking.html.j2", items=items),
    ]
    return out


def challenges_list(board: Dashboard, links: Links) -> list[str]:
    out = [
        "## Challenges not yet taken by a maker day",
        "",
        "Projects offering a challenge that no maker day, past or planned, has listed. "
        f"[Maker-day challenges]({links.challenges}) has every open challenge.",
        "",
    ]
    if board.open_challenges:
        items = [
            {"href": links.project(c.id), "title": c.title, "lead": c.lead, "text": c.problem}
            for c in board.open_challenges
        ]
        out.append(render("challenges.html.j2", items=items))
    else:
        out.append("Every challenge offered by a current project has been taken by a maker day.")
    if board.held_back_challenges:
        items = [
            {"href": links.project(c.id), "title": c.title, "lead": "", "text": c.reason}
            for c in board.held_back_challenges
        ]
        out += [
            "",
            "### Held back until the project is current",
            "",
            "These projects also offer a challenge, but a maker day should only take one from a "
            "project that is up to date.",
            "",
            render("challenges.html.j2", items=items),
        ]
    return out


def dashboard_page(
    catalogue: Catalogue,
    today: date,
    stale: Stale,
    links: Links | None = None,
) -> DashboardPage:
    """The dashboard page's Markdown body, title and description."""
    links = links or Links()
    board = metrics.dashboard(catalogue, today, stale)
    lines = [
        f"# {TITLE}",
        "",
        f"Figures worked out from the records when this site was built on {long_date(today)}. "
        "Each chart is followed by a table of the same figures.",
        "",
    ]
    for section in (
        councils_section(board),
        phase_section(board),
        service_area_section(board),
        collaboration_section(board),
        stale_section(board, links),
        pledges_section(board),
        makerdays_section(board, links),
        councils_list(board, links),
        looking_list(board, links),
        challenges_list(board, links),
    ):
        lines += [*section, ""]
    return DashboardPage("\n".join(lines), TITLE, DESCRIPTION)
