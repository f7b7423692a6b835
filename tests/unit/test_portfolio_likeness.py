"""'Councils working on the same things': the similar-projects matching aggregated by council."""

from __future__ import annotations

from datetime import date

import pytest

from generator.portfolio.likeness import councils_alike, every_council_alike
from generator.similarity.engine import all_similar
from generator.site.content import load
from tests.conftest import catalogue_root, make_repository
from tests.unit.test_portfolio import FIXTURE, TODAY


@pytest.fixture(scope="module")
def small(tmp_path_factory: pytest.TempPathFactory):
    root = make_repository(tmp_path_factory.mktemp("likeness") / "repo", FIXTURE)
    (root / "README.md").unlink()
    return load(root, TODAY).catalogue


def test_councils_sharing_a_service_area_are_found_through_their_projects(small) -> None:
    """Riverford's and Marsh Vale's bin reminders are the same service in other words."""
    alike = councils_alike(small, all_similar(small), "riverford")
    assert [a.council.id for a in alike][:1] == ["marsh"]
    pairs = [(p.mine.id, p.theirs.id) for p in alike[0].pairs]
    assert pairs[0] == ("bin-reminders", "bin-day-texts")
    # And the other way round, from Marsh Vale's page; Hillbury builds the reminders too.
    back = {a.council.id: [(p.mine.id, p.theirs.id) for p in a.pairs]
            for a in councils_alike(small, all_similar(small), "marsh")}  # fmt: skip
    assert back["riverford"][0] == ("bin-day-texts", "bin-reminders")
    assert back["hillbury"][0] == ("bin-day-texts", "bin-reminders")


def test_scores_add_up_by_council_and_shared_projects_do_not_count(small) -> None:
    similar = {
        "bin-reminders": [("bin-day-texts", 0.6), ("garden-waste", 0.3)],
        "pothole-reports": [("bin-day-texts", 0.25)],
        # Riverford partners in planning-comments: a pair with its own project is no news.
        "planning-comments": [("bin-reminders", 0.9)],
        "bin-day-texts": [("bin-reminders", 0.6)],
    }
    alike = every_council_alike(small, similar)
    riverford = alike["riverford"]
    assert [(a.council.id, a.score) for a in riverford] == [("marsh", 1.15)]
    assert [(p.mine.id, p.theirs.id, p.score) for p in riverford[0].pairs] == [
        ("bin-reminders", "bin-day-texts", 0.6),
        ("bin-reminders", "garden-waste", 0.3),
        ("pothole-reports", "bin-day-texts", 0.25),
    ]
    # Hillbury and Riverford work together on both projects of the 0.9 pair: not counted.
    assert "hillbury" not in [a.council.id for a in riverford]


def test_retired_projects_do_not_count(small) -> None:
    from dataclasses import replace

    retired = replace(small.projects["bin-day-texts"], phase="retired")
    catalogue = replace(small, projects={**small.projects, "bin-day-texts": retired})
    alike = every_council_alike(catalogue, {"bin-reminders": [("bin-day-texts", 0.6)]})
    assert alike.get("riverford", []) == []


def test_fixture_catalogue_councils_working_on_waste_find_each_other() -> None:
    """In the invented catalogue, Leeds (Find my bin day, Report a missed bin) and Guildford
    (garden waste subscriptions), both working on waste and recycling, are alike through waste
    projects. Surrey only observes the garden waste project: following is not working on it."""
    catalogue = load(catalogue_root(), date(2026, 11, 22)).catalogue
    alike = {a.council.id: a for a in councils_alike(catalogue, all_similar(catalogue), "leeds")}
    assert "guildford" in alike and "surrey" not in alike
    assert [(p.mine.id, p.theirs.id) for p in alike["guildford"].pairs] == [
        ("report-a-missed-bin", "garden-waste-subscription"),
        ("find-my-bin-day", "garden-waste-subscription"),
    ]
    for pair in alike["guildford"].pairs:
        assert "waste-and-recycling" in pair.mine.service_areas
        assert "waste-and-recycling" in pair.theirs.service_areas
        assert "leeds" in pair.mine.councils and "leeds" not in pair.theirs.councils
