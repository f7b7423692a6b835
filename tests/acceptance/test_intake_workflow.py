"""The intake workflow's git and gh steps, end to end: .github/scripts/intake-apply.sh against
a local bare repository, with the real `pipeline` and a stand-in `gh` that records its calls."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml

from generator.intake.forms import load_forms, render_body
from tests.conftest import PROJECT_ROOT, catalogue_root

SCRIPT = PROJECT_ROOT / ".github" / "scripts" / "intake-apply.sh"
WORKFLOW = PROJECT_ROOT / ".github" / "workflows" / "intake.yml"
FAKE_GH = PROJECT_ROOT / "tests" / "data" / "intake" / "fake_gh.py"
FORMS = load_forms(PROJECT_ROOT)
COPIED = ("schema", "projects", "councils", "makerdays", "pipeline.yml", "mkdocs.yml")

pytestmark = pytest.mark.skipif(shutil.which("jq") is None, reason="the script uses jq")


def git(cwd: Path, *args: str) -> str:
    done = subprocess.run(
        ["git", *args], cwd=cwd, capture_output=True, text=True, check=True, timeout=60
    )
    return done.stdout.strip()


class Remote:
    """A bare 'GitHub' repository, the runner's checkout of it, and the stand-in gh."""

    def __init__(self, tmp: Path) -> None:
        self.tmp = tmp
        self.origin = tmp / "origin.git"
        self.checkout = tmp / "checkout"
        self.state = tmp / "gh"
        self.state.mkdir()
        git(tmp, "init", "--quiet", "--bare", "--initial-branch=main", str(self.origin))
        git(tmp, "init", "--quiet", "--initial-branch=main", str(self.checkout))
        for name in COPIED:
            source = catalogue_root() / name
            if source.is_dir():
                shutil.copytree(source, self.checkout / name)
            else:
                shutil.copy2(source, self.checkout / name)
        shutil.copytree(PROJECT_ROOT / ".github", self.checkout / ".github")
        shutil.copy2(
            catalogue_root() / ".github" / "CODEOWNERS", self.checkout / ".github" / "CODEOWNERS"
        )
        git(self.checkout, "add", "-A")
        git(
            self.checkout,
            "-c",
            "user.name=t",
            "-c",
            "user.email=t@example.org",
            "commit",
            "--quiet",
            "-m",
            "Records",
        )
        git(self.checkout, "remote", "add", "origin", str(self.origin))
        git(self.checkout, "push", "--quiet", "origin", "main")
        bin_dir = tmp / "bin"
        bin_dir.mkdir()
        (bin_dir / "gh").write_text(f"#!{sys.executable}\n" + FAKE_GH.read_text())
        (bin_dir / "gh").chmod(0o755)
        self.path = os.pathsep.join(
            [str(bin_dir), str(Path(sys.executable).parent), os.environ["PATH"]]
        )

    def run(self, event: dict[str, Any], number: int) -> subprocess.CompletedProcess[str]:
        event_file = self.tmp / f"event-{number}.json"
        event_file.write_text(json.dumps(event), encoding="utf-8")
        runner_temp = self.tmp / f"runner-{number}"
        runner_temp.mkdir()
        done = subprocess.run(
            [
                "bash",
                str(self.checkout / ".github" / "scripts" / "intake-apply.sh"),
                str(event_file),
            ],
            cwd=self.checkout,
            env={
                **os.environ,
                "PATH": self.path,
                "GH_STATE": str(self.state),
                "GH_REPO": "example/pipeline",
                "BASE_BRANCH": "main",
                "RUNNER_TEMP": str(runner_temp),
                "GITHUB_SERVER_URL": "https://github.com",
                "GITHUB_REPOSITORY": "example/pipeline",
                "GIT_CONFIG_GLOBAL": "/dev/null",
            },
            capture_output=True,
            text=True,
            timeout=300,
        )
        assert done.returncode == 0, done.stdout + done.stderr
        return done

    def calls(self) -> list[dict[str, Any]]:
        lines = (self.state / "calls.jsonl").read_text().splitlines()
        return [json.loads(line) for line in lines]

    def branch(self, name: str) -> str | None:
        found = git(self.origin, "branch", "--list", name)
        return git(self.origin, "rev-parse", name) if found else None

    def show(self, ref: str, path: str) -> str:
        return git(self.origin, "show", f"{ref}:{path}")


def issue_event(action: str, number: int, values: dict[str, Any], form: str) -> dict[str, Any]:
    chosen = FORMS[form]
    return {
        "action": action,
        "issue": {
            "number": number,
            "title": "Join: Report a pothole",
            "body": render_body(chosen, values),
            "labels": [{"name": label} for label in chosen.labels],
            "user": {"login": "hackney-officer", "type": "User"},
            "author_association": "NONE",
        },
    }


def comment_event(number: int, body: str, login: str) -> dict[str, Any]:
    return {
        "action": "created",
        "issue": {
            "number": number,
            "title": "Please review: Report a pothole",
            "body": "<!-- pipeline-stale: report-a-pothole -->\nPlease review.",
            "labels": [{"name": "stale"}],
            "user": {"login": "github-actions[bot]", "type": "Bot"},
            "author_association": "NONE",
        },
        "comment": {
            "id": 9,
            "body": body,
            "user": {"login": login, "type": "User"},
            "author_association": "NONE",
        },
    }


JOIN = {"project": "report-a-pothole", "council": "Hackney", "role": "observer"}


def test_a_form_opens_one_pull_request_updated_on_edit_and_closed_with_the_issue(
    tmp_path: Path,
) -> None:
    remote = Remote(tmp_path)
    remote.run(issue_event("opened", 42, JOIN, "join-project"), 1)
    calls = remote.calls()
    (create,) = [c for c in calls if c["args"][:2] == ["pr", "create"]]
    assert create["args"][create["args"].index("--head") + 1] == "intake/issue-42"
    assert create["args"][create["args"].index("--base") + 1] == "main"
    assert create["body"].startswith("Closes #42\n")
    # The pull request carries `pipeline pr-report`'s summary: who must approve, from CODEOWNERS.
    assert "## Pipeline: what this pull request changes" in create["body"]
    assert "### Who must approve" in create["body"]
    assert "@devon-digital-example" in create["body"].split("### Who must approve")[1]
    (reply,) = [c for c in calls if c["args"][:2] == ["issue", "comment"]]
    assert reply["body"].startswith("<!-- pipeline-intake -->")
    record = yaml.safe_load(remote.show("intake/issue-42", "projects/report-a-pothole.yml"))
    assert {"council": "hackney", "role": "observer"}.items() <= record["partners"][-1].items()
    first = remote.branch("intake/issue-42")

    edited = {**JOIN, "role": "contributor"}
    remote.run(issue_event("edited", 42, edited, "join-project"), 2)
    calls = remote.calls()
    assert len([c for c in calls if c["args"][:2] == ["pr", "create"]]) == 1
    (edit,) = [c for c in calls if c["args"][:2] == ["pr", "edit"]]
    assert edit["args"][2] == "100"
    (patch,) = [c for c in calls if c["args"][:1] == ["api"] and "PATCH" in c["args"]]
    assert patch["args"][3] == "repos/example/pipeline/issues/comments/542"
    assert len([c for c in calls if c["args"][:2] == ["issue", "comment"]]) == 1
    second = remote.branch("intake/issue-42")
    assert second != first
    record = yaml.safe_load(remote.show("intake/issue-42", "projects/report-a-pothole.yml"))
    assert record["partners"][-1]["role"] == "contributor"
    # The branch holds one commit on top of main: an edit replaces the change, never stacks.
    assert git(remote.origin, "rev-list", "--count", "main..intake/issue-42") == "1"

    remote.run(issue_event("edited", 42, edited, "join-project"), 3)
    assert remote.branch("intake/issue-42") == second  # the same request changes nothing

    remote.run(issue_event("closed", 42, edited, "join-project"), 4)
    (close,) = [c for c in remote.calls() if c["args"][:2] == ["pr", "close"]]
    assert close["args"][2] == "100" and "--delete-branch" in close["args"]
    assert git(remote.origin, "rev-parse", "main") == git(remote.checkout, "rev-parse", "main")


def test_comment_commands_build_one_pull_request_and_strangers_get_a_reply(
    tmp_path: Path,
) -> None:
    remote = Remote(tmp_path)
    remote.run(comment_event(7, "/update Twenty more interviews done.", "devon-digital-example"), 1)
    remote.run(comment_event(7, "/reviewed", "devon-digital-example"), 2)
    text = remote.show("intake/issue-7", "projects/report-a-pothole.yml")
    record = yaml.safe_load(text)
    assert record["updates"][0]["text"] == "Twenty more interviews done."
    assert str(record["last_reviewed"]) != "2026-10-30"
    assert git(remote.origin, "rev-list", "--count", "main..intake/issue-7") == "2"
    calls = remote.calls()
    assert len([c for c in calls if c["args"][:2] == ["pr", "create"]]) == 1
    assert len([c for c in calls if c["args"][:2] == ["pr", "edit"]]) == 1

    before = remote.branch("intake/issue-7")
    remote.run(comment_event(7, "/retire", "someone-else"), 3)
    assert remote.branch("intake/issue-7") == before
    reply = [c for c in remote.calls() if c["args"][:1] == ["api"] and "PATCH" in c["args"]][-1]
    assert "Only the people who look after this record" in reply["body"]


def test_a_bad_form_gets_a_reply_and_no_branch(tmp_path: Path) -> None:
    remote = Remote(tmp_path)
    remote.run(issue_event("opened", 5, {**JOIN, "council": "Hackny"}, "join-project"), 1)
    calls = remote.calls()
    assert not [c for c in calls if c["args"][0] == "pr" and c["args"][1] != "list"]
    (reply,) = [c for c in calls if c["args"][:2] == ["issue", "comment"]]
    assert "**Your council**" in reply["body"] and "Did you mean Hackney" in reply["body"]
    assert remote.branch("intake/issue-5") is None


def test_the_workflow_runs_the_script_from_the_default_branch() -> None:
    workflow = yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))
    (job,) = workflow["jobs"].values()
    checkout = next(s for s in job["steps"] if s.get("uses", "").startswith("actions/checkout@"))
    assert checkout["with"]["ref"] == "${{ github.event.repository.default_branch }}"
    assert any("intake-apply.sh" in s.get("run", "") for s in job["steps"])
    assert set(job["permissions"]) == {"contents", "pull-requests", "issues"}
