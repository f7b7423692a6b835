"""Section pages built across projects: reusable services, open challenges, needing review."""

from __future__ import annotations

from generator.pages import facts
from generator.pages.model import Page, SiteInputs
from generator.pages.templating import render

OTHER_AREA = "Other services"


def services(inputs: SiteInputs) -> Page:
    """Reusable services grouped by service area (a service can appear in several)."""
    catalogue = inputs.catalogue
    reusable = sorted(
        (p for p in catalogue.projects.values() if p.reusable), key=lambda p: p.title.lower()
    )
    groups = []
    for area in catalogue.service_areas.values():
        members = [p for p in reusable if area.id in p.service_areas]
        if members:
            groups.append((area.id, area.name, members))
    unfiled = [
        p for p in reusable if not any(a in catalogue.service_areas for a in p.service_areas)
    ]
    if unfiled:
        groups.append(("other", OTHER_AREA, unfiled))
    path = "services/index.md"
    return Page(
        path=path,
        title="Reusable services",
        description=f"{len(reusable)} services built by councils that other councils can take "
        "and run, with their licence, code and documentation.",
        body=render("services.html.j2", path, groups=groups, count=len(reusable),
                    catalogue=catalogue),
        hide=("navigation", "toc"),
    )  # fmt: skip


def challenges(inputs: SiteInputs) -> Page:
    catalogue = inputs.catalogue
    projects = facts.open_project_challenges(catalogue, inputs.stale)
    standalone = facts.standalone_challenges(catalogue, inputs.today)
    path = "challenges/index.md"
    return Page(
        path=path,
        title="Maker-day challenges",
        description="Open problems that councils offer as maker-day challenges, from up-to-date "
        "projects and from upcoming maker days.",
        body=render(
            "challenges.html.j2",
            path,
            projects=projects,
            standalone=standalone,
            upcoming=facts.upcoming_makerdays(catalogue, inputs.today),
            catalogue=catalogue,
        ),
        hide=("navigation", "toc"),
    )


def review(inputs: SiteInputs) -> Page:
    """Projects needing review, most overdue first (the order `find_stale` gives)."""
    catalogue = inputs.catalogue
    rows = sorted(inputs.stale.values(), key=lambda s: (-s.days_overdue, s.id))
    items = [(catalogue.projects[s.id], s) for s in rows if s.id in catalogue.projects]
    path = "review/index.md"
    return Page(
        path=path,
        title="Projects needing review",
        description="Projects whose records have not been reviewed or updated for too long, "
        "most overdue first, with who maintains each.",
        body=render("review.html.j2", path, items=items, catalogue=catalogue, facts=facts),
        hide=("navigation", "toc"),
    )
