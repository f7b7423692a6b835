"""Forgiving readers for what people type into forms."""

from __future__ import annotations

from datetime import date

import pytest

from generator.intake.fields import (
    FieldProblem,
    Named,
    a_date,
    amount,
    clean_text,
    find_named,
    handles,
    links,
    one_line,
)

COUNCILS = [
    Named("hackney", ("London Borough of Hackney", "Hackney")),
    Named("west-berkshire", ("West Berkshire Council", "West Berkshire")),
    Named("devon", ("Devon County Council", "Devon")),
    Named("leeds", ("Leeds City Council", "Leeds")),
]


@pytest.mark.parametrize(
    "typed",
    ["Hackney", "hackney", "London Borough of Hackney", "Hackney Council", " HACKNEY ", "hackney."],
)
def test_a_council_by_any_of_its_names(typed: str) -> None:
    assert find_named(typed, COUNCILS, "council") == "hackney"


def test_a_council_by_id_or_web_address() -> None:
    assert find_named("west-berkshire", COUNCILS, "council") == "west-berkshire"
    assert find_named("West Berkshire", COUNCILS, "council") == "west-berkshire"
    url = "https://localgovdigital.github.io/pipeline/councils/devon/"
    assert find_named(url, COUNCILS, "council") == "devon"


def test_a_near_miss_says_did_you_mean() -> None:
    with pytest.raises(FieldProblem) as caught:
        find_named("Hackny", COUNCILS, "council")
    assert str(caught.value) == "There is no council called 'Hackny'. Did you mean Hackney?"
    with pytest.raises(FieldProblem, match=r"^There is no council called 'Narnia'\.$"):
        find_named("Narnia", COUNCILS, "council")


@pytest.mark.parametrize(
    ("typed", "number"),
    [("£12,500", 12500), ("12500", 12500), ("12.5k", 12500), ("10 days", 10), ("2.5", 2.5)],
)
def test_amounts(typed: str, number: float) -> None:
    assert amount(typed) == number


def test_an_amount_that_is_not_a_number() -> None:
    with pytest.raises(FieldProblem, match="is not a number"):
        amount("lots")


@pytest.mark.parametrize(
    "typed", ["2027-02-10", "10 February 2027", "10th Feb 2027", "10/02/2027", "10.02.2027"]
)
def test_dates_in_the_ways_people_write_them(typed: str) -> None:
    assert a_date(typed) == date(2027, 2, 10)


def test_an_impossible_date() -> None:
    with pytest.raises(FieldProblem, match="year-month-day"):
        a_date("31/02/2027")


def test_handles() -> None:
    assert handles("@alice, bob and @org/team") == ["@alice", "@bob", "@org/team"]
    with pytest.raises(FieldProblem, match="not a GitHub name"):
        handles("Alice Smith (digital)")


def test_free_text_is_tidied() -> None:
    assert clean_text("N/A") is None and clean_text("  none ") is None
    assert clean_text("One  \r\n\r\n\r\n\r\nTwo\u0007 ") == "One\n\nTwo"
    assert clean_text("Intro:\n• first\n\u2022 second\n\uf0b7 third") == (
        "Intro:\n- first\n- second\n- third"
    )
    assert clean_text("Emoji stay 🎉") == "Emoji stay 🎉"
    assert one_line("A\n  long\n\nline ") == "A long line"
    with pytest.raises(FieldProblem, match="51,200 characters long; the most is 20,000"):
        clean_text("x" * 51_200, limit=20_000)


def test_links_one_a_line() -> None:
    assert links("Our blog https://example.org/blog\nhttps://example.org/code") == [
        {"title": "Our blog", "url": "https://example.org/blog"},
        {"title": "https://example.org/code", "url": "https://example.org/code"},
    ]
    with pytest.raises(FieldProblem, match="no web address"):
        links("our website")
