"""`pipeline intake`'s decision: the event in, one JSON plan out.

The plan is the contract the intake workflow and the tests rely on:

    {"kind", "ok", "comment", "branch", "commit_message",
     "pull_request": {"title", "body"}, "files": [{"path", "content"}],
     "issue", "close"}

`kind` says what the event is (the registry below maps forms and commands to handlers);
`ok: false` means nothing is written and `comment` says what to fix; `close: true` asks the
workflow to close the issue's pull request, because the issue was closed.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from generator.intake import commands, existing, new_records
from generator.intake.answers import Answers, Refusal
from generator.intake.change import Change
from generator.intake.edits import EditError
from generator.intake.event import Event
from generator.intake.forms import form_for_issue
from generator.intake.proposal import Checked, check_change
from generator.intake.replies import MARKER, proposed, pull_request_body, refused
from generator.intake.workspace import Workspace

FormHandler = Callable[[Workspace, Answers, int], Change]

# form file stem -> (kind, handler): one entry per issue form in .github/ISSUE_TEMPLATE.
FORMS: dict[str, tuple[str, FormHandler]] = {
    "propose-project": ("new-project", new_records.new_project),
    "sign-up-council": ("new-council", new_records.new_council),
    "join-project": ("join", lambda ws, answers, _issue: existing.join(ws, answers)),
    "update-project": ("update", lambda ws, answers, _issue: existing.update(ws, answers)),
    "propose-challenge": ("challenge", lambda ws, answers, _issue: existing.challenge(ws, answers)),
}
# comment command -> kind: /update is an update like the form's; /retire is its own kind.
KINDS_OF_COMMANDS = {"reviewed": "reviewed", "update": "update", "retire": "retire"}
ISSUE_ACTIONS = {"opened", "edited", "reopened"}


@dataclass
class Plan:
    kind: str
    issue: int
    ok: bool = True
    comment: str = ""
    commit_message: str = ""
    title: str = ""
    body: str = ""
    files: dict[str, str] = field(default_factory=dict)
    close: bool = False

    @property
    def branch(self) -> str:
        return f"intake/issue-{self.issue}"

    def as_dict(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "ok": self.ok,
            "comment": self.comment,
            "branch": self.branch,
            "commit_message": self.commit_message,
            "pull_request": {"title": self.title, "body": self.body},
            "files": [{"path": p, "content": c} for p, c in sorted(self.files.items())],
            "issue": self.issue,
            "close": self.close,
        }


def decide(ws: Workspace, event: Event) -> Plan:
    if event.is_pull_request:
        return Plan("ignore", event.number)
    if event.comment is not None:
        return _comment(ws, event)
    form = form_for_issue(ws.forms, list(event.labels), event.body)
    if form is None or form.name not in FORMS:
        return Plan("ignore", event.number)
    kind, handler = FORMS[form.name]
    if event.action == "closed":
        return Plan(kind, event.number, close=True)
    if event.action not in ISSUE_ACTIONS:
        return Plan("ignore", event.number)
    login = event.author.login
    try:
        change = handler(ws, Answers(form, event.body), event.number)
    except (Refusal, EditError) as exc:
        return _refused(kind, event.number, login, exc, form=True)
    return _propose(ws, event, change, login, form=True)


def _comment(ws: Workspace, event: Event) -> Plan:
    assert event.comment is not None
    if event.action != "created" or event.comment.author.is_bot:
        return Plan("ignore", event.number)
    login = event.comment.author.login
    try:
        command = commands.parse_command(event.comment.body)
    except Refusal as exc:
        return _refused("update", event.number, login, exc, form=False)
    if command is None:
        return Plan("ignore", event.number)
    kind = KINDS_OF_COMMANDS[command.word]
    project_id = commands.project_named(ws, event)
    if project_id is None:
        problem = Refusal([(commands.COMMAND_LABEL, "this issue names no project on Pipeline.")])
        return _refused(kind, event.number, login, problem, form=False)
    who = commands.allowed(ws, event, project_id)
    if who:
        return Plan(kind, event.number, ok=False, comment=f"{MARKER}\n{who}\n")
    try:
        change = commands.COMMANDS[command.word](ws, project_id, command)
    except (Refusal, EditError) as exc:
        return _refused(kind, event.number, login, exc, form=False)
    return _propose(ws, event, change, login, form=False)


def _refused(kind: str, issue: int, login: str, exc: Exception, *, form: bool) -> Plan:
    if isinstance(exc, Refusal):
        problems = exc.problems
    else:
        problems = [("The record", f"it cannot be changed automatically ({exc}).")]
    return Plan(kind, issue, ok=False, comment=refused(login, problems, form=form))


def _propose(ws: Workspace, event: Event, change: Change, login: str, *, form: bool) -> Plan:
    plan = Plan(change.kind, event.number)
    if change.files:
        checked = check_change(ws, change)
        if checked.errors:
            plan.ok = False
            plan.comment = refused(login, checked.errors, form=form)
            return plan
    else:
        checked = Checked()
    rule = ws.ownership.rule_for(change.subject)
    plan.comment = proposed(login, change, checked, rule)
    plan.files = change.files
    plan.title = change.title
    plan.commit_message = f"{change.title}\n\nFrom #{event.number}."
    plan.body = pull_request_body(event.number, event.author.login, change, checked)
    return plan


def apply(root: Path, plan: Plan) -> None:
    """Write the plan's files into the work tree (only when the plan is ok)."""
    if not plan.ok:
        return
    for path, text in plan.files.items():
        target = root / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8", newline="")
