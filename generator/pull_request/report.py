"""The pull-request report: what changes, who must approve it, and what to watch out for.

Findings come from independent sources, each a function from the `PullRequest` to a list of
Problems, registered in SOURCES by name. Adding a kind of warning (for example "a similar
project exists: could you join it instead?") is one more function and one more entry.

Exit policy, decided here: warnings never fail a pull request (errors in records are
`pipeline validate`'s job); the one error is reusing the id of a deleted or renamed record
for something different, because links and history would then lead to the wrong record.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from generator.catalogue.construction import build_catalogue
from generator.git import runner
from generator.git.history import Departure, page_path
from generator.loading.files import KIND_FOLDERS, suggest_id
from generator.loading.yaml_positions import YamlProblem, load_document
from generator.ownership.codeowners import CODEOWNERS_PATH, Rule, render_codeowners
from generator.problems import Problem, error, warning
from generator.pull_request.approvals import Approval, approval_problems, approvals, owners_text
from generator.pull_request.changes import RecordChange, comparable, same_record
from generator.pull_request.findings import PullRequest, record_title
from generator.pull_request.similar_projects import duplicate_warnings

# --- Sources of findings -----------------------------------------------------------------


_DELETION_ADVICE = {
    "project": (
        "Projects are retired, not deleted: set 'phase: retired' and add an update saying why "
        "(replaced, merged into another project, stopped), so councils who link to it or want "
        "to learn from it still can."
    ),
    "council": (
        "Councils stay on Pipeline so the projects they led keep their history: if the council "
        "has left, been merged or been renamed, say so in its record instead. Every project "
        "and maker day naming it will also fail the checks."
    ),
    "makerday": (
        "Maker days are a record of what happened and what came out of them: if it was "
        "cancelled, say so in its description instead."
    ),
}


def deletion_problems(pr: PullRequest) -> list[Problem]:
    """Nothing is lost silently: every deleted record gets a warning saying what to do instead."""
    return [
        warning(
            change.path,
            1,
            1,
            f"This pull request deletes the {change.kind_word} '{pr.title(change)}' "
            f"({change.path}). Its id '{change.id}' can never be used again for a "
            f"different {change.kind_word}.",
            _DELETION_ADVICE[change.kind],
            "deleted-record",
        )
        for change in pr.changes.records
        if change.status == "deleted"
    ]


def _data(text: str) -> dict:
    try:
        data = load_document(text).data
    except YamlProblem:
        return {}
    return data if isinstance(data, dict) else {}


def id_reuse_problems(pr: PullRequest) -> list[Problem]:
    """An id that named one record must never name a different one: its page address,
    history and redirects would all lead to the wrong record."""
    problems: list[Problem] = []
    for change in pr.changes.records:
        path = change.path
        new_text = pr.text("head", path)
        if change.status == "changed":
            old_text = pr.text("base", path)
            old, new = _data(old_text), _data(new_text)
            judged = comparable(change.kind, old) and comparable(change.kind, new)
            if judged and not same_record(change.kind, old, new, old_text, new_text):
                problems.append(
                    _reuse_error(
                        change,
                        f"This change replaces the {change.kind_word} "
                        f"'{record_title(old) or change.id}' with a different one, "
                        f"'{record_title(new) or change.id}', under the same id '{change.id}'.",
                        pr,
                    )
                )
        elif (earlier := earlier_record(pr, change)) and not earlier.same:
            gone = earlier.departure
            how = f"renamed to {gone.new_path}" if gone.renamed else "deleted"
            problems.append(
                _reuse_error(
                    change,
                    f"The id '{change.id}' belonged to a different {change.kind_word}, "
                    f"'{record_title(earlier.data) or change.id}', which was {how} on "
                    f"{gone.date[:10]} (commit {gone.commit[:7]}).",
                    pr,
                )
            )
    return problems


@dataclass(frozen=True)
class EarlierRecord:
    """The record that last lived at a path this pull request (re)creates."""

    departure: Departure
    data: dict
    same: bool  # whether the new record is that one back again


def earlier_record(pr: PullRequest, change: RecordChange) -> EarlierRecord | None:
    if change.status not in ("added", "renamed") or change.path not in pr.departed:
        return None
    gone = pr.departed[change.path]
    old_text = runner.read_file(pr.root, f"{gone.commit}^", change.path) or ""
    new_text = pr.text("head", change.path)
    old, new = _data(old_text), _data(new_text)
    if not (comparable(change.kind, old) and comparable(change.kind, new)):
        return None  # unreadable or incomplete: `pipeline validate` says why
    return EarlierRecord(gone, old, same_record(change.kind, old, new, old_text, new_text))


def _reuse_error(change: RecordChange, message: str, pr: PullRequest) -> Problem:
    record = pr.head_records.get(change.path)
    suggestion = suggest_id(record_title(record.data)) if record else ""
    taken = set(pr.head_records) | set(pr.departed)
    folder = KIND_FOLDERS[change.kind]
    if not suggestion or suggestion == change.id or f"{folder}/{suggestion}.yml" in taken:
        suggestion = f"{change.id}-2"
    return error(
        change.path,
        1,
        1,
        message,
        "Ids are never reused, so links to the old one do not lead here: give this "
        f"{change.kind_word} its own file name, for example {folder}/{suggestion}.yml.",
        "id-reused",
    )


def validation_problems(pr: PullRequest) -> list[Problem]:
    """`pipeline validate`'s warnings for the changed records (its errors fail that check)."""
    return pr.head_check.warnings


def similar_project_problems(pr: PullRequest) -> list[Problem]:
    """A new or changed project that looks like one already on Pipeline: could its council
    join that one instead of building the same thing again?"""
    changed = [
        c.id
        for c in pr.changes.records
        if c.kind == "project" and c.head_path and c.status != "deleted"
    ]
    if not changed or not pr.head_check.ok:
        return []  # invalid records are `pipeline validate`'s to explain first
    catalogue = build_catalogue(pr.head_check.records, pr.head_tree)
    present = [project_id for project_id in changed if project_id in catalogue.projects]
    return duplicate_warnings(catalogue, present, root=pr.head_tree)


Source = Callable[[PullRequest], list[Problem]]

# name -> source. The GitHub output leaves out "validation": `pipeline validate` annotates
# those already.
SOURCES: dict[str, Source] = {
    "approval": approval_problems,
    "deletion": deletion_problems,
    "id-reuse": id_reuse_problems,
    "similar": similar_project_problems,
    "validation": validation_problems,
}


# --- Notes: things worth knowing that need no action --------------------------------------


def notes(pr: PullRequest) -> list[str]:
    found: list[str] = []
    if pr.shallow:
        found.append(
            "This clone has only part of the history, so ids deleted before it were not "
            "checked for reuse. Fetch the full history (actions/checkout with fetch-depth: 0)."
        )
    committed = runner.read_file(pr.root, pr.base, CODEOWNERS_PATH)
    if committed is None:
        found.append(
            f"The base branch has no {CODEOWNERS_PATH} yet, so GitHub will not ask anyone to "
            "approve these changes until one is merged."
        )
    elif committed != render_codeowners(pr.base_ownership):
        found.append(
            f"The base branch's {CODEOWNERS_PATH} does not match its records; GitHub follows "
            "the file, so the approvals it asks for may differ from those listed here."
        )
    head_file = runner.read_file(pr.root, pr.head, CODEOWNERS_PATH)
    if head_file is not None and head_file != render_codeowners(pr.head_ownership):
        found.append(
            f"{CODEOWNERS_PATH} no longer matches the records on this branch: run "
            "pipeline codeowners and commit the result (the CODEOWNERS check fails until then)."
        )
    for change in pr.changes.records:
        if change.status == "renamed" and change.old_path:
            found.append(
                f"{change.old_path} becomes {change.path}: the id changes from "
                f"'{change.old_id}' to '{change.id}'. The old page, {page_path(change.old_path)}, "
                f"will redirect to {page_path(change.path)}, and the record's page links to "
                "its history under both names."
            )
        earlier = earlier_record(pr, change)
        if earlier and earlier.same:
            gone = earlier.departure
            found.append(
                f"{change.path} was {'renamed' if gone.renamed else 'deleted'} on "
                f"{gone.date[:10]}; this brings the same {change.kind_word} back."
            )
        if change.status == "changed":
            before = pr.base_ownership.rule_for(change.path)
            after = pr.head_ownership.rule_for(change.path)
            if before.owners != after.owners:
                found.append(
                    f"This changes who looks after {change.path}, from {owners_text(before)} "
                    f"to {owners_text(after)}. The people looking after it now approve the "
                    "change."
                )
    errors = len(pr.head_check.errors)
    if errors:
        found.append(
            f"The changed records have {errors} error{'s' * (errors != 1)}: the "
            "pipeline validate check lists them, line by line."
        )
    return found


# --- The whole report -----------------------------------------------------------------------


@dataclass(frozen=True)
class OtherFile:
    """A changed file that is not a record, and the rule GitHub applies to it."""

    path: str
    status: str  # Git's letter
    rule: Rule

    @property
    def status_word(self) -> str:
        return {"A": "added", "D": "deleted", "R": "renamed"}.get(self.status, "changed")


@dataclass
class Review:
    base: str
    head: str
    author: str | None
    approvals: list[Approval]
    titles: dict[str, str]  # record path (head, or base for deletions) -> title
    other_files: list[OtherFile]
    findings: dict[str, list[Problem]]  # source name -> problems
    notes: list[str]

    @property
    def problems(self) -> list[Problem]:
        """Every finding, errors first, then by file and line."""
        found = (p for problems in self.findings.values() for p in problems)
        return sorted(found, key=lambda p: (not p.is_error, p))

    @property
    def failed(self) -> bool:
        return any(p.is_error for p in self.problems)


def review(pr: PullRequest, sources: dict[str, Source] | None = None) -> Review:
    chosen = SOURCES if sources is None else sources
    return Review(
        base=pr.base,
        head=pr.head,
        author=pr.author,
        approvals=approvals(pr),
        titles={c.path: pr.title(c) for c in pr.changes.records},
        other_files=[
            OtherFile(c.path, c.status, pr.base_ownership.rule_for(c.old_path or c.path))
            for c in pr.changes.other
        ],
        findings={name: sorted(source(pr)) for name, source in chosen.items()},
        notes=notes(pr),
    )
