"""`pipeline build` and `pipeline render`: the catalogue site from the records."""

from __future__ import annotations

import os
import time
from datetime import date
from pathlib import Path

import click

from generator.checking.repository import Report, check_repository
from generator.cli.options import root_option, today_option
from generator.cli.progress import BuildProgress
from generator.cli.quick_exit import when_done
from generator.reporting import summary, text_lines
from generator.site.content import InvalidRecords, SettingsError, site_content
from generator.site.render import docs_dir_of, settings_from, write_content

config_option = click.option(
    "--config-file",
    "-f",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="The MkDocs configuration.  [default: mkdocs.yml in --root]",
)


def _report_invalid(root: Path, today: date) -> Report:
    """Validate first: refuse to build from records with errors."""
    report = check_repository(root, today=today)
    if report.ok:
        return report
    for line in text_lines(report.errors):
        click.echo(line, err=True)
    click.echo(summary(len(report.checked_paths), report.problems), err=True)
    raise click.ClickException("The records have errors, so the site was not built.")


@click.command()
@click.option(
    "--out",
    type=click.Path(file_okay=False, path_type=Path),
    default=Path("site"),
    show_default=True,
    help="Folder for the built site. It is replaced only when the build succeeds.",
)
@config_option
@today_option
@root_option
def build(out: Path, config_file: Path | None, today: date, root: Path) -> None:
    """Check the records, then build the catalogue site with MkDocs.

    The site is built into a temporary folder beside OUT and swapped in only when the build
    succeeds, so a failed build never leaves a half-written site. Warnings fail the build.
    Exits 1 when the records have errors or MkDocs fails.

    \b
    Example:
        pipeline build
        pipeline build --out public --today 2026-11-22
    """
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    from generator.mkdocs_plugin.runner import BuildFailed, build_site, show_mkdocs_messages

    started = time.monotonic()
    report = _report_invalid(root, today)
    show_mkdocs_messages()
    config = config_file or root / "mkdocs.yml"
    target = out if out.is_absolute() else root / out
    progress = BuildProgress()
    try:
        built = build_site(config, target, today=today, report=report, progress=progress)
    except BuildFailed as exc:
        raise click.ClickException(f"{exc} The previous site, if any, is unchanged.") from None
    finally:
        progress.close()
    seconds = time.monotonic() - started
    click.echo(f"Built {built.pages:,} pages in {seconds:.1f} s → {out.as_posix().rstrip('/')}/")
    when_done()


@click.command()
@click.option(
    "--out",
    type=click.Path(file_okay=False, path_type=Path),
    required=True,
    help="Folder to write the pages and data files into (created if missing).",
)
@config_option
@today_option
@root_option
def render(out: Path, config_file: Path | None, today: date, root: Path) -> None:
    """Write the generated Markdown pages and data files, with a copy of docs/, to a folder.

    The folder can be built by any engine that reads mkdocs.yml, without the pipeline
    plugin: put a file such as render.yml next to mkdocs.yml holding
    `INHERIT: mkdocs.yml`, `docs_dir: OUT` and `plugins: [search]`, then build with it.

    \b
    Example:
        pipeline render --out rendered
        mkdocs build -f render.yml
    """
    config = config_file or root / "mkdocs.yml"
    try:
        content = site_content(root, settings_from(config), today)
    except InvalidRecords as exc:
        click.echo(str(exc), err=True)
        raise click.ClickException("The records have errors, so nothing was written.") from None
    except SettingsError as exc:
        raise click.ClickException(str(exc)) from None
    target = out if out.is_absolute() else root / out
    done = write_content(content, docs_dir_of(config), target)
    click.echo(f"Wrote {done.pages} pages and {done.files} data files into {out}.")
