"""Dashboard figures on a hand-made catalogue, checked against numbers worked out by hand."""

from __future__ import annotations

from datetime import date

from generator.dashboard import metrics, timeline
from tests.dashboard_fixtures import SCRIPT, TODAY, small_catalogue, small_stale


def board() -> metrics.Dashboard:
    return metrics.dashboard(small_catalogue(), TODAY, small_stale())


def test_periods_are_quarters_while_they_fit_then_years() -> None:
    quarters = timeline.periods(date(2024, 2, 10), date(2025, 6, 30))
    assert [p.label for p in quarters] == [
        "2024 Q1",
        "2024 Q2",
        "2024 Q3",
        "2024 Q4",
        "2025 Q1",
        "2025 Q2",
    ]
    assert [p.end for p in quarters[:2]] == [date(2024, 3, 31), date(2024, 6, 30)]
    assert {p.kind for p in quarters} == {"quarter"}
    years = timeline.periods(date(2014, 9, 11), date(2026, 11, 22))
    assert years[0].label == "2014" and years[-1].label == "2026"
    assert years[-1].end == date(2026, 11, 22)  # the running period ends today
    assert len(years) == 13
    assert {p.kind for p in years} == {"year"}


def test_councils_signed_up_over_time() -> None:
    result = board()
    assert [(p.period.label, p.councils) for p in result.councils_over_time] == [
        ("2024 Q1", 1),
        ("2024 Q2", 2),
        ("2024 Q3", 2),
        ("2024 Q4", 2),
        ("2025 Q1", 3),
        ("2025 Q2", 3),
    ]
    assert result.councils_without_joined == 1


def test_projects_by_phase_in_phase_order_with_zeros() -> None:
    assert [(c.label, c.value) for c in board().projects_by_phase] == [
        ("Idea", 1),
        ("Discovery", 0),
        ("Alpha", 1),
        ("Beta", 1),
        ("Live", 1),
        ("Retired", 1),
    ]


def test_projects_by_service_area_most_first_with_empty_areas() -> None:
    result = board()
    assert [(c.label, c.value) for c in result.projects_by_service_area] == [
        ("Waste and recycling", 2),
        ("Roads and transport", 1),
        ("Housing", 0),
    ]
    assert result.projects_without_service_area == 3


def test_collaboration_rate_over_time() -> None:
    result = board()
    points = [
        (p.period.label, p.projects, p.collaborative, round(p.share))
        for p in result.collaboration_over_time
    ]
    # p5 from 15 Jan 2024 (shared from 10 Sep), p1 from 1 Mar (shared from 1 Jun), p2 from
    # 1 Aug (never shared), p3 from 1 Feb 2025 (a partner without `since`: shared from start).
    assert points == [
        ("2024 Q1", 2, 0, 0),
        ("2024 Q2", 2, 1, 50),
        ("2024 Q3", 3, 2, 67),
        ("2024 Q4", 3, 2, 67),
        ("2025 Q1", 4, 3, 75),
        ("2025 Q2", 4, 3, 75),
    ]
    assert result.projects_without_dates == 1  # p4


def test_stale_projects_by_phase() -> None:
    counts = {c.key: c.value for c in board().stale_by_phase}
    assert counts == {
        "idea": 0,
        "discovery": 0,
        "alpha": 0,
        "beta": 1,
        "live": 0,
        "retired": 0,
    }


def test_pledges_by_kind_count_and_add_up_amounts() -> None:
    totals = {t.kind: (t.count, t.amount, t.unit) for t in board().pledges_by_kind}
    assert totals == {
        "time": (1, 10, "days"),
        "money": (1, 500, "£"),
        "data": (1, None, ""),
        "testing": (0, None, ""),
        "other": (0, None, ""),
    }


def test_upcoming_maker_days() -> None:
    days = board().upcoming_makerdays
    assert [(d.id, d.start, d.place, d.challenges) for d in days] == [
        ("m1", date(2025, 9, 10), "Leeds and online", 2)
    ]


def test_most_collaborative_councils_ties_in_name_order() -> None:
    found = [(c.id, c.led, c.partnered, c.total) for c in board().collaborative_councils]
    # "<script>..." sorts before letters; B is in one shared project only.
    assert found == [
        ("c", 1, 1, 2),
        ("a", 1, 1, 2),
        ("d", 1, 1, 2),
        ("b", 0, 1, 1),
    ]
    assert board().collaborative_councils[0].name == SCRIPT


def test_projects_looking_for_partners_longest_first_without_retired() -> None:
    found = [(f.id, f.roles, f.since) for f in board().looking_for_partners]
    assert found == [
        ("p1", ("Developer",), date(2024, 3, 1)),
        ("p2", ("User researcher", "Developer"), date(2024, 8, 1)),
    ]


def test_challenges_not_taken_hold_back_stale_and_retired_projects() -> None:
    result = board()
    assert [(c.id, c.lead) for c in result.open_challenges] == [("p1", "Aardvark Council")]
    held = {c.id: c.reason for c in result.held_back_challenges}
    assert held == {
        "p4": "The project is retired.",
        "p5": "The project needs review. Nothing has happened for 400 days.",
    }


def test_first_date_is_the_earliest_date_the_record_gives() -> None:
    project = small_catalogue().projects["p5"]
    assert timeline.first_date(project) == date(2024, 1, 15)
    assert timeline.collaborative_since(project, date(2024, 1, 15)) == date(2024, 9, 10)


def test_empty_catalogue_has_no_points() -> None:
    empty = metrics.Catalogue({}, {}, {}, {})
    result = metrics.dashboard(empty, TODAY, {})
    assert result.councils_over_time == ()
    assert result.collaboration_over_time == ()
    assert all(c.value == 0 for c in result.projects_by_phase)
