"""Commands in comments, as people type them: any case, with the limits either side."""

from __future__ import annotations

import pytest

from generator.handles import same, unique
from generator.intake.answers import Refusal
from generator.intake.commands import Command, parse_command
from generator.intake.existing import UPDATE_TEXT_LIMIT


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("/reviewed", Command("reviewed", "")),
        ("/Reviewed", Command("reviewed", "")),
        ("/REVIEWED\r\n", Command("reviewed", "")),
        ("  /Update Twenty more interviews.", Command("update", "Twenty more interviews.")),
        ("/RETIRE It is replaced.", Command("retire", "It is replaced.")),
        ("/rEtIrE", Command("retire", "")),
    ],
)  # fmt: skip
def test_a_command_works_in_any_case(body: str, expected: Command) -> None:
    assert parse_command(body) == expected


@pytest.mark.parametrize(
    "body",
    ["/reviewedx", "/Reviewing", "reviewed", "Thanks /reviewed", "/ reviewed", "/re viewed", ""],
)
def test_only_a_whole_command_word_at_the_start_is_a_command(body: str) -> None:
    assert parse_command(body) is None


def test_an_update_can_be_as_long_as_the_limit_and_no_longer() -> None:
    longest = "x" * UPDATE_TEXT_LIMIT
    assert parse_command(f"/Update {longest}") == Command("update", longest)
    with pytest.raises(Refusal) as refused:
        parse_command(f"/Update {longest}x")
    [(label, message)] = refused.value.problems
    assert label == "Your comment"
    assert f"the most is {UPDATE_TEXT_LIMIT:,}" in message


def test_github_names_match_in_any_case() -> None:
    # Whoever types the command is compared with CODEOWNERS ignoring case, as GitHub does.
    assert same("Devon-Digital-Example", "@devon-digital-example")
    assert same("@Org/Team", "org/team")
    assert not same("devon-digital", "devon-digital-example")
    assert unique(["alice", "@Alice", "ALICE", "bob"]) == ("@alice", "@bob")
