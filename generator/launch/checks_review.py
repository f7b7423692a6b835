"""Checks that every change to the records is reviewed: protection of the default branch
(classic or rulesets), code-owner review, stale approvals dismissed, Checks required, and a
CODEOWNERS file GitHub can read."""

from __future__ import annotations

from generator.launch.facts import Facts
from generator.launch.registry import PASSED, Status, check, unknown


def _rules_page(facts: Facts) -> str:
    return (
        f"Add a branch ruleset for {facts.branch} on {facts.settings('rules/new')} "
        "(or a branch protection rule on "
        f"{facts.settings('branches')})"
    )


@check("protection", "The default branch changes only through pull requests")
def _protection(facts: Facts) -> tuple[Status, str, str]:
    found = facts.protection
    if found.pull_requests:
        return PASSED
    if found.unreadable and not found.sources:
        answer = facts.get(f"branches/{facts.branch}/protection")
        return unknown(answer, facts)
    return (
        Status.MISSING,
        f"{facts.branch} is not protected: anyone with write access can change records "
        "without the council's approval.",
        f"{_rules_page(facts)}: require a pull request before merging, with review from Code "
        "Owners, dismissing stale approvals when new commits are pushed, and the status check "
        f"'{facts.checks_job}'. docs/launch.md has the ruleset as a gh command.",
    )


def _needs_protection(facts: Facts) -> tuple[Status, str, str] | None:
    if facts.protection.pull_requests:
        return None
    if facts.protection.unreadable and not facts.protection.sources:
        return Status.SKIPPED, f"{facts.branch}'s protection could not be read (see above).", ""
    return Status.SKIPPED, f"{facts.branch} is not protected (see above).", ""


@check("code-owner-review", "Each change needs approval from the records' code owners")
def _code_owner_review(facts: Facts) -> tuple[Status, str, str]:
    if skipped := _needs_protection(facts):
        return skipped
    if facts.protection.code_owner_review:
        return PASSED
    return (
        Status.MISSING,
        "Pull requests do not need a code owner's approval, so a council's maintainers "
        "(.github/CODEOWNERS) are not asked before their records change.",
        f"{_rules_page(facts)}: tick 'Require review from Code Owners'.",
    )


@check(
    "stale-reviews-dismissed",
    "An approval is dismissed when new commits are pushed (Intake relies on it)",
)
def _stale_reviews(facts: Facts) -> tuple[Status, str, str]:
    if skipped := _needs_protection(facts):
        return skipped
    if facts.protection.dismiss_stale_reviews:
        return PASSED
    return (
        Status.MISSING,
        "An approval stays after new commits are pushed, so an intake pull request could "
        "change after a maintainer approved it and still be merged.",
        f"{_rules_page(facts)}: tick 'Dismiss stale pull request approvals when new commits "
        "are pushed'.",
    )


@check("checks-required", "The Checks workflow must pass before a pull request is merged")
def _checks_required(facts: Facts) -> tuple[Status, str, str]:
    if skipped := _needs_protection(facts):
        return skipped
    job = facts.checks_job
    if job in facts.protection.status_checks:
        return PASSED
    others = ", ".join(sorted(facts.protection.status_checks)) or "none"
    return (
        Status.MISSING,
        f"The status check '{job}' is not required (required now: {others}).",
        f"{_rules_page(facts)}: under 'Require status checks to pass', add '{job}' (it can be "
        "chosen once the Checks workflow has run on a pull request).",
    )


@check("codeowners", "GitHub reads .github/CODEOWNERS without errors")
def _codeowners(facts: Facts) -> tuple[Status, str, str]:
    answer = facts.get("codeowners/errors")
    fix = (
        "Make each team and person in pipeline.yml (core_maintainers) and in the council "
        "records exist with write access, then run `pipeline codeowners` and commit the file."
    )
    if answer.status == 404:
        return Status.MISSING, f"There is no CODEOWNERS file on {facts.branch}.", fix
    if not answer.ok:
        return unknown(answer, facts)
    errors = answer.body.get("errors", []) if isinstance(answer.body, dict) else []
    if not errors:
        return PASSED
    lines = "; ".join(
        f"line {e.get('line')}: {e.get('kind')} ({e.get('suggestion') or e.get('source', '')})"
        for e in errors[:5]
        if isinstance(e, dict)
    )
    more = f" and {len(errors) - 5} more" if len(errors) > 5 else ""
    return Status.MISSING, f"GitHub ignores some owners: {lines}{more}.", fix
