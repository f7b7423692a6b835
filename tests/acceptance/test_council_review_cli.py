"""`pipeline stale --plan` asks each council once about the records waiting for it, alongside
the per-project review issues, and a re-run or a confirmation behaves."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.conftest import EXAMPLES

TODAY = "2026-11-22"
URL = "https://github.com/example/pipeline"
IDLE_OWN = """\
# yaml-language-server: $schema=../schema/project.schema.json
title: Forms nobody looked at
summary: A form builder the council wrote up itself, then forgot.
phase: alpha
lead_council: hackney
last_reviewed: 2025-01-10
"""


@pytest.fixture
def repo(example_repo) -> Path:
    """The real-facts example (a sourced, unconfirmed project led by abolished Cumbria) and an
    idle project its council wrote itself (no sources)."""
    root = example_repo(EXAMPLES / "valid" / "real-facts")
    (root / "projects" / "forgotten-forms.yml").write_text(IDLE_OWN)
    return root


def plan(run_pipeline, root: Path, issues: list[dict[str, object]]) -> list[dict[str, object]]:
    result = run_pipeline(
        root, "stale", "--today", TODAY, "--plan", "--repo-url", URL, "--issues", "-",
        input=json.dumps(issues),
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def carry_out(actions: list[dict[str, object]], issues: list[dict[str, object]]) -> None:
    for action in actions:
        if action["action"] == "open":
            issues.append(
                {"number": len(issues) + 1, "title": action["title"], "body": action["body"],
                 "state": "OPEN"}
            )  # fmt: skip
        else:
            issue = next(i for i in issues if i["number"] == action["number"])
            issue.update(
                {"title": action["title"], "body": action["body"]}
                if action["action"] == "update"
                else {"state": "CLOSED"}
            )


def test_waiting_records_get_their_councils_issue_not_one_each(repo, run_pipeline) -> None:
    actions = plan(run_pipeline, repo, [])
    assert [(a["action"], a["labels"], a["project"] or a["council"]) for a in actions] == [
        ("open", ["stale"], "forgotten-forms"),
        ("open", ["waiting-for-council"], "cumbria"),
    ]
    body = str(actions[1]["body"])
    assert body.startswith("<!-- pipeline-council-review: cumbria -->\n")
    assert (
        f"- [Shared website platform]({URL}/blob/main/projects/shared-website-platform.yml) "
        "(`shared-website-platform`)" in body
    )
    assert "`/reviewed shared-website-platform`" in body


def test_a_rerun_opens_nothing_and_confirming_closes_the_councils_issue(repo, run_pipeline) -> None:
    issues: list[dict[str, object]] = []
    carry_out(plan(run_pipeline, repo, []), issues)
    assert plan(run_pipeline, repo, issues) == []
    record = repo / "projects" / "shared-website-platform.yml"
    record.write_text(
        record.read_text() + 'confirmed:\n  by: "@cumberland-web"\n  "on": 2026-11-21\n'
    )
    actions = plan(run_pipeline, repo, issues)
    assert [(a["action"], a["council"], a["number"]) for a in actions] == [("close", "cumbria", 2)]
    carry_out(actions, issues)
    assert plan(run_pipeline, repo, issues) == []
