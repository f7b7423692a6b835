"""Forms that change records already on Pipeline: join a project, update a project, propose a
challenge. Each edit is a minimal text edit (edits.py) and is skipped when the record already
says it, so running the same form twice changes nothing."""

from __future__ import annotations

from typing import Any

from generator.intake.answers import Answers
from generator.intake.change import Change
from generator.intake.edits import add_item, set_value
from generator.intake.event import Event
from generator.intake.fields import a_date, amount, clean_text, find_named, handles, one_line
from generator.intake.joining import find_joiner, sign_up
from generator.intake.workspace import Workspace
from generator.markdown_safe import github_inline

# Limits from the project schema, checked early so the reply can name the field.
UPDATE_TEXT_LIMIT = 2_000
TEXT_LIMIT = 2_000


def project_path(project_id: str) -> str:
    return f"projects/{project_id}.yml"


def find_project(ws: Workspace, answers: Answers, field_id: str, *, required: bool) -> str | None:
    return answers.get(field_id, lambda t: find_named(t, ws.projects, "project"), required=required)


def find_council(ws: Workspace, answers: Answers, field_id: str, *, required: bool) -> str | None:
    return answers.get(field_id, lambda t: find_named(t, ws.councils, "council"), required=required)


def join(ws: Workspace, answers: Answers) -> Change:
    project_id = find_project(ws, answers, "project", required=True)
    joiner = find_joiner(ws, answers, "council")
    council = joiner.id if joiner else None
    data = ws.data("project").get(project_id or "", {})
    partners = [p for p in data.get("partners") or [] if isinstance(p, dict)]
    # A council already taking part only pledges: it is not asked how it takes part again.
    already = any(p.get("council") == council for p in partners)
    role = answers.get("role", required=not already)
    kind = answers.get("pledge_kind")
    how_much = answers.get("pledge_amount", lambda t: amount(one_line(t) or ""))
    note = answers.get("pledge_note", lambda t: one_line(t, limit=500))
    message = answers.get("message", lambda t: clean_text(t, limit=TEXT_LIMIT))
    github = answers.get("maintainers", lambda t: handles(one_line(t) or ""))
    if joiner and council == data.get("lead_council"):
        answers.refuse("council", f"{ws.council_label(joiner.id)} already leads this project.")
    if data.get("phase") == "retired":
        answers.refuse(
            "project", f"{data.get('title', project_id)} has been retired, so it cannot be joined."
        )
    if (how_much is not None or note) and not kind:
        answers.refuse("pledge_kind", "say what kind of pledge the amount or note is for.")
    answers.check()
    assert project_id and council and joiner
    path = project_path(project_id)
    before = ws.text(path)
    text, order = before, ws.key_order("project")
    label = str(joiner.new_record["name"]) if joiner.new_record else ws.council_label(council)
    name = github_inline(label)
    title = github_inline(str(data.get("title", project_id)))
    change = Change("join", f"{label} joins {data.get('title')}", path)
    sign_up(ws, joiner, change)
    if already:
        change.done.append(f"{name} is already a partner in **{title}**, so that is unchanged.")
    else:
        entry = {"council": council, "role": role, "since": ws.today}
        text = add_item(text, "partners", entry, order)
        change.done.append(f"Adds {name} to **{title}** as a {role}, from {ws.today}.")
    if kind:
        pledge: dict[str, Any] = {"council": council, "kind": kind}
        if how_much is not None:
            pledge["amount"] = how_much
        if note:
            pledge["note"] = note
        if not any(_same_pledge(p, pledge) for p in data.get("pledges") or []):
            text = add_item(text, "pledges", {**pledge, "date": ws.today}, order)
            unit = {"time": " days", "money": " pounds"}.get(kind, "")
            size = f" ({how_much:,}{unit})" if how_much is not None else ""
            change.done.append(f"Records a pledge of {kind}{size} from {name}.")
    if github:
        change.notes.append(f"Who to mention at {label}: {', '.join(github)}")
    if message:
        change.notes.append(message)
    change.labels = {
        "partners": answers.label("council"),
        "role": answers.label("role"),
        "pledges": answers.label("pledge_kind"),
        "kind": answers.label("pledge_kind"),
        "amount": answers.label("pledge_amount"),
        "note": answers.label("pledge_note"),
    }
    change.write(path, before, text)
    return change


def _same_pledge(existing: Any, pledge: dict[str, Any]) -> bool:
    return isinstance(existing, dict) and all(existing.get(k) == v for k, v in pledge.items())


def update(ws: Workspace, answers: Answers, event: Event) -> Change:
    project_id = find_project(ws, answers, "project", required=True)
    note = answers.get("update", lambda t: one_line(t, limit=UPDATE_TEXT_LIMIT), required=True)
    phase = answers.get("new_phase")
    assessment = answers.get("next_assessment", lambda t: a_date(t))
    corrections = answers.get("corrections", lambda t: clean_text(t, limit=TEXT_LIMIT))
    answers.check()
    assert project_id and note
    login = event.author.login
    ticked = answers.ticked("last_reviewed")
    # The review box confirms the record only when someone who looks after it ticked it.
    confirmed_by = login if ticked and ws.may_change(login, project_path(project_id)) else None
    change = progress(ws, project_id, note, phase=phase, reviewed=ticked, confirmed_by=confirmed_by)
    if assessment is not None:
        path = change.subject
        before = change.files.get(path, ws.text(path))
        data = ws.data("project")[project_id]
        if str(data.get("next_assessment")) != assessment.isoformat():
            after = set_value(before, "next_assessment", assessment, ws.key_order("project"))
            change.write(path, ws.text(path), after)
            change.done.append(f"Sets the next service assessment to {assessment}.")
    if corrections:
        change.notes.append(
            "Other corrections asked for (please make them in this pull request):\n\n" + corrections
        )
    change.labels = {
        "updates": answers.label("update"),
        "phase": answers.label("new_phase"),
        "next_assessment": answers.label("next_assessment"),
        "last_reviewed": answers.label("last_reviewed"),
    }
    return change


def progress(
    ws: Workspace,
    project_id: str,
    note: str,
    *,
    phase: str | None = None,
    reviewed: bool = False,
    confirmed_by: str | None = None,
    kind: str = "update",
) -> Change:
    """A dated update on a project, with a phase change and a review when asked for; shared
    by the update form and the /update and /retire commands."""
    data = ws.data("project")[project_id]
    path = project_path(project_id)
    before = ws.text(path)
    text, order = before, ws.key_order("project")
    title = github_inline(str(data.get("title", project_id)))
    change = Change(kind, f"Update {data.get('title', project_id)}", path)
    moved = phase if phase and phase != data.get("phase") else None
    entry: dict[str, Any] = {"date": ws.today, "text": note}
    if moved:
        entry["phase"] = moved
    known = [u for u in data.get("updates") or [] if isinstance(u, dict)]
    if any(str(u.get("date")) == ws.today.isoformat() and u.get("text") == note for u in known):
        change.done.append(f"**{title}** already has this update for {ws.today}.")
    else:
        text = add_item(text, "updates", entry, order, first=_newest_first(known))
        change.done.append(f"Adds a progress update to **{title}**, dated {ws.today}.")
    if moved:
        text = set_value(text, "phase", moved, order)
        change.done.append(f"Moves it from {data.get('phase')} to {moved}.")
    if reviewed and str(data.get("last_reviewed")) != ws.today.isoformat():
        text = set_value(text, "last_reviewed", ws.today, order)
        change.done.append(f"Records {ws.today} as the date it was last reviewed.")
    if confirmed_by:
        confirmed = {"by": f"@{confirmed_by}", "on": ws.today}
        if data.get("confirmed") != {"by": confirmed["by"], "on": ws.today}:
            text = set_value(text, "confirmed", confirmed, order)
            change.done.append(f"Records that `@{confirmed_by}` confirmed it on {ws.today}.")
    change.write(path, before, text)
    change.projects = (project_id,)
    return change


def _newest_first(updates: list[dict[str, Any]]) -> bool:
    """Whether a list of updates reads newest first (the usual order, and the default)."""
    dates = [str(u.get("date")) for u in updates]
    return len(dates) < 2 or dates[0] >= dates[-1]


def challenge(ws: Workspace, answers: Answers) -> Change:
    project_id = find_project(ws, answers, "project", required=False)
    name = answers.get("title", lambda t: one_line(t, limit=100), required=True)
    problem = answers.get("problem", lambda t: one_line(t, limit=TEXT_LIMIT), required=True)
    helpers = answers.get("help_wanted", lambda t: one_line(t, limit=TEXT_LIMIT))
    council = find_council(ws, answers, "council", required=False)
    makerday = answers.get("makerday", lambda t: find_named(t, ws.makerdays, "maker day"))
    if not project_id and not makerday:
        answers.refuse(
            "makerday",
            "name a project on Pipeline or a maker day, so the challenge has somewhere to go.",
        )
    answers.check()
    change = Change("challenge", f"Challenge: {name}", "")
    change.labels = {"challenge": answers.label("problem"), "challenges": answers.label("title")}
    if project_id:
        _project_challenge(ws, change, project_id, problem, helpers)
    if makerday:
        entry = {"project": project_id} if project_id else {"title": name, "problem": problem}
        if council and not project_id:
            entry["council"] = council
        _makerday_challenge(ws, change, makerday, entry)
    return change


def _project_challenge(
    ws: Workspace, change: Change, project_id: str, problem: str, helpers: str | None
) -> None:
    path = project_path(project_id)
    data = ws.data("project")[project_id]
    wanted = {"problem": problem, **({"help_wanted": helpers} if helpers else {})}
    change.subject = change.subject or path
    change.projects = (project_id,)
    title = github_inline(str(data.get("title", project_id)))
    if data.get("challenge") == wanted:
        change.done.append(f"**{title}** already offers this challenge.")
        return
    before = ws.text(path)
    change.write(path, before, set_value(before, "challenge", wanted, ws.key_order("project")))
    change.done.append(f"Offers **{title}** as a maker-day challenge.")


def _makerday_challenge(ws: Workspace, change: Change, makerday: str, entry: dict) -> None:
    path = f"makerdays/{makerday}.yml"
    data = ws.data("makerday")[makerday]
    change.subject = change.subject or path
    title = github_inline(str(data.get("title", makerday)))
    if entry in (data.get("challenges") or []):
        change.done.append(f"**{title}** already has this challenge.")
        return
    before = ws.text(path)
    after = add_item(before, "challenges", entry, ws.key_order("makerday"))
    change.write(path, before, after)
    change.done.append(f"Adds the challenge to the maker day **{title}**.")
