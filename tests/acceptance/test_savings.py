"""What reuse and shared work saved: the example records' figures, worked out by hand, and the
same figures wherever they are published (pages, API, CSV, `pipeline savings`)."""

from __future__ import annotations

import csv
import io
import json
from decimal import Decimal
from pathlib import Path

import pytest

from generator.savings.estimate import Money, Savings, estimate
from generator.savings.wording import days, money_range, pounds
from generator.settings import DEFAULT_BAND_POINTS, SettingsError, load_settings
from generator.site.compose import generate_site
from generator.site.content import load, read_schemas
from generator.site.render import settings_from
from tests.conftest import PROJECT_ROOT, TODAY, catalogue_root

BAND = {  # the default points, which pipeline.yml states as they are
    "under-50k": Money(10_000, 50_000),
    "50k-100k": Money(50_000, 100_000),
    "100k-250k": Money(100_000, 250_000),
    "250k-500k": Money(250_000, 500_000),
}


@pytest.fixture(scope="module")
def catalogue():
    return load(catalogue_root(), TODAY).catalogue


@pytest.fixture(scope="module")
def savings(catalogue) -> Savings:
    return estimate(catalogue, load_settings(PROJECT_ROOT).band_points)


@pytest.fixture(scope="module")
def site(catalogue):
    content = generate_site(
        catalogue,
        settings_from(PROJECT_ROOT / "mkdocs.yml"),
        today=TODAY,
        schemas=read_schemas(PROJECT_ROOT),
        band_points=load_settings(PROJECT_ROOT).band_points,
    )
    return {p.path: p for p in content.pages}, {f.path: f.content for f in content.files}


def test_pipeline_yml_states_the_default_band_points() -> None:
    assert load_settings(PROJECT_ROOT).band_points == DEFAULT_BAND_POINTS


def test_reuse_counts_adopters_who_did_not_build_it(savings: Savings) -> None:
    counted = {s.project: [a.council for a in s.counted] for s in savings.services}
    # Stockport is a partner building it: not counted. Cardiff (contributor) and Kirklees
    # (observer) did not pay to build it: counted.
    assert counted["find-my-bin-day"] == ["cardiff", "kirklees"]
    # West Berkshire leads it and lists itself as an adopter: only Devon counts.
    assert counted["report-speeding-traffic"] == ["devon"]
    assert savings.service("report-speeding-traffic").adopters[0].not_counted == "lead"
    # Leeds builds it as a partner; Norwich contributes.
    assert counted["report-a-missed-bin"] == ["norwich"]
    for only_builders in (
        "apply-for-a-parking-permit",
        "book-a-household-waste-recycling-centre-slot",
        "housing-repairs-reporting",
    ):
        assert counted[only_builders] == []
        assert savings.service(only_builders).avoided == Money(0, 0)


def test_spend_avoided_is_the_band_for_each_counted_adopter(savings: Savings) -> None:
    avoided = {s.project: s.avoided for s in savings.services}
    assert avoided["find-my-bin-day"] == BAND["under-50k"].times(2) == Money(20_000, 100_000)
    assert avoided["local-democracy-meeting-data"] == Money(10_000, 50_000)
    assert avoided["report-a-missed-bin"] == Money(50_000, 100_000)
    assert avoided["report-speeding-traffic"] == Money(10_000, 50_000)
    # Budget unknown: both adopters are counted, and no money is put on them.
    toilets = savings.service("find-a-public-toilet")
    assert toilets.budget == "unknown" and len(toilets.counted) == 2
    assert toilets.avoided is None


def test_a_retired_service_is_shown_but_left_out_of_the_totals(savings: Savings) -> None:
    texts = savings.service("bin-day-text-reminders")
    assert texts.retired and [a.council for a in texts.counted] == ["wokingham"]
    assert texts.avoided == Money(10_000, 50_000)  # on its own page, not in any total
    assert savings.totals.retired == ("bin-day-text-reminders",)
    assert "bin-day-text-reminders" not in [s.project for s in savings.council("wokingham").adopted]


def test_shared_cost_is_the_part_of_the_band_partners_carry(savings: Savings) -> None:
    shared = {s.project: s for s in savings.shared}
    # Three councils building a 250k-500k project: 2/3 of it, low down and high up.
    housing = shared["housing-repairs-reporting"]
    assert housing.builders == ("hackney", "leeds", "norwich")
    assert housing.shared == Money(166_666, 333_334)
    # Two councils: half. Devon (contributor) and Leeds (observer) do not build Pipeline.
    assert shared["report-a-pothole"].shared == Money(5_000, 25_000)
    assert shared["pipeline"].builders == ("west-berkshire", "guildford", "hackney")
    assert shared["pipeline"].shared == Money(6_666, 33_334)
    # Offers to share ideas do not share a build's cost.
    assert "find-my-bin-day" not in shared


def test_totals_match_the_sums_worked_by_hand(savings: Savings) -> None:
    t = savings.totals
    # Reuse: bin day 2, meeting data 1, missed bin 1, speeding 1, toilets 2 (unknown budget).
    assert (t.services_adopted, t.adoptions, t.adoptions_unknown) == (5, 7, 2)
    # 20,000 + 10,000 + 50,000 + 10,000 and 100,000 + 50,000 + 100,000 + 50,000
    assert t.avoided == Money(90_000, 300_000)
    # Shared, not retired: bulky waste 25,000-50,000, recycling centres 50,000-125,000,
    # council tax 25,000-50,000, garden waste 33,333-66,667, housing 166,666-333,334,
    # meeting data 5,000-25,000, Pipeline 6,666-33,334, potholes 5,000-25,000.
    assert t.projects_sharing == 8 and t.sharing_unknown == 0
    assert t.shared == Money(316_665, 708_335)
    assert t.saved == Money(406_665, 1_008_335)
    # Pledged time: Pipeline 30 + 20, garden waste 25 + 40, potholes 16 + 20 + 4.
    assert t.pledged_days == Decimal(155)
    # Pledged money: Pipeline 7,500, garden waste 15,000, council tax 12,000.
    assert t.pledged_money == Decimal(34_500)


def test_council_figures(savings: Savings) -> None:
    west_berkshire = savings.council("west-berkshire")
    assert [s.project for s in west_berkshire.adopted] == ["local-democracy-meeting-data"]
    assert west_berkshire.avoided == Money(10_000, 50_000)
    assert [s.project for s in west_berkshire.reused_from_it] == ["report-speeding-traffic"]
    assert west_berkshire.pledged_days == 30 and west_berkshire.pledged_money == 0
    # Leeds built two services that others adopted: as lead and as a partner.
    leeds = savings.council("leeds")
    assert [s.project for s in leeds.reused_from_it] == [
        "find-my-bin-day",
        "local-democracy-meeting-data",
        "report-a-missed-bin",
    ]
    assert leeds.others_avoided == Money(80_000, 250_000)
    bristol = savings.council("bristol")
    assert [s.project for s in bristol.reused_from_it] == ["find-a-public-toilet"]
    assert bristol.others_avoided == Money(0, 0)


def test_money_is_written_as_a_range_without_false_precision() -> None:
    assert money_range(Money(50_000, 100_000)) == "£50,000 to £100,000"
    assert money_range(Money(33_333, 66_667)) == "£33,000 to £67,000"  # outwards
    assert money_range(Money(406_665, 1_008_335)) == "£400,000 to £1,100,000"
    assert money_range(Money(10_000, 10_000)) == "£10,000"
    assert money_range(Money(0, 0)) == "£0"
    assert Money(100, 200).share(1, 3) == Money(33, 67)
    assert pounds(Decimal("12000")) == "£12,000" and pounds(Decimal("99.5")) == "£99.50"
    assert days(Decimal(1)) == "1 day" and days(Decimal("2.5")) == "2.5 days"


def test_pages_show_the_figures_and_link_to_the_method(site) -> None:
    pages, _ = site
    service = pages["projects/find-my-bin-day.md"].body
    assert "Adopted by 2 councils: an estimated £20,000 to £100,000 not spent again." in service
    assert 'href="../../about/savings/"' in service
    assert "not counted as reuse: a partner building it" in service
    toilets = pages["projects/find-a-public-toilet.md"].body
    assert "not known, because the project&#39;s budget is not recorded" in toilets
    assert "Replaced: A PDF list of toilets, updated once a year." in toilets
    housing = pages["projects/housing-repairs-reporting.md"].body
    assert "an estimated £160,000 to £340,000 of its budget is carried by partners" in housing
    services = pages["services/index.md"].body
    assert "7 times instead of building their own: an estimated £90,000 to £300,000" in services
    council = pages["councils/west-berkshire.md"].body
    assert "not counted as reuse, because it is the lead council, which built it." in council
    assert "30 days of staff time and £0" in council
    home = pages["index.md"].body
    assert "<strong>£400,000 to £1,100,000</strong> estimated not spent" in home
    dashboard = pages["dashboard/index.md"].body
    assert "## What reuse has saved" in dashboard
    assert 'aria-labelledby="savings-reuse-title savings-reuse-desc"' in dashboard
    assert "1 retired project is left out of these figures." in dashboard
    method = pages["about/savings.md"].body
    assert '£10,000</td><td class="pl-num">£50,000' in method
    assert 'href="../../projects/bin-day-text-reminders/"' in method


def test_the_api_and_csv_carry_the_figures_and_the_inputs(site) -> None:
    _, files = site
    document = json.loads(files["api/savings.json"])
    assert document["method"]["band_points"]["under-50k"]["low"] == 10_000
    assert document["totals"]["saved"] == {
        "low": 406_665,
        "high": 1_008_335,
        "text": "£400,000 to £1,100,000",
    }
    projects = {p["id"]: p for p in json.loads(files["api/projects.json"])["projects"]}
    speeding = projects["report-speeding-traffic"]
    assert speeding["reuse"]["adopted_by"] == ["west-berkshire", "devon"]  # ids, as before
    assert speeding["adoptions"][1]["since"] == "2019-04-01"
    assert speeding["savings"]["adopters_counted"] == 1
    rows = list(csv.DictReader(io.StringIO(files["savings.csv"].decode("utf-8-sig"))))
    total = next(r for r in rows if r["measure"] == "total-saved")
    assert (total["low"], total["high"], total["days"], total["money"]) == (
        "406665",
        "1008335",
        "155",  # potholes: Kirklees pledged 4 more days in the example records' eventful week
        "34500",
    )
    assert next(r["budget"] for r in rows if r["measure"] == "band") == "under-50k"


def test_pipeline_savings_json_and_csv_match_the_published_files(site, run_pipeline) -> None:
    _, files = site
    as_json = run_pipeline(catalogue_root(), "savings", "--format", "json", "--today", str(TODAY))
    assert as_json.exit_code == 0, as_json.output
    assert as_json.output.encode("utf-8") == files["api/savings.json"]
    as_csv = run_pipeline(catalogue_root(), "savings", "--format", "csv")
    assert as_csv.stdout_bytes == files["savings.csv"]
    text = run_pipeline(catalogue_root(), "savings").output
    assert "Saved in all: an estimated £400,000 to £1,100,000" in text
    assert "not counted: west-berkshire (the lead council built it)" in text


def test_pipeline_savings_refuses_records_with_errors(tmp_path: Path, run_pipeline) -> None:
    (tmp_path / "projects").mkdir()
    (tmp_path / "projects" / "broken.yml").write_text("title: [\n", encoding="utf-8")
    result = run_pipeline(tmp_path, "savings")
    assert result.exit_code == 1 and "Traceback" not in result.output
    assert "pipeline validate" in result.output


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("savings:\n  band_points:\n    under-10k: [1, 2]\n", "'under-10k', which is not"),
        ("savings:\n  band_points:\n    under-50k: [50000, 10000]\n", "lowest first"),
        ("savings:\n  band_points:\n    under-50k: 50000\n", "two whole numbers"),
        ("savings:\n  band_points: [1, 2]\n", "must map budget bands"),
    ],
)
def test_band_points_in_pipeline_yml_are_checked(tmp_path: Path, text: str, words: str) -> None:
    (tmp_path / "pipeline.yml").write_text(text, encoding="utf-8")
    with pytest.raises(SettingsError, match=words):
        load_settings(tmp_path)


def test_changed_band_points_change_every_figure(catalogue) -> None:
    points = {**DEFAULT_BAND_POINTS, "under-50k": (20_000, 40_000)}
    figures = estimate(catalogue, points)
    assert figures.service("find-my-bin-day").avoided == Money(40_000, 80_000)


def test_the_dashboard_shows_the_largest_and_says_where_the_rest_are(
    savings: Savings, catalogue, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The dashboard must not grow with the catalogue: 2.8 MB at 10,000 projects when it
    listed every service."""
    from generator.dashboard import savings as dashboard_savings
    from generator.dashboard.links import Links

    reused = [s for s in savings.services if s.counted and not s.retired]
    assert len(reused) >= 2
    monkeypatch.setattr(dashboard_savings, "SHOWN", 1)
    text = "\n".join(dashboard_savings.savings_section(savings, catalogue, Links()))
    assert f"The 1 largest of {len(reused)} services are shown." in text
    assert "[the savings spreadsheet](../savings.csv)" in text
    largest = max(reused, key=lambda s: s.avoided.high if s.avoided else -1)
    others = [s for s in reused if s is not largest]
    assert catalogue.projects[largest.project].title in text
    assert all(f"../projects/{s.project}/" not in text for s in others)
