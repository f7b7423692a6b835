"""`pipeline intake`'s decision: the request in, one JSON plan out.

The plan is the contract the intake workflow and the tests rely on:

    {"kind", "ok", "comment", "branch", "commit_message",
     "pull_request": {"title", "body"}, "files": [{"path", "content"}],
     "issue", "close"}

`kind` says what the request is (the registry below maps forms and commands to handlers);
`ok: false` means nothing is written and `comment` says what to fix; `close: true` asks the
workflow to close the issue's pull request, because the issue was closed. A request is handled
as steps (the form, then each command, replay.py), each a `Step`; the plan is made from them.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from generator.intake import commands, existing, new_records
from generator.intake.answers import Answers, Refusal
from generator.intake.change import Change
from generator.intake.comment_text import Command, parse_commands
from generator.intake.edits import EditError
from generator.intake.event import Event
from generator.intake.fields import FieldProblem, clean_text
from generator.intake.forms import form_for_issue
from generator.intake.proposal import Checked, check_change
from generator.intake.replies import (
    MARKER,
    proposed,
    pull_request_body,
    refused_lines,
    too_many,
)
from generator.intake.workspace import Workspace

FormHandler = Callable[[Workspace, Answers, Event], Change]

# form file stem -> (kind, handler): one entry per issue form in .github/ISSUE_TEMPLATE.
FORMS: dict[str, tuple[str, FormHandler]] = {
    "propose-project": ("new-project", new_records.new_project),
    "sign-up-council": ("new-council", new_records.new_council),
    "join-project": ("join", lambda ws, answers, _event: existing.join(ws, answers)),
    "update-project": ("update", existing.update),
    "propose-challenge": ("challenge", lambda ws, answers, _ev: existing.challenge(ws, answers)),
}
# comment command -> kind: /update is an update like the form's; /retire is its own kind.
KINDS_OF_COMMANDS = {"reviewed": "reviewed", "update": "update", "retire": "retire"}
ISSUE_ACTIONS = {"opened", "edited", "reopened"}
# Open intake pull requests one person may have waiting; beyond that nothing is pushed.
OPEN_PER_PERSON = 5


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


@dataclass
class Step:
    """One request handled: a change to propose, or the reply saying why not."""

    kind: str
    login: str
    form: bool
    change: Change | None = None
    checked: Checked = field(default_factory=Checked)
    refusal: str = ""  # the reply, without the marker, when nothing could be done

    @property
    def ok(self) -> bool:
        return self.change is not None


def form_step(ws: Workspace, event: Event) -> Step | None:
    """The issue's form as a step, or None when the issue is not one of the forms."""
    form = form_for_issue(ws.forms, list(event.labels), event.body)
    if form is None or form.name not in FORMS:
        return None
    kind, handler = FORMS[form.name]
    ws = ws.on(event.created)
    step = Step(kind, event.author.login, form=True)
    try:
        return _checked(ws, step, handler(ws, Answers(form, event.body), event))
    except (Refusal, EditError) as exc:
        return _refuse(step, exc)


def command_steps(ws: Workspace, event: Event) -> list[Step]:
    """Each command in the event's comment as a step (none for bots and plain comments)."""
    assert event.comment is not None
    if event.comment.author.is_bot:
        return []
    return [command_step(ws, event, command) for command in parse_commands(event.comment.body)]


def command_step(ws: Workspace, event: Event, command: Command) -> Step:
    assert event.comment is not None
    login = event.comment.author.login
    ws = ws.on(event.comment.created)
    step = Step(KINDS_OF_COMMANDS[command.word], login, form=False)
    try:
        text = clean_text(command.text, limit=existing.UPDATE_TEXT_LIMIT) or ""
    except FieldProblem as exc:
        return _refuse(step, Refusal([(commands.COMMAND_LABEL, str(exc))]))
    command = Command(command.word, text)
    council = commands.council_named(ws, event)
    if council and command.word == "reviewed":
        if not ws.may_change(login, f"councils/{council}.yml"):
            step.refusal = commands.refusal_for(
                ws, login, f"councils/{council}.yml", "this council's records"
            )
            return step
        try:
            return _checked(ws, step, commands.council_reviewed(ws, council, command, login))
        except (Refusal, EditError) as exc:
            return _refuse(step, exc)
    project_id = commands.project_named(ws, event)
    if project_id is None:
        problem = Refusal([(commands.COMMAND_LABEL, "this issue names no project on Pipeline.")])
        return _refuse(step, problem)
    who = commands.allowed(ws, event, project_id)
    if who:
        step.refusal = who
        return step
    try:
        return _checked(ws, step, commands.COMMANDS[command.word](ws, project_id, command, login))
    except (Refusal, EditError) as exc:
        return _refuse(step, exc)


def _refuse(step: Step, exc: Exception) -> Step:
    if isinstance(exc, Refusal):
        problems = exc.problems
    else:
        problems = [("The record", f"it cannot be changed automatically ({exc}).")]
    step.refusal = refused_lines(step.login, problems, form=step.form)
    return step


def _checked(ws: Workspace, step: Step, change: Change) -> Step:
    if change.files:
        step.checked = check_change(ws, change)
        if step.checked.errors:
            return _refuse(step, Refusal(step.checked.errors))
    step.change = change
    return step


def decide(ws: Workspace, event: Event, *, open_by_author: int = 0) -> Plan:
    """The plan for one webhook event, on the records as they are in `ws`."""
    if event.is_pull_request:
        return Plan("ignore", event.number)
    if event.closed or event.action == "closed":
        return Plan("close", event.number, close=True)
    if event.comment is not None:
        if event.action != "created":
            return Plan("ignore", event.number)
        steps = command_steps(ws, event)
    elif event.action in ISSUE_ACTIONS:
        steps = [s for s in [form_step(ws, event)] if s]
    else:
        steps = []
    return make_plan(ws, event, steps, open_by_author=open_by_author)


def make_plan(
    ws: Workspace,
    event: Event,
    steps: list[Step],
    *,
    files: dict[str, str] | None = None,
    open_by_author: int = 0,
) -> Plan:
    """One plan from the steps: every accepted change together (`files`, when given, is
    their combined result), with the replies of any step that could not be done."""
    if not steps:
        return Plan("ignore", event.number)
    done = [s for s in steps if s.ok]
    kind = (done or steps)[0].kind
    refusals = [s for s in steps if not s.ok]
    if any(s.form for s in refusals) or not done:
        return Plan(kind, event.number, ok=False, comment=f"{MARKER}\n{refusals[-1].refusal}")
    limited = not ws.is_writer(event.author.login) and not event.author.is_bot
    if limited and open_by_author >= OPEN_PER_PERSON:
        return Plan(kind, event.number, ok=False, comment=too_many(event.author.login))
    change = _merged([s.change for s in done if s.change], files)
    checked = Checked(
        warnings=list(dict.fromkeys(w for s in done for w in s.checked.warnings)),
        lookalikes=list({item.title: item for s in done for item in s.checked.lookalikes}.values()),
    )
    plan = Plan(kind, event.number)
    rule = ws.ownership.rule_for(change.subject)
    extra = [s.refusal for s in refusals]
    plan.comment = proposed(done[0].login, change, checked, rule, extra)
    if change.files:
        titles = list(dict.fromkeys(c.change.title for c in done if c.change and c.change.files))
        plan.files = change.files
        plan.title = titles[0] + (f" (and {len(titles) - 1} more)" if len(titles) > 1 else "")
        plan.commit_message = "\n".join([plan.title, "", *titles[1:], f"From #{event.number}."])
        plan.body = pull_request_body(event.number, event.author.login, change, checked)
    return plan


def _merged(changes: list[Change], files: dict[str, str] | None) -> Change:
    first = changes[0]
    merged = Change(first.kind, first.title, next((c.subject for c in changes if c.subject), ""))
    for change in changes:
        merged.files.update(change.files)
        merged.done += change.done
        merged.notes += change.notes
    if files is not None:
        merged.files = files
    return merged
