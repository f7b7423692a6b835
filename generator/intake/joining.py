"""Joining a project signs the council up to Pipeline in the same change (issue 29).

A council named in the join form that is not on Pipeline but is in the register of UK local
authorities gets its record from the register, signed up today; a council Pipeline has a
record of (named in a project) that has not signed up yet is signed up. A council found in
neither is pointed to the sign-up form, and the request to join is kept: editing the issue
once the council is on Pipeline checks it again.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from generator.intake.answers import Answers
from generator.intake.change import Change
from generator.intake.edits import dump, set_value
from generator.intake.fields import FieldProblem, Named, find_named
from generator.intake.workspace import Workspace
from generator.loading.files import schema_comment, suggest_id
from generator.markdown_safe import github_inline
from generator.register.authorities import Authority


@dataclass
class Joiner:
    """The council a join names, and what signing it up adds to the change."""

    id: str
    new_record: dict[str, Any] | None = None  # from the register: a council new to Pipeline
    sign_up: bool = False  # on Pipeline (named in projects) but not signed up yet
    notes: list[str] = field(default_factory=list)


def find_joiner(ws: Workspace, answers: Answers, field_id: str) -> Joiner | None:
    """The council the join names, or None with the problem noted on `answers`."""
    text = answers.values.get(field_id)
    if not isinstance(text, str) or not text.strip():
        answers.refuse(field_id, "this needs an answer.")
        return None
    try:
        council_id = find_named(text, ws.councils, "council")
    except FieldProblem as missing:
        found = _in_register(ws, text)
        if found is None:
            answers.refuse(
                field_id,
                f"{missing} If your council is not on Pipeline yet, sign it up first with the "
                "Sign up your council form; then edit this issue, and your request to join is "
                "checked again.",
            )
            return None
        data = {**found.fields(), "joined": ws.today}
        council_id = suggest_id(str(data.get("short_name") or data["name"]))
        if council_id in ws.data("council"):
            answers.refuse(field_id, f"'{council_id}' is already another council's id.")
            return None
        return Joiner(council_id, new_record=data)
    joined = ws.data("council").get(council_id, {}).get("joined")
    return Joiner(council_id, sign_up=not joined)


def _in_register(ws: Workspace, text: str) -> Authority | None:
    """The register's current authority the text names, if a record can be made from it."""
    usable = [a for a in ws.register or () if a.is_current(ws.today) and not a.unusable]
    named = [Named(a.code, (a.official_name, a.nice_name)) for a in usable]
    try:
        code = find_named(text, named, "council")
    except FieldProblem:
        return None
    return next(a for a in usable if a.code == code)


def sign_up(ws: Workspace, joiner: Joiner, change: Change) -> None:
    """Add the council's record (or its `joined` date) to the change."""
    path = f"councils/{joiner.id}.yml"
    if joiner.new_record is not None:
        order = ws.key_order("council")
        data = {k: joiner.new_record[k] for k in order if joiner.new_record.get(k)}
        change.write(path, None, f"{schema_comment('council')}\n{dump(data)}")
        name = github_inline(str(data["name"]))
        change.done.append(
            f"Signs up **{name}** to Pipeline as `{joiner.id}`, with its official name and "
            "codes from mySociety's register of local authorities: it was not on Pipeline yet."
        )
    elif joiner.sign_up:
        before = ws.text(path)
        change.write(path, before, set_value(before, "joined", ws.today, ws.key_order("council")))
        name = github_inline(ws.council_label(joiner.id))
        change.done.append(
            f"Signs up **{name}** to Pipeline from {ws.today}: it was named in projects but had "
            "not signed up."
        )
