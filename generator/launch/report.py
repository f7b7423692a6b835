"""The doctor's verdict as text for people (each check, and for each one missing, what and how
to fix it) or JSON for scripts."""

from __future__ import annotations

import json

from generator.launch.doctor import Diagnosis
from generator.launch.registry import Finding, Status
from generator.reporting import problem_data, shown

# Words, not only symbols, so a screen reader says the verdict.
_MARKS = {
    Status.PASSED: "passed ",
    Status.MISSING: "MISSING",
    Status.UNKNOWN: "UNKNOWN",
    Status.SKIPPED: "skipped",
}


def text(diagnosis: Diagnosis) -> str:
    lines = [f"Checking {diagnosis.repo} (default branch {diagnosis.branch}) for launch.", ""]
    for finding in diagnosis.findings:
        mark = _MARKS[finding.status]
        if not finding.required and finding.status in (Status.MISSING, Status.UNKNOWN):
            mark = "advice "
        lines.append(f"[{mark}] {finding.title}")
        if finding.status is not Status.PASSED and finding.detail:
            lines.append(f"    {shown(finding.detail)}")
        if finding.status is not Status.PASSED and finding.fix:
            lines.append(f"    fix: {shown(finding.fix)}")
    lines.append("")
    if diagnosis.placeholders:
        lines.append(f"Placeholders still in use ({len(diagnosis.placeholders)}):")
        for problem in diagnosis.placeholders:
            place = f"{shown(problem.path)}:{problem.line}:{problem.column}"
            lines.append(f"    {place}: {shown(problem.message)}")
            lines.append(f"        fix: {shown(problem.hint)}")
        lines.append("")
    lines.append(_verdict(diagnosis))
    return "\n".join(lines)


def _verdict(diagnosis: Diagnosis) -> str:
    required = [f for f in diagnosis.findings if f.required]
    failed = diagnosis.failures
    if not failed:
        extra = (
            " Replace the placeholders above before you announce it."
            if diagnosis.placeholders
            else ""
        )
        return f"Ready: all {len(required)} required checks passed.{extra}"
    names = ", ".join(f.id for f in failed)
    return (
        f"Not ready: {len(failed)} of {len(required)} required checks need fixing ({names}). "
        "Fix them as above and run `pipeline doctor` again."
    )


def as_json(diagnosis: Diagnosis) -> str:
    return json.dumps(
        {
            "repository": diagnosis.repo,
            "branch": diagnosis.branch,
            "ok": diagnosis.ok,
            "checks": [_finding(f) for f in diagnosis.findings],
            "placeholders": [problem_data(p) for p in diagnosis.placeholders],
        },
        indent=2,
        ensure_ascii=False,
    )


def _finding(finding: Finding) -> dict[str, object]:
    return {
        "id": finding.id,
        "title": finding.title,
        "required": finding.required,
        "status": finding.status.value,
        "detail": finding.detail,
        "fix": finding.fix,
    }
