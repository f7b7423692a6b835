"""Warnings for a pull request that adds or changes a project much like one already on Pipeline.

The point of Pipeline is to stop councils building the same thing separately, so the check asks
the author whether they could join the existing project. It only ever warns: two councils may
have good reasons for separate projects.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from generator.catalogue.model import Catalogue, Project
from generator.loading.yaml_positions import YamlProblem, load_document
from generator.problems import Problem, warning
from generator.similarity.engine import SimilarityIndex

# A near-duplicate, not just a related service: on the labelled pairs in tests/unit/similarity,
# 0.5 keeps about 7 in 10 twins and lets through about 1 in 1,000 unrelated combinations.
DUPLICATE_THRESHOLD = 0.5
MAX_WARNINGS_PER_PROJECT = 3


def duplicate_warnings(
    catalogue: Catalogue,
    changed_project_ids: Iterable[str],
    threshold: float = DUPLICATE_THRESHOLD,
    *,
    root: Path | None = None,
    index: SimilarityIndex | None = None,
) -> list[Problem]:
    """One warning per existing project that a changed project looks like, best first.

    Not warned about: retired projects (there is nothing to join) and projects that the
    changed project's lead council already leads or partners in (it knows about them).
    With `root`, warnings point at the title line of the changed file; otherwise at line 1.
    Ids that are not in the catalogue (for example records with errors) are skipped.
    """
    index = index or SimilarityIndex.from_catalogue(catalogue)
    problems: list[Problem] = []
    for project_id in sorted(set(changed_project_ids)):
        project = catalogue.projects.get(project_id)
        if project is None:
            continue
        line, column = _title_position(project, root)
        for other, score in joinable_lookalikes(catalogue, project_id, index, threshold):
            problems.append(
                warning(
                    project.path,
                    line,
                    column,
                    f"This looks like {_describe(other, catalogue)}. Could you join it instead?",
                    f"Compare it with {other.path} (similarity {score:.2f} of 1). If it "
                    "is the same service, ask its lead council about joining as a partner; if "
                    "not, say in the summary how this project differs. This is only a warning.",
                    "similar-project",
                )
            )
    return problems


def joinable_lookalikes(
    catalogue: Catalogue,
    project_id: str,
    index: SimilarityIndex,
    threshold: float = DUPLICATE_THRESHOLD,
) -> list[tuple[Project, float]]:
    """The existing projects `project_id` looks like and could join instead, best first, at
    most MAX_WARNINGS_PER_PROJECT: not retired ones (there is nothing to join) nor ones its
    lead council already leads or partners in (it knows about them). Shared by the pull
    request warnings and the replies to issue forms."""
    project = catalogue.projects.get(project_id)
    if project is None or project_id not in index:
        return []
    found: list[tuple[Project, float]] = []
    for match in index.similar_to(project_id, top=len(index), threshold=threshold):
        other = catalogue.projects[match.id]
        if other.phase == "retired" or project.lead_council in other.councils:
            continue
        found.append((other, match.score))
        if len(found) == MAX_WARNINGS_PER_PROJECT:
            break
    return found


def _describe(project: Project, catalogue: Catalogue) -> str:
    """'Report a missed bin' (Stockport, live)"""
    lead = catalogue.councils.get(project.lead_council)
    council = lead.label if lead else project.lead_council
    return f"'{project.title}' ({council}, {project.phase})"


def _title_position(project: Project, root: Path | None) -> tuple[int, int]:
    if root is None:
        return 1, 1
    try:
        text = (root / project.path).read_text(encoding="utf-8")
        return load_document(text).keys.get(("title",), (1, 1))
    except (OSError, UnicodeDecodeError, YamlProblem):
        return 1, 1
