"""Records as sourced facts on the site: funding as a project's history of phases, where its
facts come from and whether its council confirmed them, abolished councils and bodies outside
the UK shown as they are, and only councils that signed up counted as signed up.

Built from tests/examples/base with valid/real-facts laid over: a project led by abolished
Cumbria and funded in three phases, an Irish adopter, the GLA and a ministry."""

from __future__ import annotations

import csv
import html
import io
import json
import re
from datetime import date

import pytest

from generator.catalogue.model import band_of
from generator.pages.model import SiteSettings
from generator.site.compose import generate_site
from generator.site.content import liveliness, load, read_schemas
from generator.staleness.assessment import last_activity
from tests.conftest import EXAMPLES, PROJECT_ROOT, TODAY, make_repository


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory):
    root = make_repository(
        tmp_path_factory.mktemp("facts") / "repo", EXAMPLES / "base", EXAMPLES / "valid/real-facts"
    )
    catalogue = load(root, TODAY).catalogue
    live = liveliness(catalogue, root, TODAY)
    content = generate_site(
        catalogue, SiteSettings(), today=TODAY, schemas=read_schemas(PROJECT_ROOT),
        stale=live.stale, activity=live.activity,
    )  # fmt: skip
    pages = {p.path: p.body for p in content.pages}
    files = {f.path: f.content for f in content.files}
    return catalogue, pages, files


def text(body: str) -> str:
    """A page's words, without tags, as a reader meets them: inline tags leave nothing, the
    others (cells, paragraphs) a space."""
    inline = re.sub(r"</?(?:a|time|span|code|strong|em)\b[^>]*>", "", body)
    return html.unescape(re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", inline)))


def test_budget_bands_from_amounts_include_their_upper_limit() -> None:
    assert [band_of(n) for n in (0, 49_999, 50_000, 100_000, 100_001, 500_000)] == [
        "under-50k", "under-50k", "50k-100k", "50k-100k", "100k-250k", "250k-500k",
    ]  # fmt: skip
    assert band_of(1_000_000) == "500k-1m" and band_of(1_000_001) == "over-1m"


def test_funding_is_the_projects_dated_history_of_phases(site) -> None:
    catalogue, pages, _ = site
    project = catalogue.projects["shared-website-platform"]
    assert [a.phase for a in project.funding] == ["discovery", "alpha", "beta"]
    assert project.budget is None and project.budget_band == "250k-500k"
    page = pages["projects/shared-website-platform.md"]
    history = page[page.index('id="funding"') : page.index('id="roles-wanted"')]
    steps = re.findall(
        r'<p class="pl-log__date">(\d{4}) <span[^>]*>(\w+)</span></p><p>(.*?)</p>', history
    )
    assert [(year, phase) for year, phase, _ in steps] == [
        ("2019", "Discovery"), ("2020", "Alpha"), ("2021", "Beta"),
    ]  # fmt: skip
    said = [text(words) for _, _, words in steps]
    assert said[0].startswith("£75,000 from the Local Digital Fund, round 3 (Ministry of Hous")
    assert said[1].startswith("From the Local Digital Fund, round 4 (Ministry of Housing, Commun")
    assert "; the sources give no amount." in said[1]
    assert said[2].startswith("£425,000 from the Local Digital Fund, follow-on funding (Februa")
    words = text(page)
    assert "3 awards recorded, £500,000 in the amounts the sources give (1 without an amount)" in (
        words
    )
    assert "Led by Hackney." in said[0] and "Hackney" not in said[2]  # where the lead differs
    assert "inferred from the round's list of leads" in words
    assert "Budget £250,000 to £500,000, from the funding recorded" in words


def test_the_page_says_where_its_facts_come_from_and_that_nobody_confirmed_them(site) -> None:
    _, pages, _ = site
    page = pages["projects/shared-website-platform.md"]
    words = text(page)
    sources = page.index('id="sources"')
    assert (
        '<a href="https://example.org/funded/discovery">Fund page for the discovery</a>'
        in (page[sources:])
    )
    assert "News of the beta award, read 2 November 2026" in words
    # Near the top, before the facts: in plain words, with the one-step ways to confirm it.
    banner = page.index("Waiting for the councils that took over from Cumbria to confirm this")
    assert banner < page.index('id="at-a-glance"')
    assert "template=update-project.yml" in page[banner:sources]
    assert "project=shared-website-platform" in page[banner:sources]
    assert "/reviewed shared-website-platform" in page[banner:sources]
    assert "Not yet confirmed by its council." in words
    # Out of date, said once, in the same box: the council is asked, not a maintainer.
    assert "The newest fact it holds is from 2021, so parts of it may be out of date." in words
    assert "This project needs review" not in words
    confirmed = text(pages["projects/confirmed-platform.md"])
    assert "Waiting for" not in confirmed
    assert "Confirmed by its council: @westberks/digital-team on 20 November 2026." in confirmed


def test_a_project_led_by_an_abolished_council_says_so(site) -> None:
    _, pages, _ = site
    words = text(pages["projects/shared-website-platform.md"])
    assert (
        "Led by Cumbria, which was abolished on 1 April 2023; replaced by Cumberland Council "
        "and Westmorland and Furness Council." in words
    )
    assert (
        "The lead council, Cumbria, no longer exists: contact Cumberland or Westmorland and "
        "Furness, which took over its work" in words
    )


def test_an_abolished_council_shows_its_end_and_linked_successors(site) -> None:
    _, pages, _ = site
    page = pages["councils/cumbria.md"]
    assert "Abolished on 1 April 2023; replaced by Cumberland Council and Westmorland and " in (
        text(page)
    )
    assert '<a href="../cumberland/">Cumberland Council</a>' in page
    assert '<a href="../westmorland-and-furness/">Westmorland and Furness Council</a>' in page
    assert "Named in 1 project." in text(page)  # it can no longer sign up
    assert "Signed up to Pipeline No " in text(page) and "Sign up Cumbria" not in text(page)
    assert "Named in 1 project, not signed up to Pipeline yet." in text(
        pages["councils/tipperary.md"]
    )


def test_bodies_are_shown_as_what_they_are(site) -> None:
    _, pages, _ = site
    irish = text(pages["councils/tipperary.md"])
    assert "Type Council outside the UK" in irish and "Country Ireland" in irish
    assert "Nation" not in irish and "ONS code" not in irish and "Register code" not in irish
    assert "Type Strategic authority" in text(pages["councils/greater-london-authority.md"])
    ministry = "councils/ministry-of-housing-communities-and-local-government.md"
    assert "Type UK government department" in text(pages[ministry])


def test_only_councils_that_joined_count_as_signed_up(site) -> None:
    catalogue, pages, _ = site
    assert sum(1 for c in catalogue.councils.values() if c.joined) == 2 < len(catalogue.councils)
    assert "2 councils signed up" in text(pages["index.md"])
    councils = text(pages["councils/index.md"])
    assert "2 councils have signed up to Pipeline. 6 other councils and bodies are named" in (
        councils
    )
    assert "Tipperary County Council: named in 1 project, not signed up yet" in councils
    assert "Cumbria County Council: named in 1 project, not signed up yet (abolished in 2023)" in (
        councils
    )
    assert "Ireland 1 council" in councils  # outside the UK, by country
    assert "Cumberland Council: not signed up yet" in councils  # named only as a successor
    assert "Not signed up to Pipeline yet." in text(pages["councils/cumberland.md"])


def test_last_activity_is_the_latest_dated_fact(site) -> None:
    catalogue, pages, _ = site
    funded = last_activity(catalogue.projects["shared-website-platform"])
    assert funded and (funded.date, funded.source) == (date(2021, 12, 31), "funded")
    assert funded.text == "Last funded in 2021"
    confirmed = last_activity(catalogue.projects["confirmed-platform"])
    assert confirmed and (confirmed.date, confirmed.source) == (date(2026, 11, 20), "confirmed")
    assert "Last activity Last funded in 2021" in text(pages["projects/shared-website-platform.md"])


def test_the_review_page_lists_waiting_records_by_council(site) -> None:
    _, pages, _ = site
    page = pages["review/index.md"]
    waiting = page[page.index('id="waiting"') : page.index('id="due-soon"')]
    assert 'id="waiting-cumbria"' in waiting
    assert "shared-website-platform" in waiting and "confirmed-platform" not in waiting
    assert "so its facts may be out of date" in text(waiting)
    # ...and not one by one among the projects needing review.
    listed = page[: page.index('id="waiting"')]
    assert "shared-website-platform" not in listed


def test_the_api_and_csv_carry_funding_sources_and_confirmation(site) -> None:
    _, _, files = site
    projects = {p["id"]: p for p in json.loads(files["api/projects.json"])["projects"]}
    item = projects["shared-website-platform"]
    assert [a["phase"] for a in item["funding"]] == ["discovery", "alpha", "beta"]
    assert item["funding"][0]["amount_gbp"] == 75000
    assert item["sources"][2] == {
        "url": "https://example.org/news/beta", "title": "News of the beta award",
        "read": "2026-11-02",
    }  # fmt: skip
    assert (item["budget_band"], item["funded_gbp"], item["waiting_for_council"]) == (
        "250k-500k", 500000, True,
    )  # fmt: skip
    assert item["confirmed"] is None
    assert projects["confirmed-platform"]["confirmed"]["by"] == "@westberks/digital-team"
    councils = {c["id"]: c for c in json.loads(files["api/councils.json"])["councils"]}
    assert councils["cumbria"]["successors"] == ["cumberland", "westmorland-and-furness"]
    assert (councils["cumbria"]["abolished"], councils["cumbria"]["signed_up"]) == (True, False)
    assert councils["tipperary"]["country"] == "Ireland" and councils["hackney"]["signed_up"]
    rows = list(csv.DictReader(io.StringIO(files["projects.csv"].decode("utf-8-sig"))))
    row = next(r for r in rows if r["id"] == "shared-website-platform")
    assert row["funding"] == (
        "2019 discovery: Local Digital Fund, round 3, £75,000; "
        "2020 alpha: Local Digital Fund, round 4; "
        "2021 beta: Local Digital Fund, follow-on funding (February 2021), £425,000"
    )
    assert row["sources"].split() == [
        "https://example.org/funded/discovery", "https://example.org/funded/alpha",
        "https://example.org/news/beta",
    ]  # fmt: skip
    assert (row["budget_band"], row["funded_gbp"], row["confirmed_by"]) == (
        "250k-500k",
        "500000",
        "",
    )


def test_savings_use_the_recorded_funding_and_real_adopters(site) -> None:
    _, pages, files = site
    document = json.loads(files["api/savings.json"])
    (service,) = [s for s in document["services"] if s["project"] == "shared-website-platform"]
    assert service["basis"] == "funding"
    assert service["band"]["low"] == service["band"]["high"] == 500000
    words = text(pages["projects/shared-website-platform.md"])
    assert "Adopted by 2 councils: at least £1,000,000 not spent again, each counting the " in words
    assert "£500,000 of recorded funding it took to build." in words
    irish = text(pages["councils/tipperary.md"])
    assert "the £500,000 of recorded funding it took to build, not spent building its own" in irish


def test_a_body_outside_the_uk_is_filtered_by_its_country(site) -> None:
    from generator.pages import facts

    catalogue, _, _ = site
    assert facts.places(catalogue.councils["tipperary"]) == ("ireland",)
    assert facts.places(catalogue.councils["cumbria"]) == ("england", "england/north-west")


def test_the_dashboard_dates_a_project_from_its_first_award(site) -> None:
    from generator.dashboard.timeline import first_date

    catalogue, _, _ = site
    assert first_date(catalogue.projects["shared-website-platform"]) == date(2019, 1, 1)
