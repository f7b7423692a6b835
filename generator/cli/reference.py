"""The command reference in docs/cli.md, written from the commands' own help so it cannot drift.

`python -m generator.cli.reference > docs/cli.md` rewrites it; a test fails when it is stale.
"""

from __future__ import annotations

import click

from generator.cli import cli

HEADER = """\
# Command reference

Generated from `pipeline --help` by `make docs`; do not edit by hand.

Run every command from the repository's top folder. `pipeline COMMAND --help` prints the same.
"""


def _commands(group: click.Group, prefix: str) -> list[tuple[str, click.Command]]:
    found: list[tuple[str, click.Command]] = []
    for name in sorted(group.commands):
        command = group.commands[name]
        path = f"{prefix} {name}"
        found.append((path, command))
        if isinstance(command, click.Group):
            found.extend(_commands(command, path))
    return found


def reference() -> str:
    parts = [HEADER]
    for path, command in _commands(cli, "pipeline"):
        # The group's help option names (-h too), as when run: click caches a command's help
        # option the first time it is asked, so another default would depend on call order.
        with click.Context(
            command,
            info_name=path,
            terminal_width=88,
            max_content_width=88,
            help_option_names=cli.context_settings["help_option_names"],
        ) as context:
            help_text = command.get_help(context)
        parts.append(f"## `{path}`\n\n```text\n{help_text}\n```\n")
    return "\n".join(parts)


if __name__ == "__main__":
    click.echo(reference(), nl=False)
