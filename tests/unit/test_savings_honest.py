"""Savings on records written from sources: a council that took over from the council that
built a service, or that led one of its awards, did not avoid building its own; each adopter
counts once; and every figure says what it is estimated from, with no line of zeros posing as
a finding."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.pages.model import SiteSettings
from generator.savings.estimate import estimate
from generator.savings.report import totals_lines
from generator.settings import DEFAULT_BAND_POINTS
from generator.site.compose import generate_site
from generator.site.content import load, read_schemas
from tests.conftest import EXAMPLES, TODAY, make_repository

RECORD = "projects/shared-website-platform.yml"


@pytest.fixture
def root(tmp_path: Path) -> Path:
    root = make_repository(tmp_path / "repo", EXAMPLES / "base", EXAMPLES / "valid/real-facts")
    path = root / RECORD
    text = path.read_text(encoding="utf-8")
    # Hackney leads two awards but is only an observer; Cumbria's successors and Hackney
    # adopt the service. (An adopter listed twice is an error `pipeline validate` reports.)
    text = text.replace("    role: partner\n", "    role: observer\n")
    text = text.replace(
        "    - tipperary\n",
        "    - tipperary\n    - cumberland\n    - westmorland-and-furness\n    - hackney\n",
    )
    path.write_text(text, encoding="utf-8")
    return root


def test_successors_and_award_leads_are_not_counted(root: Path) -> None:
    savings = estimate(load(root, TODAY).catalogue, DEFAULT_BAND_POINTS)
    service = savings.service("shared-website-platform")
    assert service is not None
    assert [a.council for a in service.counted] == ["west-berkshire", "tipperary"]
    reasons = {a.council: a.not_counted for a in service.adopters if a.not_counted}
    assert reasons == {
        "cumberland": "successor",
        "westmorland-and-furness": "successor",
        "hackney": "builder",
    }
    # The awards' £75,000 and £425,000 are the build cost once, for each counted adopter.
    assert service.each is not None and service.each.low == service.each.high == 500_000
    assert savings.totals.avoided.low == 1_000_000


def test_the_report_names_its_basis_and_says_when_nothing_is_recorded(root: Path) -> None:
    savings = estimate(load(root, TODAY).catalogue, DEFAULT_BAND_POINTS)
    lines = "\n".join(totals_lines(savings, "https://example.org/savings"))
    assert "Every figure is an estimate" in lines and "recorded funding" in lines
    assert "£0" not in lines and "0 days" not in lines
    assert "Shared building: not estimated" in lines
    assert "Pledged: no pledges recorded." in lines


def test_the_dashboard_says_the_figure_rests_on_recorded_funding(root: Path) -> None:
    content = generate_site(
        load(root, TODAY).catalogue, SiteSettings(), today=TODAY, schemas=read_schemas(root)
    )
    dashboard = next(p.body for p in content.pages if p.path.startswith("dashboard"))
    assert "public funding its sources record" in dashboard
    assert "estimates from each project's budget band" not in dashboard


def test_the_home_page_claims_shared_building_only_when_some_is_counted(root: Path) -> None:
    content = generate_site(
        load(root, TODAY).catalogue, SiteSettings(), today=TODAY, schemas=read_schemas(root)
    )
    home = next(p.body for p in content.pages if p.path == "index.md")
    assert "reused each other's services" in home
    assert "built them together" not in home
