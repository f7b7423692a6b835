"""The dashboard's lists: most collaborative councils, projects looking for people longest, and
challenges no maker day has taken. Ranked lists are <ol>, so they read well on a phone."""

from __future__ import annotations

from markupsafe import Markup

from generator.dashboard.charts import format_number
from generator.dashboard.links import Links
from generator.dashboard.metrics import Dashboard
from generator.dashboard.tables import Cell, Column, Table, render_table
from generator.dashboard.templates import render
from generator.dashboard.wording import how_long, plural, short_date


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
        "Open projects asking other councils for people or skills, the longest going first.",
        "",
        render("looking.html.j2", items=items),
    ]
    return out


def untaken_challenges(
    board: Dashboard, links: Links
) -> tuple[list[dict[str, str]], list[dict[str, str]]]:
    """List items for the challenges no maker day has taken, and for those held back."""
    taken_by_none = [
        {"href": links.project(c.id), "title": c.title, "lead": c.lead, "text": c.problem}
        for c in board.open_challenges
    ]
    held_back = [
        {"href": links.project(c.id), "title": c.title, "lead": "", "text": c.reason}
        for c in board.held_back_challenges
    ]
    return taken_by_none, held_back


def challenges_list(board: Dashboard, links: Links, limit: int | None = None) -> list[str]:
    """The untaken challenges; with a `limit`, the first of each list and a link to them all
    (`links.untaken`, in pages), so the dashboard does not grow with the catalogue."""
    out = [
        "## Challenges not yet taken by a maker day",
        "",
        "Projects offering a challenge that no maker day, past or planned, has listed. "
        f"[Maker-day challenges]({links.challenges}) has every open challenge.",
        "",
    ]
    taken_by_none, held_back = untaken_challenges(board, links)
    if limit is not None and max(len(taken_by_none), len(held_back)) > limit:
        total = len(taken_by_none) + len(held_back)
        out += [
            f"The first {limit} of each list below; "
            f"[all {total:,} challenges not yet taken]({links.untaken}) are in pages.",
            "",
        ]
    if taken_by_none:
        out.append(render("challenges.html.j2", items=taken_by_none[:limit]))
    elif not board.challenges_offered:
        out.append(
            "No project offers a maker-day challenge yet. A challenge is a problem a project "
            "wants help with for a day: add one with a project update, or propose one on "
            f"[Maker-day challenges]({links.challenges})."
        )
    else:
        out.append("Every challenge offered by a current project has been taken by a maker day.")
    if held_back:
        out += [
            "",
            "### Held back until the project is current",
            "",
            "These projects also offer a challenge, but a maker day should only take one from a "
            "project that is up to date.",
            "",
            render("challenges.html.j2", items=held_back[:limit]),
        ]
    return out
