"""Forms that add a record: propose a project, sign up a council. The record is written in the
schema's key order with the schema comment first, like the example records; its id comes from
its title or name, and an id already taken is refused rather than overwritten."""

from __future__ import annotations

import contextlib
import re
import unicodedata
from typing import Any

from generator.checking.fact_rules import UK_NAMES
from generator.intake.answers import Answers
from generator.intake.change import Change
from generator.intake.edits import dump
from generator.intake.event import Event
from generator.intake.existing import TEXT_LIMIT, find_council
from generator.intake.fields import (
    FieldProblem,
    Named,
    a_date,
    clean_text,
    find_named,
    handles,
    links,
    one_line,
)
from generator.intake.workspace import Workspace
from generator.loading.files import schema_comment, suggest_id
from generator.markdown_safe import github_inline
from generator.register.authorities import Authority

_EMAIL = re.compile(r"[\w.+'-]+@[\w-]+(?:\.[\w-]+)+")
_ROLES = ("partner", "contributor", "observer")
MAX_PARTNER_LINE = 200  # a council's name and a role; longer lines are refused before any pattern
MAX_PARTNERS = 100


def record_id(text: str, kind: str, issue: int) -> tuple[str, str]:
    """The id for a new record from its title or name, and a sentence when it had to come
    from the issue's number instead (a title with no Latin letters or digits, such as
    '日本語のプロジェクト', has nothing to spell a web address with)."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    if re.search(r"[A-Za-z0-9]", ascii_text):
        return suggest_id(text), ""
    record_id = f"{kind}-{issue}"
    return record_id, (
        f"Its id is `{record_id}`, from this issue's number, because its name has no Latin "
        "letters to make a web address from; the reviewers can choose a better one."
    )


def record_text(kind: str, data: dict[str, Any]) -> str:
    return f"{schema_comment(kind)}\n{dump(data)}"


def _in_order(data: dict[str, Any], order: list[str]) -> dict[str, Any]:
    return {k: data[k] for k in order if data.get(k) not in (None, "", [], {})}


def new_project(ws: Workspace, answers: Answers, event: Event) -> Change:
    issue = event.number
    title = answers.get("title", lambda t: one_line(t, limit=100), required=True)
    lead = find_council(ws, answers, "lead_council", required=True)
    data: dict[str, Any] = {
        "title": title,
        "summary": answers.get("summary", lambda t: one_line(t, limit=200), required=True),
        "description": answers.get("description", lambda t: clean_text(t, limit=20_000)),
        "phase": answers.get("phase", required=True),
        "lead_council": lead,
        "partners": answers.get("partners", lambda t: _partners(ws, t, lead)),
        "collaboration": answers.get("collaboration"),
        "looking_for": _looking_for(answers),
        "budget": answers.get("budget"),
        "service_areas": answers.get("service_areas"),
        "links": answers.get("links", lambda t: links(clean_text(t) or "")),
        "contact": answers.get("contact", lambda t: _contact(one_line(t, limit=400) or "")),
        "maintainers": answers.get("maintainers", lambda t: handles(one_line(t) or "")),
        "started": answers.get("started", lambda t: a_date(t)),
        "updates": [],
        "challenge": answers.get("challenge", lambda t: _problem(one_line(t, limit=TEXT_LIMIT))),
    }
    if not answers.ticked("permission"):
        answers.refuse("permission", "please tick the box to say your council is happy to share.")
    project_id, id_note = record_id(str(title or ""), "project", issue)
    path = f"projects/{project_id}.yml"
    if title and ws.exists(path) and answers.problems:
        _taken(ws, answers, project_id)  # listed with the other problems
    answers.check()
    entry: dict[str, Any] = {"date": ws.today, "text": f"Proposed on Pipeline (issue #{issue})."}
    data["updates"] = [{**entry, "phase": data["phase"]}]
    text = record_text("project", _in_order(data, ws.key_order("project")))
    if ws.exists(path) and ws.text(path) != text:  # the same text: this form, run again
        _taken(ws, answers, project_id)
        answers.check()
    change = Change("new-project", f"New project: {title}", path, projects=(project_id,))
    change.write(path, ws.text(path) if ws.exists(path) else None, text)
    lead_name = github_inline(ws.council_label(str(lead)))
    change.done.append(f"Adds the project **{github_inline(str(title))}**, led by {lead_name}.")
    change.done += [id_note] if id_note else []
    change.labels = {key: answers.label(key) for key in _PROJECT_FIELDS}
    change.labels.update({"looking_for": answers.label("looking_for"), "updates": "Phase"})
    return change


def _taken(ws: Workspace, answers: Answers, project_id: str) -> None:
    existing = ws.data("project").get(project_id, {}).get("title", project_id)
    answers.refuse(
        "title",
        f"there is already a project with the id '{project_id}' ({existing}). If it is "
        "yours, please use the 'Update a project' form; if not, choose a different title.",
    )


_PROJECT_FIELDS = (
    "title",
    "summary",
    "description",
    "phase",
    "lead_council",
    "partners",
    "collaboration",
    "budget",
    "service_areas",
    "links",
    "contact",
    "maintainers",
    "started",
    "challenge",
)


def _partners(ws: Workspace, text: str, lead: str | None) -> list[dict[str, Any]]:
    """'Hackney - partner' a line; the role is optional (partner when not said)."""
    found: list[dict[str, Any]] = []
    lines = [line.strip().lstrip("-*• ").strip() for line in (clean_text(text) or "").split("\n")]
    lines = [line for line in lines if line]
    if len(lines) > MAX_PARTNERS:
        raise FieldProblem(f"name at most {MAX_PARTNERS} councils, one a line.")
    for line in lines:
        if len(line) > MAX_PARTNER_LINE:
            raise FieldProblem(
                f"each line names one council and its role; one line is {len(line):,} "
                f"characters long (the most is {MAX_PARTNER_LINE})."
            )
        words = re.split(r"\s*[-\u2013:,(]\s*|\s+", line.rstrip(")"))
        role = next((w.casefold() for w in reversed(words) if w.casefold() in _ROLES), "partner")
        name = re.sub(rf"[\s\-\u2013:,(]*\(?\b{role}\b\)?\s*$", "", line, flags=re.IGNORECASE)
        council = find_named(name.strip(), ws.councils, "council")
        if council != lead and all(p["council"] != council for p in found):
            found.append({"council": council, "role": role, "since": ws.today})
    return found


def _looking_for(answers: Answers) -> list[dict[str, str]]:
    roles = answers.get("looking_for") or []
    commitment = answers.get("commitment", lambda t: clean_text(t, limit=TEXT_LIMIT)) or ""
    options = {o.value: o.text for o in answers.form.field("looking_for").options}
    lines = [line.strip().lstrip("-*• ") for line in commitment.split("\n") if line.strip()]
    wanted = []
    for role in roles:
        name = options.get(role, role).split(": ", 1)[-1].casefold()
        said = next((line for line in lines if line.casefold().startswith(name)), None)
        if said is not None:
            said = said[len(name) :].strip(" -\u2013:")
        elif len(roles) == 1 and lines:
            said = " ".join(lines)
        entry = {"role": role}
        if said:
            entry["commitment"] = said[:200]
        wanted.append(entry)
    return wanted


def _contact(text: str) -> dict[str, str]:
    email = _EMAIL.search(text)
    name = (text[: email.start()] + text[email.end() :]) if email else text
    name = " ".join(name.strip(" ,;-\u2013()<>").split())
    contact = {"name": name} if name else {}
    if email:
        contact["email"] = email.group(0)
    if not contact:
        raise FieldProblem("write a team name and its mailbox.")
    return contact


def _problem(text: str | None) -> dict[str, str] | None:
    return {"problem": text} if text else None


def new_council(ws: Workspace, answers: Answers, event: Event) -> Change:
    typed = {
        "name": answers.get("name", lambda t: one_line(t, limit=200), required=True),
        "short_name": answers.get("short_name", lambda t: one_line(t, limit=100)),
        "gss_code": answers.get("gss_code", lambda t: (one_line(t) or "").upper()),
        "register_code": answers.get("register_code", lambda t: (one_line(t) or "").upper()),
        "type": answers.get("type", required=True),
        "nation": answers.get("nation"),
        "country": answers.get("country", lambda t: one_line(t, limit=100)),
        "region": answers.get("region", lambda t: one_line(t, limit=100)),
        "website": answers.get("website", lambda t: one_line(t, limit=2_000)),
        "joined": ws.today,
        "maintainers": answers.get("maintainers", lambda t: handles(one_line(t) or "")),
    }
    if not answers.ticked("permission"):
        answers.refuse("permission", "please tick the box to say you can sign your council up.")
    _check_place(answers, typed)
    found = None if typed["country"] else _in_register(ws.register, typed)
    data = {**typed, **(found.fields() if found else {})}
    if typed["short_name"]:
        data["short_name"] = typed["short_name"]
    council_id, id_note = record_id(
        str(data.get("short_name") or data.get("name") or ""), "council", event.number
    )
    path = f"councils/{council_id}.yml"
    if answers.problems:
        _refuse_known_council(ws, answers, data, council_id)  # listed with the other problems
    answers.check()
    text = record_text("council", _in_order(data, ws.key_order("council")))
    before = ws.text(path) if ws.exists(path) else None
    if before != text:  # the same text: this form, run again
        _refuse_known_council(ws, answers, data, council_id)
        answers.check()
    change = Change("new-council", f"New council: {data['name']}", path)
    change.write(path, before, text)
    change.done.append(f"Signs up **{github_inline(str(data['name']))}** as `{council_id}`.")
    change.done += [id_note] if id_note else []
    if found:
        change.done.append(
            "Takes its official name and codes from mySociety's register of local authorities "
            f"({found.code})."
        )
    change.labels = {key: answers.label(key) for key in typed if key != "joined"}
    return change


def _check_place(answers: Answers, typed: dict[str, Any]) -> None:
    """A body in the UK gives its nation; one outside it gives its country (and is of type
    outside-uk), and no nation or UK codes, which are never made up."""
    if typed["country"] and typed["country"].casefold() in UK_NAMES | {"united kingdom"}:
        typed["country"] = None  # the UK is the default: nothing to record
    if not typed["country"]:
        if typed["type"] == "outside-uk":
            answers.refuse("country", "give the country of a body outside the UK.")
        elif not typed["nation"]:
            answers.refuse("nation", "choose the nation of a body in the UK.")
        return
    if typed["type"] not in (None, "outside-uk"):
        answers.refuse("type", "choose “outside-uk” for a body outside the UK.")
    for key in ("nation", "gss_code", "register_code"):
        if typed[key]:
            answers.refuse(key, "leave this empty for a body outside the UK.")


def _in_register(register: list[Authority] | None, typed: dict[str, Any]) -> Authority | None:
    """The register's row for the council the form describes: by code, then by name."""
    if not register:
        return None
    for key, column in (("register_code", "code"), ("gss_code", "gss_code")):
        if typed.get(key):
            for authority in register:
                if getattr(authority, column) == typed[key]:
                    return authority
    named = [Named(a.code, (a.official_name, a.nice_name)) for a in register]
    for key in ("name", "short_name"):
        if typed.get(key):
            try:
                code = find_named(str(typed[key]), named, "council")
            except FieldProblem:
                continue
            return next(a for a in register if a.code == code)
    return None


def _refuse_known_council(
    ws: Workspace, answers: Answers, data: dict[str, Any], council_id: str
) -> None:
    named = set()
    for key in ("name", "short_name"):
        with contextlib.suppress(FieldProblem):  # not a council on Pipeline: good
            named.add(find_named(str(data.get(key) or ""), ws.councils, "council"))
    for other_id, other in ws.data("council").items():
        same_code = any(
            data.get(k) and other.get(k) == data.get(k) for k in ("gss_code", "register_code")
        )
        if other_id == council_id or other_id in named or same_code:
            answers.refuse(
                "name",
                f"{other.get('name', other_id)} is already on Pipeline as '{other_id}'. "
                "There is no need to sign it up again.",
            )
            return
