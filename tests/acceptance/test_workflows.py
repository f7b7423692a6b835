"""The GitHub workflows and pre-commit hooks: linted by actionlint (with shellcheck) and zizmor,
and held to the promises CONTRIBUTING.md makes about them."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml

from generator.cli import cli
from generator.staleness.issues import Action
from tests.conftest import PROJECT_ROOT

WORKFLOWS = sorted((PROJECT_ROOT / ".github" / "workflows").glob("*.yml"))
PRE_COMMIT = [PROJECT_ROOT / ".pre-commit-config.yaml", PROJECT_ROOT / ".pre-commit-hooks.yaml"]
DEPENDABOT = PROJECT_ROOT / ".github" / "dependabot.yml"
# The test extra installs these into the same environment as Python.
TOOL_PATH = os.pathsep.join([str(Path(sys.executable).parent), os.environ.get("PATH", "")])


def tool(name: str) -> str:
    found = shutil.which(name, path=TOOL_PATH)
    assert found, f"{name} is missing: install the test extra (make install)"
    return found


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        args,
        cwd=PROJECT_ROOT,
        capture_output=True,
        text=True,
        env={**os.environ, "PATH": TOOL_PATH, "NO_COLOR": "1"},
        timeout=300,
    )


def load(path: Path) -> dict[str, Any]:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def triggers(workflow: dict[str, Any]) -> dict[str, Any]:
    # YAML 1.1 reads the key `on` as true.
    on = workflow.get("on", workflow.get(True))
    return on if isinstance(on, dict) else {name: None for name in on}


def test_there_are_eight_workflows() -> None:
    names = {"checks", "digest", "publish", "stale", "intake", "intake-rebuild", "upstream"}
    names |= {"properties"}
    assert {p.stem for p in WORKFLOWS} == names


def test_actionlint_with_shellcheck_finds_nothing() -> None:
    shellcheck = tool("shellcheck")
    done = run(
        tool("actionlint"),
        "-shellcheck",
        shellcheck,
        "-format",
        "{{json .}}",
        *(str(p) for p in WORKFLOWS),
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert json.loads(done.stdout or "[]") == []


def test_zizmor_finds_nothing() -> None:
    inputs = [str(p.relative_to(PROJECT_ROOT)) for p in [*WORKFLOWS, *PRE_COMMIT, DEPENDABOT]]
    done = run(tool("zizmor"), "--offline", "--format", "json", "--no-progress", *inputs)
    assert done.returncode == 0, done.stdout + done.stderr
    assert json.loads(done.stdout) == []


@pytest.mark.parametrize("path", WORKFLOWS, ids=lambda p: p.name)
def test_least_privilege_and_pinned(path: Path) -> None:
    workflow = load(path)
    assert workflow["permissions"] == {}, "grant permissions per job, none at the top"
    assert "pull_request_target" not in triggers(workflow)
    for name, job in workflow["jobs"].items():
        # One run at a time, for the workflow or (Intake, whose gate must stay out of the
        # queue) for each job that can write.
        writes = "write" in (job.get("permissions") or {}).values()
        assert (workflow.get("concurrency") or job.get("concurrency") or {}).get("group") or (
            not writes
        ), f"{name} has no concurrency group"
        assert isinstance(job.get("permissions"), dict), f"{name} has no permissions"
        assert job.get("timeout-minutes"), f"{name} has no timeout"
        for step in job.get("steps", []):
            uses = step.get("uses")
            if uses:
                assert re.fullmatch(r"[\w.-]+/[\w.-]+@[0-9a-f]{40}", uses), uses
            if uses and uses.startswith("actions/checkout@"):
                assert step["with"]["persist-credentials"] is False


def test_no_template_expansion_inside_scripts() -> None:
    """Values from events go through env: variables, never straight into a shell script."""
    for path in WORKFLOWS:
        for job in load(path)["jobs"].values():
            for step in job.get("steps", []):
                assert "${{" not in step.get("run", ""), f"{path.name}: {step.get('name')}"


def test_only_stale_digest_intake_and_publish_may_write() -> None:
    writes = {
        (path.stem, name, scope)
        for path in WORKFLOWS
        for name, job in load(path)["jobs"].items()
        for scope, level in job["permissions"].items()
        if level == "write"
    }
    assert writes == {
        ("stale", "stale", "issues"),
        ("digest", "digest", "issues"),
        ("intake", "intake", "contents"),
        ("intake", "intake", "pull-requests"),
        ("intake", "intake", "issues"),
        ("intake-rebuild", "rebuild", "contents"),
        ("intake-rebuild", "rebuild", "pull-requests"),
        ("intake-rebuild", "rebuild", "issues"),
        ("publish", "deploy", "pages"),
        ("publish", "deploy", "id-token"),
    }


def test_triggers() -> None:
    on = {path.stem: triggers(load(path)) for path in WORKFLOWS}
    assert set(on["checks"]) == {"pull_request"}
    assert on["publish"]["push"] == {"branches": ["main"]}
    assert "workflow_dispatch" in on["publish"]
    assert "schedule" in on["stale"] and "workflow_dispatch" in on["stale"]
    assert set(on["properties"]) == {"schedule", "workflow_dispatch"}
    assert "schedule" in on["upstream"] and "workflow_dispatch" in on["upstream"]
    assert "schedule" in on["digest"] and "workflow_dispatch" in on["digest"]
    assert on["intake"] == {
        "issues": {"types": ["opened", "edited", "reopened", "closed"]},
        "issue_comment": {"types": ["created"]},
    }


def test_the_weekly_property_run_uses_the_long_profile() -> None:
    workflow = load(PROJECT_ROOT / ".github" / "workflows" / "properties.yml")
    steps = [s for job in workflow["jobs"].values() for s in job["steps"]]
    runs = [s for s in steps if "tests/acceptance/test_properties.py" in s.get("run", "")]
    assert runs and runs[0]["env"]["HYPOTHESIS_PROFILE"] == "long"


def test_workflow_scripts_pass_shellcheck() -> None:
    scripts = sorted((PROJECT_ROOT / ".github" / "scripts").glob("*.sh"))
    assert scripts
    done = run(tool("shellcheck"), "--format", "gcc", *(str(p) for p in scripts))
    assert done.returncode == 0, done.stdout + done.stderr


def steps(name: str) -> list[dict[str, Any]]:
    workflow = load(PROJECT_ROOT / ".github" / "workflows" / f"{name}.yml")
    return [step for job in workflow["jobs"].values() for step in job["steps"]]


@pytest.mark.parametrize("path", WORKFLOWS, ids=lambda p: p.name)
def test_workflows_install_only_from_the_lock(path: Path) -> None:
    """Python packages come from uv.lock through the Makefile, never a bare pip install."""
    runs = "\n".join(step.get("run", "") for step in steps(path.stem))
    assert "pip install" not in runs and "uv pip" not in runs
    assert re.search(r"^make (install|test|\.tools/bin/uv)\b", runs, re.MULTILINE), runs
    assert not re.search(r"^(pipeline|mkdocs|python -m pytest) ", runs, re.MULTILINE), runs


def test_the_makefile_installs_exactly_the_lock() -> None:
    makefile = (PROJECT_ROOT / "Makefile").read_text()
    assert re.search(r"^\$\(STAMP\): uv\.lock ", makefile, re.MULTILINE)
    assert "sync --locked" in makefile and "--require-hashes -r .ci/uv-requirements.txt" in makefile
    pinned = (PROJECT_ROOT / ".ci" / "uv-requirements.txt").read_text()
    assert re.search(r"^uv==[\d.]+ \\$", pinned, re.MULTILINE) and "--hash=sha256:" in pinned


def test_pull_requests_run_the_browser_tests_as_ci_does() -> None:
    (run_tests,) = [s for s in steps("checks") if s.get("run", "").startswith("make test")]
    assert run_tests["env"]["PIPELINE_REQUIRE_BROWSER"] == "1"
    runs = "\n".join(step.get("run", "") for step in steps("checks"))
    assert "/usr/bin/chromium" in runs and "java -version" in runs
    assert "make test" in (PROJECT_ROOT / ".ci" / "run").read_text()


def test_the_upstream_job_upgrades_tests_and_reports() -> None:
    runs = [step.get("run", "") for step in steps("upstream")]
    assert any("uv lock --upgrade" in run for run in runs)
    assert any(run.startswith("make test") and "--junitxml=" in run for run in runs)
    (report,) = [run for run in runs if "maintenance.upstream" in run]
    assert "GITHUB_STEP_SUMMARY" in report


def test_dependabot_keeps_the_lock_npm_and_actions_current_weekly_and_grouped() -> None:
    done = run(tool("check-jsonschema"), "--builtin-schema", "vendor.dependabot", str(DEPENDABOT))
    assert done.returncode == 0, done.stdout + done.stderr
    updates = load(DEPENDABOT)["updates"]
    assert {u["package-ecosystem"] for u in updates} == {"uv", "pip", "npm", "github-actions"}
    for update in updates:
        assert update["schedule"]["interval"] == "weekly"
        assert update["groups"], update


def test_publish_uses_the_official_pages_actions_one_deployment_at_a_time() -> None:
    workflow = load(PROJECT_ROOT / ".github" / "workflows" / "publish.yml")
    uses = [s.get("uses", "") for job in workflow["jobs"].values() for s in job["steps"]]
    assert any(u.startswith("actions/upload-pages-artifact@") for u in uses)
    assert any(u.startswith("actions/deploy-pages@") for u in uses)
    assert workflow["concurrency"]["cancel-in-progress"] is False


def test_workflows_call_commands_that_exist() -> None:
    """Every `pipeline X` a workflow runs is a command of this package (pr-report may come
    from another branch; it is checked once it is registered)."""
    called = {
        match
        for path in WORKFLOWS
        for job in load(path)["jobs"].values()
        for step in job.get("steps", [])
        for match in re.findall(r"\bpipeline ([a-z-]+)", step.get("run", ""))
    }
    assert {"validate", "stale", "digest", "intake"} <= called
    assert called - set(cli.commands) <= {"pr-report"}


def test_pre_commit_files_are_valid() -> None:
    pre_commit = tool("pre-commit")
    assert run(pre_commit, "validate-config", ".pre-commit-config.yaml").returncode == 0
    assert run(pre_commit, "validate-manifest", ".pre-commit-hooks.yaml").returncode == 0


@pytest.mark.parametrize("path", PRE_COMMIT, ids=lambda p: p.name)
def test_pre_commit_hook_runs_pipeline_validate_on_records(path: Path) -> None:
    data = load(path)
    hooks = data if isinstance(data, list) else data["repos"][0]["hooks"]
    (hook,) = hooks
    program, command = hook["entry"].split()
    assert program == "pipeline" and command in cli.commands
    files = re.compile(hook["files"])
    assert files.search("projects/report-a-pothole.yml")
    assert files.search("makerdays/day.yml") and files.search("councils/leeds.yml")
    assert not files.search("docs/index.md")
    assert not files.search("generator/cli/__init__.py")


FAKE_GH = """#!/usr/bin/env bash
# Records each call: its arguments, and what it read when told to read the body from stdin.
n=$(find "$GH_LOG" -name '*.args' | wc -l)
printf '%s\\n' "$@" > "$GH_LOG/$n.args"
if [[ " $* " == *" --body-file - "* ]]; then cat > "$GH_LOG/$n.stdin"; fi
"""


@pytest.mark.skipif(shutil.which("jq") is None, reason="the loop uses jq, as on GitHub's runners")
def run_as_runner(
    script: str, tmp_path: Path, bin_dir: Path, **env: str
) -> subprocess.CompletedProcess[str]:
    """A step's script as GitHub's runner runs it, with the stand-ins in `bin_dir` first on PATH."""
    return subprocess.run(
        ["bash", "--noprofile", "--norc", "-eo", "pipefail", "-c", script],
        cwd=tmp_path,
        env={
            **os.environ,
            "PATH": f"{bin_dir}{os.pathsep}{os.environ['PATH']}",
            "RUNNER_TEMP": str(tmp_path),
            **env,
        },
        capture_output=True,
        text=True,
        timeout=60,
    )


def test_stale_workflow_carries_out_each_action_with_gh(tmp_path: Path) -> None:
    """The workflow's only logic is a loop; check it passes tricky text through untouched."""
    steps = load(PROJECT_ROOT / ".github" / "workflows" / "stale.yml")["jobs"]["stale"]["steps"]
    (script,) = [s["run"] for s in steps if s.get("name") == "Carry out the plan"]
    tricky = 'Say "hi" $(touch pwned) `touch pwned` \\n $HOME'
    actions = [
        Action("open", "a", f"Please review: {tricky}", f"line one\n{tricky}\n"),
        Action("update", "b", "Please review: B", "new text\n", number=4),
        Action("close", "c", "Please review: C", "", 7, f"Thank you! {tricky}", "completed"),
    ]
    (tmp_path / "plan.json").write_text(json.dumps([a.as_dict() for a in actions]))
    bin_dir, log = tmp_path / "bin", tmp_path / "log"
    bin_dir.mkdir()
    log.mkdir()
    (bin_dir / "gh").write_text(FAKE_GH)
    (bin_dir / "gh").chmod(0o755)
    done = run_as_runner(script, tmp_path, bin_dir, GH_LOG=str(log))
    assert done.returncode == 0, done.stderr
    args = [(log / f"{n}.args").read_text().splitlines() for n in range(3)]
    assert args[0] == [
        "issue",
        "create",
        "--title",
        f"Please review: {tricky}",
        "--label",
        "stale",
        "--body-file",
        "-",
    ]
    assert (log / "0.stdin").read_text() == f"line one\n{tricky}\n\n"
    assert args[1] == ["issue", "edit", "4", "--title", "Please review: B", "--body-file", "-"]
    assert (log / "1.stdin").read_text() == "new text\n\n"
    assert args[2] == [
        "issue",
        "close",
        "7",
        "--reason",
        "completed",
        "--comment",
        f"Thank you! {tricky}",
    ]
    assert not (tmp_path / "pwned").exists()


@pytest.mark.skipif(shutil.which("jq") is None, reason="the loop uses jq, as on GitHub's runners")
def test_digest_workflow_opens_the_planned_issue_with_gh(tmp_path: Path) -> None:
    from generator.digest.issues import Post

    steps = load(PROJECT_ROOT / ".github" / "workflows" / "digest.yml")["jobs"]["digest"]["steps"]
    (script,) = [s["run"] for s in steps if s.get("name") == "Carry out the plan"]
    tricky = 'Say "hi" $(touch pwned) `touch pwned` \\n $HOME'
    post = Post(
        f"The week on Pipeline: {tricky}", f"<!-- pipeline-digest: 2026-11-09 -->\n{tricky}\n"
    )
    (tmp_path / "plan.json").write_text(json.dumps([post.as_dict()]))
    bin_dir, log = tmp_path / "bin", tmp_path / "log"
    bin_dir.mkdir()
    log.mkdir()
    (bin_dir / "gh").write_text(FAKE_GH)
    (bin_dir / "gh").chmod(0o755)
    done = run_as_runner(script, tmp_path, bin_dir, GH_LOG=str(log))
    assert done.returncode == 0, done.stderr
    assert (log / "0.args").read_text().splitlines() == [
        "issue", "create", "--title", f"The week on Pipeline: {tricky}", "--label", "digest",
        "--body-file", "-",
    ]  # fmt: skip
    assert (log / "0.stdin").read_text() == f"{post.body}\n"
    assert not (log / "1.args").exists()
    assert not (tmp_path / "pwned").exists()


PLANNING_GH = """#!/usr/bin/env bash
# `gh issue list --label L ...` prints the issues labelled L; other calls print nothing.
if [[ "$1 $2" == "issue list" ]]; then cat "$GH_ISSUES/$4.json"; fi
"""
ECHO_PIPELINE = """#!/usr/bin/env bash
# Stands in for `pipeline stale --plan --issues FILE`: prints the issues it was given.
cat "$4"
"""


@pytest.mark.skipif(shutil.which("jq") is None, reason="the step uses jq, as on GitHub's runners")
def test_stale_workflow_plans_from_both_kinds_of_issue(tmp_path: Path) -> None:
    """The plan sees the per-project review issues and the councils' issues together, so it
    can keep one of each and never open a second."""
    steps = load(PROJECT_ROOT / ".github" / "workflows" / "stale.yml")["jobs"]["stale"]["steps"]
    (script,) = [s["run"] for s in steps if s.get("name") == "Plan the issues"]
    issues = tmp_path / "issues"
    issues.mkdir()
    stale = [{"number": 1, "title": "Please review: A", "body": "x", "state": "OPEN"}]
    council = [{"number": 2, "title": "Please confirm", "body": "y", "state": "CLOSED"}]
    (issues / "stale.json").write_text(json.dumps(stale))
    (issues / "waiting-for-council.json").write_text(json.dumps(council))
    bin_dir = tmp_path / "bin"
    (tmp_path / ".venv" / "bin").mkdir(parents=True)
    bin_dir.mkdir()
    (bin_dir / "gh").write_text(PLANNING_GH)
    (tmp_path / ".venv" / "bin" / "pipeline").write_text(ECHO_PIPELINE)
    for fake in (bin_dir / "gh", tmp_path / ".venv" / "bin" / "pipeline"):
        fake.chmod(0o755)
    done = run_as_runner(script, tmp_path, bin_dir, GH_ISSUES=str(issues))
    assert done.returncode == 0, done.stderr
    assert json.loads((tmp_path / "plan.json").read_text()) == stale + council
