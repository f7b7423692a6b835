"""A command typed with capitals, by a maintainer whose name is written in other capitals,
acts exactly as the lower-case one does: the whole way from the comment to the record."""

from __future__ import annotations

from pathlib import Path

import yaml

from tests.acceptance.test_intake_plan import TODAY, Run, apply_twice, comment_event, intake
from tests.acceptance.test_intake_plan import repo as repo  # the fixture: a copied catalogue


def test_capitalised_reviewed_from_a_capitalised_maintainer(run_pipeline: Run, repo: Path) -> None:
    plan = apply_twice(run_pipeline, repo, comment_event("/Reviewed", "Devon-Digital-Example"))
    assert plan["kind"] == "reviewed"
    record = yaml.safe_load((repo / "projects" / "report-a-pothole.yml").read_text())
    assert str(record["last_reviewed"]) == TODAY


def test_capitalised_update_adds_the_sentence(run_pipeline: Run, repo: Path) -> None:
    plan = apply_twice(run_pipeline, repo, comment_event("/UPDATE Launched to all residents."))
    assert plan["kind"] == "update"
    record = yaml.safe_load((repo / "projects" / "report-a-pothole.yml").read_text())
    assert record["updates"][0]["text"] == "Launched to all residents."


def test_a_capitalised_command_from_someone_else_is_still_refused(run_pipeline: Run, repo: Path):
    stranger = intake(run_pipeline, repo, comment_event("/Reviewed", "Passer-By", "CONTRIBUTOR"))
    assert stranger["ok"] is False and stranger["files"] == []
    assert "Only the people who look after this record" in stranger["comment"]
