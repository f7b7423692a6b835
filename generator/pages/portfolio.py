"""Each council's portfolio on the site: the report page laid out for print
(`/councils/<id>/report/`), the list for an <iframe> on its own website
(`/councils/<id>/embed/`), and the report as JSON, CSV and Markdown files.

The report and the embed are small documents of their own, written as data files: no theme,
no navigation, no script, and the site's Content-Security-Policy. That keeps them cheap (two
templates per council, not two more themed pages) and lets them sit in an <iframe> or on paper.
"""

from __future__ import annotations

import base64
import hashlib
from collections import defaultdict
from collections.abc import Callable, Sequence
from functools import cache, partial
from importlib.resources import files

from markupsafe import Markup

from generator.catalogue.model import Project
from generator.events import Event
from generator.forking import Forked, helper_pays
from generator.pages import paths
from generator.pages.model import CONTENT_SECURITY_POLICY, DataFile, SiteInputs, SiteSettings
from generator.pages.render_memory import remembered
from generator.pages.templating import environment, relative_url
from generator.portfolio import formats, wording
from generator.portfolio.model import Portfolio, council_portfolio

REPORT_CSS = "assets/stylesheets/report.css"
EMBED_CSS = "assets/stylesheets/embed.css"
ICON = "assets/images/favicon.png"
# A council's files take a few milliseconds: from this many councils a helper pays off.
PARALLEL_FROM = 100  # the theme's, as on every other page


@cache
def stylesheet(name: str) -> str:
    """One of the stylesheets shipped beside the templates (report.css, embed.css)."""
    return (files("generator.pages") / "templates" / name).read_text(encoding="utf-8")


def portfolio_files(inputs: SiteInputs) -> list[DataFile]:
    """Every council's report page, embed page and report files, and their two stylesheets."""
    catalogue = inputs.catalogue
    events: dict[str, list[Event]] = defaultdict(list)
    for event in inputs.events:
        if event.record == "project":
            events[event.record_id].append(event)
    adopted: dict[str, list[Project]] = defaultdict(list)
    for project in catalogue.projects.values():
        for council_id in dict.fromkeys(project.reuse.adopted_by if project.reuse else ()):
            if council_id not in project.councils:
                adopted[council_id].append(project)
    savings = inputs.savings

    found = [
        DataFile(REPORT_CSS, stylesheet("report.css").encode("utf-8")),
        DataFile(EMBED_CSS, stylesheet("embed.css").encode("utf-8")),
    ]
    for council_id in catalogue.councils:
        portfolio = council_portfolio(
            catalogue, council_id, inputs.today, savings=savings, settings=inputs.community,
            activity_of=inputs.activity_of, events_of=events, adopted=adopted.get(council_id, []),
        )  # fmt: skip
        # In `mkdocs serve`, a council whose report reads the same as last time keeps its files.
        found += remembered(
            "portfolio files", paths.council(council_id),
            {"portfolio": portfolio, "settings": inputs.settings},
            partial(council_files, portfolio, inputs.settings),
        )  # fmt: skip
    return found


def portfolio_files_beside(inputs: SiteInputs) -> Callable[[], list[DataFile]]:
    """`portfolio_files(inputs)`, worked out in a forked helper while this process makes the
    rest of the site, where that pays (a full build with enough councils); call the result to
    have them. Otherwise they are made here, when called."""
    if not helper_pays(len(inputs.catalogue.councils), PARALLEL_FROM):
        return partial(portfolio_files, inputs)
    _ = inputs.events, inputs.savings  # worked out once, here, and inherited by the helper
    return Forked(partial(portfolio_files, inputs)).result


def council_files(portfolio: Portfolio, settings: SiteSettings) -> list[DataFile]:
    council_id = portfolio.council.id
    link = settings.page_url
    return [
        DataFile(
            paths.council_report(council_id) + "index.html",
            report_html(portfolio, settings).encode("utf-8"),
        ),
        DataFile(
            paths.council_embed(council_id) + "index.html",
            embed_html(portfolio, settings).encode("utf-8"),
        ),
        DataFile(paths.council_json(council_id), formats.json_bytes(portfolio, link)),
        DataFile(paths.council_report_file(council_id, "csv"), formats.csv_bytes(portfolio, link)),
        DataFile(
            paths.council_report_file(council_id, "txt"),
            formats.markdown(portfolio, link).encode("utf-8"),
        ),
    ]


def _relative_links(site_path: str) -> Callable[[str], str]:
    page = paths.source(site_path)
    return lambda target: relative_url(page, target)


def report_html(portfolio: Portfolio, settings: SiteSettings, *, standalone: bool = False) -> str:
    """The report page. `standalone` (`pipeline report council --format html`): one file to
    keep or send, its links absolute and its stylesheet inside, allowed by its hash alone."""
    council = portfolio.council
    css = stylesheet("report.css")
    if standalone:
        link, policy = settings.page_url, _inline_style_policy(css)
    else:
        link, policy = _relative_links(paths.council_report(council.id)), CONTENT_SECURITY_POLICY
    return (
        environment()
        .get_template("report.html.j2")
        .render(
            p=portfolio,
            c=council,
            title=wording.title(portfolio),
            dateline=wording.dateline(portfolio),
            signed_up=wording.signed_up(portfolio),
            totals=wording.totals_lines(portfolio),
            site_name=settings.site_name,
            policy=policy,
            stylesheet_url=None if standalone else link(REPORT_CSS),
            icon_url=None if standalone else link(ICON),
            stylesheet_text=Markup(css),  # our own file, exactly as its hash says
            back_url=None if standalone else link(paths.council(council.id)),
            markdown_url=link(paths.council_report_file(council.id, "txt")),
            csv_url=link(paths.council_report_file(council.id, "csv")),
            json_url=link(paths.council_json(council.id)),
            council_url=link(paths.council(council.id)),
            council_address=settings.page_url(paths.council(council.id)),
            project_link=lambda project_id: link(paths.project(project_id)),
            council_link=lambda council_id: link(paths.council(council_id)),
        )
    )


def _inline_style_policy(css: str) -> str:
    """No scripts, nothing loaded, and only this one stylesheet applied (CSP level 2 hashes)."""
    digest = base64.b64encode(hashlib.sha256(css.encode("utf-8")).digest()).decode("ascii")
    return f"default-src 'none'; style-src 'sha256-{digest}'; img-src data:; base-uri 'none'"


def embed_entries(portfolio: Portfolio) -> Sequence[object]:
    """What the embed lists: the projects it leads, then those it partners in, newest first
    by their last sign of life (an officer's website shows what is moving)."""
    entries = [e for s in portfolio.sections if s.key != "adopted" for e in s.entries]
    return sorted(
        entries,
        key=lambda e: (-(e.activity.date.toordinal() if e.activity else 0), e.project.title),
    )


def embed_html(portfolio: Portfolio, settings: SiteSettings) -> str:
    council = portfolio.council
    link = _relative_links(paths.council_embed(council.id))
    return (
        environment()
        .get_template("embed.html.j2")
        .render(
            c=council,
            entries=embed_entries(portfolio),
            site_name=settings.site_name,
            policy=CONTENT_SECURITY_POLICY,
            stylesheet_url=link(EMBED_CSS),
            icon_url=link(ICON),
            council_link=link(paths.council(council.id)),
            project_link=lambda project_id: link(paths.project(project_id)),
        )
    )
