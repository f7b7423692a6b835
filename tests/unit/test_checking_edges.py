"""The checks' own edges: how many problems a file lists, and which misspellings are matched
whatever their case."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from generator.checking.rules import Index, _makerday_dates, _past_facts, _suggest_council
from generator.checking.schema import MAX_PROBLEMS, capped
from generator.checking.stale_challenges import is_upcoming
from generator.checking.suggestions import closest, listing
from generator.loading.files import classify, read_record
from generator.problems import error

HEADER = "# yaml-language-server: $schema=../schema/project.schema.json\n"


@pytest.fixture
def record(tmp_path: Path):
    path = tmp_path / "projects" / "many.yml"
    path.parent.mkdir()
    path.write_text(HEADER + "title: T\n")
    loaded, _ = read_record(tmp_path, classify(tmp_path, path))
    return loaded


def problems(count: int) -> list:
    return [
        error("projects/many.yml", n + 1, 1, f"Problem {n + 1}.", "", "enum") for n in range(count)
    ]


def test_a_file_lists_its_first_fifty_problems_and_says_when_there_are_more(record) -> None:
    assert capped(record, iter(problems(MAX_PROBLEMS))) == problems(MAX_PROBLEMS)
    listed = capped(record, iter(problems(MAX_PROBLEMS + 1)))
    assert listed[:MAX_PROBLEMS] == problems(MAX_PROBLEMS)
    assert [p.rule for p in listed[MAX_PROBLEMS:]] == ["too-many-problems"]
    assert "more than 50 problems" in listed[-1].message


def test_a_council_is_suggested_by_its_name_or_code_in_any_case() -> None:
    index = Index(
        {"west-berkshire": {"name": "West Berkshire Council", "short_name": "West Berkshire",
                            "register_code": "WBK"}},
        {},
    )  # fmt: skip
    for written in ("WBK", "wbk", "west berkshire council", "WEST BERKSHIRE"):
        assert _suggest_council(written, index) == "west-berkshire", written
    assert _suggest_council("Reading", index) is None


def test_a_word_in_the_wrong_case_is_matched_exactly_before_by_likeness() -> None:
    # Ignoring case, and "_" or " " for "-", a word is matched exactly before by likeness.
    assert closest("LIVE", ["alive", "live"]) == "live"
    assert closest("Co_Develop", ["co-develop", "develop"]) == "co-develop"
    assert closest("zzz", ["live"]) is None
    # Candidates written in capitals (register codes) match whatever case they are typed in.
    assert closest("wbk", ["WKB", "WBK"]) == "WBK"


def test_a_listing_names_up_to_its_limit_and_counts_the_rest() -> None:
    assert listing("abc", 3) == "a, b, c"
    assert listing("abcd", 3) == "a, b, c (and 1 more)"


def test_a_maker_day_is_upcoming_to_the_end_of_its_last_day(tmp_path: Path) -> None:
    path = tmp_path / "makerdays" / "day.yml"
    path.parent.mkdir()
    path.write_text("title: Day\nstart: 2026-11-21\nend: 2026-11-22T17:00:00Z\n")
    day, _ = read_record(tmp_path, classify(tmp_path, path))
    assert is_upcoming(day, date(2026, 11, 22))
    assert not is_upcoming(day, date(2026, 11, 23))


def loaded(tmp_path: Path, relative: str, text: str):
    path = tmp_path / relative
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text)
    record, _ = read_record(tmp_path, classify(tmp_path, path))
    return record


def test_a_past_fact_may_be_dated_today_but_not_tomorrow(tmp_path: Path) -> None:
    today = date(2026, 11, 22)
    for day, refused in (("2026-11-22", []), ("2026-11-23", ["future-date"])):
        project = loaded(
            tmp_path, "projects/dated.yml", HEADER + f"title: T\nlast_reviewed: {day}\n"
        )
        assert [p.rule for p in _past_facts(project, Index({}, {}), today)] == refused, day


def test_a_maker_day_may_end_when_it_starts_but_not_before(tmp_path: Path) -> None:
    def problems(start: str, end: str) -> list[str]:
        day = loaded(tmp_path, "makerdays/day-two.yml", f"title: D\nstart: {start}\nend: {end}\n")
        return [p.rule for p in _makerday_dates(day, Index({}, {}), date(2026, 11, 22))]

    assert problems("2027-03-18T09:30", "2027-03-18T09:30") == []
    assert problems("2027-03-18T09:30", "2027-03-18T09:29") == ["end-before-start"]
    assert problems("2027-03-18", "2027-03-18") == []
    assert problems("2027-03-18", "2027-03-17") == ["end-before-start"]
