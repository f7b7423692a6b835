"""Pull-request warnings when a new or changed project looks like an existing one."""

from __future__ import annotations

from generator.problems import Level
from generator.pull_request.similar_projects import duplicate_warnings
from tests.unit.similarity.helpers import (
    LEEDS,
    POTHOLE,
    catalogue_of,
    rubbish_not_collected,
    write,
)


def test_a_new_project_like_an_existing_one_gets_a_warning_at_its_title(example_repo) -> None:
    repo = example_repo()
    write(repo, "councils/leeds.yml", LEEDS)
    write(repo, "projects/rubbish-not-collected.yml", rubbish_not_collected())
    [problem] = duplicate_warnings(catalogue_of(repo), ["rubbish-not-collected"], root=repo)
    assert problem.level is Level.WARNING
    assert problem.rule == "similar-project"
    assert (problem.path, problem.line, problem.column) == (
        "projects/rubbish-not-collected.yml",
        2,
        1,
    )
    assert problem.message == (
        "This looks like 'Report a missed bin' (West Berkshire, beta). Could you join it instead?"
    )
    assert "projects/report-a-missed-bin.yml" in problem.hint
    assert "only a warning" in problem.hint


def test_without_root_the_warning_is_at_line_1(example_repo) -> None:
    repo = example_repo()
    write(repo, "councils/leeds.yml", LEEDS)
    write(repo, "projects/rubbish-not-collected.yml", rubbish_not_collected())
    [problem] = duplicate_warnings(catalogue_of(repo), ["rubbish-not-collected"])
    assert (problem.line, problem.column) == (1, 1)


def test_no_warning_for_a_different_service(example_repo) -> None:
    repo = example_repo()
    write(repo, "councils/leeds.yml", LEEDS)
    write(repo, "projects/report-a-pothole.yml", POTHOLE)
    assert duplicate_warnings(catalogue_of(repo), ["report-a-pothole"], root=repo) == []


def test_no_warning_when_the_lead_council_is_already_in_the_other_project(
    example_repo,
) -> None:
    repo = example_repo()  # hackney is a partner in 'Report a missed bin'
    write(repo, "projects/rubbish-not-collected.yml", rubbish_not_collected("hackney"))
    assert duplicate_warnings(catalogue_of(repo), ["rubbish-not-collected"]) == []


def test_no_warning_about_a_retired_project(example_repo) -> None:
    repo = example_repo()
    write(repo, "councils/leeds.yml", LEEDS)
    write(repo, "projects/rubbish-not-collected.yml", rubbish_not_collected())
    existing = repo / "projects" / "report-a-missed-bin.yml"
    existing.write_text(existing.read_text().replace("phase: beta", "phase: retired"))
    assert duplicate_warnings(catalogue_of(repo), ["rubbish-not-collected"]) == []


def test_threshold_and_unknown_ids(example_repo) -> None:
    repo = example_repo()
    write(repo, "councils/leeds.yml", LEEDS)
    write(repo, "projects/rubbish-not-collected.yml", rubbish_not_collected())
    catalogue = catalogue_of(repo)
    assert duplicate_warnings(catalogue, ["rubbish-not-collected"], threshold=0.99) == []
    assert duplicate_warnings(catalogue, ["no-such-project"]) == []
    # Both directions: the existing project is warned about the new one too, when it changes.
    [back] = duplicate_warnings(catalogue, ["report-a-missed-bin"])
    assert back.message.startswith("This looks like 'Rubbish not collected' (Leeds, idea).")
