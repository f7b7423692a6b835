"""The dashboard's chart sections: a heading, a note, then a chart followed by its table.

Each function returns Markdown lines; record text appears only inside the raw HTML blocks that
the templates render (escaped).
"""

from __future__ import annotations

from collections.abc import Sequence

from markupsafe import Markup

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
from generator.dashboard.links import Links
from generator.dashboard.metrics import Dashboard
from generator.dashboard.tables import Cell, Column, Table, render_table
from generator.dashboard.templates import render
from generator.dashboard.wording import plural, short_date, when


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


def councils_section(board: Dashboard) -> list[str]:
    points = board.councils_over_time
    out = ["## Councils signed up", ""]
    if not points:
        out.append(
            "No council has signed up to Pipeline yet, so there is nothing to chart. "
            "Councils named in projects count once they sign up."
        )
    else:
        unit = points[0].period.kind.capitalize()
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
            "Counted from the date each council signed up; the current "
            f"{unit.lower()} runs to today."
        )
        out += ["", figure(render_line_chart(chart), table)]
    if board.councils_without_joined:
        out += [
            "",
            plural(board.councils_without_joined, "council or body", "councils and bodies") + " "
            f"{'is' if board.councils_without_joined == 1 else 'are'} named in projects but "
            f"{'has' if board.councils_without_joined == 1 else 'have'} not signed up to "
            "Pipeline yet, so "
            f"{'it is' if board.councils_without_joined == 1 else 'they are'} not counted.",
        ]
    return out


def _all_zero(counts: Sequence[metrics.Count]) -> bool:
    """Nothing to chart: a chart of zeros says less than a sentence."""
    return not any(c.value for c in counts)


def phase_section(board: Dashboard) -> list[str]:
    title = "Projects by phase"
    if _all_zero(board.projects_by_phase):
        return [f"## {title}", "", "No projects yet. Propose one from the home page."]
    return [
        f"## {title}",
        "",
        count_section("projects-by-phase", title, board.projects_by_phase, "Phase", "Projects"),
    ]


def service_area_section(board: Dashboard) -> list[str]:
    title = "Projects by service area"
    if _all_zero(board.projects_by_service_area):
        return [f"## {title}", "", "No project names a service area yet."]
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
    unit = points[0].period.kind.capitalize()
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
        "joined (a partner whose joining date is not given counts from the start). Records do "
        "not say when a partner left or a project ended, so these are approximations.",
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
    if not total:
        return [f"## {title}", "", "No project needs review: every record is up to date."]
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


def pledges_section(board: Dashboard, links: Links) -> list[str]:
    title = "Pledges by kind"
    totals = board.pledges_by_kind
    if not any(t.count for t in totals):
        # A chart and a table of zeros say nothing: say so, and where to pledge.
        return [
            f"## {title}",
            "",
            "No council has pledged time, money, data or testing to a project yet. "
            f"[Find a project to pledge to]({links.projects}): each project page has a "
            "pledge form.",
        ]
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
        out.append(
            f"No maker day is planned yet. To plan one, see [Maker days]({links.makerdays}) "
            "or write to the Pipeline team; projects can offer challenges for it "
            f"on [Maker-day challenges]({links.challenges})."
        )
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
