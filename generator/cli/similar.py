"""`pipeline similar`: the projects most like one record, even one not yet committed."""

from __future__ import annotations

import json
import sys
from datetime import date
from pathlib import Path

import click

from generator.authoring.drafts import DraftError, load_draft
from generator.catalogue.model import Catalogue
from generator.cli.options import root_option, today_option
from generator.reporting import text_lines
from generator.similarity.engine import Match, SimilarityIndex

DEFAULT_MIN_SCORE = 0.1


@click.command()
@click.argument("path", type=click.Path(dir_okay=False, path_type=Path))
@click.option(
    "--top", type=click.IntRange(min=1), default=5, show_default=True, help="How many to show."
)
@click.option(
    "--min-score",
    type=click.FloatRange(0, 1),
    default=DEFAULT_MIN_SCORE,
    show_default=True,
    help="Leave out projects scoring less than this (0 = nothing in common, 1 = the same).",
)
@click.option(
    "--format",
    "output_format",
    type=click.Choice(["text", "json"]),
    default="text",
    show_default=True,
    help="text for people, json for scripts.",
)
@today_option
@root_option
def similar(
    path: Path, top: int, min_score: float, output_format: str, today: date, root: Path
) -> None:
    """Show the projects most similar to the project record at PATH, best first.

    PATH may be a record in projects/ or a draft anywhere else, committed or not: check a new
    project before you open a pull request, to find a council you could join instead. Projects
    are compared by their title, summary, description, tags and service areas, with council
    service synonyms ("missed bin" and "rubbish not collected" match). Exits 1 when the record
    has errors.

    \b
    Example:
        pipeline similar projects/report-a-missed-bin.yml
        pipeline similar ~/drafts/rubbish-not-collected.yml --top 3 --format json
    """
    if not path.exists() and (root / path).exists():
        path = root / path
    if not path.is_file():
        raise click.BadParameter(f"there is no file '{path}'.", param_hint="PATH")
    try:
        draft = load_draft(root, path, today=today)
    except DraftError as exc:
        raise click.BadParameter(str(exc), param_hint="PATH") from None
    if draft.project is None:
        click.echo(f"{draft.path} has errors, so it cannot be compared yet:", err=True)
        for line in text_lines(draft.errors, sys.stderr.isatty()):
            click.echo(line, err=True)
        click.echo(f"Fix them (see `pipeline validate {draft.path}`) and try again.", err=True)
        click.get_current_context().exit(1)
        return

    index = SimilarityIndex.from_catalogue(draft.catalogue)
    exclude = draft.project.id if draft.in_catalogue else None
    matches = index.similar_to(draft.project, top=top, exclude_id=exclude, threshold=min_score)
    if output_format == "json":
        click.echo(json.dumps([_as_json(m, draft.catalogue) for m in matches], indent=2))
        return
    click.echo(f"Projects most like {draft.path} ({draft.project.title}):")
    if not matches:
        click.echo(f"  none scored {min_score:.2f} or more.")
    for number, match in enumerate(matches, start=1):
        click.echo(f"{number}. {_as_text(match, draft.catalogue)}")


def _lead_name(catalogue: Catalogue, council_id: str) -> str:
    council = catalogue.councils.get(council_id)
    return council.label if council else council_id


def _as_text(match: Match, catalogue: Catalogue) -> str:
    """'Report a missed bin — Stockport, live — 0.72 — projects/report-a-missed-bin.yml'"""
    project = catalogue.projects[match.id]
    lead = _lead_name(catalogue, project.lead_council)
    return f"{project.title} — {lead}, {project.phase} — {match.score:.2f} — {project.path}"


def _as_json(match: Match, catalogue: Catalogue) -> dict[str, object]:
    project = catalogue.projects[match.id]
    return {
        "id": project.id,
        "title": project.title,
        "lead_council": project.lead_council,
        "lead_council_name": _lead_name(catalogue, project.lead_council),
        "phase": project.phase,
        "score": match.score,
        "path": project.path,
    }
