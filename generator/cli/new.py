"""`pipeline new`: write a valid, commented starter record at the right path."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import click

from generator.authoring.starter import StarterError, write_starter
from generator.cli.options import root_option, today_option
from generator.register.authorities import RegisterError, find, read_register
from generator.vocabulary import COUNCIL_TYPES, NATIONS, PHASES


def _finish(root: Path, kind: str, record_id: str, essentials: dict[str, Any], today: date) -> None:
    try:
        path = write_starter(root, kind, record_id, essentials, today=today)
    except StarterError as exc:
        raise click.ClickException(str(exc)) from None
    relative = path.relative_to(root.resolve()).as_posix()
    click.echo(f"Created {relative}.")
    click.echo("Next:")
    click.echo(f"  1. Open {relative} and fill in the commented-out keys that apply.")
    click.echo(f"  2. Check it: pipeline validate {relative}")
    click.echo("  3. Commit it on a new branch and open a pull request.")


class _AskUnlessFromRegister(click.Option):
    """An option that prompts when missing, unless the council comes from the register."""

    def prompt_for_value(self, ctx: click.Context) -> object:
        code = ctx.params.get("code")
        if isinstance(code, str) and code:  # click may hold a sentinel for "not given"
            return None
        return super().prompt_for_value(ctx)


class _AskUnlessOutsideUK(_AskUnlessFromRegister):
    """Type and nation: not asked for a body outside the UK (its type is outside-uk and it has
    a country, not a nation)."""

    def prompt_for_value(self, ctx: click.Context) -> object:
        country = ctx.params.get("country")
        if isinstance(country, str) and country:
            return None
        return super().prompt_for_value(ctx)


@click.group()
def new() -> None:
    """Start a new record: a project, a council or a maker day."""


@new.command("project")
@click.option("--id", "record_id", help="File name without .yml; made from the title if left out.")
@click.option("--title", prompt="Project title (up to 100 characters)")
@click.option("--summary", prompt="One-sentence summary: what it is and for whom")
@click.option(
    "--phase",
    prompt="Phase",
    type=click.Choice(list(PHASES)),
    default="idea",
    show_default=True,
)
@click.option("--lead-council", prompt="Lead council id (its file name in councils/)")
@today_option
@root_option
def new_project(
    record_id: str | None,
    title: str,
    summary: str,
    phase: str,
    lead_council: str,
    today: date,
    root: Path,
) -> None:
    """Start a project record in projects/.

    \b
    Example:
        pipeline new project --title "Report a missed bin" \\
          --summary "Residents tell us when a bin was not collected" \\
          --phase discovery --lead-council west-berkshire
    """
    essentials = {
        "title": title,
        "summary": summary,
        "phase": phase,
        "lead_council": lead_council,
        "last_reviewed": today.isoformat(),
    }
    _finish(root, "project", record_id or title, essentials, today)


@new.command("council")
@click.option("--id", "record_id", help="File name without .yml; made from the name if left out.")
@click.option(
    "--code",
    is_eager=True,
    help="Fill the record from the local authority register: the council's register code, "
    "e.g. WBK. Needs --register.",
)
@click.option(
    "--register",
    "register_file",
    is_eager=True,
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="The register CSV (mySociety's uk_local_authorities_future.csv), for --code.",
)
@click.option(
    "--country",
    is_eager=True,
    help="Only for a body outside the UK: its country, e.g. Ireland. It then has no nation "
    "(and no UK codes), and its type is outside-uk unless --type says otherwise.",
)
@click.option(
    "--name", cls=_AskUnlessFromRegister, prompt="Official name, e.g. West Berkshire Council"
)
@click.option(
    "--type",
    "council_type",
    cls=_AskUnlessOutsideUK,
    prompt="Type",
    type=click.Choice(list(COUNCIL_TYPES)),
)
@click.option(
    "--nation",
    cls=_AskUnlessOutsideUK,
    prompt="Nation",
    type=click.Choice(list(NATIONS)),
)
@today_option
@root_option
def new_council(
    record_id: str | None,
    code: str | None,
    register_file: Path | None,
    name: str | None,
    council_type: str | None,
    nation: str | None,
    country: str | None,
    today: date,
    root: Path,
) -> None:
    """Sign up a council: start a record in councils/.

    With --code and --register, the name, short name, codes, type, nation and region come
    from the local authority register; --name, --type and --nation override them.

    \b
    Example:
        pipeline new council --name "West Berkshire Council" --type unitary --nation england
        pipeline new council --code WBK --register uk_local_authorities_future.csv
        pipeline new council --name "Tipperary County Council" --country Ireland
    """
    country = (country or "").strip()
    if country and (code or nation):
        raise click.UsageError(
            "--country is for a body outside the UK, which has no register code and no nation: "
            "leave out --code and --nation, or --country."
        )
    given = {"name": name, "type": council_type, "nation": nation, "country": country}
    if country and not council_type:
        given["type"] = "outside-uk"
    essentials: dict[str, Any] = {}
    default_id = (name or "").removesuffix(" Council")
    if code:
        if register_file is None:
            raise click.UsageError("--code needs --register FILE, the register CSV to read.")
        try:
            authority = find(read_register(register_file), code)
        except RegisterError as exc:
            raise click.ClickException(str(exc)) from None
        essentials = authority.fields()
        default_id = authority.record_id
    essentials.update({k: v for k, v in given.items() if v})
    essentials["joined"] = today.isoformat()
    _finish(root, "council", record_id or default_id, essentials, today)


@new.command("makerday")
@click.option("--id", "record_id", help="File name without .yml; made from the title if left out.")
@click.option("--title", prompt="Maker day title")
@click.option("--start", prompt="Start date (YYYY-MM-DD)")
@today_option
@root_option
def new_makerday(record_id: str | None, title: str, start: str, today: date, root: Path) -> None:
    """Plan a maker day: start a record in makerdays/.

    \b
    Example:
        pipeline new makerday --title "Waste services maker day" --start 2027-05-20
    """
    _finish(root, "makerday", record_id or title, {"title": title, "start": start}, today)
