"""docs/cli.md is generated from the commands' help: it must be current and cover everything."""

from __future__ import annotations

import click

from generator.cli import cli
from generator.cli.reference import reference
from tests.conftest import PROJECT_ROOT


def test_committed_reference_is_current() -> None:
    committed = (PROJECT_ROOT / "docs" / "cli.md").read_text(encoding="utf-8")
    assert committed == reference(), "docs/cli.md is out of date: run `make docs`"


def test_every_command_and_option_is_documented() -> None:
    text = (PROJECT_ROOT / "docs" / "cli.md").read_text(encoding="utf-8")

    def visit(group: click.Group, prefix: str) -> None:
        for name, command in group.commands.items():
            path = f"{prefix} {name}"
            assert f"## `{path}`" in text
            for param in command.params:
                for option in getattr(param, "opts", []):
                    if option.startswith("-"):
                        assert option in text, f"{path} {option} is not in docs/cli.md"
            if isinstance(command, click.Group):
                visit(command, path)

    visit(cli, "pipeline")


def test_every_command_has_an_example() -> None:
    def visit(group: click.Group) -> None:
        for command in group.commands.values():
            if isinstance(command, click.Group):
                visit(command)
            else:
                assert "Example:" in (command.help or ""), f"{command.name} has no example"

    visit(cli)
