"""Councils: the list grouped by nation and region (`/councils/`) and one page each."""

from __future__ import annotations

import html
from collections import defaultdict
from dataclasses import dataclass
from itertools import groupby

from generator.catalogue.model import Council, MakerDay, Pledge, Project
from generator.catalogue.partners import every_council_like_yours
from generator.pages import paths, provenance
from generator.pages.model import Page, SiteInputs, SiteSettings
from generator.pages.templating import render
from generator.portfolio.likeness import AlikeCouncil, every_council_alike
from generator.savings.wording import (
    council_adoption,
    council_others_total,
    council_reuse_total,
)
from generator.vocabulary import COUNCIL_TYPES, NATIONS

NO_REGION = "Other"


@dataclass(frozen=True)
class _ByCouncil:
    """What each council page lists from other records, gathered in one pass over them all
    rather than one per council (hundreds of councils, thousands of projects)."""

    pledges: dict[str, list[tuple[Project, Pledge]]]
    adopted: dict[str, list[Project]]
    hosted: dict[str, list[MakerDay]]
    like_yours: dict[str, list[tuple[str, str]]]
    named: dict[str, int]  # how many projects name each council
    alike: dict[str, list[AlikeCouncil]]

    @classmethod
    def of(cls, inputs: SiteInputs) -> _ByCouncil:
        catalogue, counted = inputs.catalogue, inputs.savings.by_project
        pledges: dict[str, list[tuple[Project, Pledge]]] = defaultdict(list)
        adopted: dict[str, list[Project]] = defaultdict(list)
        for project in catalogue.projects.values():
            for pledge in project.pledges:
                pledges[pledge.council].append((project, pledge))
            if project.reuse and project.id in counted:
                for council_id in dict.fromkeys(project.reuse.adopted_by):
                    adopted[council_id].append(project)
        hosted: dict[str, list[MakerDay]] = defaultdict(list)
        for day in catalogue.makerdays.values():
            for council_id in dict.fromkeys(day.hosts):
                hosted[council_id].append(day)
        return cls(
            pledges,
            adopted,
            hosted,
            every_council_like_yours(catalogue),
            provenance.projects_naming(catalogue),
            every_council_alike(catalogue, inputs.similar),
        )


def pages(inputs: SiteInputs) -> list[Page]:
    by_council = _ByCouncil.of(inputs)
    return [
        index_page(inputs, by_council.named),
        *(council_page(inputs, c, by_council) for c in inputs.catalogue.councils.values()),
    ]


def index_page(inputs: SiteInputs, named: dict[str, int]) -> Page:
    catalogue = inputs.catalogue
    order = list(NATIONS)

    def nation_key(c: Council) -> tuple[int, str]:
        """UK nations in their order, then bodies outside the UK by country."""
        place = provenance.place_of(c)
        return (order.index(place) if place in order else len(order), place)

    councils = sorted(catalogue.councils.values(), key=lambda c: (nation_key(c), c.region, c.label))
    nations = []
    for (_, nation), members in groupby(councils, key=nation_key):
        members = list(members)
        regions = [
            (region or NO_REGION, list(group))
            for region, group in groupby(members, key=lambda c: c.region)
        ]
        nations.append((nation, NATIONS.get(nation, nation), len(members), regions))
    path = "councils/index.md"
    signed_up = sum(1 for c in councils if c.signed_up)
    return Page(
        path=path,
        title="Councils",
        description=f"The {signed_up} councils signed up to Pipeline and the "
        f"{len(councils) - signed_up} other bodies named in its projects, by nation and "
        "region, with the projects each leads and takes part in.",
        body=render(
            "councils.html.j2",
            path,
            nations=nations,
            count=signed_up,
            named_only=len(councils) - signed_up,
            named=named,
            ended={c.id for c in councils if c.abolished_by(inputs.today)},
            # Only the counts: the page depends on them, not on every project's record.
            project_counts={c: len(ps) for c, ps in catalogue.projects_by_council.items()},
            settings=inputs.settings,
        ),
        hide=("navigation", "toc"),
        raw_html=True,
        searchable=False,
    )


def council_page(inputs: SiteInputs, council: Council, by_council: _ByCouncil) -> Page:
    catalogue = inputs.catalogue
    projects = catalogue.projects_by_council.get(council.id, [])
    led = [p for p in projects if p.lead_council == council.id]
    partnered = [
        (p, next(x.role for x in p.partners if x.council == council.id))
        for p in projects
        if p.lead_council != council.id
    ]
    pledges = by_council.pledges.get(council.id, [])
    savings = inputs.savings
    adopted = [
        (p, council_adoption(savings.by_project[p.id], council.id))
        for p in by_council.adopted.get(council.id, [])
    ]
    hosted = sorted(by_council.hosted.get(council.id, []), key=lambda d: d.start_day, reverse=True)
    path = paths.source(paths.council(council.id))
    kind = COUNCIL_TYPES.get(council.type, council.type)
    return Page(
        path=path,
        title=council.name,
        description=f"{council.name}: {kind} in "
        f"{NATIONS.get(council.nation, council.nation) if council.in_uk else council.country}. "
        f"Leads {len(led)} and takes part in {len(partnered)} Pipeline projects.",
        body=render(
            "council.html.j2",
            path,
            c=council,
            end=provenance.abolition(council, catalogue, inputs.today),
            named=by_council.named.get(council.id, 0),
            settings=inputs.settings,
            led=led,
            partnered=partnered,
            pledges=pledges,
            adopted=adopted,
            mine=savings.council(council.id),
            reuse_total=council_reuse_total(savings.council(council.id)),
            others_total=council_others_total(savings.council(council.id)),
            reused_from=[
                (catalogue.projects[s.project], s)
                for s in savings.council(council.id).reused_from_it
            ],
            hosted=hosted,
            earlier=inputs.earlier_paths.get(council.path, ()),
            feed=paths.council_feed(council.id),
            alike=by_council.alike.get(council.id, []),
            report=paths.council_report(council.id),
            embed=paths.council_embed(council.id),
            embed_snippet=embed_snippet(inputs.settings, council),
            json_snippet=JSON_SNIPPET.replace(
                "ADDRESS", inputs.settings.page_url(paths.council_json(council.id))
            ),
            report_files={
                "Markdown text": paths.council_report_file(council.id, "txt"),
                "a spreadsheet (CSV)": paths.council_report_file(council.id, "csv"),
                "JSON": paths.council_json(council.id),
            },
            json_url=inputs.settings.page_url(paths.council_json(council.id)),
            like_yours=[
                (catalogue.councils[other], reason)
                for other, reason in by_council.like_yours[council.id]
            ],
        ),
        record_path=council.path,
        in_nav=False,
        hide=("navigation", "toc"),
        raw_html=True,
        feed=paths.council_feed(council.id),
    )


# For a council's website that lists its projects itself: text only (textContent), no markup
# from the file is ever read as HTML.
JSON_SNIPPET = """<ul id="pipeline-projects"></ul>
<script>
fetch("ADDRESS")
  .then((response) => response.json())
  .then((report) => {
    const list = document.getElementById("pipeline-projects");
    for (const project of report.projects) {
      const item = list.appendChild(document.createElement("li"));
      const link = item.appendChild(document.createElement("a"));
      link.href = project.url;
      link.textContent = `${project.title} (${project.phase})`;
    }
  });
</script>"""


def embed_snippet(settings: SiteSettings, council: Council) -> str:
    """The code a council pastes into its own website to list its projects, as HTML source.
    The inline style is the council's page's, not ours: our policy does not apply there."""
    src = settings.page_url(paths.council_embed(council.id))
    title = html.escape(f"{council.label}'s projects on {settings.site_name}", quote=False)
    title = title.replace('"', "&quot;")
    return (
        f'<iframe src="{src}" title="{title}" loading="lazy" '
        'style="box-sizing: border-box; width: 100%; height: 32rem; border: 1px solid #b1b4b6">'
        "</iframe>"
    )
