"""The pull-request report in three forms: Markdown for the job summary, GitHub annotations
for the changed files, JSON for scripts.

Record titles and file names come from the pull request, so in Markdown every piece of text is
escaped and every link built here; nothing a record says can add a link, image or HTML.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Iterable
from urllib.parse import quote

from generator.markdown_safe import github_inline
from generator.problems import Problem
from generator.pull_request.approvals import Approval, owners_text
from generator.pull_request.report import OtherFile, Review
from generator.reporting import github_annotation, problem_data

ANNOTATION_TITLE = "Pipeline pull-request check"
# Findings `pipeline validate` already annotates; the report's own annotations leave them out.
ANNOTATED_ELSEWHERE = ("validation",)


# What may follow a whole handle: not another character of a name (a '.' only at a sentence's end).
_HANDLE_GOES_ON = r"(?![A-Za-z0-9_/\\-]|\.[A-Za-z0-9_-])"


def md(text: str, live: Iterable[str] = ()) -> str:
    """Plain text for one line of the report. Only the handles in `live`, the owners asked to
    approve, stay mentions: an '@' in a record's title or a council's name notifies nobody."""
    escaped = github_inline(text)
    for handle in sorted(set(live), key=len, reverse=True):
        quiet, loud = github_inline(handle), github_inline(handle, mentions=True)
        # Whole handles only: '@alice' live must not wake '@alice-evil' in the same line.
        escaped = re.sub(re.escape(quiet) + _HANDLE_GOES_ON, loud.replace("\\", "\\\\"), escaped)
    return escaped


def _owners(approval: Approval) -> set[str]:
    rules = [*approval.required, *([approval.after] if approval.after else [])]
    return {handle for rule in rules for handle in rule.owners}


def code(text: str) -> str:
    """A file name as code, unless it could break out of the code span."""
    return f"`{text}`" if "`" not in text and text.isprintable() else md(text)


def _link(path: str, repo_url: str, commit: str) -> str:
    if not repo_url:
        return code(path)
    return f"[{code(path)}]({repo_url.rstrip('/')}/blob/{commit}/{quote(path)})"


def _file_cell(approval: Approval, review: Review, repo_url: str) -> str:
    change = approval.change
    if change.status == "deleted":
        return _link(change.path, repo_url, review.base)
    if change.status == "renamed" and change.old_path:
        old = _link(change.old_path, repo_url, review.base)
        return f"{old} → {_link(change.path, repo_url, review.head)}"
    return _link(change.path, repo_url, review.head)


def _count(review: Review) -> str:
    counts = Counter(a.change.status for a in review.approvals)
    total = sum(counts.values())
    if not total:
        return "No records change."
    parts = ", ".join(
        f"{counts[s]} {s}" for s in ("added", "changed", "renamed", "deleted") if counts[s]
    )
    return f"{total} record{'s' * (total != 1)} change: {parts}."


def markdown(review: Review, repo_url: str = "") -> str:
    """The job summary: the changes, who must approve each, warnings, and notes."""
    out = ["## Pipeline: what this pull request changes", "", _count(review), ""]
    if review.approvals:
        out += ["| Change | Record | File |", "|---|---|---|"]
        for approval in review.approvals:
            change = approval.change
            title = review.titles.get(change.path) or change.id
            out.append(
                f"| {change.status.capitalize()} {change.kind_word} | {md(title)} "
                f"| {_file_cell(approval, review, repo_url)} |"
            )
        out.append("")
    if review.approvals or review.other_files:
        out += ["### Who must approve", ""]
        out += [f"- {md(a.sentence(), _owners(a))}" for a in review.approvals]
        out += _other_files(review)
        if review.author:
            out += [
                "",
                f"Opened by {md(review.author)}. GitHub does not let anyone approve their own "
                "pull request; where a team must approve, any member of it can.",
            ]
        out.append("")
    problems = review.problems
    if problems:
        errors = sum(p.is_error for p in problems)
        heading = f"### Warnings ({len(problems) - errors})"
        if errors:
            heading = f"### Errors ({errors}) and warnings ({len(problems) - errors})"
        out += [heading, ""]
        out += [_problem_line(p) for p in problems]
        out.append("")
    if review.notes:
        out += ["### Good to know", ""]
        out += [f"- {md(note)}" for note in review.notes]
        out.append("")
    out.append(
        f"<sub>Compared {review.base[:7]} (base) with {review.head[:7]} (this pull request). "
        "Owners come from the records through .github/CODEOWNERS (`pipeline codeowners`).</sub>"
    )
    return "\n".join(out) + "\n"


def _other_files(review: Review, shown: int = 10) -> list[str]:
    """Files that are not records, grouped by who must approve them."""
    groups: dict[tuple[str, ...], list[OtherFile]] = {}
    for file in review.other_files:
        groups.setdefault(file.rule.owners, []).append(file)
    lines = []
    for files in groups.values():
        rule = files[0].rule
        names = ", ".join(f"{code(f.path)} ({f.status_word})" for f in files[:shown])
        more = f" and {len(files) - shown} more" if len(files) > shown else ""
        count = f"{len(files)} other file{'s' * (len(files) != 1)}"
        lines.append(
            f"- {md(_capital(rule.who()))} must approve {count}: {names}{more}. "
            f"Owners: {md(owners_text(rule), rule.owners)}."
        )
    return lines


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]


def _problem_line(problem: Problem) -> str:
    label = "**Error**" if problem.is_error else "Warning"
    return f"- {label}, {code(problem.path)}: {md(problem.text)}"


def annotations(review: Review) -> list[str]:
    """GitHub workflow commands, one per finding (validation's are annotated by validate)."""
    lines = [
        github_annotation(problem, ANNOTATION_TITLE)
        for name, found in sorted(review.findings.items())
        if name not in ANNOTATED_ELSEWHERE
        for problem in found
    ]
    lines.append(_count(review))
    return lines


def as_json(review: Review) -> str:
    return json.dumps(
        {
            "base": review.base,
            "head": review.head,
            "author": review.author,
            "records": [
                {
                    "kind": a.change.kind,
                    "id": a.change.id,
                    "status": a.change.status,
                    "path": a.change.path,
                    "old_path": a.change.old_path,
                    "title": review.titles.get(a.change.path) or a.change.id,
                    "must_approve": [
                        {"who": rule.who(), "owners": list(rule.owners)} for rule in a.required
                    ],
                    "maintained_after": list(a.after.owners) if a.after else None,
                    "summary": a.sentence(),
                }
                for a in review.approvals
            ],
            "other_files": [
                {"path": f.path, "status": f.status_word, "owners": list(f.rule.owners)}
                for f in review.other_files
            ],
            "problems": [
                {"source": name, **problem_data(p)}
                for name, found in review.findings.items()
                for p in found
            ],
            "notes": review.notes,
            "failed": review.failed,
        },
        indent=2,
    )
