"""The intake workflow's git and gh steps, end to end: .github/scripts/intake-apply.sh, phase by
phase as the workflows run it, against a local bare repository, with the real `pipeline` and
a stand-in `gh` (tests/data/intake/fake_gh.py) that keeps issues, comments and pull requests
and records its calls. The phases that read issue text run with no `gh` at all on their PATH."""

from __future__ import annotations

import json
import os
import random
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml

from generator.intake.forms import load_forms, render_body
from tests.conftest import PROJECT_ROOT
from tests.intake_repo import make_repo, rest_comment, rest_issue

WORKFLOWS = PROJECT_ROOT / ".github" / "workflows"
FAKE_GH = PROJECT_ROOT / "tests" / "data" / "intake" / "fake_gh.py"
FORMS = load_forms(PROJECT_ROOT)
POTHOLE = "projects/report-a-pothole.yml"
MAINTAINER = "devon-digital-example"
BOT_EMAIL = "pipeline-intake@users.noreply.github.com"
# The phases as the workflows run them; those marked False read issue text and get no gh.
PHASES = [("fetch", True), ("askers", False), ("access", True), ("plan", False), ("apply", True)]

pytestmark = pytest.mark.skipif(shutil.which("jq") is None, reason="the script uses jq")


def git(cwd: Path, *args: str, check: bool = True) -> str:
    done = subprocess.run(
        ["git", *args], cwd=cwd, capture_output=True, text=True, check=check, timeout=60
    )
    return done.stdout.strip()


class Remote:
    """A bare 'GitHub' repository, the runner's checkout of it, and the stand-in gh."""

    def __init__(self, tmp: Path) -> None:
        self.tmp = tmp
        self.origin = tmp / "origin.git"
        self.checkout = make_repo(tmp / "checkout")
        self.state = tmp / "gh"
        self.state.mkdir()
        self.runs = 0
        git(tmp, "init", "--quiet", "--bare", "--initial-branch=main", str(self.origin))
        git(self.checkout, "init", "--quiet", "--initial-branch=main")
        self.commit(self.checkout, "Records")
        git(self.checkout, "remote", "add", "origin", str(self.origin))
        git(self.checkout, "push", "--quiet", "origin", "main")
        self.person = tmp / "person"  # someone's clone, for merging and their own commits
        git(tmp, "clone", "--quiet", str(self.origin), str(self.person))
        bin_dir, no_gh = tmp / "bin", tmp / "no-gh"
        bin_dir.mkdir()
        no_gh.mkdir()
        (bin_dir / "gh").write_text(f"#!{sys.executable}\n" + FAKE_GH.read_text())
        (bin_dir / "gh").chmod(0o755)
        (no_gh / "gh").write_text("#!/bin/sh\necho 'gh must not run in this phase' >&2\nexit 3\n")
        (no_gh / "gh").chmod(0o755)
        tools = [str(Path(sys.executable).parent), os.environ["PATH"]]
        self.path = os.pathsep.join([str(bin_dir), *tools])
        self.path_without_gh = os.pathsep.join([str(no_gh), *tools])
        self.save({"issues": {}, "prs": {}, "writers": {}})

    @staticmethod
    def commit(cwd: Path, message: str, email: str = "t@example.org") -> None:
        git(cwd, "add", "-A")
        git(
            cwd,
            "-c",
            "user.name=t",
            "-c",
            f"user.email={email}",
            "commit",
            "--quiet",
            "-m",
            message,
        )

    # GitHub's side.
    def load(self) -> dict[str, Any]:
        return json.loads((self.state / "state.json").read_text())

    def save(self, state: dict[str, Any]) -> None:
        (self.state / "state.json").write_text(json.dumps(state))

    def open_issue(self, issue: dict[str, Any]) -> None:
        state = self.load()
        state["issues"][str(issue["number"])] = {**issue, "comments": []}
        self.save(state)

    def edit_issue(self, number: int, **fields: Any) -> None:
        state = self.load()
        state["issues"][str(number)].update(fields)
        self.save(state)

    def add_comment(self, number: int, comment: dict[str, Any]) -> None:
        state = self.load()
        state["issues"][str(number)]["comments"].append(comment)
        self.save(state)

    def prs(self, state: str = "OPEN") -> dict[str, dict[str, Any]]:
        return {p["headRefName"]: p for p in self.load()["prs"].values() if p["state"] == state}

    def reply(self, number: int) -> str:
        comments = self.load()["issues"][str(number)]["comments"]
        return next(c["body"] for c in comments if c["body"].startswith("<!-- pipeline-intake"))

    def calls(self) -> list[dict[str, Any]]:
        lines = (self.state / "calls.jsonl").read_text().splitlines()
        return [json.loads(line) for line in lines]

    # The workflows.
    def run(self, selection: str) -> None:
        """One workflow run: select, then every phase, each as its own step."""
        self.runs += 1
        base = {
            **os.environ,
            "GH_STATE": str(self.state),
            "GH_REPO": "example/pipeline",
            "BASE_BRANCH": "main",
            "INTAKE_STATE": str(self.tmp / f"run-{self.runs}"),
            "GIT_CONFIG_GLOBAL": "/dev/null",
        }
        script = str(self.checkout / ".github" / "scripts" / "intake-apply.sh")
        for phase, with_gh in [("select", True), *PHASES]:
            args = ["bash", script, phase] + ([selection] if phase == "select" else [])
            env = {**base, "PATH": self.path if with_gh else self.path_without_gh}
            done = subprocess.run(
                args, cwd=self.checkout, env=env, capture_output=True, text=True, timeout=300
            )
            assert done.returncode == 0, f"{phase}: {done.stdout}{done.stderr}"

    def event(self, number: int, action: str = "opened") -> None:
        event_file = self.tmp / f"event-{self.runs}.json"
        event_file.write_text(json.dumps({"action": action, "issue": {"number": number}}))
        self.run(str(event_file))

    def rebuild(self) -> None:
        self.run("--open")

    # Git's side.
    def branch(self, name: str) -> str | None:
        found = git(self.origin, "branch", "--list", name)
        return git(self.origin, "rev-parse", name) if found else None

    def show(self, ref: str, path: str = POTHOLE) -> str:
        return git(self.origin, "show", f"{ref}:{path}")

    def conflicts(self, branch: str) -> bool:
        done = subprocess.run(
            ["git", "merge-tree", "--write-tree", "main", branch],
            cwd=self.origin,
            capture_output=True,
        )
        return done.returncode != 0

    def merge(self, branch: str) -> None:
        """What the merge button does: a merge commit on main; the PR and its issue close."""
        assert not self.conflicts(branch), f"{branch} conflicts with main"
        git(self.person, "fetch", "--quiet", "origin")
        git(self.person, "checkout", "--quiet", "main")
        git(self.person, "reset", "--quiet", "--hard", "origin/main")
        git(self.person, "-c", "user.name=t", "-c", "user.email=t@example.org", "merge",
            "--quiet", "--no-ff", "-m", f"Merge {branch}", f"origin/{branch}")  # fmt: skip
        git(self.person, "push", "--quiet", "origin", "main")
        state = self.load()
        number = branch.rsplit("-", 1)[1]
        for pr in state["prs"].values():
            if pr["headRefName"] == branch and pr["state"] == "OPEN":
                pr["state"] = "MERGED"
        state["issues"][number]["state"] = "closed"
        self.save(state)


def join_issue(number: int, council: str, role: str = "observer", **extra: Any) -> dict[str, Any]:
    form = FORMS["join-project"]
    values = {"project": "report-a-pothole", "council": council, "role": role}
    return rest_issue(number, render_body(form, values), labels=form.labels, **extra)


REVIEW = "<!-- pipeline-stale: report-a-pothole -->\n**Report a pothole** needs review"


def review_issue(number: int) -> dict[str, Any]:
    return rest_issue(number, REVIEW, login="github-actions[bot]", bot=True, labels=("stale",))


@pytest.fixture
def remote(tmp_path: Path) -> Remote:
    return Remote(tmp_path)


def test_a_form_opens_one_pull_request_updated_on_edit_and_closed_with_the_issue(
    remote: Remote,
) -> None:
    remote.open_issue(join_issue(42, "Hackney"))
    remote.event(42)
    (pr,) = remote.prs().values()
    assert pr["headRefName"] == "intake/issue-42" and pr["body"].startswith("Closes #42\n")
    # The pull request carries `pipeline pr-report`'s summary: who must approve, from CODEOWNERS.
    assert "### Who must approve" in pr["body"]
    assert "@devon-digital-example" in pr["body"].split("### Who must approve")[1]
    assert remote.reply(42).startswith("<!-- pipeline-intake -->")
    last = yaml.safe_load(remote.show("intake/issue-42"))["partners"][-1]
    assert last["council"] == "hackney" and last["role"] == "observer"
    assert str(last["since"]) == "2026-11-20"  # the issue's date, not the run's
    first = remote.branch("intake/issue-42")

    remote.edit_issue(42, body=join_issue(42, "Hackney", "contributor")["body"])
    remote.event(42, "edited")
    assert len(remote.prs()) == 1 and len(remote.load()["prs"]) == 1
    second = remote.branch("intake/issue-42")
    assert second != first
    assert yaml.safe_load(remote.show("intake/issue-42"))["partners"][-1]["role"] == "contributor"
    # The branch holds one commit on top of main: an edit replaces the change, never stacks.
    assert git(remote.origin, "rev-list", "--count", "main..intake/issue-42") == "1"
    replies = [c for c in remote.load()["issues"]["42"]["comments"]]
    assert len(replies) == 1  # one reply, edited in place

    calls = len(remote.calls())
    remote.event(42, "edited")
    assert remote.branch("intake/issue-42") == second  # the same request changes nothing
    assert not [c for c in remote.calls()[calls:] if c["args"][:2] in (["pr", "edit"],)]

    remote.edit_issue(42, state="closed")
    remote.event(42, "closed")
    assert remote.prs() == {} and remote.branch("intake/issue-42") is None


def test_comment_commands_are_replayed_into_one_pull_request(remote: Remote) -> None:
    remote.open_issue(review_issue(7))
    remote.add_comment(7, rest_comment(1, "/update Twenty more interviews done.", MAINTAINER))
    remote.event(7)
    remote.add_comment(7, rest_comment(2, "/reviewed", MAINTAINER, "2026-11-22T10:00:00Z"))
    remote.event(7)
    record = yaml.safe_load(remote.show("intake/issue-7"))
    assert record["updates"][0]["text"] == "Twenty more interviews done."
    assert str(record["last_reviewed"]) == "2026-11-22"
    assert git(remote.origin, "rev-list", "--count", "main..intake/issue-7") == "1"
    assert len(remote.load()["prs"]) == 1

    before = remote.branch("intake/issue-7")
    remote.add_comment(7, rest_comment(3, "/retire", "someone-else"))
    remote.event(7)
    assert remote.branch("intake/issue-7") == before
    assert "Only the people who look after this record" in remote.reply(7)

    # Someone with write access, as GitHub reports it, is trusted; MEMBER alone is not.
    state = remote.load()
    state["writers"]["someone-else"] = "write"
    remote.save(state)
    remote.event(7)
    assert yaml.safe_load(remote.show("intake/issue-7"))["phase"] == "retired"


def test_closing_a_review_issue_closes_its_pull_request(remote: Remote) -> None:
    remote.open_issue(review_issue(7))
    remote.add_comment(7, rest_comment(1, "/reviewed", MAINTAINER))
    remote.event(7)
    assert "intake/issue-7" in remote.prs()
    remote.edit_issue(7, state="closed")
    remote.event(7, "closed")
    assert remote.prs() == {}


def test_a_bad_form_gets_a_reply_and_no_branch(remote: Remote) -> None:
    remote.open_issue(join_issue(5, "Hackny"))
    remote.event(5)
    assert remote.prs() == {} and remote.branch("intake/issue-5") is None
    assert "**Your council**" in remote.reply(5) and "Did you mean Hackney" in remote.reply(5)


def test_ten_joins_merged_in_any_order_all_land_without_conflicts(remote: Remote) -> None:
    councils = [
        "Belfast", "Bristol", "Cardiff", "Edinburgh", "Guildford",
        "Hackney", "Leeds", "Norwich", "Oxford", "Stockport",
    ]  # fmt: skip
    for number, council in enumerate(councils, start=10):
        remote.open_issue(join_issue(number, council, login=f"officer-{number}"))
        remote.event(number)
    assert len(remote.prs()) == 10
    order = list(remote.prs())
    random.Random(25).shuffle(order)
    for branch in order:
        remote.merge(branch)
        remote.rebuild()
        for other in remote.prs():
            assert not remote.conflicts(other), f"{other} conflicts after merging {branch}"
    partners = yaml.safe_load(remote.show("main"))["partners"]
    assert {p["council"] for p in partners} >= {c.lower() for c in councils}
    assert remote.prs() == {}

    # With main unchanged, a rebuild pushes nothing and edits nothing.
    remote.open_issue(join_issue(30, "Wokingham"))
    remote.event(30)
    head = remote.branch("intake/issue-30")
    calls = len(remote.calls())
    remote.rebuild()
    assert remote.branch("intake/issue-30") == head
    assert not [c for c in remote.calls()[calls:] if c["args"][:2] == ["pr", "edit"]]


def test_a_replay_no_longer_valid_closes_the_pull_request_with_a_reason(remote: Remote) -> None:
    remote.open_issue(join_issue(42, "Hackney"))
    remote.event(42)
    path = remote.person / POTHOLE
    git(remote.person, "pull", "--quiet", "origin", "main")
    path.write_text(path.read_text().replace("phase: discovery", "phase: retired"))
    Remote.commit(remote.person, "Retire the pothole project")
    git(remote.person, "push", "--quiet", "origin", "main")
    remote.rebuild()
    assert remote.prs() == {}
    assert "has been retired" in remote.reply(42)


def test_a_forks_branch_of_the_same_name_is_never_adopted(remote: Remote) -> None:
    remote.open_issue(join_issue(42, "Hackney", login="mallory"))
    state = remote.load()
    state["prs"]["99"] = {
        "number": 99, "headRefName": "intake/issue-42", "isCrossRepository": True,
        "state": "OPEN", "title": "Mallory's", "body": "mine", "reviews": [],
    }  # fmt: skip
    # ... and an app of theirs has already posted a comment that looks like the bot's reply.
    fake = {**rest_comment(1, "<!-- pipeline-intake -->\nfake", "mallory-app[bot]", bot=True)}
    state["issues"]["42"]["comments"].append(fake)
    remote.save(state)
    remote.event(42)
    prs = remote.load()["prs"]
    assert prs["99"]["title"] == "Mallory's" and prs["99"]["body"] == "mine"
    comments = remote.load()["issues"]["42"]["comments"]
    assert comments[0]["body"] == "<!-- pipeline-intake -->\nfake"  # not edited by the bot
    assert comments[1]["user"]["login"] == "github-actions[bot]"  # its own reply
    ours = [p for p in prs.values() if not p["isCrossRepository"]]
    assert len(ours) == 1 and ours[0]["headRefName"] == "intake/issue-42"


def test_the_bot_never_force_pushes_over_a_commit_it_did_not_make(remote: Remote) -> None:
    remote.open_issue(join_issue(42, "Hackney"))
    remote.event(42)
    git(remote.person, "fetch", "--quiet", "origin")
    git(remote.person, "checkout", "--quiet", "-B", "fix", "origin/intake/issue-42")
    path = remote.person / POTHOLE
    path.write_text(path.read_text().replace("role: observer", "role: partner"))
    Remote.commit(remote.person, "A maintainer's correction", "maintainer@example.org")
    git(remote.person, "push", "--quiet", "origin", "HEAD:intake/issue-42")
    corrected = remote.branch("intake/issue-42")

    remote.edit_issue(42, body=join_issue(42, "Hackney", "contributor")["body"])
    remote.event(42, "edited")
    assert remote.branch("intake/issue-42") == corrected
    assert "has not replaced it" in remote.reply(42)


def test_a_changed_request_dismisses_the_approval_and_says_what_changed(remote: Remote) -> None:
    remote.open_issue(join_issue(42, "Hackney"))
    remote.event(42)
    state = remote.load()
    (pr,) = state["prs"].values()
    pr["reviews"] = [{"id": 1, "state": "APPROVED"}]
    remote.save(state)
    remote.edit_issue(42, body=join_issue(42, "Hackney", "contributor")["body"])
    remote.event(42, "edited")
    (pr,) = remote.load()["prs"].values()
    assert pr["reviews"] == [{"id": 1, "state": "DISMISSED"}]
    (said,) = pr["comments"]
    assert "needs approving again" in said and "-    role: observer" in said
    # When only main moves, the request is the same: the approval stays.
    pr_state = remote.load()
    next(iter(pr_state["prs"].values()))["reviews"] = [{"id": 2, "state": "APPROVED"}]
    remote.save(pr_state)
    git(remote.person, "pull", "--quiet", "origin", "main")
    (remote.person / "councils" / "zz-note.txt").write_text("x")
    Remote.commit(remote.person, "Unrelated")
    git(remote.person, "push", "--quiet", "origin", "main")
    remote.rebuild()
    assert next(iter(remote.load()["prs"].values()))["reviews"][0]["state"] == "APPROVED"


def test_one_person_can_have_five_requests_open(remote: Remote) -> None:
    councils = ["Belfast", "Bristol", "Cardiff", "Edinburgh", "Guildford"]
    for number, council in enumerate(councils, start=10):
        remote.open_issue(join_issue(number, council, login="busy-officer"))
    state = remote.load()
    for number in range(10, 15):  # their five requests, each with its open pull request
        state["prs"][str(number + 90)] = {
            "number": number + 90, "headRefName": f"intake/issue-{number}",
            "isCrossRepository": False, "state": "OPEN", "title": "t", "body": "b", "reviews": [],
        }  # fmt: skip
    remote.save(state)
    remote.open_issue(join_issue(15, "Hackney", login="busy-officer"))
    remote.event(15)
    assert remote.branch("intake/issue-15") is None and len(remote.prs()) == 5
    assert "Please wait" in remote.reply(15)
    # Someone else is not held back by them.
    remote.open_issue(join_issue(16, "Hackney", login="another-officer"))
    remote.event(16)
    assert remote.branch("intake/issue-16") is not None


def workflow(name: str) -> dict[str, Any]:
    return yaml.safe_load((WORKFLOWS / name).read_text(encoding="utf-8"))


def test_the_workflows_run_each_phase_as_a_step_and_keep_the_token_out_of_issue_text() -> None:
    for name in ("intake.yml", "intake-rebuild.yml"):
        jobs = workflow(name)["jobs"]
        steps = [s for job in jobs.values() for s in job["steps"]]
        phases = {}
        for step in steps:
            run = step.get("run", "")
            for phase in ("select", "fetch", "askers", "access", "plan", "apply"):
                if f"intake-apply.sh {phase}" in run:
                    phases[phase] = step
        assert list(phases) == ["select", "fetch", "askers", "access", "plan", "apply"], name
        for phase in ("askers", "plan"):
            env = json.dumps(phases[phase].get("env", {}))
            assert "TOKEN" not in env and "secrets" not in env, (name, phase)
        checkout = next(s for s in steps if s.get("uses", "").startswith("actions/checkout@"))
        assert checkout["with"]["ref"].startswith("${{ github.event.repository.default_branch")
        assert checkout["with"]["persist-credentials"] is False
    rebuild = workflow("intake-rebuild.yml")
    assert set(rebuild[True]) == {"push", "schedule", "workflow_dispatch"}  # 'on' reads as True


def test_only_comments_holding_a_command_start_the_intake_job() -> None:
    jobs = workflow("intake.yml")["jobs"]
    (gate,) = [j for j in jobs.values() if j.get("permissions") == {}]
    intake = next(j for j in jobs.values() if "needs" in j)
    assert "concurrency" in intake and "outputs" in gate
    assert "${{ github.event.comment" not in (WORKFLOWS / "intake.yml").read_text()
