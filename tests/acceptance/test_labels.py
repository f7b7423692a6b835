"""Labels: one home (generator/labels.py) for every label the forms and workflows use, and the
workflows' steps that create the missing ones, run against a stand-in `gh`."""

from __future__ import annotations

import contextlib
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml
from click.testing import CliRunner

from generator.cli import cli
from generator.digest.issues import LABEL as DIGEST_LABEL
from generator.labels import BY_NAME, LABELS
from generator.staleness.council_issues import LABEL as COUNCIL_LABEL
from generator.staleness.issues import LABEL as STALE_LABEL
from tests.acceptance.github_stand_in import REPO, StandInGh
from tests.conftest import PROJECT_ROOT

FORMS = sorted((PROJECT_ROOT / ".github" / "ISSUE_TEMPLATE").glob("*.yml"))
WORKFLOWS = PROJECT_ROOT / ".github" / "workflows"


def form_labels() -> set[str]:
    found: set[str] = set()
    for path in FORMS:
        found.update(yaml.safe_load(path.read_text()).get("labels") or [])
    return found


def test_every_label_in_use_has_its_home_and_every_home_is_used() -> None:
    used = form_labels() | {STALE_LABEL, COUNCIL_LABEL, DIGEST_LABEL}
    assert form_labels() and used == set(BY_NAME)
    for label in LABELS:
        assert len(label.description) <= 100, label  # GitHub's limit
        assert len(label.colour) == 6 and int(label.colour, 16) >= 0, label


def created(gh: StandInGh) -> list[list[str]]:
    return [c for c in gh.calls() if c[:2] == ["label", "create"]]


def test_labels_create_makes_only_the_missing_ones_and_is_idempotent(tmp_path: Path) -> None:
    gh = StandInGh(tmp_path, "bad")
    with contextlib.chdir(tmp_path):
        first = CliRunner().invoke(cli, ["labels", "--create", "--repo", REPO], env=gh.env)
        again = CliRunner().invoke(cli, ["labels", "--create", "--repo", REPO], env=gh.env)
    assert first.exit_code == 0, first.output
    assert [c[2] for c in created(gh)] == [label.name for label in LABELS]
    stale = next(c for c in created(gh) if c[2] == "stale")
    assert stale[3:] == [
        "--repo",
        REPO,
        "--color",
        "FBCA04",
        "--description",
        BY_NAME["stale"].description,
    ]
    assert "Created the label 'new project' on example-org/pipeline." in first.output
    assert again.exit_code == 0 and len(created(gh)) == len(LABELS)
    assert again.output.strip() == f"{REPO} has all {len(LABELS)} labels already."


def test_an_unknown_label_name_is_refused(tmp_path: Path) -> None:
    done = CliRunner().invoke(cli, ["labels", "--create", "stail"])
    assert done.exit_code == 2 and "there is no label 'stail'" in done.output


def step(workflow: str, starts: str) -> dict[str, Any]:
    data = yaml.safe_load((WORKFLOWS / f"{workflow}.yml").read_text())
    steps = [s for job in data["jobs"].values() for s in job["steps"]]
    (found,) = [s for s in steps if s.get("name", "").startswith(starts)]
    return found


def run_step(found: dict[str, Any], tmp: Path, gh: StandInGh) -> subprocess.CompletedProcess[str]:
    """The step's script as the runner runs it, in a checkout whose .venv has Pipeline."""
    checkout = tmp / "runner"
    (checkout / ".venv" / "bin").mkdir(parents=True, exist_ok=True)
    pipeline = checkout / ".venv" / "bin" / "pipeline"
    if not pipeline.exists():
        pipeline.symlink_to(Path(sys.executable).parent / "pipeline")
    assert set(found["env"]) == {"GH_TOKEN", "GH_REPO"}
    return subprocess.run(
        ["bash", "--noprofile", "--norc", "-eo", "pipefail", "-c", found["run"]],
        cwd=checkout,
        env={**os.environ, **gh.env, "GH_REPO": REPO, "GH_TOKEN": "stand-in"},
        capture_output=True,
        text=True,
        timeout=120,
    )


@pytest.mark.parametrize(
    ("workflow", "labels"),
    [("stale", ("stale", "waiting-for-council")), ("digest", ("digest",))],
)
def test_stale_and_digest_create_their_label_on_a_new_repository(
    tmp_path: Path, workflow: str, labels: tuple[str, ...]
) -> None:
    found = step(workflow, "Create the")
    gh = StandInGh(tmp_path, "bad")
    done = run_step(found, tmp_path, gh)
    assert done.returncode == 0, done.stdout + done.stderr
    calls = created(gh)
    assert [c[2] for c in calls] == list(labels)
    for call in calls:
        assert call[call.index("--color") + 1] == BY_NAME[call[2]].colour
    # The next week's run finds them and creates nothing.
    done = run_step(found, tmp_path, gh)
    assert done.returncode == 0 and len(created(gh)) == len(labels)
    # It runs before each label is first used.
    data = yaml.safe_load((WORKFLOWS / f"{workflow}.yml").read_text())
    names = [s.get("name", "") for job in data["jobs"].values() for s in job["steps"]]
    runs = [s.get("run", "") for job in data["jobs"].values() for s in job["steps"]]
    for label in labels:
        first_use = next(i for i, r in enumerate(runs) if f"--label {label}" in r)
        assert names.index(found["name"]) < first_use
    assert not any("gh label create" in r for r in runs)


def test_intake_creates_the_forms_labels_and_goes_on_if_it_cannot(tmp_path: Path) -> None:
    found = step("intake", "Create the forms' labels")
    assert "opened" in found["if"]
    gh = StandInGh(tmp_path, "bad")
    done = run_step(found, tmp_path, gh)
    assert done.returncode == 0, done.stderr
    assert {c[2] for c in created(gh)} >= form_labels()
    signed_out = StandInGh(tmp_path / "out", "bad", signed_out=True)
    done = run_step(found, tmp_path, signed_out)
    assert done.returncode == 0 and "::warning title=Intake::" in done.stdout
