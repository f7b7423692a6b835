"""Commands count only where GitHub shows them as text, and read as people write them."""

from __future__ import annotations

import pytest

from generator.intake.comment_text import Command, parse_commands


@pytest.mark.parametrize(
    "body",
    [
        "    /reviewed",  # four spaces: GitHub shows a code block
        "Looks fine.\n\n    /reviewed",
        "\t/reviewed",
        "```\n/reviewed\n```",
        "~~~text\n/retire\n~~~",
        "> /retire",  # a quotation of someone else's command
        "> They said:\n/retire",  # a line running on from a quotation is still quoted
        "<!-- /reviewed -->",  # hidden: nobody sees it
        "<!--\n/retire\n-->",
        "/reviewed-by-me",  # another word
        "/updates are welcome",
        "Please /reviewed",  # not at the start of the line
        "- /reviewed",  # a list item
    ],
)
def test_commands_that_github_does_not_show_as_text_do_not_act(body: str) -> None:
    assert parse_commands(body) == []


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("/reviewed", [Command("reviewed", "")]),
        ("   /reviewed", [Command("reviewed", "")]),  # up to three spaces is still text
        ("/REVIEWED\r\n", [Command("reviewed", "")]),
        ("/update: went live", [Command("update", "went live")]),
        ("/update:went live", [Command("update", "went live")]),
        (
            "/retire Replaced by the national service.",
            [Command("retire", "Replaced by the national service.")],
        ),
        # A quote-reply: the quotation, a blank line, then the command.
        ("> Is this still going?\n\n/reviewed", [Command("reviewed", "")]),
        ("Thanks all.\n/reviewed", [Command("reviewed", "")]),
        # The paragraph the command starts, with its own line breaks; not the lines after it.
        (
            "/update Passed the beta assessment.\nNow open to all residents.\n\nThanks, Sam",
            [Command("update", "Passed the beta assessment.\nNow open to all residents.")],
        ),
        ("```\n/retire\n```\n/reviewed", [Command("reviewed", "")]),
        (
            "/update Went live.\n/reviewed",
            [Command("update", "Went live."), Command("reviewed", "")],
        ),
    ],
)
def test_commands_are_read_as_written(body: str, expected: list[Command]) -> None:
    assert parse_commands(body) == expected
