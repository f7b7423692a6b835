"""Commands in issue comments: `/reviewed`, `/update <text>` and `/retire [why]`.

A command is a line of ordinary text (comment_text.py) starting with the command. It acts on
the project the issue names: the weekly review issue's marker, or the Project field of a form.
In a council's weekly review issue, `/reviewed ID [ID...]` confirms several of the council's
projects at once. Markers count only in issues the workflow's own bot opened, so a hidden
marker in someone else's issue redirects nothing.

Commands are accepted from the people who look after the record (CODEOWNERS names them) and
from people with write access to the repository, as the workflow found on GitHub; anyone else
gets a polite reply saying who can.
"""

from __future__ import annotations

import re
from typing import Any

from generator.intake.answers import Answers, Refusal
from generator.intake.change import Change
from generator.intake.comment_text import Command, parse_commands
from generator.intake.edits import set_value
from generator.intake.event import Event
from generator.intake.existing import UPDATE_TEXT_LIMIT, find_project, progress, project_path
from generator.intake.fields import FieldProblem, clean_text
from generator.intake.forms import form_for_issue
from generator.intake.workspace import Workspace
from generator.markdown_safe import github_inline

_ID = r"([a-z0-9]+(?:-[a-z0-9]+)*)"
_STALE_MARKER = re.compile(rf"<!-- pipeline-stale: {_ID} -->")
_COUNCIL_MARKER = re.compile(rf"<!-- pipeline-council-review: {_ID} -->")
COMMAND_LABEL = "Your comment"
MAX_PROJECTS = 50  # ids in one council /reviewed


def parse_command(body: str) -> Command | None:
    """The comment's first command, its text checked for length."""
    found = parse_commands(body)
    if not found:
        return None
    command = found[0]
    try:
        text = clean_text(command.text, limit=UPDATE_TEXT_LIMIT) or ""
    except FieldProblem as exc:
        raise Refusal([(COMMAND_LABEL, str(exc))]) from None
    return Command(command.word, text)


def _marker(ws: Workspace, event: Event, pattern: re.Pattern[str]) -> str | None:
    """A marker's id, only in an issue the workflow's bot opened (the text it wrote)."""
    if not ws.is_workflow_bot(event.author.login):
        return None
    found = pattern.search(event.body)
    return found.group(1) if found else None


def council_named(ws: Workspace, event: Event) -> str | None:
    """The council of a weekly council review issue."""
    council = _marker(ws, event, _COUNCIL_MARKER)
    return council if council in ws.records["council"] else None


def project_named(ws: Workspace, event: Event) -> str | None:
    """The project an issue is about: a review issue's marker, else a form's Project field."""
    marker = _marker(ws, event, _STALE_MARKER)
    if marker and marker in ws.records["project"]:
        return marker
    form = form_for_issue(ws.forms, list(event.labels), event.body)
    if form is None or "project" not in {f.id for f in form.fields}:
        return None
    answers = Answers(form, event.body)
    return find_project(ws, answers, "project", required=False)


def refusal_for(ws: Workspace, login: str, path: str, what: str = "this record") -> str:
    """The reply to someone who may not use commands on `path`."""
    rule = ws.ownership.rule_for(path)
    owners = ", ".join(f"`{h}`" for h in rule.owners)
    return (
        f"Thank you, `@{login}`. Only the people who look after {what} can use commands here: "
        f"{github_inline(rule.who())} ({owners}), or someone with write access to this "
        "repository. If something has changed, say so in a comment and they will see it, or "
        "use the 'Update a project' form."
    )


def allowed(ws: Workspace, event: Event, project_id: str) -> str:
    """'' when the comment's author may change the project, else the reply saying who can."""
    assert event.comment is not None
    login = event.comment.author.login
    if ws.may_change(login, project_path(project_id)):
        return ""
    return refusal_for(ws, login, project_path(project_id))


def confirmation(login: str, ws: Workspace) -> dict[str, Any]:
    return {"by": f"@{login}", "on": ws.today}


def reviewed(ws: Workspace, project_id: str, login: str) -> Change:
    """`last_reviewed` and `confirmed` (who, when) set to the command's date."""
    data = ws.data("project")[project_id]
    path = project_path(project_id)
    before = ws.text(path)
    title = github_inline(str(data.get("title", project_id)))
    change = Change("reviewed", f"Reviewed: {data.get('title', project_id)}", path)
    confirmed = confirmation(login, ws)
    if str(data.get("last_reviewed")) == ws.today.isoformat() and _same(data, confirmed):
        change.done.append(f"**{title}** is already marked as reviewed on {ws.today}.")
        return change
    order = ws.key_order("project")
    after = set_value(before, "last_reviewed", ws.today, order)
    after = set_value(after, "confirmed", confirmed, order)
    change.write(path, before, after)
    change.done.append(
        f"Records {ws.today} as the date **{title}** was last reviewed, confirmed by `@{login}`."
    )
    change.labels = {"last_reviewed": COMMAND_LABEL, "confirmed": COMMAND_LABEL}
    return change


def _same(data: dict[str, Any], confirmed: dict[str, Any]) -> bool:
    found = data.get("confirmed")
    return (
        isinstance(found, dict)
        and str(found.get("by", "")).casefold() == str(confirmed["by"]).casefold()
        and str(found.get("on")) == confirmed["on"].isoformat()
    )


def council_reviewed(ws: Workspace, council: str, command: Command, login: str) -> Change:
    """`/reviewed ID [ID...]` in a council's review issue: each project led by the council."""
    ids = list(dict.fromkeys(command.text.split()))
    problems = []
    if not ids:
        problems.append("write the ids of the projects you have checked after /reviewed.")
    if len(ids) > MAX_PROJECTS:
        problems.append(f"name at most {MAX_PROJECTS} projects in one comment.")
    projects = ws.data("project")
    for project_id in ids[:MAX_PROJECTS]:
        shown = github_inline(project_id[:80])
        if project_id not in projects:
            problems.append(f"there is no project with the id '{shown}'.")
        elif projects[project_id].get("lead_council") != council:
            problems.append(f"'{shown}' is not led by {github_inline(ws.council_label(council))}.")
    if problems:
        raise Refusal([(COMMAND_LABEL, p) for p in problems])
    change = Change("reviewed", f"Reviewed: {ws.council_label(council)}'s projects", "")
    for project_id in ids:
        one = reviewed(ws, project_id, login)
        change.subject = change.subject or one.subject
        change.files.update(one.files)
        change.done += one.done
        change.labels.update(one.labels)
    return change


def update(ws: Workspace, project_id: str, command: Command, login: str) -> Change:
    if not command.text:
        raise Refusal([(COMMAND_LABEL, "write what has happened after /update.")])
    change = progress(ws, project_id, command.text)
    change.labels = {"updates": COMMAND_LABEL}
    return change


def retire(ws: Workspace, project_id: str, command: Command, login: str) -> Change:
    why = command.text or "The project has stopped."
    change = progress(ws, project_id, why, phase="retired", kind="retire")
    change.title = f"Retire {ws.data('project')[project_id].get('title', project_id)}"
    change.projects = ()
    change.labels = {"updates": COMMAND_LABEL, "phase": COMMAND_LABEL}
    return change


COMMANDS = {
    "reviewed": lambda ws, project_id, _command, login: reviewed(ws, project_id, login),
    "update": update,
    "retire": retire,
}
