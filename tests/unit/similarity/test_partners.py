"""'Councils like yours': same type, same service areas, not partners yet."""

from __future__ import annotations

from generator.catalogue.construction import load_service_areas
from generator.catalogue.model import Catalogue, Council, Partner, Project
from generator.catalogue.partners import councils_like_yours
from tests.conftest import PROJECT_ROOT


def _council(council_id: str, kind: str = "unitary") -> Council:
    return Council(
        council_id, f"councils/{council_id}.yml", f"{council_id} Council", kind, "england"
    )


def _project(
    project_id: str, lead: str, areas: tuple[str, ...], partners=(), phase: str = "beta"
) -> Project:
    return Project(
        id=project_id,
        path=f"projects/{project_id}.yml",
        title=project_id.replace("-", " ").capitalize(),
        summary="A project.",
        phase=phase,
        lead_council=lead,
        partners=tuple(Partner(p, "partner") for p in partners),
        service_areas=areas,
    )


def _catalogue() -> Catalogue:
    councils = [
        _council("ours"),
        _council("busy"),  # unitary, two waste projects
        _council("small"),  # unitary, one waste project
        _council("district", "district"),  # waste, but another type
        _council("friend"),  # unitary, waste, already works with us
        _council("retired-only"),  # unitary, only a retired waste project
        _council("housing-only"),  # unitary, another service area
        _council("idle"),  # unitary, no projects
    ]
    projects = [
        _project("our-bins", "ours", ("waste-and-recycling", "parking")),
        _project("bin-day", "busy", ("waste-and-recycling",)),
        _project("bulky-waste", "busy", ("waste-and-recycling",)),
        _project("garden-waste", "small", ("waste-and-recycling", "housing")),
        _project("district-bins", "district", ("waste-and-recycling",)),
        _project("shared", "friend", ("waste-and-recycling",), partners=("ours",)),
        _project("old", "retired-only", ("waste-and-recycling",), phase="retired"),
        _project("repairs", "housing-only", ("housing",)),
    ]
    return Catalogue(
        projects={p.id: p for p in projects},
        councils={c.id: c for c in councils},
        makerdays={},
        service_areas=load_service_areas(PROJECT_ROOT),
    )


def test_same_type_same_areas_not_yet_partners_most_projects_first() -> None:
    assert councils_like_yours(_catalogue(), "ours") == [
        ("busy", "Also a unitary council, working on Waste and recycling (Bin day, Bulky waste)."),
        ("small", "Also a unitary council, working on Waste and recycling (Garden waste)."),
    ]


def test_top_limits_the_list() -> None:
    assert [c for c, _ in councils_like_yours(_catalogue(), "ours", top=1)] == ["busy"]


def test_more_shared_areas_rank_higher() -> None:
    catalogue = _catalogue()
    catalogue.projects["small-parking"] = _project("small-parking", "small", ("parking",))
    assert [c for c, _ in councils_like_yours(catalogue, "ours")] == ["small", "busy"]
    reason = dict(councils_like_yours(catalogue, "ours"))["small"]
    assert reason == (
        "Also a unitary council, working on Parking (Small parking); "
        "Waste and recycling (Garden waste)."
    )


def test_nothing_for_a_council_without_projects_or_an_unknown_id() -> None:
    assert councils_like_yours(_catalogue(), "idle") == []
    assert councils_like_yours(_catalogue(), "nowhere") == []


def test_every_type_reads_as_a_sentence() -> None:
    catalogue = _catalogue()
    for council_id in ("ours", "busy"):
        catalogue.councils[council_id] = _council(council_id, "other")
    [(_, reason)] = councils_like_yours(catalogue, "ours")
    assert reason.startswith("Also a council of the same kind, working on")


def test_the_council_page_suggests_councils_like_yours() -> None:
    from datetime import date

    from generator.pages.model import SiteSettings
    from generator.site.compose import generate_site

    content = generate_site(_catalogue(), SiteSettings(), today=date(2026, 11, 22))
    page = next(p for p in content.pages if p.path == "councils/ours.md")
    assert '<h2 id="like-yours">Councils like yours</h2>' in page.body
    assert 'href="../busy/"' in page.body
    assert 'href="../district/"' not in page.body.split('id="like-yours"')[1]
    idle = next(p for p in content.pages if p.path == "councils/idle.md")
    assert "Councils like yours" not in idle.body
