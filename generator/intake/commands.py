"""Commands in issue comments: `/reviewed`, `/update <text>` and `/retire [why]`.

A command is the first word of a comment. It acts on the project the issue names: the weekly
review issue's marker, or the Project field of a form. It is accepted from the record's
maintainers and its lead council's (as CODEOWNERS has them) and from the repository's members;
anyone else gets a polite reply saying who can.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from generator.intake.answers import Answers, Refusal
from generator.intake.change import Change
from generator.intake.edits import set_value
from generator.intake.event import Event
from generator.intake.existing import UPDATE_TEXT_LIMIT, find_project, progress, project_path
from generator.intake.fields import FieldProblem, one_line
from generator.intake.forms import form_for_issue
from generator.intake.workspace import Workspace
from generator.markdown_safe import github_inline

_COMMAND = re.compile(r"\A\s*/(reviewed|update|retire)\b(.*)\Z", re.DOTALL | re.IGNORECASE)
_STALE_MARKER = re.compile(r"<!-- pipeline-stale: ([a-z0-9]+(?:-[a-z0-9]+)*) -->")
COMMAND_LABEL = "Your comment"


@dataclass(frozen=True)
class Command:
    word: str  # reviewed, update or retire
    text: str  # what follows the command, tidied


def parse_command(body: str) -> Command | None:
    found = _COMMAND.match(body.replace("\r\n", "\n"))
    if not found:
        return None
    try:
        text = one_line(found.group(2), limit=UPDATE_TEXT_LIMIT) or ""
    except FieldProblem as exc:
        raise Refusal([(COMMAND_LABEL, str(exc))]) from None
    return Command(found.group(1).lower(), text)


def project_named(ws: Workspace, event: Event) -> str | None:
    """The project an issue is about: a review issue's marker, else a form's Project field."""
    marker = _STALE_MARKER.search(event.body)
    if marker and marker.group(1) in ws.records["project"]:
        return marker.group(1)
    form = form_for_issue(ws.forms, list(event.labels), event.body)
    if form is None or "project" not in {f.id for f in form.fields}:
        return None
    answers = Answers(form, event.body)
    return find_project(ws, answers, "project", required=False)


def allowed(ws: Workspace, event: Event, project_id: str) -> str:
    """'' when the comment's author may change the project, else the reply saying who can."""
    assert event.comment is not None
    person = event.comment.author
    rule = ws.ownership.rule_for(project_path(project_id))
    if person.is_member or rule.includes(person.login):
        return ""
    owners = ", ".join(f"`{h}`" for h in rule.owners)
    return (
        f"Thank you, @{person.login}. Only the people who look after this record can use "
        f"commands here: {rule.who()} ({owners}), or a member of the repository. If something "
        "has changed, say so in a comment and they will see it, or use the 'Update a project' "
        "form."
    )


def reviewed(ws: Workspace, project_id: str, command: Command) -> Change:
    data = ws.data("project")[project_id]
    path = project_path(project_id)
    before = ws.text(path)
    title = github_inline(str(data.get("title", project_id)))
    change = Change("reviewed", f"Reviewed: {data.get('title', project_id)}", path)
    if str(data.get("last_reviewed")) == ws.today.isoformat():
        change.done.append(f"**{title}** is already marked as reviewed on {ws.today}.")
        return change
    after = set_value(before, "last_reviewed", ws.today, ws.key_order("project"))
    change.write(path, before, after)
    change.done.append(f"Records {ws.today} as the date **{title}** was last reviewed.")
    change.labels = {"last_reviewed": COMMAND_LABEL}
    return change


def update(ws: Workspace, project_id: str, command: Command) -> Change:
    if not command.text:
        raise Refusal([(COMMAND_LABEL, "write what has happened after /update, on the same line.")])
    change = progress(ws, project_id, command.text)
    change.labels = {"updates": COMMAND_LABEL}
    return change


def retire(ws: Workspace, project_id: str, command: Command) -> Change:
    why = command.text or "The project has stopped."
    change = progress(ws, project_id, why, phase="retired", kind="retire")
    change.title = f"Retire {ws.data('project')[project_id].get('title', project_id)}"
    change.projects = ()
    change.labels = {"updates": COMMAND_LABEL, "phase": COMMAND_LABEL}
    return change


COMMANDS = {"reviewed": reviewed, "update": update, "retire": retire}
